#include "Translations.h"

#include "ClientLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

QString Translations::resolve(const QString& requested, const QLocale& system)
{
    if (requested == QLatin1String("ko") || requested == QLatin1String("en"))
        return requested;
    return system.language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

bool Translations::install(QCoreApplication* app, const QString& language)
{
    const QLocale locale = language == QLatin1String("ko") ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                                           : QLocale(QLocale::English, QLocale::UnitedStates);
    // Keep the system's own locale when it speaks the chosen language (en_GB dates for a British user).
    if (QLocale::system().language() != locale.language())
        QLocale::setDefault(locale);

    // A language change at run time replaces the translators installed before (LanguageChange follows).
    for (QTranslator* old : app->findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* ours = new QTranslator(app);
    if (!ours->load(QStringLiteral(":/i18n/mps_%1.qm").arg(language))) {
        qCWarning(lcClientUi) << "no translation for" << language;
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    return true;
}
