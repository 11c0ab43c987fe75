#include "ApiClient.h"

#include "Log.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace {
constexpr int DefaultTimeoutMs = 30 * 1000;
// After the last byte of a large document the server still counts pages and renders a thumbnail.
constexpr int UploadTimeoutMs = 5 * 60 * 1000;
constexpr int ProbeTimeoutMs = 15 * 1000;

QString pinMismatchMessage()
{
    return ApiClient::tr(
        "The server presented a different certificate from the one this device trusts. "
        "Do not sign in; ask the print admin whether the server's certificate was replaced.");
}

QString untrustedMessage(const QString& reason)
{
    return ApiClient::tr(
               "The server's certificate is not trusted (%1). Compare its fingerprint with the one "
               "from your print admin and trust it, or ask the print admin for a trusted certificate.")
        .arg(reason);
}

QString noServerMessage()
{
    return ApiClient::tr("No server address is set. Enter the print server's address.");
}

QString badAddressMessage()
{
    return ApiClient::tr(
        "The server address is not valid. Use an address such as https://print.example.org:8631.");
}

bool isUploadFormat(const QString& mimeType)
{
    return mimeType == QLatin1String("application/pdf") || mimeType == QLatin1String("image/jpeg") ||
           mimeType == QLatin1String("image/pwg-raster") || mimeType == QLatin1String("image/urf") ||
           mimeType == QLatin1String("application/octet-stream");
}
} // namespace

ApiClient::ApiClient(QObject* parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    // Session tokens must never follow a redirect; a 3xx answer is reported as an error instead.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    // Replies first: each aborts its network reply while the manager still exists.
    const auto replies = findChildren<ApiReply*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(replies);
}

void ApiClient::setBaseUrl(const QUrl& url)
{
    if (url == m_baseUrl)
        return;
    m_baseUrl = url;
    m_nam->clearConnectionCache();
}

void ApiClient::setToken(const QString& token)
{
    if (token == m_token)
        return;
    m_token = token;
    Q_EMIT tokenChanged();
}

void ApiClient::setDeviceToken(const QString& deviceToken)
{
    m_deviceToken = deviceToken;
}

bool ApiClient::setPinnedCertificateSha256(const QByteArray& hexOrColonHex)
{
    bool ok = false;
    const CertificatePin pin = CertificatePin::fromText(hexOrColonHex, &ok);
    if (!ok) {
        qCWarning(lcApiClient) << "ignored a pinned certificate fingerprint that is not 32 hex bytes";
        return false;
    }
    if (pin == m_pin)
        return true;
    m_pin = pin;
    // Kept-alive connections were accepted under the old pin: do not reuse them.
    m_nam->clearConnectionCache();
    qCInfo(lcApiClient).noquote() << (m_pin.isNull()
                                          ? QStringLiteral("certificate pin removed")
                                          : QStringLiteral("certificate pinned: ") + m_pin.toDisplayString());
    return true;
}

QNetworkRequest ApiClient::makeRequest(const QString& path, const QUrlQuery& query, Auth auth) const
{
    QUrl url = m_baseUrl;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (auth == Auth::Session && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!m_deviceToken.isEmpty())
        request.setRawHeader("X-MPS-Device-Token", m_deviceToken.toLatin1());
    request.setTransferTimeout(DefaultTimeoutMs);
    return request;
}

ApiReply* ApiClient::failedReply(const QString& code, const QString& message)
{
    auto* reply = new ApiReply(this);
    reply->failSoon(code, message);
    return reply;
}

ApiReply* ApiClient::send(const QByteArray& verb, const QString& path, const QUrlQuery& query, Auth auth,
                          const QJsonObject* body, const QByteArray& accept)
{
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return failedReply(QStringLiteral("bad-request"), noServerMessage());
    QNetworkRequest request = makeRequest(path, query, auth);
    request.setRawHeader("Accept", accept);
    QNetworkReply* reply = nullptr;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = m_nam->sendCustomRequest(request, verb, QJsonDocument(*body).toJson(QJsonDocument::Compact));
    } else if (verb == "GET") {
        reply = m_nam->get(request);
    } else {
        reply = m_nam->sendCustomRequest(request, verb);
    }
    qCDebug(lcApiClient).noquote() << verb << path;
    return track(reply, auth, false);
}

