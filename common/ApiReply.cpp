#include "ApiReply.h"

#include "Log.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace {
// Answers we keep in memory are JSON or a thumbnail; anything this large is not one of ours.
constexpr qsizetype MaxBodyBytes = 32 * 1024 * 1024;
} // namespace

ApiReply::ApiReply(QObject* parent) : QObject(parent) {}

ApiReply::~ApiReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiReply::attach(QNetworkReply* reply, bool streaming)
{
    m_reply = reply;
    m_streaming = streaming;
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiReply::onMetaData);
    connect(reply, &QIODevice::readyRead, this, &ApiReply::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onNetworkFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        // Qt closes every request with (0, 0), also after a finished upload: that is no progress.
        if (sent != 0 || total != 0)
            Q_EMIT uploadProgress(sent, total);
    });
}

void ApiReply::setClientFailure(const QString& code, const QString& message)
{
    if (m_clientCode.isEmpty()) {
        m_clientCode = code;
        m_clientMessage = message;
    }
}

void ApiReply::failSoon(const QString& code, const QString& message)
{
    // Queued, so that the caller can connect to finished() after the call returns.
    QMetaObject::invokeMethod(
        this, [this, code, message] { finish(code, message); }, Qt::QueuedConnection);
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply)
        m_reply->abort();
}

void ApiReply::onMetaData()
{
    if (!m_reply)
        return;
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    m_contentType =
        QString::fromLatin1(type.left(type.indexOf(';') < 0 ? type.size() : type.indexOf(';')).trimmed());
    if (m_streaming && !m_streamOpen && m_httpStatus >= 200 && m_httpStatus < 300) {
        m_streamOpen = true;
        Q_EMIT streamStarted();
    }
}

void ApiReply::onReadyRead()
{
    if (!m_reply || !m_reply->isOpen())
        return;
    if (m_streamOpen) {
        const QByteArray chunk = m_reply->readAll();
        if (!chunk.isEmpty())
            Q_EMIT streamData(chunk);
        return;
    }
    m_body.append(m_reply->readAll());
    if (m_body.size() > MaxBodyBytes) {
        qCWarning(lcApiClient).noquote() << "answer from" << m_reply->url().path() << "is too large; dropped";
        m_body.clear();
        setClientFailure(QStringLiteral("bad-response"),
                         tr("The server sent an answer that is too large. Ask the print admin."));
        m_reply->abort();
    }
}

void ApiReply::onNetworkFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    onReadyRead();
    if (!m_httpStatus)
        m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto netError = reply->error();
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    if (m_aborted)
        return finish(QStringLiteral("cancelled"), tr("The request was cancelled."));
    if (!m_clientCode.isEmpty())
        return finish(m_clientCode, m_clientMessage);
    // A stream that was open ends with a network error when it drops; a closed stream is a normal end.
    if (m_streamOpen) {
        if (netError == QNetworkReply::NoError || netError == QNetworkReply::RemoteHostClosedError)
            return finish(QString(), QString());
        QString code;
        const QString message = networkFailureMessage(netError, &code);
        return finish(code, message);
    }
    if (m_httpStatus == 0) {
        QString code;
        const QString message = networkFailureMessage(netError, &code);
        qCInfo(lcApiClient).noquote() << reply->url().path() << "failed:" << reply->errorString();
        return finish(code, message);
    }
    const QJsonDocument doc = QJsonDocument::fromJson(m_body);
    if (doc.isObject())
        m_json = doc.object();
    if (m_httpStatus >= 200 && m_httpStatus < 300) {
        if (m_contentType == QLatin1String("application/json") && !doc.isObject())
            return finish(
                QStringLiteral("bad-response"),
                tr("The server sent an answer this app cannot read. Update the app or ask the print admin."));
        return finish(QString(), QString());
    }
    QString code = m_json.value(QLatin1String("error")).toString();
    QString message = m_json.value(QLatin1String("message")).toString();
    QString fallbackCode;
    const QString fallbackMessage = httpFailureMessage(m_httpStatus, &fallbackCode);
    if (code.isEmpty())
        code = fallbackCode;
    if (message.isEmpty())
        message = fallbackMessage;
    qCDebug(lcApiClient).noquote() << "HTTP" << m_httpStatus << code << "for" << reply->url().path();
    finish(code, message);
}

void ApiReply::finish(const QString& code, const QString& message)
{
    if (m_finished)
        return;
    m_errorCode = code;
    m_errorMessage = message;
    m_finished = true;
    Q_EMIT finished();
}

QString ApiReply::networkFailureMessage(int error, QString* code) const
{
    switch (static_cast<QNetworkReply::NetworkError>(error)) {
    case QNetworkReply::HostNotFoundError:
        *code = QStringLiteral("unreachable");
        return tr("The server cannot be found. Check the server address and the network connection.");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout looks like; our own aborts are
                                                // handled before
        *code = QStringLiteral("timeout");
        return tr("The server did not answer in time. Check the network connection and try again.");
    case QNetworkReply::SslHandshakeFailedError:
        *code = QStringLiteral("tls-failed");
        return tr("A secure connection to the server could not be set up. Ask the print admin.");
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        *code = QStringLiteral("bad-request");
        return tr("The server address is not valid. Use an address such as https://print.example.org:8631.");
    case QNetworkReply::ProtocolFailure:
        *code = QStringLiteral("bad-response");
        return tr("The server sent an answer this app cannot read. Check the server address.");
    default:
        *code = QStringLiteral("unreachable");
        return tr("The server cannot be reached. Check the network connection.");
    }
}

QString ApiReply::httpFailureMessage(int status, QString* code) const
{
    switch (status) {
    case 400:
        *code = QStringLiteral("bad-request");
        return tr("The server did not accept the request. Update the app or ask the print admin.");
    case 401:
        *code = QStringLiteral("unauthenticated");
        return tr("Your session has ended. Sign in again.");
    case 403:
        *code = QStringLiteral("forbidden");
        return tr("You are not allowed to do that.");
    case 404:
        *code = QStringLiteral("not-found");
        return tr("The server does not know this request. Check the server address.");
    case 413:
        *code = QStringLiteral("too-large");
        return tr("The document is too large for the server.");
    case 426:
        *code = QStringLiteral("tls-required");
        return tr("The server accepts only secure connections. Use an address that starts with https://.");
    case 429:
        *code = QStringLiteral("locked");
        return tr("There were too many attempts. Wait a few minutes and try again.");
    case 503:
        *code = QStringLiteral("unavailable");
        return tr("The server is starting or busy. Try again in a moment.");
    default:
        break;
    }
    if (status >= 500) {
        *code = QStringLiteral("server-error");
        return tr("The server had a problem. Try again later or ask the print admin.");
    }
    *code = QStringLiteral("http-%1").arg(status);
    return tr("The server answered with an unexpected error (HTTP %1). Try again later.").arg(status);
}
