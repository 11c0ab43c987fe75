#include "FingerprintEnrolRequest.h"

#include "ApiClient.h"
#include "CertificatePin.h"
#include "KioskLog.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace {
constexpr int TimeoutMs = 20000;
}

FingerprintEnrolRequest::FingerprintEnrolRequest(const ApiClient& client, QNetworkAccessManager* network,
                                                 const QByteArray& templ, QObject* parent)
    : QObject(parent)
{
    QUrl url = client.baseUrl();
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + QStringLiteral("/api/v1/kiosk/fingerprint"));
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!client.token().isEmpty())
        request.setRawHeader("Authorization", "Bearer " + client.token().toLatin1());
    if (!client.deviceToken().isEmpty())
        request.setRawHeader("X-MPS-Device-Token", client.deviceToken().toLatin1());
    request.setTransferTimeout(TimeoutMs);
    const QJsonObject body{{QStringLiteral("template"), QString::fromLatin1(templ.toBase64())},
                           {QStringLiteral("consent"), true}};
    m_reply = network->put(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    const CertificatePin pin = client.pinnedCertificate();
    connect(m_reply, &QNetworkReply::sslErrors, this, [this, pin](const QList<QSslError>& errors) {
        // The same rule as ApiClient: a pinned certificate is trusted as it is, nothing else is.
        QSslCertificate peer = m_reply->sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty())
            peer = errors.constFirst().certificate();
        if (!pin.isNull() && pin.matches(peer))
            m_reply->ignoreSslErrors(errors);
        else
            m_pinMismatch = !pin.isNull();
    });
    connect(m_reply, &QNetworkReply::finished, this, &FingerprintEnrolRequest::onFinished);
}

void FingerprintEnrolRequest::onFinished()
{
    m_done = true;
    m_reply->deleteLater();
    const QByteArray data = m_reply->readAll();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_json = QJsonDocument::fromJson(data).object();
    if (status >= 200 && status < 300 && m_reply->error() == QNetworkReply::NoError) {
        Q_EMIT finished();
        return;
    }
    if (status >= 400) {
        m_errorCode = m_json.value(QLatin1String("error")).toString(QStringLiteral("server-error"));
        m_errorMessage = m_json.value(QLatin1String("message")).toString(m_reply->errorString());
    } else {
        switch (m_reply->error()) {
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError: // the transfer timeout
            m_errorCode = QStringLiteral("timeout");
            break;
        case QNetworkReply::SslHandshakeFailedError:
            m_errorCode = m_pinMismatch ? QStringLiteral("tls-pin-mismatch") : QStringLiteral("tls-failed");
            break;
        case QNetworkReply::NoError:
            m_errorCode = QStringLiteral("bad-response");
            break;
        default:
            m_errorCode = QStringLiteral("unreachable");
            break;
        }
        m_errorMessage = m_reply->errorString();
    }
    qCWarning(lcKioskAuth).noquote() << "fingerprint registration refused:" << m_errorCode;
    Q_EMIT finished();
}
