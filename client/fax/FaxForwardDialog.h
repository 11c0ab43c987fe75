#pragma once
#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>

class ApiClient;
class FaxController;
class FaxRecipientsPanel;
class QLabel;
class QPushButton;

/// Forwards a received fax: the fax dialog's recipient part (typed numbers checked, phone book) and
/// Send, which asks the server to fax the received PDF on (POST /api/v1/fax/inbox/{id}/forward).
class FaxForwardDialog : public QDialog
{
    Q_OBJECT
public:
    /// Opens the dialog for the inbox fax `fax` (inbox fax JSON) through `api` (which must outlive it).
    FaxForwardDialog(ApiClient* api, const QJsonObject& fax, QWidget* parent = nullptr);

    /// Returns the recipient part.
    FaxRecipientsPanel* recipientsPanel() const { return m_recipients; }
    /// Returns the text of the status line.
    QString statusText() const;

public Q_SLOTS:
    /// Forwards the fax to the recipients.
    void send();

Q_SIGNALS:
    /// The fax was forwarded: one queued fax per recipient.
    void forwarded(const QJsonArray& faxes);

private:
    void setStatus(const QString& text, bool error);

    ApiClient* m_api;
    QJsonObject m_fax;
    FaxController* m_settings;
    FaxRecipientsPanel* m_recipients;
    QLabel* m_status;
    QPushButton* m_send;
};
