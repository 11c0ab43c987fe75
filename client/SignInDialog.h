#pragma once
#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <QUrl>

class ApiClient;
class ApiReply;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

/// Asks for the server address, user name and password and opens a session on an ApiClient.
/// The first time it meets a server (or when the server's certificate changed) it shows the
/// certificate's SHA-256 fingerprint and goes on only when the user trusts it; the client then pins
/// it. Everything runs asynchronously: the dialog stays responsive and can be cancelled at any time.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    /// Where the dialog is in its flow.
    enum class Step {
        Editing,             ///< waiting for the user
        CheckingCertificate, ///< fetching the server's certificate
        ConfirmCertificate,  ///< showing the fingerprint for the user to trust
        SigningIn,           ///< waiting for the server to check the password
    };
    Q_ENUM(Step)

    /// Creates the dialog for signing in through `api` (which must outlive it).
    explicit SignInDialog(ApiClient* api, QWidget* parent = nullptr);
    ~SignInDialog() override;

    /// Pre-fills the server address.
    void setServerUrl(const QUrl& url);
    /// Pre-fills the user name.
    void setUsername(const QString& name);
    /// Pre-fills the password (screenshot mode only; people type it).
    void setPassword(const QString& password);
    /// Returns a certificate's SHA-256 fingerprint ("AB:CD:...") as its check code for people: 16 groups
    /// of 4 hex digits on two lines ("ABCD EF01 ...").
    static QString checkCode(const QString& fingerprint);
    /// Says which certificate fingerprint ("AB:CD:...") is already trusted for `server`; it is not
    /// asked for again while the address stays the same.
    void setTrustedCertificate(const QUrl& server, const QString& fingerprint);
    /// Shows `message` above the form, e.g. why the user has to sign in again.
    void setMessage(const QString& message);

    /// Returns the current step.
    Step step() const { return m_step; }
    /// Returns the fingerprint the dialog is showing for confirmation (empty when none).
    QString shownFingerprint() const { return m_probedFingerprint; }
    /// Returns the error sentence currently shown (empty when none).
    QString errorText() const;

    /// Turns what a person typed into a server address: a bare host name gets https:// and the
    /// default MPS port 8631. Returns an invalid QUrl when the text cannot be an address.
    static QUrl parseServerUrl(const QString& text);

public Q_SLOTS:
    /// Starts signing in (the "Sign in" button): checks the certificate first where needed.
    void submit();
    /// Trusts the shown certificate and signs in (the "Trust and sign in" button).
    void trustCertificate();
    void reject() override;

Q_SIGNALS:
    /// The server accepted the password; the token is now set on the ApiClient. `user` is the
    /// server's description of the user ({name, department, role, ...}).
    void signedIn(const QJsonObject& user);
    /// The step changed.
    void stepChanged(SignInDialog::Step step);

private:
    void setStep(Step step);
    void showError(const QString& message);
    void login();
    void onCertificateProbed(const QString& fingerprint, const QString& subject, bool trustedBySystem);
    void onCertificateProbeFailed(const QString& message);
    void updateButtons();

    ApiClient* m_api;
    QPointer<ApiReply> m_reply;
    QUrl m_server;
    QUrl m_trustedServer;
    QString m_trustedFingerprint;
    QString m_probedFingerprint;
    bool m_certificateChanged = false;
    Step m_step = Step::Editing;

    QLabel* m_message;
    QLineEdit* m_serverEdit;
    QLineEdit* m_userEdit;
    QLineEdit* m_passwordEdit;
    QGroupBox* m_certificateBox;
    QLabel* m_certificateText;
    QLabel* m_fingerprint;
    QLabel* m_error;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
    QPushButton* m_signInButton;
    QPushButton* m_trustButton;
};
