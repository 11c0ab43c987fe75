#include "KioskTranslations.h"

#include "KioskLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

KioskTranslations::KioskTranslations(QObject* parent) : QObject(parent) {}

bool KioskTranslations::setLanguage(const QString& language)
{
    m_language = language == QLatin1String("ko") ? language : QStringLiteral("en");
    const QLocale locale = m_language == QLatin1String("ko")
                               ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                               : QLocale(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(locale);
    for (QTranslator* t : {m_ours, m_qt}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    m_qt = new QTranslator(this);
    if (m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(m_qt);
    } else {
        delete m_qt;
        m_qt = nullptr;
    }
    m_ours = new QTranslator(this);
    if (!m_ours->load(QStringLiteral(":/i18n/mps_kiosk_%1.qm").arg(m_language))) {
        qCWarning(lcKioskUi) << "no translation for" << m_language;
        delete m_ours;
        m_ours = nullptr;
        return false;
    }
    QCoreApplication::installTranslator(m_ours);
    return true;
}
