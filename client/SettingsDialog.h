#pragma once
#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class ApiClient;
class ClientSettings;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

/// The tray app's settings: language (applied at once), notifications, and (read-only) the server and
/// the check code of the certificate it trusts; the signed-in person by display name and, when they
/// have a fingerprint stored for the kiosks, a way to delete it. Settings the administrator fixed by
/// policy are shown but cannot be changed.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /// Creates the dialog over `settings` (which must outlive it). Changes apply on "Save". `api` and
    /// `user` (the signed-in user's JSON: "displayName", "hasFingerprint") are optional.
    explicit SettingsDialog(ClientSettings* settings, QWidget* parent = nullptr, ApiClient* api = nullptr,
                            const QJsonObject& user = {});

    /// Writes the dialog's values into the settings, switches the language if it changed, and closes.
    void accept() override;

    /// Asks whether to delete my fingerprint, saying what happens; deletes it on "Delete".
    void confirmDeleteFingerprint();

Q_SIGNALS:
    /// My fingerprint was deleted on the server.
    void fingerprintDeleted();

private:
    void deleteFingerprint();

    ClientSettings* m_settings;
    QPointer<ApiClient> m_api;
    QComboBox* m_language;
    QCheckBox* m_notifications;
    QPushButton* m_deleteFingerprint = nullptr;
    QLabel* m_fingerprintStatus = nullptr;
};