ApiReply* ApiClient::track(QNetworkReply* reply, Auth auth, bool streaming)
{
    auto* apiReply = new ApiReply(this);
    apiReply->m_sentToken = auth == Auth::Session ? m_token : QString();
    // The pin check comes before the reply sees any header or byte of the answer.
    guardTls(reply, apiReply);
    apiReply->attach(reply, streaming);
    connect(apiReply, &ApiReply::finished, this, [this, apiReply, auth] { onReplyFinished(apiReply, auth); });
    return apiReply;
}

void ApiClient::guardTls(QNetworkReply* reply, ApiReply* apiReply)
{
    const QPointer<ApiReply> guarded(apiReply);
    auto mismatch = [this, guarded](const QSslCertificate& peer) {
        qCWarning(lcApiClient).noquote() << "server certificate" << CertificatePin::of(peer).toDisplayString()
                                         << "does not match the pinned" << m_pin.toDisplayString();
        if (guarded)
            guarded->setClientFailure(QStringLiteral("tls-pin-mismatch"), pinMismatchMessage());
    };
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply, guarded, mismatch](const QList<QSslError>& errors) {
                QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                if (peer.isNull() && !errors.isEmpty())
                    peer = errors.constFirst().certificate();
                if (!m_pin.isNull()) {
                    // The pinned certificate is trusted as it is: self-signed, any name, any issuer.
                    if (m_pin.matches(peer))
                        reply->ignoreSslErrors(errors);
                    else
                        mismatch(peer);
                    return;
                }
                QStringList reasons;
                for (const QSslError& e : errors)
                    reasons << e.errorString();
                qCInfo(lcApiClient).noquote()
                    << "untrusted server certificate" << CertificatePin::of(peer).toDisplayString() << ":"
                    << reasons.join(QStringLiteral("; "));
                if (guarded)
                    guarded->setClientFailure(QStringLiteral("tls-untrusted"),
                                              untrustedMessage(reasons.value(0)));
            });
    // A certificate the system trusts must still be the pinned one.
    auto checkPeer = [this, reply, mismatch] {
        if (m_pin.isNull() || !reply->isRunning())
            return;
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (!peer.isNull() && !m_pin.matches(peer)) {
            mismatch(peer);
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::encrypted, this, checkPeer);
    // Also on reused keep-alive connections, which do not hand-shake again.
    connect(reply, &QNetworkReply::metaDataChanged, this, checkPeer);
}

void ApiClient::onReplyFinished(ApiReply* reply, Auth auth)
{
    if (auth != Auth::Session || reply->httpStatus() != 401)
        return;
    // Only the session that made the call has ended; an answer to an older token changes nothing.
    if (reply->m_sentToken != m_token)
        return;
    qCInfo(lcApiClient) << "session refused by the server:" << reply->errorCode();
    if (!m_token.isEmpty()) {
        m_token.clear();
        Q_EMIT tokenChanged();
    }
    Q_EMIT sessionExpired();
}

void ApiClient::adoptTokenOnSuccess(ApiReply* reply)
{
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply->ok())
            setToken(reply->json().value(QLatin1String("token")).toString());
    });
}

ApiReply* ApiClient::login(const QString& username, const QString& password)
{
    const QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    ApiReply* reply = send("POST", QStringLiteral("/api/v1/session"), {}, Auth::None, &body);
    adoptTokenOnSuccess(reply);
    return reply;
}

ApiReply* ApiClient::logout()
{
    ApiReply* reply = send("DELETE", QStringLiteral("/api/v1/session"), {}, Auth::Session);
    // Signed out here at once, whatever the server answers: the old token is not used again.
    setToken(QString());
    return reply;
}

ApiReply* ApiClient::me()
{
    return send("GET", QStringLiteral("/api/v1/me"), {}, Auth::Session);
}

