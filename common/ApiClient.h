#pragma once
#include "ApiReply.h"
#include "CertificatePin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QSslError;
class QSslSocket;

/// Client of the MPS server's REST API (/api/v1), shared by the tray app and the kiosk.
///
/// All calls are asynchronous and return an ApiReply that the caller owns (see ApiReply). The client
/// and its one QNetworkAccessManager belong to the thread that created them; call it from there only.
///
/// TLS: with no pinned certificate the system's certificate authorities decide, and an untrusted
/// certificate fails with errorCode() "tls-untrusted". With a pin, only the pinned certificate is
/// accepted (also when a CA would vouch for another one): a different one fails with
/// "tls-pin-mismatch". probeCertificate() fetches a server's fingerprint for trust on first use.
///
/// A 401 answer to a call made with the current session token (or with none, when none is set) ends
/// that session: the token is cleared and sessionExpired() is emitted. Answers to a token that has
/// been replaced meanwhile are ignored, so one expired session gives one sessionExpired().
class ApiClient : public QObject
{
    Q_OBJECT
public:
    /// Creates a client with no server address, session or pin.
    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    /// Sets the server address, e.g. https://print.example.org:8631 (a path prefix is kept).
    void setBaseUrl(const QUrl& url);
    /// Returns the server address.
    QUrl baseUrl() const { return m_baseUrl; }

    /// Sets the session token sent as "Authorization: Bearer"; empty for none. login() and the kiosk
    /// sign-ins set it themselves on success, logout() clears it.
    void setToken(const QString& token);
    /// Returns the current session token (empty when signed out). Never log it.
    QString token() const { return m_token; }

    /// Sets the kiosk's device token, sent as "X-MPS-Device-Token" on every request; empty for none.
    void setDeviceToken(const QString& deviceToken);
    /// Returns the kiosk's device token.
    QString deviceToken() const { return m_deviceToken; }

    /// Pins the server certificate by its SHA-256 fingerprint (64 hex digits, colons and spaces
    /// allowed); an empty argument removes the pin. Returns false, leaving the pin unchanged, when
    /// the text is not a fingerprint. Open connections are dropped so the new pin applies at once.
    [[nodiscard]] bool setPinnedCertificateSha256(const QByteArray& hexOrColonHex);
    /// Returns the pinned certificate (null when none).
    CertificatePin pinnedCertificate() const { return m_pin; }

    /// Connects once to `url` (https://host:port) and reports the certificate the server presents
    /// through certificateProbed(), or certificateProbeFailed() when no certificate could be had.
    /// Sends nothing over the connection. Only one probe runs at a time; a new one replaces it.
    void probeCertificate(const QUrl& url);

    /// POST /api/v1/session: signs in with a password. On success json() holds "token" and "user",
    /// and the token becomes the client's session token.
    ApiReply* login(const QString& username, const QString& password);
    /// DELETE /api/v1/session: ends the session on the server and clears the token at once.
    ApiReply* logout();
    /// GET /api/v1/me: json() holds "user".
    ApiReply* me();

    /// GET /api/v1/jobs: json() holds "jobs" (JobInfo::fromJson each); `history` adds finished jobs.
    ApiReply* jobs(bool history = false);
    /// GET /api/v1/jobs/{id}: json() holds "job".
    ApiReply* job(qint64 id);
    /// GET /api/v1/jobs/{id}/thumbnail: data() holds the PNG of the first page.
    ApiReply* thumbnail(qint64 id);
    /// PATCH /api/v1/jobs/{id} with `changes` ("copies", "sides", "colorMode"): json() holds "job".
    ApiReply* updateJob(qint64 id, const QJsonObject& changes);
    /// DELETE /api/v1/jobs/{id}: json() holds "deleted".
    ApiReply* deleteJob(qint64 id);
    /// POST /api/v1/jobs/{id}/release to the printer named `printer` (empty at a kiosk: its own
    /// printer) with optional option `changes`: json() holds "job", now "releasing".
    ApiReply* releaseJob(qint64 id, const QString& printer, const QJsonObject& changes = {});

    /// POST /api/v1/jobs?name=: uploads the document read from `device` (open for reading) as a new
    /// held job; json() holds "job". The body is streamed, never held in memory, when `device` is
    /// random-access or its `size` is given; an unsized sequential device is buffered by Qt.
    /// `device` must stay alive until the reply finishes. `mimeType` is application/pdf,
    /// image/jpeg, image/pwg-raster or image/urf. Progress comes as ApiReply::uploadProgress().
    ApiReply* uploadJob(QIODevice* device, const QString& name, const QString& mimeType, qint64 size = -1,
                        const QString& captureId = QString());
    /// Uploads the file at `filePath` as above. An empty `name` uses the file name; an empty
    /// `mimeType` is guessed from the file's content.
    ApiReply* uploadJob(const QString& filePath, const QString& name = {}, const QString& mimeType = {});

