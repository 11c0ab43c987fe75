#include "SettingsDialog.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "ClientLog.h"
#include "ClientSettings.h"
#include "ServerErrorText.h"
#include "SignInDialog.h"
#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(ClientSettings* settings, QWidget* parent, ApiClient* api,
                               const QJsonObject& user)
    : QDialog(parent), m_settings(settings), m_api(api)
{
    setWindowTitle(tr("Settings - MPS Secure Print"));
    using K = ClientSettings::Key;

    auto* server = new QLabel(
        settings->serverUrl().isEmpty() ? tr("Not set up yet") : settings->serverUrl().toString(), this);
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString fp = settings->certificateFingerprint();
    auto* fingerprint = new QLabel(fp.isEmpty() ? tr("None") : SignInDialog::checkCode(fp), this);
    fingerprint->setObjectName(QStringLiteral("checkCode"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setWordWrap(true);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // People by the name colleagues know them by; the login name in brackets for IT support.
    const QString displayName = user.value(QLatin1String("displayName")).toString();
    const QString login = settings->username();
    QString who = login.isEmpty() ? tr("Nobody") : login;
    if (!displayName.isEmpty() && displayName != login && !login.isEmpty())
        who = tr("%1 (%2)").arg(displayName, login);
    auto* signedInAs = new QLabel(who, this);
    signedInAs->setObjectName(QStringLiteral("signedInAs"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Same as the system"), QString());
    // Each language is named in itself, so that people find theirs whatever the current language.
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings->language())));
    m_language->setEnabled(!settings->isLocked(K::Language));

    m_notifications = new QCheckBox(tr("Tell me when jobs are held, printed or about to expire"), this);
    m_notifications->setObjectName(QStringLiteral("notifications"));
    m_notifications->setChecked(settings->showNotifications());
    m_notifications->setEnabled(!settings->isLocked(K::ShowNotifications));

    auto* form = new QFormLayout;
    form->addRow(tr("Server:"), server);
    form->addRow(tr("Certificate check code:"), fingerprint);
    form->addRow(tr("Signed in as:"), signedInAs);
    if (user.value(QLatin1String("hasFingerprint")).toBool() && api) {
        // Biometric data is kept only while the person wants it (PIPA): withdrawing is one click away.
        m_deleteFingerprint = new QPushButton(tr("Delete my fingerprint..."), this);
        m_deleteFingerprint->setObjectName(QStringLiteral("deleteFingerprint"));
        m_deleteFingerprint->setIcon(QIcon::fromTheme(QStringLiteral("edit-delete")));
        m_fingerprintStatus =
            new QLabel(tr("Stored on the print server for signing in at the kiosks."), this);
        m_fingerprintStatus->setObjectName(QStringLiteral("fingerprintStatus"));
        m_fingerprintStatus->setWordWrap(true);
        auto* row = new QHBoxLayout;
        row->addWidget(m_fingerprintStatus, 1);
        row->addWidget(m_deleteFingerprint);
        form->addRow(tr("Fingerprint:"), row);
        connect(m_deleteFingerprint, &QPushButton::clicked, this, &SettingsDialog::confirmDeleteFingerprint);
    }
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_notifications);

    auto* note = new QLabel(tr("To use another server, sign out and sign in again."), this);
    note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void SettingsDialog::accept()
{
    const QString before = Translations::resolve(m_settings->language(), QLocale::system());
    const QString after = Translations::resolve(m_language->currentData().toString(), QLocale::system());
    m_settings->setValue(ClientSettings::Key::Language, m_language->currentData());
    // At once, not at the next start: every window retranslates on QEvent::LanguageChange.
    if (before != after && !Translations::install(QCoreApplication::instance(), after))
        qCWarning(lcClientUi) << "language not switched to" << after;
    m_settings->setValue(ClientSettings::Key::ShowNotifications, m_notifications->isChecked());
    (void)m_settings->sync();
    QDialog::accept();
}

void SettingsDialog::confirmDeleteFingerprint()
{
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Delete my fingerprint"),
                        tr("Delete your fingerprint from the print server?"), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDeleteFingerprint"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("The fingerprint template and your consent are deleted at once and cannot be "
                               "restored. At the kiosks you then sign in with your card, PIN or password; "
                               "you can enrol a fingerprint again at a kiosk whenever you like."));
    QPushButton* yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirm"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    cancel->setText(tr("Cancel"));
    box->setDefaultButton(cancel);
    connect(yes, &QPushButton::clicked, this, &SettingsDialog::deleteFingerprint);
    box->open();
}

void SettingsDialog::deleteFingerprint()
{
    if (!m_api || !m_deleteFingerprint)
        return;
    m_deleteFingerprint->setEnabled(false);
    m_fingerprintStatus->setText(tr("Deleting..."));
    ApiReply* reply = m_api->deleteMyFingerprint();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->ok() || reply->errorCode() == QLatin1String("no-fingerprint")) {
            qCInfo(lcClientUi) << "fingerprint deleted";
            m_deleteFingerprint->hide();
            m_fingerprintStatus->setText(tr("Deleted. None is stored now."));
            Q_EMIT fingerprintDeleted();
            return;
        }
        qCInfo(lcClientUi) << "fingerprint not deleted:" << reply->errorCode();
        QString why = ServerErrorText::sentence(reply->errorCode(), reply->json());
        if (why.isEmpty())
            why = reply->errorMessage();
        m_fingerprintStatus->setText(tr("Not deleted: %1").arg(why));
        m_deleteFingerprint->setEnabled(true);
    });
}