ApiReply* ApiClient::jobs(bool history)
{
    QUrlQuery query;
    if (history)
        query.addQueryItem(QStringLiteral("history"), QStringLiteral("1"));
    return send("GET", QStringLiteral("/api/v1/jobs"), query, Auth::Session);
}

ApiReply* ApiClient::job(qint64 id)
{
    return send("GET", QStringLiteral("/api/v1/jobs/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::thumbnail(qint64 id)
{
    return send("GET", QStringLiteral("/api/v1/jobs/%1/thumbnail").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::updateJob(qint64 id, const QJsonObject& changes)
{
    return send("PATCH", QStringLiteral("/api/v1/jobs/%1").arg(id), {}, Auth::Session, &changes);
}

ApiReply* ApiClient::deleteJob(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/v1/jobs/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::releaseJob(qint64 id, const QString& printer, const QJsonObject& changes)
{
    QJsonObject body = changes;
    if (!printer.isEmpty())
        body.insert(QStringLiteral("printer"), printer);
    return send("POST", QStringLiteral("/api/v1/jobs/%1/release").arg(id), {}, Auth::Session, &body);
}

ApiReply* ApiClient::uploadJob(QIODevice* device, const QString& name, const QString& mimeType, qint64 size,
                               const QString& captureId)
{
    return uploadDocument(QStringLiteral("/api/v1/jobs"), device, name, mimeType, size, captureId);
}

ApiReply* ApiClient::uploadDocument(const QString& path, QIODevice* device, const QString& name,
                                    const QString& mimeType, qint64 size, const QString& captureId)
{
    if (!device || !device->isReadable())
        return failedReply(QStringLiteral("cannot-read"), tr("The document cannot be read."));
    if (!isUploadFormat(mimeType))
        return failedReply(
            QStringLiteral("unsupported-format"),
            tr("This kind of document (%1) cannot be printed. Print a PDF, JPEG or PWG raster file.")
                .arg(mimeType));
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return failedReply(QStringLiteral("bad-request"), noServerMessage());
    // Percent-encoded here so that '&', '+', '=' and '#' in a document name survive as they are.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
    // A capture id makes the upload idempotent: the server answers a repeat with the first job.
    if (!captureId.isEmpty())
        query.addQueryItem(QStringLiteral("captureId"),
                           QString::fromLatin1(QUrl::toPercentEncoding(captureId)));
    QNetworkRequest request = makeRequest(path, query, Auth::Session);
    request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType.toLatin1());
    request.setTransferTimeout(UploadTimeoutMs);
    if (device->isSequential()) {
        if (size >= 0) {
            // With a length Qt streams a sequential device; without one it would buffer all of it.
            request.setHeader(QNetworkRequest::ContentLengthHeader, size);
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        } else {
            qCInfo(lcApiClient)
                << "uploading from a sequential device of unknown size: Qt buffers it in memory";
        }
    } else {
        request.setHeader(QNetworkRequest::ContentLengthHeader, device->size() - device->pos());
    }
    qCDebug(lcApiClient).noquote() << "POST" << path << mimeType;
    return track(m_nam->post(request, device), Auth::Session, false);
}

ApiReply* ApiClient::uploadJob(const QString& filePath, const QString& name, const QString& mimeType)
{
    return uploadFile(QStringLiteral("/api/v1/jobs"), filePath, name, mimeType);
}

ApiReply* ApiClient::uploadFile(const QString& path, const QString& filePath, const QString& name,
                                const QString& mimeType)
{
    auto* file = new QFile(filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        return failedReply(QStringLiteral("cannot-read"),
                           tr("The file %1 cannot be read. Check that it exists and that you may open it.")
                               .arg(QFileInfo(filePath).fileName()));
    }
    QString type = mimeType;
    if (type.isEmpty()) {
        type = QMimeDatabase().mimeTypeForFile(filePath, QMimeDatabase::MatchContent).name();
        // The server recognises what it can print; let it decide about types we cannot name.
        if (!isUploadFormat(type))
            type = QStringLiteral("application/octet-stream");
    }
    ApiReply* reply = uploadDocument(path, file, name.isEmpty() ? QFileInfo(filePath).fileName() : name, type,
                                     -1, QString());
    // The file lives as long as the reply; the reply aborts the upload before its children go.
    file->setParent(reply);
    return reply;
}

ApiReply* ApiClient::printers()
{
    return send("GET", QStringLiteral("/api/v1/printers"), {}, Auth::Session);
}

ApiReply* ApiClient::usageQuota()
{
    return send("GET", QStringLiteral("/api/v1/usage/quota"), {}, Auth::Session);
}

QUrlQuery ApiClient::reportQuery(const QString& by, const QString& period, const QString& department)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("by"), by);
    if (!period.isEmpty())
        query.addQueryItem(QStringLiteral("period"), period);
    // Department codes are the admin's choice: percent-encoded so that '&' or '+' in one survives.
    if (!department.isEmpty())
        query.addQueryItem(QStringLiteral("department"),
                           QString::fromLatin1(QUrl::toPercentEncoding(department)));
    return query;
}

ApiReply* ApiClient::usageReport(const QString& by, const QString& period, const QString& department)
{
    return send("GET", QStringLiteral("/api/v1/usage/report"), reportQuery(by, period, department),
                Auth::Session);
}

ApiReply* ApiClient::usageReportCsv(const QString& by, const QString& period, const QString& department)
{
    QUrlQuery query = reportQuery(by, period, department);
    query.addQueryItem(QStringLiteral("format"), QStringLiteral("csv"));
    return send("GET", QStringLiteral("/api/v1/usage/report"), query, Auth::Session, nullptr, "text/csv");
}

ApiReply* ApiClient::usageTrend(int months, const QString& department, const QString& user)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("months"), QString::number(months));
    if (!department.isEmpty())
        query.addQueryItem(QStringLiteral("department"),
                           QString::fromLatin1(QUrl::toPercentEncoding(department)));
    else if (!user.isEmpty())
        query.addQueryItem(QStringLiteral("user"), QString::fromLatin1(QUrl::toPercentEncoding(user)));
    return send("GET", QStringLiteral("/api/v1/usage/trend"), query, Auth::Session);
}

ApiReply* ApiClient::usageSavings(const QString& baseline, const QString& compare, const QString& department)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("baseline"), baseline);
    query.addQueryItem(QStringLiteral("compare"), compare);
    if (!department.isEmpty())
        query.addQueryItem(QStringLiteral("department"),
                           QString::fromLatin1(QUrl::toPercentEncoding(department)));
    return send("GET", QStringLiteral("/api/v1/usage/savings"), query, Auth::Session);
}