    /// GET /api/v1/printers: json() holds "printers".
    ApiReply* printers();

    /// GET /api/v1/usage/quota: my quota state now. json() holds "period" ({label, begin, end}),
    /// "currency" and "quotas" (QuotaState JSON each: mine first, then my departments').
    ApiReply* usageQuota();
    /// GET /api/v1/usage/report: usage `by` "user", "department" or "printer" in `period` ("2026-11";
    /// empty: the current one), limited to `department` (a code; empty: what I may see). json() holds
    /// "period", "currency", "by", "rows" and "totals" (docs/accounting.md). A department head asking
    /// for another department gets "forbidden".
    ApiReply* usageReport(const QString& by, const QString& period = {}, const QString& department = {});
    /// As usageReport() with format=csv: data() holds the server's CSV (UTF-8 with a BOM) as it came,
    /// for saving unchanged.
    ApiReply* usageReportCsv(const QString& by, const QString& period = {}, const QString& department = {});
    /// GET /api/v1/usage/trend: the last `months` periods, oldest first, of `department` (a code) or
    /// `user` (a name); both empty: mine. json() holds "currency" and "periods" (rows with "label").
    ApiReply* usageTrend(int months, const QString& department = {}, const QString& user = {});
    /// GET /api/v1/usage/savings: `baseline` against `compare` (period labels) for `department`
    /// (empty: what I may see). json() holds "baseline", "compare" and "change".
    ApiReply* usageSavings(const QString& baseline, const QString& compare, const QString& department = {});
    /// GET /api/v1/departments: json() holds "departments" ([{code, name, parent, heads}]), those I may
    /// report on.
    ApiReply* departments();

    /// POST /api/v1/kiosk/session with a card number; on success json() holds "token", "user",
    /// "printer" and the token becomes the session token. Unknown cards fail with "unknown-card".
    ApiReply* kioskSessionWithCard(const QString& card);
    /// POST /api/v1/kiosk/session with a user name and PIN; as kioskSessionWithCard().
    ApiReply* kioskSessionWithPin(const QString& username, const QString& pin);
    /// POST /api/v1/kiosk/session with a user name and password; a non-empty `card` is linked to
    /// the account. As kioskSessionWithCard().
    ApiReply* kioskSessionWithPassword(const QString& username, const QString& password,
                                       const QString& card = {});
    /// GET /api/v1/kiosk: json() holds "kiosk" (its name) and "printer".
    ApiReply* kioskInfo();
    /// Tells the server, with every kiosk sign-in, that this kiosk has a fingerprint sensor: a user
    /// who enrolled a fingerprint is then asked to confirm with it (the answer holds "verify",
    /// "challenge" and "candidates" instead of "token").
    void setKioskHasFingerprintReader(bool present) { m_kioskFingerprintReader = present; }
    /// POST /api/v1/kiosk/session with the result of a fingerprint check against `challenge` (from a
    /// verify answer or fingerprintCandidates()): `user` matched, or (`match` false) did not.
    ApiReply* kioskSessionWithFingerprint(const QString& challenge, const QString& user, bool match);
    /// POST /api/v1/kiosk/session saying the sensor could not check `user` for the verification
    /// `challenge` (it failed, or does not hold that finger): the sign-in goes on with the card or PIN.
    ApiReply* kioskSessionSensorFailed(const QString& challenge, const QString& user);
    /// GET /api/v1/kiosk/fingerprint/candidates: "challenge" and "candidates" ([{user, template}]),
    /// the enrolled users who have held jobs, for identification at the sensor.
    ApiReply* fingerprintCandidates();
    /// PUT /api/v1/kiosk/fingerprint: registers `templ` (a serialized libfprint print) for the user
    /// of the kiosk session. `consent` says the person agreed on the kiosk's consent screen; the
    /// server refuses without it ("consent-required").
    ApiReply* enrollFingerprint(const QByteArray& templ, bool consent);
    /// DELETE /api/v1/kiosk/fingerprint: removes the session user's fingerprint.
    ApiReply* removeFingerprint();
    /// DELETE /api/v1/me/fingerprint: deletes the signed-in user's own fingerprint template and their
    /// consent (the tray app's withdrawal; any signed-in session).
    ApiReply* deleteMyFingerprint();

