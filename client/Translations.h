#pragma once
#include <QLocale>
#include <QString>

class QCoreApplication;

/// Chooses the user interface language and installs its translations: Korean when asked for ("ko") or
/// when the system locale is Korean and nothing else was asked for, English otherwise.
class Translations
{
public:
    /// Returns the language to use ("ko" or "en") for the requested one ("ko", "en" or empty for
    /// the system's) and the system locale `system`.
    static QString resolve(const QString& requested, const QLocale& system = QLocale::system());

    /// Installs the translations of `language` ("ko" or "en") into `app` (ours from :/i18n and Qt's own
    /// for standard dialogs) and makes its locale the default for dates and numbers. Returns false when
    /// our translation file could not be loaded.
    static bool install(QCoreApplication* app, const QString& language);
};
