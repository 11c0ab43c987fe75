#include "FaxForwardDialog.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "FaxController.h"
#include "FaxRecipientModel.h"
#include "FaxRecipientsPanel.h"
#include "FaxText.h"
#include "WindowPlacement.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

FaxForwardDialog::FaxForwardDialog(ApiClient* api, const QJsonObject& fax, QWidget* parent)
    : QDialog(parent), m_api(api), m_fax(fax), m_settings(new FaxController(api, this)),
      m_recipients(new FaxRecipientsPanel(api, this))
{
    setObjectName(QStringLiteral("faxForwardDialog"));
    setWindowTitle(tr("Forward fax - MPS"));
    QString from = fax.value(QLatin1String("fromName")).toString().trimmed();
    if (from.isEmpty())
        from = fax.value(QLatin1String("fromNumber")).toString();
    auto* what = new QLabel(
        tr("Forward the fax from %1 (%n page(s)) to:", nullptr, fax.value(QLatin1String("pages")).toInt())
            .arg(from),
        this);
    what->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("faxStatus"));
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("&Forward"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setAutoDefault(false);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FaxForwardDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_recipients, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_settings, &FaxController::settingsChanged, this, [this] {
        m_recipients->setDialPlan(m_settings->outsidePrefix(), m_settings->extensionDigits());
        m_recipients->setMaxRecipients(m_settings->maxRecipients());
        if (!m_settings->faxEnabled())
            setStatus(FaxText::serverError(QStringLiteral("fax-disabled"), {}), true);
    });
    connect(m_recipients, &FaxRecipientsPanel::message, this,
            [this](const QString& t) { setStatus(t, false); });
    m_settings->loadSettings();
    resize(560, 620);
    WindowPlacement::keepOnScreen(this);
}

QString FaxForwardDialog::statusText() const
{
    return m_status->text();
}

void FaxForwardDialog::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b02020;") : QString());
}

void FaxForwardDialog::send()
{
    if (m_recipients->recipients()->rowCount() == 0 && !m_recipients->addTyped()) {
        setStatus(FaxText::serverError(QStringLiteral("no-recipients"), {}), true);
        return;
    }
    m_send->setEnabled(false);
    setStatus(tr("Forwarding the fax..."), false);
    ApiReply* reply = m_api->forwardInboxFax(m_fax.value(QLatin1String("id")).toVariant().toLongLong(),
                                             m_recipients->recipients()->toJson());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_send->setEnabled(true);
        if (!reply->ok()) {
            const QString sentence =
                FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage());
            if (reply->errorCode() == QLatin1String("invalid-number"))
                m_recipients->markInvalid(reply->json().value(QLatin1String("number")).toString(), sentence);
            setStatus(sentence, true);
            return;
        }
        const QJsonArray faxes = reply->json().value(QLatin1String("faxes")).toArray();
        setStatus(tr("Forwarded: %n fax(es) queued.", nullptr, static_cast<int>(faxes.size())), false);
        Q_EMIT forwarded(faxes);
        accept();
    });
}
