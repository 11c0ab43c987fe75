#pragma once
#include <QObject>
#include <QUrl>
#include <QVariant>

#include <memory>

class QSettings;
class QTemporaryFile;

/// The tray client's settings: one facade with typed keys over QSettings (INI). Values an administrator
/// sets in the system-wide policy file (/etc/xdg/MPS/mps-client.conf) win over the user's own and
/// cannot be changed here. Nothing secret is ever stored here: the session token lives in the
/// keychain (TokenStore).
class ClientSettings : public QObject
{
    Q_OBJECT
public:
    /// Every setting the client knows. Names and defaults are in one table in ClientSettings.cpp.
    enum class Key {
        ServerUrl,              ///< QUrl: the server, e.g. https://print.example.org:8631
        CertificateFingerprint, ///< QString: pinned SHA-256 of the server certificate, "AB:CD:..."
        Username,               ///< QString: the last user who signed in
        Language,               ///< QString: "ko", "en" or empty for the system language
        ShowNotifications,      ///< bool: show tray notifications
        MyJobsGeometry,         ///< QByteArray: saved geometry of the My jobs window
        UsageGeometry,          ///< QByteArray: saved geometry of the Usage window
        LastPrinter,            ///< QString: the printer the user released to last
    };
    Q_ENUM(Key)

    /// Opens the user's settings file (~/.config/MPS/mps-client.conf) and the system policy file.
    explicit ClientSettings(QObject* parent = nullptr);
    /// Opens `userFile` and, when not empty, the read-only policy file `policyFile`.
    ClientSettings(const QString& userFile, const QString& policyFile, QObject* parent = nullptr);
    ~ClientSettings() override;

    /// Returns a new instance on an empty temporary file (removed with the instance), for tests.
    static std::unique_ptr<ClientSettings> createTempFileInstance(const QString& policyFile = {});

    /// Returns the INI key under which `key` is stored, e.g. "server/url".
    static QString keyName(Key key);
    /// Returns the default of `key`.
    static QVariant defaultValue(Key key);

    /// Returns the value of `key`: the policy's if set there, else the user's, else the default.
    QVariant value(Key key) const;
    /// Stores `value` for `key` and emits changed(key) when it differs. Ignored for a locked key;
    /// returns false then.
    bool setValue(Key key, const QVariant& value);
    /// Removes the user's value of `key` so the default (or policy) applies again.
    void reset(Key key);
    /// Returns true when the policy file fixes `key`.
    bool isLocked(Key key) const;
    /// Writes pending changes to disk; returns false when the file cannot be written.
    [[nodiscard]] bool sync();
    /// Returns the path of the user's settings file.
    QString fileName() const;

    /// Returns the server address (empty when not configured).
    QUrl serverUrl() const { return value(Key::ServerUrl).toUrl(); }
    /// Sets the server address.
    void setServerUrl(const QUrl& url) { setValue(Key::ServerUrl, url); }
    /// Returns the pinned certificate fingerprint ("AB:CD:...", empty when none).
    QString certificateFingerprint() const { return value(Key::CertificateFingerprint).toString(); }
    /// Pins the certificate with this fingerprint.
    void setCertificateFingerprint(const QString& fp) { setValue(Key::CertificateFingerprint, fp); }
    /// Returns the last user name.
    QString username() const { return value(Key::Username).toString(); }
    /// Sets the last user name.
    void setUsername(const QString& name) { setValue(Key::Username, name); }
    /// Returns the chosen language ("ko", "en") or empty for the system's.
    QString language() const { return value(Key::Language).toString(); }
    /// Returns the printer released to last (empty when none).
    QString lastPrinter() const { return value(Key::LastPrinter).toString(); }
    /// Returns whether tray notifications are shown.
    bool showNotifications() const { return value(Key::ShowNotifications).toBool(); }

Q_SIGNALS:
    /// Emitted after the effective value of `key` changed.
    void changed(ClientSettings::Key key);

private:
    std::unique_ptr<QTemporaryFile> m_tempFile; // first, so it is removed after QSettings wrote its last
    std::unique_ptr<QSettings> m_user;
    std::unique_ptr<QSettings> m_policy;
};
