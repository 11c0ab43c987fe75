#pragma once
#include <QDialog>

class ClientSettings;
class QCheckBox;
class QComboBox;

/// The tray app's settings: language, notifications, and (read-only) the server and the certificate
/// fingerprint it trusts. Settings the administrator fixed by policy are shown but cannot be changed.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /// Creates the dialog over `settings` (which must outlive it). Changes apply on "Save".
    explicit SettingsDialog(ClientSettings* settings, QWidget* parent = nullptr);

    /// Writes the dialog's values into the settings and closes it.
    void accept() override;

private:
    ClientSettings* m_settings;
    QComboBox* m_language;
    QCheckBox* m_notifications;
};