    /// GET /api/v1/fax/settings: json() holds "enabled", "outsidePrefix", "extensionDigits",
    /// "maxRecipients" and "gateway" (docs/fax.md).
    ApiReply* faxSettings();
    /// POST /api/v1/fax/drafts?name=: uploads the file at `filePath` as a fax draft (same formats and
    /// refusals as uploadJob(); an empty `mimeType` is guessed). json() holds "draft".
    ApiReply* uploadFaxDraft(const QString& filePath, const QString& name = {}, const QString& mimeType = {});
    /// As above from `device` (open for reading, alive until the reply finishes); `captureId` makes
    /// the upload idempotent as for jobs.
    ApiReply* uploadFaxDraft(QIODevice* device, const QString& name, const QString& mimeType, qint64 size = -1,
                             const QString& captureId = QString());
    /// GET /api/v1/fax/drafts/{id}: json() holds "draft".
    ApiReply* faxDraft(qint64 id);
    /// GET /api/v1/fax/drafts/{id}/pages/{page}?width=: data() holds the PNG of page `page` (1-based,
    /// the cover first).
    ApiReply* faxDraftPage(qint64 id, int page, int width);
    /// PUT /api/v1/fax/drafts/{id}/cover with the one-page PDF `pdf`: json() holds "draft".
    ApiReply* putFaxCover(qint64 id, const QByteArray& pdf);
    /// DELETE /api/v1/fax/drafts/{id}/cover: json() holds "draft".
    ApiReply* deleteFaxCover(qint64 id);
    /// DELETE /api/v1/fax/drafts/{id}: json() holds "deleted".
    ApiReply* deleteFaxDraft(qint64 id);
    /// POST /api/v1/fax/drafts/{id}/send to `recipients` ([{name, number}]): json() holds "faxes".
    ApiReply* sendFaxDraft(qint64 id, const QJsonArray& recipients);
    /// GET /api/v1/fax/sent?limit=: json() holds "faxes", mine, newest first.
    ApiReply* sentFaxes(int limit = 100);
    /// GET /api/v1/fax/sent/{id}: json() holds "fax".
    ApiReply* sentFax(qint64 id);
    /// POST /api/v1/fax/sent/{id}/resend, to `number` when not empty: json() holds the new "fax".
    ApiReply* resendFax(qint64 id, const QString& number = {});
    /// POST /api/v1/fax/sent/{id}/cancel: json() holds "fax".
    ApiReply* cancelFax(qint64 id);
    /// GET /api/v1/fax/contacts?q=: json() holds "contacts" (mine and my departments').
    ApiReply* faxContacts(const QString& query = {});
    /// POST /api/v1/fax/contacts with {name, number, scope, note}: json() holds "contact".
    ApiReply* addFaxContact(const QJsonObject& contact);
    /// PUT /api/v1/fax/contacts/{id} with the changed fields: json() holds "contact".
    ApiReply* updateFaxContact(qint64 id, const QJsonObject& contact);
    /// DELETE /api/v1/fax/contacts/{id}.
    ApiReply* deleteFaxContact(qint64 id);
    /// GET /api/v1/fax/inbox (`unreadOnly`: unread=1; `limit` > 0: limit=): json() holds "faxes".
    ApiReply* faxInbox(bool unreadOnly = false, int limit = 0);
    /// GET /api/v1/fax/inbox/{id}/pdf: data() holds the PDF.
    ApiReply* faxInboxPdf(qint64 id);
    /// GET /api/v1/fax/inbox/{id}/pages/{page}?width=: data() holds the PNG of that page.
    ApiReply* faxInboxPage(qint64 id, int page, int width);
    /// POST /api/v1/fax/inbox/{id}/read with {"read": read}: json() holds "fax".
    ApiReply* markFaxRead(qint64 id, bool read);
    /// DELETE /api/v1/fax/inbox/{id} (for a department mailbox: for every member): json() holds "deleted".
    ApiReply* deleteInboxFax(qint64 id);
    /// POST /api/v1/fax/inbox/{id}/print: json() holds "job", a held print job of the fax.
    ApiReply* printInboxFax(qint64 id);
    /// POST /api/v1/fax/inbox/{id}/forward to `recipients` ([{name, number}]): json() holds "faxes".
    ApiReply* forwardInboxFax(qint64 id, const QJsonArray& recipients);
    /// POST /api/v1/fax/inbox/{id}/block: adds the sender to my block list; json() holds "blocked".
    ApiReply* blockInboxSender(qint64 id);

