#pragma once
#include "AccountingService.h"
#include "AlertService.h"
#include "Authenticator.h"
#include "Clock.h"
#include "DataDirLock.h"
#include "DeviceMonitor.h"
#include "DevicesApi.h"
#include "DocumentConverter.h"
#include "EventBus.h"
#include "FaxDispatcher.h"
#include "FaxGateway.h"
#include "FaxInbox.h"
#include "FaxInboxApi.h"
#include "FaxService.h"
#include "HttpServer.h"
#include "IppEndpoint.h"
#include "JobService.h"
#include "ReleaseQueue.h"
#include "RestApi.h"
#include "ScanService.h"
#include "ServerConfig.h"
#include "SmtpMailer.h"
#include "Spool.h"
#include "SpoolWatch.h"
#include "Store.h"
#include "UploadGate.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

/// Opens (or creates) a data directory: master key, encrypted database, spool. Used by the server
/// and by mps-admin.
struct DataDir
{
    QString path;
    SecretKey master;
    Store store;
    Spool spool;

    /// Creates what is missing (directory 0700, master key 0600, database, spool). Returns false with
    /// `error`.
    [[nodiscard]] bool open(const QString& dir, QString* error);
    /// The key that wraps job keys (derived from the master key).
    SecretKey jobKek() const { return master.derive(2, "MPSJOBKW"); }
};

/// mps-server: wires the store, spool, services and the HTTPS listener together.
class Server
{
public:
    explicit Server(ServerConfig config);
    ~Server();

    /// Starts everything; returns false with `error` set when the data directory, TLS or port fails.
    [[nodiscard]] bool start(QString* error);
    void stop();
    /// Applies a re-read configuration (SIGHUP) while serving: hold and expiry-warning times, the
    /// document size limit, the expiry sweep, device polling and the TLS certificate and key take
    /// effect now; every other changed key is logged as needing a restart and keeps its value. Held
    /// jobs, sessions and open push streams are untouched. Returns the keys left for a restart.
    QStringList reload(const ServerConfig& next);
    quint16 port() const { return m_http ? m_http->port() : 0; }

private:
    void route(HttpExchange& ex);
    /// A request for the IPP endpoint refused from its head alone (HttpHeadCheck; I/O thread).
    std::optional<HttpHeadAnswer> answerBeforeBody(const HttpExchange& ex) const;
    void sweepLoop();

    ServerConfig m_config;
    SystemClock m_clock;
    DataDirLock m_lock; // held while running: one server per data directory, no restore under it
    DataDir m_data;
    EventBus m_events;
    QByteArray m_icon;
    std::unique_ptr<AccountingService> m_accounting;
    std::unique_ptr<DocumentConverter> m_converter; // outlives m_jobs, which uses it
    UploadGate m_uploads{0};                        // outlives m_jobs and m_fax, which use it
    std::unique_ptr<JobService> m_jobs;
    std::unique_ptr<FaxGateway> m_faxGateway; // outlives m_faxDispatcher, which calls it
    std::unique_ptr<FaxService> m_fax;
    std::unique_ptr<FaxDispatcher> m_faxDispatcher;
    std::unique_ptr<SmtpMailer> m_mailer; // [mail]; outlives m_scans, which sends through it
    std::unique_ptr<ScanService> m_scans;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<ReleaseQueue> m_release;
    std::unique_ptr<AlertService> m_alerts;   // outlives m_devices, which calls it
    std::unique_ptr<SpoolWatch> m_spoolWatch; // the sweep's: mails the admins as the spool fills
    std::unique_ptr<DeviceMonitor> m_devices; // after m_release: stopped and destroyed before it
    std::unique_ptr<DevicesApi> m_devicesApi;
    std::unique_ptr<IppEndpoint> m_ipp;
    std::unique_ptr<FaxInbox> m_faxInbox;
    std::unique_ptr<FaxInboxApi> m_faxInboxApi; // outlives m_api, which points to it
    std::unique_ptr<RestApi> m_api;
    std::unique_ptr<HttpServer> m_http;
    std::thread m_sweeper;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_running = false;
    /// Set once every endpoint is wired and started; until then route() answers 503 "starting".
    std::atomic<bool> m_serving{false};
};
