#include "SignInDialog.h"

#include "ApiClient.h"
#include "ClientLog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int DefaultPort = 8631;

} // namespace

QString SignInDialog::checkCode(const QString& fingerprint)
{
    // "AB:CD:EF:01:..." (SHA-256, 32 bytes) as 16 groups of 4 hex digits on two lines of 8 groups: short
    // groups are easier to compare by eye and read out over the phone.
    QString hex = fingerprint;
    hex.remove(QLatin1Char(':')).remove(QLatin1Char(' '));
    hex = hex.toUpper();
    if (hex.size() != 64)
        return fingerprint;
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups << hex.mid(i, 4);
    return groups.mid(0, 8).join(QLatin1Char(' ')) + QLatin1Char('\n') + groups.mid(8).join(QLatin1Char(' '));
}

SignInDialog::SignInDialog(ApiClient* api, QWidget* parent) : QDialog(parent), m_api(api)
{
    setWindowTitle(tr("Sign in - MPS Secure Print"));
    setObjectName(QStringLiteral("signInDialog"));

    auto* title = new QLabel(tr("Sign in to MPS Secure Print"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    title->setFont(tf);
    auto* intro = new QLabel(tr("Sign in with your staff account to see the documents you printed and "
                                "release them at any printer."),
                             this);
    intro->setWordWrap(true);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_serverEdit = new QLineEdit(this);
    m_serverEdit->setObjectName(QStringLiteral("server"));
    m_serverEdit->setPlaceholderText(tr("https://print.example.org:8631"));
    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("username"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_serverEdit);
    form->addRow(tr("&User name:"), m_userEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    m_certificateBox = new QGroupBox(tr("Check the server's identity"), this);
    m_certificateBox->setObjectName(QStringLiteral("certificate"));
    m_certificateText = new QLabel(m_certificateBox);
    m_certificateText->setWordWrap(true);
    m_fingerprint = new QLabel(m_certificateBox);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* fpCaption = new QLabel(tr("Certificate check code:"), m_certificateBox);
    auto* boxLayout = new QVBoxLayout(m_certificateBox);
    boxLayout->addWidget(m_certificateText);
    boxLayout->addWidget(fpCaption);
    boxLayout->addWidget(m_fingerprint);
    m_certificateBox->setVisible(false);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->setVisible(false);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setVisible(false);

    m_buttons = new QDialogButtonBox(this);
    m_signInButton = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signIn"));
    m_trustButton = m_buttons->addButton(tr("Trust and sign in"), QDialogButtonBox::AcceptRole);
    m_trustButton->setObjectName(QStringLiteral("trust"));
    m_buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_trustButton, &QPushButton::clicked, this, &SignInDialog::trustCertificate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_certificateBox);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_api, &ApiClient::certificateProbed, this, &SignInDialog::onCertificateProbed);
    connect(m_api, &ApiClient::certificateProbeFailed, this, &SignInDialog::onCertificateProbeFailed);
    // Editing the address or the account after a certificate was shown starts over.
    for (QLineEdit* e : {m_serverEdit, m_userEdit, m_passwordEdit}) {
        connect(e, &QLineEdit::textEdited, this, [this] {
            if (m_step == Step::ConfirmCertificate)
                setStep(Step::Editing);
        });
    }
    updateButtons();
}

SignInDialog::~SignInDialog()
{
    delete m_reply.data();
}

void SignInDialog::setServerUrl(const QUrl& url)
{
    m_serverEdit->setText(url.toString());
}

void SignInDialog::setUsername(const QString& name)
{
    m_userEdit->setText(name);
    if (!name.isEmpty())
        m_passwordEdit->setFocus();
}

void SignInDialog::setPassword(const QString& password)
{
    m_passwordEdit->setText(password);
}

void SignInDialog::setTrustedCertificate(const QUrl& server, const QString& fingerprint)
{
    m_trustedServer = server;
    m_trustedFingerprint = fingerprint;
}

void SignInDialog::setMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QUrl SignInDialog::parseServerUrl(const QString& text)
{
    QString t = text.trimmed();
    if (t.isEmpty() || t.contains(QLatin1Char(' ')))
        return {};
    const bool bare = !t.contains(QLatin1String("://"));
    if (bare)
        t.prepend(QLatin1String("https://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return {};
    if (bare && url.port() < 0)
        url.setPort(DefaultPort);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url;
}

void SignInDialog::submit()
{
    if (m_step == Step::CheckingCertificate || m_step == Step::SigningIn)
        return;
    if (m_step == Step::ConfirmCertificate)
        return trustCertificate();
    const QUrl url = parseServerUrl(m_serverEdit->text());
    if (url.isEmpty()) {
        m_serverEdit->setFocus();
        return showError(tr("Enter the print server's address, for example https://print.example.org:8631."));
    }
    if (m_userEdit->text().trimmed().isEmpty()) {
        m_userEdit->setFocus();
        return showError(tr("Enter your user name."));
    }
    if (m_passwordEdit->text().isEmpty()) {
        m_passwordEdit->setFocus();
        return showError(tr("Enter your password."));
    }
    showError({});
    m_server = url;
    m_api->setBaseUrl(url);
    if (url.scheme() == QLatin1String("http")) {
        // Plain HTTP is only for a server on this computer (the server refuses it elsewhere).
        (void)m_api->setPinnedCertificateSha256({});
        return login();
    }
    if (url == m_trustedServer && !m_trustedFingerprint.isEmpty() &&
        m_api->setPinnedCertificateSha256(m_trustedFingerprint.toLatin1()))
        return login();
    setStep(Step::CheckingCertificate);
    m_api->probeCertificate(url);
}

void SignInDialog::onCertificateProbed(const QString& fingerprint, const QString& subject,
                                       bool trustedBySystem)
{
    if (m_step != Step::CheckingCertificate)
        return;
    qCInfo(lcClientUi) << "server certificate of" << m_server.host()
                       << "shown for confirmation:" << fingerprint;
    m_probedFingerprint = fingerprint;
    QString text = m_certificateChanged ? tr("The certificate of %1 has changed since you last signed in. "
                                             "This happens when the server is "
                                             "renewed, but it can also mean that someone is intercepting the "
                                             "connection. Sign in only if IT "
                                             "support confirms the check code below.")
                                              .arg(m_server.host())
                                        : tr("This computer has not connected to %1 before. Compare the "
                                             "certificate check code below with the one IT "
                                             "support published. Sign in only if they are the same.")
                                              .arg(m_server.host());
    if (!subject.isEmpty())
        text += QLatin1Char('\n') + tr("Certificate issued to: %1").arg(subject);
    if (trustedBySystem)
        text += QLatin1Char('\n') + tr("This computer's certificate authorities also vouch for it.");
    m_certificateText->setText(text);
    m_fingerprint->setText(checkCode(fingerprint));
    setStep(Step::ConfirmCertificate);
}

void SignInDialog::onCertificateProbeFailed(const QString& message)
{
    if (m_step != Step::CheckingCertificate)
        return;
    setStep(Step::Editing);
    showError(message);
}

void SignInDialog::trustCertificate()
{
    if (m_step != Step::ConfirmCertificate || m_probedFingerprint.isEmpty())
        return;
    if (!m_api->setPinnedCertificateSha256(m_probedFingerprint.toLatin1())) {
        setStep(Step::Editing);
        return showError(tr("The server's certificate could not be read. Try again."));
    }
    m_trustedServer = m_server;
    m_trustedFingerprint = m_probedFingerprint;
    m_certificateChanged = false;
    login();
}

void SignInDialog::login()
{
    setStep(Step::SigningIn);
    delete m_reply.data();
    ApiReply* reply = m_api->login(m_userEdit->text().trimmed(), m_passwordEdit->text());
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->ok()) {
            m_passwordEdit->clear();
            setStep(Step::Editing);
            Q_EMIT signedIn(reply->json().value(QLatin1String("user")).toObject());
            accept();
            return;
        }
        qCInfo(lcClientUi) << "sign-in failed:" << reply->errorCode();
        setStep(Step::Editing);
        if (reply->errorCode() == QLatin1String("tls-pin-mismatch")) {
            // Show the new certificate so that it can be compared, with a warning, instead of a dead end.
            m_certificateChanged = true;
            m_trustedFingerprint.clear();
            showError(reply->errorMessage());
            setStep(Step::CheckingCertificate);
            m_api->probeCertificate(m_server);
            return;
        }
        showError(reply->errorMessage());
        if (reply->errorCode() == QLatin1String("invalid-credentials")) {
            m_passwordEdit->selectAll();
            m_passwordEdit->setFocus();
        }
    });
}

void SignInDialog::reject()
{
    delete m_reply.data(); // cancels a sign-in on its way
    setStep(Step::Editing);
    QDialog::reject();
}

void SignInDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInDialog::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    if (step != Step::ConfirmCertificate && step != Step::CheckingCertificate)
        m_certificateBox->setVisible(false);
    if (step == Step::ConfirmCertificate)
        m_certificateBox->setVisible(true);
    if (step == Step::CheckingCertificate)
        m_probedFingerprint.clear();
    updateButtons();
    Q_EMIT stepChanged(step);
}

void SignInDialog::updateButtons()
{
    const bool busy = m_step == Step::CheckingCertificate || m_step == Step::SigningIn;
    m_busy->setVisible(busy);
    m_signInButton->setVisible(m_step != Step::ConfirmCertificate);
    m_signInButton->setEnabled(!busy);
    m_trustButton->setVisible(m_step == Step::ConfirmCertificate);
    m_serverEdit->setEnabled(!busy);
    m_userEdit->setEnabled(!busy);
    m_passwordEdit->setEnabled(!busy);
    (m_step == Step::ConfirmCertificate ? m_trustButton : m_signInButton)->setDefault(true);
}