ApiReply* ApiClient::departments()
{
    return send("GET", QStringLiteral("/api/v1/departments"), {}, Auth::Session);
}

ApiReply* ApiClient::kioskSession(const QJsonObject& request)
{
    QJsonObject body = request;
    if (m_kioskFingerprintReader)
        body.insert(QStringLiteral("fingerprintReader"), true);
    ApiReply* reply = send("POST", QStringLiteral("/api/v1/kiosk/session"), {}, Auth::None, &body);
    adoptTokenOnSuccess(reply);
    return reply;
}

ApiReply* ApiClient::kioskSessionWithCard(const QString& card)
{
    return kioskSession({{QStringLiteral("card"), card}});
}

ApiReply* ApiClient::kioskSessionWithPin(const QString& username, const QString& pin)
{
    return kioskSession({{QStringLiteral("username"), username}, {QStringLiteral("pin"), pin}});
}

ApiReply* ApiClient::kioskSessionWithPassword(const QString& username, const QString& password,
                                              const QString& card)
{
    QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    if (!card.isEmpty())
        body.insert(QStringLiteral("card"), card);
    return kioskSession(body);
}

ApiReply* ApiClient::kioskInfo()
{
    return send("GET", QStringLiteral("/api/v1/kiosk"), {}, Auth::None);
}

ApiReply* ApiClient::kioskSessionWithFingerprint(const QString& challenge, const QString& user, bool match)
{
    return kioskSession({{QStringLiteral("challenge"), challenge},
                         {QStringLiteral("user"), user},
                         {QStringLiteral("match"), match}});
}

