#include "SettingsDialog.h"

#include "ClientSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(ClientSettings* settings, QWidget* parent)
    : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings - MPS Secure Print"));
    using K = ClientSettings::Key;

    auto* server = new QLabel(
        settings->serverUrl().isEmpty() ? tr("Not set up yet") : settings->serverUrl().toString(), this);
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString fp = settings->certificateFingerprint();
    auto* fingerprint = new QLabel(fp.isEmpty() ? tr("None") : fp, this);
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setWordWrap(true);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* user = new QLabel(settings->username().isEmpty() ? tr("Nobody") : settings->username(), this);

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
    form->addRow(tr("Trusted certificate (SHA-256):"), fingerprint);
    form->addRow(tr("Signed in as:"), user);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_notifications);

    auto* note = new QLabel(tr("A new language applies the next time the app starts. To use another server, "
                               "sign out and sign in again."),
                            this);
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
    m_settings->setValue(ClientSettings::Key::Language, m_language->currentData());
    m_settings->setValue(ClientSettings::Key::ShowNotifications, m_notifications->isChecked());
    (void)m_settings->sync();
    QDialog::accept();
}