    /// GET /api/v1/devices (admins only, docs/devices.md): json() holds "devices" (device JSON, sorted
    /// by attention, then name) and "checked". Others get "forbidden".
    ApiReply* devices();
    /// GET /api/v1/devices/{id}: json() holds "device" with its "history" (supplies and pages, 30 days).
    ApiReply* device(qint64 id);
    /// GET /api/v1/devices/alerts: json() holds "alerts", the open device alerts.
    ApiReply* deviceAlerts();
    /// GET /api/v1/supplies/order?days=&location=: json() holds "items", "days" and "lowPercent".
    /// `days` <= 0 and an empty `location` (a prefix: building or floor) leave the server's defaults.
    ApiReply* suppliesOrder(int days = 0, const QString& location = {});
    /// As suppliesOrder() with format=csv: data() holds the server's CSV as it came, for saving unchanged.
    ApiReply* suppliesOrderCsv(int days = 0, const QString& location = {});

    /// POST /api/v1/kiosk/scans (kiosk session, docs/scan.md): opens a scan to the signed-in user's own
    /// address; `mode` "color", "gray" or "lineart", `resolution` 150 or 300. json() holds "scan".
    ApiReply* createScan(const QString& fileName, const QString& mode, int resolution);
    /// PUT /api/v1/kiosk/scans/{id}/pages/{page} with the encoded page (`mimeType` "image/jpeg" or
    /// "image/png"; page 1.., replacing). json() holds "scan"; "scan-too-large" carries "maxBytes".
    ApiReply* putScanPage(qint64 id, int page, const QByteArray& data, const QString& mimeType);
    /// DELETE /api/v1/kiosk/scans/{id}/pages/{page}: later pages move up. json() holds "scan".
    ApiReply* deleteScanPage(qint64 id, int page);
    /// POST /api/v1/kiosk/scans/{id}/send: json() holds "scan" with "state" "sending".
    ApiReply* sendScan(qint64 id);
    /// DELETE /api/v1/kiosk/scans/{id}: the pages are destroyed.
    ApiReply* deleteScan(qint64 id);
    /// GET /api/v1/kiosk/scans/{id}: json() holds "scan" with its "state".
    ApiReply* scan(qint64 id);

    /// GET `path` (e.g. "/api/v1/events") as a long-lived stream with the session, device token and
    /// pin: the reply emits streamStarted() and streamData() instead of buffering the body. A dead
    /// connection (no bytes for `idleTimeoutMs`) ends it with "timeout". For EventStream.
    ApiReply* openStream(const QString& path, int idleTimeoutMs, const QByteArray& lastEventId = {});

Q_SIGNALS:
    /// The server refused the current session token (it expired or was ended): sign in again.
    void sessionExpired();
    /// The session token changed (signed in, signed out, or expired).
    void tokenChanged();
    /// probeCertificate() result: the certificate's SHA-256 fingerprint as "AB:CD:..." for people to
    /// compare, its subject, and whether the system's certificate authorities trust it for the host.
    void certificateProbed(const QString& fingerprint, const QString& subject, bool trustedBySystem);
    /// probeCertificate() could not get a certificate; `message` says why.
    void certificateProbeFailed(const QString& message);

private:
    enum class Auth { None, Session };

    QNetworkRequest makeRequest(const QString& path, const QUrlQuery& query, Auth auth) const;
    static QUrlQuery reportQuery(const QString& by, const QString& period, const QString& department);
    static QUrlQuery suppliesQuery(int days, const QString& location);
    ApiReply* send(const QByteArray& verb, const QString& path, const QUrlQuery& query, Auth auth,
                   const QJsonObject* body = nullptr, const QByteArray& accept = "application/json");
    ApiReply* uploadDocument(const QString& path, QIODevice* device, const QString& name, const QString& mimeType,
                             qint64 size, const QString& captureId);
    ApiReply* uploadFile(const QString& path, const QString& filePath, const QString& name,
                         const QString& mimeType);
    ApiReply* track(QNetworkReply* reply, Auth auth, bool streaming);
    ApiReply* failedReply(const QString& code, const QString& message);
    ApiReply* kioskSession(const QJsonObject& body);
    void guardTls(QNetworkReply* reply, ApiReply* apiReply);
    void onReplyFinished(ApiReply* reply, Auth auth);
    void adoptTokenOnSuccess(ApiReply* reply);
    void finishProbe(QSslSocket* socket, const QString& fingerprint, const QString& subject, bool trusted,
                     const QString& error);

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    QString m_token;
    QString m_deviceToken;
    bool m_kioskFingerprintReader = false;
    CertificatePin m_pin;
    QPointer<QSslSocket> m_probe;
};