ApiReply* ApiClient::kioskSessionSensorFailed(const QString& challenge, const QString& user)
{
    return kioskSession({{QStringLiteral("challenge"), challenge},
                         {QStringLiteral("user"), user},
                         {QStringLiteral("sensorFailed"), true}});
}

ApiReply* ApiClient::fingerprintCandidates()
{
    return send("GET", QStringLiteral("/api/v1/kiosk/fingerprint/candidates"), {}, Auth::None);
}

ApiReply* ApiClient::enrollFingerprint(const QByteArray& templ, bool consent)
{
    const QJsonObject body{{QStringLiteral("template"), QString::fromLatin1(templ.toBase64())},
                           {QStringLiteral("consent"), consent}};
    return send("PUT", QStringLiteral("/api/v1/kiosk/fingerprint"), {}, Auth::Session, &body);
}

ApiReply* ApiClient::removeFingerprint()
{
    return send("DELETE", QStringLiteral("/api/v1/kiosk/fingerprint"), {}, Auth::Session);
}

ApiReply* ApiClient::deleteMyFingerprint()
{
    return send("DELETE", QStringLiteral("/api/v1/me/fingerprint"), {}, Auth::Session);
}

ApiReply* ApiClient::faxSettings()
{
    return send("GET", QStringLiteral("/api/v1/fax/settings"), {}, Auth::Session);
}

ApiReply* ApiClient::uploadFaxDraft(const QString& filePath, const QString& name, const QString& mimeType)
{
    return uploadFile(QStringLiteral("/api/v1/fax/drafts"), filePath, name, mimeType);
}

ApiReply* ApiClient::uploadFaxDraft(QIODevice* device, const QString& name, const QString& mimeType, qint64 size,
                                    const QString& captureId)
{
    return uploadDocument(QStringLiteral("/api/v1/fax/drafts"), device, name, mimeType, size, captureId);
}

