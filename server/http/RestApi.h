#pragma once
#include "Authenticator.h"
#include "FaxApi.h"
#include "HttpServer.h"
#include "ScanApi.h"
#include "UsageApi.h"

#include <QHash>
#include <QJsonObject>
#include <optional>

class AccountingService;
class RateTable;
class DevicesApi;
class JobService;
class ReleaseQueue;
class EventBus;
class FaxInboxApi;
class Store;

/// The REST API under /api/v1 (JSON) and the push channel /api/v1/events (server-sent events).
/// Documented in docs/api.md. Protocol only: rules live in JobService and Authenticator.
class RestApi
{
public:
    RestApi(Store& store, JobService& jobs, ReleaseQueue& release, Authenticator& auth, EventBus& events,
            AccountingService& accounting);

    /// PC-fax sending routes (/api/v1/fax/...) go to `faxes` (null: fax disabled, 503).
    void setFaxService(FaxService* faxes) { m_fax = FaxApi(faxes); }
    /// The kiosk's scan-to-e-mail routes (/api/v1/kiosk/scans...) go to `scans` (null: 503 mail-disabled).
    void setScanService(ScanService* scans) { m_scan = ScanApi(scans); }
    /// Handles one exchange whose path starts with /api/v1.
    void handle(HttpExchange& ex);
    /// The fax inbox's routes (/fax/inbox, /fax/blocked, /gateway/fax-received); none: not served.
    void setFaxInbox(FaxInboxApi* inbox) { m_faxInbox = inbox; }
    /// Device monitoring routes (/api/v1/devices..., /api/v1/supplies/order); none: not served.
    void setDevicesApi(DevicesApi* devices) { m_devicesApi = devices; }

private:
    struct Call;
    void login(Call& c);
    void logout(Call& c);
    void me(Call& c);
    void listJobs(Call& c);
    void uploadJob(Call& c);
    void jobRoute(Call& c, qint64 id, const QString& sub);
    void printers(Call& c);
    void kioskSession(Call& c);
    void kioskInfo(Call& c);
    void kioskFingerprintCandidates(Call& c);
    void kioskFingerprint(Call& c);
    void removeMyFingerprint(Call& c);
    void kioskEvents(Call& c);
    void openKioskSession(Call& c, const KioskRecord& kiosk, const UserRecord& user);
    void events(Call& c);

    bool requireUser(Call& c);
    std::optional<QJsonObject> readJson(Call& c);
    QJsonObject printerJson(qint64 printerId, bool withUri);
    /// The job's JSON with its estimated "cost" at `printerId` (0: the default table) and "currency".
    QJsonObject pricedJobJson(const JobInfo& job, qint64 printerId);
    /// As above with the rate table already read and the owners' shown names found so far (a list
    /// reads the table once and each owner once, not per job).
    QJsonObject pricedJobJson(const JobInfo& job, const RateTable& rates,
                              QHash<QString, QString>* shownNames);
    /// The printer a caller's job costs are estimated at: ?printer=NAME, else the kiosk's, else 0.
    qint64 pricingPrinter(const Call& c);

    Store& m_store;
    JobService& m_jobs;
    ReleaseQueue& m_release;
    Authenticator& m_auth;
    EventBus& m_events;
    AccountingService& m_accounting;
    UsageApi m_usage;
    FaxInboxApi* m_faxInbox = nullptr;
    DevicesApi* m_devicesApi = nullptr;
    FaxApi m_fax{nullptr};
    ScanApi m_scan{nullptr};
};
