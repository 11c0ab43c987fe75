#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class ApiClient;
class QNetworkAccessManager;
class QNetworkReply;

/// PUT /api/v1/kiosk/fingerprint with the person's consent ("consent": true): the kiosk's own small
/// request, made only after the consent screen was agreed to. It uses the ApiClient's server address,
/// session, device token and certificate pin, and reports like an ApiReply (ok, errorCode, json).
class FingerprintEnrolRequest : public QObject
{
    Q_OBJECT
public:
    /// Sends the template (raw bytes, base64 on the wire) with the consent; finished() follows once.
    FingerprintEnrolRequest(const ApiClient& client, QNetworkAccessManager* network, const QByteArray& templ,
                            QObject* parent = nullptr);

    /// True when the server registered the fingerprint.
    bool ok() const { return m_done && m_errorCode.isEmpty(); }
    /// The server's error code ("consent-required", "bad-template", ...) or a transport code
    /// ("unreachable", "timeout", "tls-failed", "bad-response"); empty on success.
    QString errorCode() const { return m_errorCode; }
    /// The server's English message, or the transport's; for logs and the fallback only.
    QString errorMessage() const { return m_errorMessage; }
    /// The answer's JSON object ("user" on success, the error object otherwise).
    QJsonObject json() const { return m_json; }

Q_SIGNALS:
    /// The request is over (successfully or not).
    void finished();

private:
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    QJsonObject m_json;
    QString m_errorCode;
    QString m_errorMessage;
    bool m_done = false;
    bool m_pinMismatch = false;
};
