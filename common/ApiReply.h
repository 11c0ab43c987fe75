#pragma once
#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkReply;

/// The answer to one call of ApiClient. Starts pending; emits finished() exactly once, always
/// asynchronously (never before the call that created it has returned), and then holds the result.
/// The caller owns it: deleteLater() it after finished(); deleting it earlier cancels the call.
/// Until then it is a child of the ApiClient that made it.
class ApiReply : public QObject
{
    Q_OBJECT
public:
    ~ApiReply() override;

    /// Returns true once finished() has been emitted.
    bool isFinished() const { return m_finished; }

    /// Returns true when the call succeeded (finished with an HTTP 2xx answer).
    bool ok() const { return m_finished && m_errorCode.isEmpty(); }

    /// Returns the HTTP status of the answer, or 0 when none arrived (network or TLS failure).
    int httpStatus() const { return m_httpStatus; }

    /// Returns the stable error code: the server's ("invalid-credentials", "not-found", ...) or one of
    /// the client's own ("unreachable", "timeout", "tls-untrusted", "tls-pin-mismatch", "tls-failed",
    /// "cancelled", "bad-request", "bad-response", "http-<status>"). Empty on success or while pending.
    QString errorCode() const { return m_errorCode; }

    /// Returns a sentence the user can act on: the server's message, or the client's own
    /// (translated) for network and TLS failures. Empty on success or while pending.
    QString errorMessage() const { return m_errorMessage; }

    /// Returns the JSON object of the answer (also of an error answer); empty when the body was not
    /// a JSON object.
    QJsonObject json() const { return m_json; }

    /// Returns the raw body of the answer (e.g. PNG bytes of a thumbnail). Empty for streams.
    QByteArray data() const { return m_body; }

    /// Returns the Content-Type of the answer without parameters, e.g. "image/png".
    QString contentType() const { return m_contentType; }

    /// Cancels the call: finished() follows with errorCode() "cancelled". No effect once finished.
    void abort();

Q_SIGNALS:
    /// Emitted once when the call has ended, successfully or not.
    void finished();
    /// Emitted as a request body goes out: `sent` of `total` bytes (total -1 when unknown).
    void uploadProgress(qint64 sent, qint64 total);
    /// Stream calls only: emitted when a 2xx answer's headers have arrived and its body begins.
    void streamStarted();
    /// Stream calls only: emitted for each piece of a 2xx answer's body as it arrives.
    void streamData(const QByteArray& chunk);

private:
    friend class ApiClient;

    explicit ApiReply(QObject* parent);
    void attach(QNetworkReply* reply, bool streaming);
    void setClientFailure(const QString& code, const QString& message);
    void failSoon(const QString& code, const QString& message);
    void onMetaData();
    void onReadyRead();
    void onNetworkFinished();
    void finish(const QString& code, const QString& message);
    QString networkFailureMessage(int error, QString* code) const;
    QString httpFailureMessage(int status, QString* code) const;

    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QJsonObject m_json;
    QString m_contentType;
    QString m_errorCode;
    QString m_errorMessage;
    QString m_clientCode; // a failure the client detected itself (TLS pin, oversized answer)
    QString m_clientMessage;
    QString m_sentToken; // the session token the request carried, to tell a stale 401 from a current one
    int m_httpStatus = 0;
    bool m_streaming = false;
    bool m_streamOpen = false;
    bool m_aborted = false;
    bool m_finished = false;
};
