#pragma once
#include <QObject>
#include <QString>

class QTranslator;

/// Switches the kiosk's language at run time: installs mps_kiosk_<lang>.qm (from :/i18n) and Qt's own
/// translations, and sets the default locale for dates and numbers.
class KioskTranslations : public QObject
{
    Q_OBJECT
public:
    explicit KioskTranslations(QObject* parent = nullptr);

    /// Switches to `language` ("ko" or "en"; anything else means "en"). Returns false when our
    /// translation file could not be loaded (the texts then stay in English).
    bool setLanguage(const QString& language);
    /// Returns the current language ("ko" or "en").
    QString language() const { return m_language; }

private:
    QTranslator* m_ours = nullptr;
    QTranslator* m_qt = nullptr;
    QString m_language;
};