ApiReply* ApiClient::faxDraft(qint64 id)
{
    return send("GET", QStringLiteral("/api/v1/fax/drafts/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::faxDraftPage(qint64 id, int page, int width)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("width"), QString::number(width));
    return send("GET", QStringLiteral("/api/v1/fax/drafts/%1/pages/%2").arg(id).arg(page), query, Auth::Session,
                nullptr, "image/png");
}

ApiReply* ApiClient::putFaxCover(qint64 id, const QByteArray& pdf)
{
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return failedReply(QStringLiteral("bad-request"), noServerMessage());
    QNetworkRequest request = makeRequest(QStringLiteral("/api/v1/fax/drafts/%1/cover").arg(id), {}, Auth::Session);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/pdf"));
    qCDebug(lcApiClient).noquote() << "PUT /api/v1/fax/drafts/.../cover";
    return track(m_nam->put(request, pdf), Auth::Session, false);
}

ApiReply* ApiClient::deleteFaxCover(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/v1/fax/drafts/%1/cover").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::deleteFaxDraft(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/v1/fax/drafts/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::sendFaxDraft(qint64 id, const QJsonArray& recipients)
{
    const QJsonObject body{{QStringLiteral("recipients"), recipients}};
    return send("POST", QStringLiteral("/api/v1/fax/drafts/%1/send").arg(id), {}, Auth::Session, &body);
}

ApiReply* ApiClient::sentFaxes(int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return send("GET", QStringLiteral("/api/v1/fax/sent"), query, Auth::Session);
}

ApiReply* ApiClient::sentFax(qint64 id)
{
    return send("GET", QStringLiteral("/api/v1/fax/sent/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::resendFax(qint64 id, const QString& number)
{
    QJsonObject body;
    if (!number.isEmpty())
        body.insert(QStringLiteral("number"), number);
    return send("POST", QStringLiteral("/api/v1/fax/sent/%1/resend").arg(id), {}, Auth::Session, &body);
}

ApiReply* ApiClient::cancelFax(qint64 id)
{
    return send("POST", QStringLiteral("/api/v1/fax/sent/%1/cancel").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::faxContacts(const QString& query)
{
    QUrlQuery q;
    // Names are Korean or carry '&' and '+': percent-encoded so that they survive as typed.
    if (!query.isEmpty())
        q.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(query)));
    return send("GET", QStringLiteral("/api/v1/fax/contacts"), q, Auth::Session);
}

ApiReply* ApiClient::addFaxContact(const QJsonObject& contact)
{
    return send("POST", QStringLiteral("/api/v1/fax/contacts"), {}, Auth::Session, &contact);
}

ApiReply* ApiClient::updateFaxContact(qint64 id, const QJsonObject& contact)
{
    return send("PUT", QStringLiteral("/api/v1/fax/contacts/%1").arg(id), {}, Auth::Session, &contact);
}

ApiReply* ApiClient::deleteFaxContact(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/v1/fax/contacts/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::faxInbox(bool unreadOnly, int limit)
{
    QUrlQuery query;
    if (unreadOnly)
        query.addQueryItem(QStringLiteral("unread"), QStringLiteral("1"));
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return send("GET", QStringLiteral("/api/v1/fax/inbox"), query, Auth::Session);
}

ApiReply* ApiClient::faxInboxPdf(qint64 id)
{
    return send("GET", QStringLiteral("/api/v1/fax/inbox/%1/pdf").arg(id), {}, Auth::Session, nullptr,
                "application/pdf");
}

ApiReply* ApiClient::faxInboxPage(qint64 id, int page, int width)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("width"), QString::number(width));
    return send("GET", QStringLiteral("/api/v1/fax/inbox/%1/pages/%2").arg(id).arg(page), query, Auth::Session,
                nullptr, "image/png");
}

ApiReply* ApiClient::markFaxRead(qint64 id, bool read)
{
    const QJsonObject body{{QStringLiteral("read"), read}};
    return send("POST", QStringLiteral("/api/v1/fax/inbox/%1/read").arg(id), {}, Auth::Session, &body);
}

ApiReply* ApiClient::deleteInboxFax(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/v1/fax/inbox/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::printInboxFax(qint64 id)
{
    return send("POST", QStringLiteral("/api/v1/fax/inbox/%1/print").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::forwardInboxFax(qint64 id, const QJsonArray& recipients)
{
    const QJsonObject body{{QStringLiteral("recipients"), recipients}};
    return send("POST", QStringLiteral("/api/v1/fax/inbox/%1/forward").arg(id), {}, Auth::Session, &body);
}

ApiReply* ApiClient::blockInboxSender(qint64 id)
{
    return send("POST", QStringLiteral("/api/v1/fax/inbox/%1/block").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::devices()
{
    return send("GET", QStringLiteral("/api/v1/devices"), {}, Auth::Session);
}

ApiReply* ApiClient::device(qint64 id)
{
    return send("GET", QStringLiteral("/api/v1/devices/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::deviceAlerts()
{
    return send("GET", QStringLiteral("/api/v1/devices/alerts"), {}, Auth::Session);
}

QUrlQuery ApiClient::suppliesQuery(int days, const QString& location)
{
    QUrlQuery query;
    if (days > 0)
        query.addQueryItem(QStringLiteral("days"), QString::number(days));
    // Locations are Korean or carry '&' and '+': percent-encoded so that they survive as typed.
    if (!location.isEmpty())
        query.addQueryItem(QStringLiteral("location"), QString::fromLatin1(QUrl::toPercentEncoding(location)));
    return query;
}

ApiReply* ApiClient::suppliesOrder(int days, const QString& location)
{
    return send("GET", QStringLiteral("/api/v1/supplies/order"), suppliesQuery(days, location), Auth::Session);
}

ApiReply* ApiClient::suppliesOrderCsv(int days, const QString& location)
{
    QUrlQuery query = suppliesQuery(days, location);
    query.addQueryItem(QStringLiteral("format"), QStringLiteral("csv"));
    return send("GET", QStringLiteral("/api/v1/supplies/order"), query, Auth::Session, nullptr, "text/csv");
}

ApiReply* ApiClient::createScan(const QString& fileName, const QString& mode, int resolution)
{
    const QJsonObject body{{QStringLiteral("fileName"), fileName},
                           {QStringLiteral("mode"), mode},
                           {QStringLiteral("resolution"), resolution}};
    return send("POST", QStringLiteral("/api/v1/kiosk/scans"), {}, Auth::Session, &body);
}

ApiReply* ApiClient::putScanPage(qint64 id, int page, const QByteArray& data, const QString& mimeType)
{
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return failedReply(QStringLiteral("bad-request"), noServerMessage());
    QNetworkRequest request =
        makeRequest(QStringLiteral("/api/v1/kiosk/scans/%1/pages/%2").arg(id).arg(page), {}, Auth::Session);
    request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType.toLatin1());
    qCDebug(lcApiClient).noquote() << "PUT /api/v1/kiosk/scans/.../pages/" << page << data.size() << "bytes";
    return track(m_nam->put(request, data), Auth::Session, false);
}

ApiReply* ApiClient::deleteScanPage(qint64 id, int page)
{
    return send("DELETE", QStringLiteral("/api/v1/kiosk/scans/%1/pages/%2").arg(id).arg(page), {}, Auth::Session);
}

ApiReply* ApiClient::sendScan(qint64 id)
{
    return send("POST", QStringLiteral("/api/v1/kiosk/scans/%1/send").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::deleteScan(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/v1/kiosk/scans/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::scan(qint64 id)
{
    return send("GET", QStringLiteral("/api/v1/kiosk/scans/%1").arg(id), {}, Auth::Session);
}

ApiReply* ApiClient::openStream(const QString& path, int idleTimeoutMs, const QByteArray& lastEventId)
{
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return failedReply(QStringLiteral("bad-request"), noServerMessage());
    QNetworkRequest request = makeRequest(path, {}, Auth::Session);
    request.setRawHeader("Accept", "text/event-stream");
    if (!lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastEventId); // the server replays what was missed
    request.setTransferTimeout(idleTimeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    qCDebug(lcApiClient).noquote() << "GET (stream)" << path;
    return track(m_nam->get(request), Auth::Session, true);
}

void ApiClient::probeCertificate(const QUrl& url)
{
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->abort();
        m_probe->deleteLater();
    }
    if (url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT certificateProbeFailed(badAddressMessage()); }, Qt::QueuedConnection);
        return;
    }
    auto* socket = new QSslSocket(this);
    m_probe = socket;
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError>&) {
        const QSslCertificate cert = socket->peerCertificate();
        if (cert.isNull())
            return finishProbe(socket, {}, {}, false,
                               tr("The server did not present a certificate. Ask the print admin."));
        finishProbe(socket, CertificatePin::of(cert).toDisplayString(), cert.subjectDisplayName(), false, {});
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        const QSslCertificate cert = socket->peerCertificate();
        finishProbe(socket, CertificatePin::of(cert).toDisplayString(), cert.subjectDisplayName(), true, {});
    });
    connect(
        socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
            qCInfo(lcApiClient).noquote() << "certificate probe failed:" << socket->errorString();
            finishProbe(
                socket, {}, {}, false,
                error == QAbstractSocket::HostNotFoundError
                    ? tr("The server cannot be found. Check the server address and the network connection.")
                    : tr("The server cannot be reached. Check the network connection."));
        });
    QTimer::singleShot(ProbeTimeoutMs, socket, [this, socket] {
        finishProbe(socket, {}, {}, false,
                    tr("The server did not answer in time. Check the network connection and try again."));
    });
    socket->connectToHostEncrypted(url.host(), static_cast<quint16>(url.port(443)));
}

void ApiClient::finishProbe(QSslSocket* socket, const QString& fingerprint, const QString& subject,
                            bool trusted, const QString& error)
{
    // A probe that was replaced by a newer one reports nothing.
    if (!socket || socket != m_probe)
        return;
    m_probe = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    if (!error.isEmpty())
        Q_EMIT certificateProbeFailed(error);
    else
        Q_EMIT certificateProbed(fingerprint, subject, trusted);
}
