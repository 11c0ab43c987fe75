#include "Server.h"

#include "DeviceReport.h"
#include "HylaFaxGateway.h"
#include "Log.h"
#include "TlsCertificate.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QPainter>
#include <cups/cups.h>
#include <malloc.h>
#include <sys/stat.h>

bool DataDir::open(const QString& dir, QString* error)
{
    path = QDir(dir).absolutePath();
    if (!initCrypto()) {
        *error = QStringLiteral("libsodium cannot be initialised");
        return false;
    }
    const QByteArray p = QFile::encodeName(path);
    if (::mkdir(p.constData(), 0700) != 0 && errno != EEXIST) {
        *error = QStringLiteral("cannot create data directory %1").arg(path);
        return false;
    }
    ::chmod(p.constData(), 0700);
    if (!loadOrCreateMasterKey(path + QStringLiteral("/master.key"), &master, error))
        return false;
    if (!store.open(path + QStringLiteral("/mps.db"), master.derive(1, "MPSDBKEY"))) {
        *error = store.errorString();
        return false;
    }
    return spool.open(path + QStringLiteral("/spool"), error);
}

Server::Server(ServerConfig config) : m_config(std::move(config)) {}

Server::~Server()
{
    stop();
}

namespace {
// The printer icon IPP clients show (printer-icons): drawn, not shipped, so it always exists.
QByteArray drawIcon()
{
    QImage img(128, 128, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.fillRect(24, 12, 80, 36, QColor(0xf0, 0xf0, 0xf0));
    p.fillRect(8, 44, 112, 52, QColor(0x1f, 0x4e, 0x8c));
    p.fillRect(24, 80, 80, 36, QColor(0xff, 0xff, 0xff));
    p.fillRect(96, 56, 12, 8, QColor(0x7c, 0xd9, 0x92));
    p.end();
    QByteArray png;
    QBuffer buf(&png);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "PNG");
    return png;
}
} // namespace

bool Server::start(QString* error)
{
    if (!m_lock.acquire(m_config.dataDir)) { // docs/backup.md: restore refuses while this is held
        *error = m_lock.errorString();
        return false;
    }
    if (!m_data.open(m_config.dataDir, error))
        return false;
    // mps-admin prices, imports and reports with the same currency and periods as the server.
    LedgerStore& ledger = m_data.store.ledger();
    if (!ledger.setSetting(QStringLiteral("accounting.currency"), m_config.accounting.currency) ||
        !ledger.setSetting(QStringLiteral("accounting.periodStartDay"),
                           QString::number(m_config.accounting.periods.startDay)) ||
        !ledger.setSetting(QStringLiteral("accounting.timeZone"),
                           QString::fromUtf8(m_config.accounting.periods.zone.id()))) {
        *error = QStringLiteral("cannot store the accounting settings in the database");
        return false;
    }
    QDir().mkpath(QFileInfo(m_config.tlsCert).absolutePath());
    QDir().mkpath(QFileInfo(m_config.tlsKey).absolutePath());
    QStringList names{m_config.publicName, QStringLiteral("localhost"), QStringLiteral("127.0.0.1"),
                      QStringLiteral("::1")};
    names.removeDuplicates();
    if (!TlsCertificate::ensureSelfSigned(m_config.tlsCert, m_config.tlsKey, names, error))
        return false;

    JobService::Settings js;
    js.holdSecs = static_cast<qint64>(m_config.holdHours) * 3600;
    js.warnBeforeSecs = static_cast<qint64>(m_config.expiryWarningMinutes) * 60;
    js.maxDocumentBytes = m_config.maxDocumentBytes;
    js.render.maxImagePixels = qint64(std::max(1, m_config.renderMaxMegapixels)) * 1000000;
    js.maxHeldJobs = m_config.maxHeldJobs;
    js.maxHeldBytes = qint64(m_config.maxHeldMb) * 1024 * 1024;
    m_data.spool.setReserveBytes(qint64(m_config.spoolReserveMb) * 1024 * 1024);
    js.render.thumbnailMs = std::max(1, m_config.thumbnailSeconds) * 1000;
    js.render.rasterPageMs = std::max(1, m_config.rasterPageSeconds) * 1000;
    m_jobs = std::make_unique<JobService>(m_data.store, m_data.spool, m_data.jobKek(), m_events, m_clock, js);
    m_uploads.setLimit(m_config.maxUploadsPerUser);
    m_jobs->setUploadGate(&m_uploads);
    m_converter = std::make_unique<DocumentConverter>(m_config.convert);
    m_jobs->setConverter(m_converter.get());
    m_accounting = std::make_unique<AccountingService>(m_data.store, m_events, m_clock, m_config.accounting);
    m_jobs->setAccounting(m_accounting.get());
    Authenticator::Settings as;
    as.sessionSecs = static_cast<qint64>(m_config.sessionHours) * 3600;
    as.kioskSessionSecs = static_cast<qint64>(m_config.kioskSessionMinutes) * 60;
    as.lockoutFailures = m_config.lockoutFailures;
    as.lockoutSecs = m_config.lockoutSeconds > 0 ? m_config.lockoutSeconds
                                                 : static_cast<qint64>(m_config.lockoutMinutes) * 60;
    as.accountFailures = m_config.accountLockoutFailures;
    as.sourceBurst = m_config.signInBurst;
    as.sourceRefillSecs = m_config.signInRefillSeconds;
    as.passwordChecks = m_config.passwordChecks;
    as.passwordCheckWaitMs = m_config.passwordCheckWaitMs;
    as.kioskFingerprintVerify = m_config.kioskFingerprintVerify;
    // Fingerprint templates are sealed under their own subkey of the master key.
    m_auth = std::make_unique<Authenticator>(m_data.store, m_clock, as, m_data.master.derive(3, "MPSFPKEY"));
    // PC-fax sending (docs/fax.md): drafts are stored like jobs; the dispatcher talks to the gateway.
    FaxService::Settings fs;
    fs.gateway = m_config.fax.gateway;
    fs.draftHoldSecs = js.holdSecs;
    fs.keepDays = m_config.fax.keepDays;
    fs.maxDocumentBytes = js.maxDocumentBytes;
    fs.render = js.render; // fax page previews: the thumbnails' budget
    m_fax = std::make_unique<FaxService>(m_data.store, m_data.spool, m_data.jobKek(), m_events, m_clock, fs);
    m_fax->setConverter(m_converter.get());
    m_fax->setUploadGate(&m_uploads);
    if (m_config.fax.gateway == QLatin1String("hylafax")) {
        HylaFaxGateway::Settings hs;
        hs.host = m_config.fax.host;
        hs.port = m_config.fax.port;
        hs.user = m_config.fax.user;
        if (!m_config.fax.passwordFile.isEmpty()) {
            QFile pw(m_config.fax.passwordFile);
            if (!pw.open(QIODevice::ReadOnly)) {
                *error = QStringLiteral("cannot read the fax gateway password file %1")
                             .arg(m_config.fax.passwordFile);
                return false;
            }
            hs.password = QString::fromUtf8(pw.readAll()).trimmed();
        }
        m_faxGateway = std::make_unique<HylaFaxGateway>(hs);
    }
    if (m_faxGateway) {
        FaxDispatcher::Settings ds;
        ds.pollSecs = m_config.fax.pollSeconds;
        ds.maxDials = m_config.fax.maxDials;
        ds.maxTries = m_config.fax.maxTries;
        ds.gatewayRetryMinutes = m_config.fax.gatewayRetryMinutes;
        m_faxDispatcher = std::make_unique<FaxDispatcher>(m_data.store, *m_fax, *m_faxGateway, m_clock, ds);
        m_fax->setDispatcher(m_faxDispatcher.get());
    }
    // Scan to e-mail (docs/scan.md): pages in the spool under each scan's key, mail through [mail].
    if (m_config.mail.enabled())
        m_mailer = std::make_unique<SmtpMailer>(m_config.mail);
    ScanService::Settings ss;
    ss.maxBytes = ScanService::attachLimit(m_config.scan.maxMb, m_config.mail.maxMessageMb);
    ss.retrySecs = m_config.scan.retrySeconds;
    ss.retryHours = m_config.scan.retryHours;
    m_scans = std::make_unique<ScanService>(m_data.store, m_data.spool, m_data.jobKek(), m_events, m_clock,
                                            m_mailer.get(), ss);
    ReleaseQueue::Settings rs;
    m_release = std::make_unique<ReleaseQueue>(m_data.store, *m_jobs, m_events, rs);
    m_jobs->setReleaseQueue(m_release.get());
    // Device monitoring (docs/devices.md): polls every printer on its own threads; the release path
    // reads what it found, and a queued release has its printer polled at once.
    m_devices = std::make_unique<DeviceMonitor>(m_data.store, m_events, m_config.devices);
    m_devices->setStatusSink([this](qint64 id, const PrinterStatus& st) { m_release->noteStatus(id, st); });
    m_devices->setDeviceJson([this](qint64 id) {
        return DeviceReport(m_data.store, m_devices.get(), m_config.devices,
                            QDateTime::currentSecsSinceEpoch())
            .device(id, false);
    });
    m_release->setEnqueueHook([this](qint64 id) { m_devices->pokeSoon(id); });
    m_devicesApi = std::make_unique<DevicesApi>(m_data.store, m_devices.get(), m_config.devices);
    // Device alerts (docs/devices.md, "Alerts"): observes every poll; mails through [mail] on its own thread.
    AlertService::Hooks alertHooks;
    alertHooks.printer = [this](qint64 id) -> std::optional<AlertService::PrinterInfo> {
        const std::optional<PrinterRecord> p = m_data.store.printerById(id);
        return p ? std::optional(AlertService::PrinterInfo{p->name, p->location}) : std::nullopt;
    };
    alertHooks.adminAddresses = [this] {
        QStringList to;
        for (const UserRecord& u : m_data.store.users()) {
            if (u.role == QLatin1String("admin") && !u.disabled && !u.email.isEmpty())
                to << u.email;
        }
        return to;
    };
    alertHooks.publishToAdmins = [this](const QJsonObject& event) { m_events.publishToAdmins(event); };
    if (m_mailer)
        alertHooks.send = [this](const MailMessage& message) { return m_mailer->send(message); };
    alertHooks.forecastDaysLeft = [this](qint64 id) {
        QHash<QString, int> days;
        const QJsonObject d =
            DeviceReport(m_data.store, m_devices.get(), m_config.devices, QDateTime::currentSecsSinceEpoch())
                .device(id, false);
        for (const QJsonValue& v : d.value(QStringLiteral("supplies")).toArray()) {
            const QJsonObject supply = v.toObject();
            if (supply.value(QStringLiteral("daysLeft")).isDouble())
                days.insert(supply.value(QStringLiteral("key")).toString(),
                            supply.value(QStringLiteral("daysLeft")).toInt());
        }
        return days;
    };
    alertHooks.unreachableSince = [this](qint64 id) { return m_devices->unreachableSince(id); };
    m_alerts = std::make_unique<AlertService>(m_data.store.alerts(), m_config.alerts, m_clock, alertHooks);
    m_devices->addObserver(
        [this](const DeviceSnapshot& before, const DeviceSnapshot& now) { m_alerts->observe(before, now); });
    m_devicesApi->setOpenAlerts([this] { return m_alerts->openAlerts(); });
    // The spool's free space, told to the same people as device alerts (docs/server.md "Spool space").
    SpoolWatch::Hooks spoolHooks;
    spoolHooks.recipients = [this] { return m_alerts->recipients(); };
    spoolHooks.publishToAdmins = alertHooks.publishToAdmins;
    spoolHooks.send = alertHooks.send;
    spoolHooks.loadState = [this] { return m_data.store.ledger().setting(QStringLiteral("spool-alert")); };
    spoolHooks.saveState = [this](const QString& state) {
        // Not stored (the database failing): a restart may mail about this level once more.
        (void)m_data.store.ledger().setSetting(QStringLiteral("spool-alert"), state);
    };
    m_spoolWatch = std::make_unique<SpoolWatch>(
        m_data.spool, qint64(m_config.spoolWarnMb) * 1024 * 1024,
        QDir(m_config.dataDir).absoluteFilePath(QStringLiteral("spool")), m_clock, spoolHooks);

    IppAttributes::PrinterIdentity id;
    id.host = m_config.publicName;
    id.plainAllowed = m_config.allowPlainHttp;
    char uuid[64];
    httpAssembleUUID(m_config.publicName.toUtf8().constData(), m_config.listenPort, "mps-secure-print", 0,
                     uuid, sizeof uuid);
    id.uuid = QString::fromLatin1(uuid);
    m_icon = drawIcon();

    // Crash recovery before anything is served: half-received jobs and orphans go, releases resume.
    m_fax->reconcile();
    m_jobs->reconcile();
    // Reconciling a large store leaves freed heap behind; give it back before serving.
    ::malloc_trim(0);

    m_http = std::make_unique<HttpServer>([this](HttpExchange& ex) { route(ex); },
                                          [this](const HttpExchange& ex) { return answerBeforeBody(ex); });
    HttpServer::Options ho;
    ho.host = m_config.listenHost;
    ho.port = m_config.listenPort;
    ho.certFile = m_config.tlsCert;
    ho.keyFile = m_config.tlsKey;
    ho.allowPlain = m_config.allowPlainHttp;
    ho.maxConnections = m_config.maxConnections;
    ho.maxPerAddress = m_config.maxConnectionsPerAddress;
    ho.maxStreams = m_config.maxEventStreams;
    ho.ioThreads = m_config.httpThreads;
    ho.workers = m_config.httpWorkers;
    ho.headerTimeoutSecs = m_config.headerTimeoutSeconds;
    ho.bodyTimeoutSecs = m_config.bodyTimeoutSeconds;
    ho.idleTimeoutSecs = m_config.idleTimeoutSeconds;
    m_events.setStreamsPerKey(m_config.maxEventStreamsPerUser);
    if (!m_http->start(ho, error))
        return false;
    id.port = m_http->port();
    m_ipp = std::make_unique<IppEndpoint>(m_data.store, *m_jobs, *m_auth, id, m_config.trustedUserHosts);
    m_ipp->setLimits({qint64(m_config.ippMaxAttributeKiB) * 1024, m_config.ippMaxAttributes});
    // PC-fax receiving (docs/fax.md): the gateway's hook delivers into the inbox, stored like jobs.
    m_faxInbox = std::make_unique<FaxInbox>(m_data.store, m_data.spool, m_data.jobKek(), m_events, m_clock,
                                            *m_jobs, FaxInbox::Settings{});
    m_faxInbox->setFaxService(m_fax.get()); // forward
    m_faxInboxApi = std::make_unique<FaxInboxApi>(*m_faxInbox);
    m_api = std::make_unique<RestApi>(m_data.store, *m_jobs, *m_release, *m_auth, m_events, *m_accounting);
    m_api->setFaxInbox(m_faxInboxApi.get());
    m_api->setFaxService(m_fax.get());
    m_api->setDevicesApi(m_devicesApi.get());
    m_api->setScanService(m_scans.get());
    m_release->start();
    m_alerts->start();
    m_devices->start();
    if (m_faxDispatcher)
        m_faxDispatcher->start();
    m_scans->start();
    {
        std::lock_guard lock(m_mutex);
        m_running = true;
    }
    m_sweeper = std::thread([this] { sweepLoop(); });
    // Requests already arriving (the port is open since m_http->start) are answered from here on.
    m_serving.store(true, std::memory_order_release);
    qCInfo(lcHttp).noquote() << "listening on" << m_config.listenHost << "port" << m_http->port()
                             << (m_config.allowPlainHttp ? "(TLS and plain HTTP)" : "(TLS)");
    return true;
}

void Server::route(HttpExchange& ex)
{
    // Until start() finishes wiring, every request gets 503, health included: a 200 means ready.
    const bool serving = m_serving.load(std::memory_order_acquire);
    const QString path = ex.path();
    if (path == QLatin1String("/healthz")) {
        if (!serving)
            return (void)ex.respond(503, "application/json", "{\"status\":\"starting\"}",
                                    {{"Retry-After", "1"}});
        // The password-check pool's counters: how many Argon2id checks ran at once at most. The spool's
        // space, for monitoring to warn before uploads are refused (docs/server.md "Spool space").
        const PasswordCheckPool::Stats ps = m_auth->passwordCheckStats();
        qint64 freeBytes = 0;
        const bool room = m_data.spool.hasRoom(0, &freeBytes);
        ex.respond(200, "application/json",
                   QStringLiteral("{\"status\":\"ok\",\"passwordChecks\":{\"capacity\":%1,\"inUse\":%2,"
                                  "\"peak\":%3,\"checks\":%4,\"busy\":%5},\"spool\":{\"freeMb\":%6,"
                                  "\"reserveMb\":%7,\"full\":%8}}")
                       .arg(ps.capacity)
                       .arg(ps.inUse)
                       .arg(ps.peak)
                       .arg(ps.checks)
                       .arg(ps.refused)
                       .arg(freeBytes / (1024 * 1024))
                       .arg(m_data.spool.reserveBytes() / (1024 * 1024))
                       .arg(room ? QLatin1String("false") : QLatin1String("true"))
                       .toUtf8());
        return;
    }
    if (!serving) {
        ex.closeAfterResponse();
        ex.respond(503, "text/plain", "Starting, try again shortly.\n", {{"Retry-After", "1"}});
        return;
    }
    if (path == QLatin1String("/ipp/print"))
        return m_ipp->handle(ex);
    if (path.startsWith(QLatin1String("/api/v1/")) || path == QLatin1String("/api/v1"))
        return m_api->handle(ex);
    if (path == QLatin1String("/icons/printer.png"))
        return (void)ex.respond(200, "image/png", m_icon);
    if (path == QLatin1String("/")) {
        ex.respond(200, "text/plain; charset=utf-8",
                   "MPS print server.\nPrint to ipps://<this host>:<port>/ipp/print; API at /api/v1 (see "
                   "docs/api.md).\n");
        return;
    }
    ex.closeAfterResponse();
    ex.respond(404, "text/plain", "Not found.\n");
}

std::optional<HttpHeadAnswer> Server::answerBeforeBody(const HttpExchange& ex) const
{
    if (!m_serving.load(std::memory_order_acquire) || ex.path() != QLatin1String("/ipp/print"))
        return std::nullopt;
    return m_ipp->answerBeforeBody(ex);
}

void Server::sweepLoop()
{
    std::unique_lock lock(m_mutex);
    while (m_running) {
        lock.unlock();
        m_jobs->sweep();
        m_auth->flushRefusalLog();
        IppEndpoint::flushLog(QDateTime::currentSecsSinceEpoch());
        m_fax->sweep();
        if (m_spoolWatch)
            m_spoolWatch->check();
        lock.lock();
        m_cv.wait_for(lock, std::chrono::seconds(m_config.expirySweepSeconds), [this] { return !m_running; });
    }
}

namespace {
Q_LOGGING_CATEGORY(lcConfig, "mps.server.config", QtInfoMsg)

// The keys a reload cannot apply, each with whether it changed between `a` and `b`.
QStringList restartOnlyChanges(const ServerConfig& a, const ServerConfig& b)
{
    QStringList changed;
    const auto check = [&](bool differs, const char* key) {
        if (differs)
            changed << QLatin1String(key);
    };
    check(a.dataDir != b.dataDir, "data");
    check(a.listenHost != b.listenHost || a.listenPort != b.listenPort, "listen");
    check(a.publicName != b.publicName, "public-name");
    check(a.allowPlainHttp != b.allowPlainHttp, "allow-plain-http");
    check(a.coreDumps != b.coreDumps, "core-dumps");
    check(a.trustedUserHosts != b.trustedUserHosts, "trusted-user-hosts");
    check(a.sessionHours != b.sessionHours || a.kioskSessionMinutes != b.kioskSessionMinutes,
          "session-hours/kiosk-session-minutes");
    check(a.lockoutFailures != b.lockoutFailures || a.lockoutMinutes != b.lockoutMinutes ||
              a.lockoutSeconds != b.lockoutSeconds || a.accountLockoutFailures != b.accountLockoutFailures ||
              a.signInBurst != b.signInBurst || a.signInRefillSeconds != b.signInRefillSeconds ||
              a.passwordChecks != b.passwordChecks || a.passwordCheckWaitMs != b.passwordCheckWaitMs ||
              a.kioskFingerprintVerify != b.kioskFingerprintVerify,
          "sign-in (lockout, burst, password checks, fingerprint)");
    check(a.maxConnections != b.maxConnections || a.maxConnectionsPerAddress != b.maxConnectionsPerAddress ||
              a.maxEventStreams != b.maxEventStreams ||
              a.maxEventStreamsPerUser != b.maxEventStreamsPerUser || a.httpThreads != b.httpThreads ||
              a.httpWorkers != b.httpWorkers || a.headerTimeoutSeconds != b.headerTimeoutSeconds ||
              a.bodyTimeoutSeconds != b.bodyTimeoutSeconds || a.idleTimeoutSeconds != b.idleTimeoutSeconds,
          "connections (max-connections, http-threads, timeouts)");
    check(a.ippMaxAttributeKiB != b.ippMaxAttributeKiB || a.ippMaxAttributes != b.ippMaxAttributes ||
              a.renderMaxMegapixels != b.renderMaxMegapixels || a.thumbnailSeconds != b.thumbnailSeconds ||
              a.rasterPageSeconds != b.rasterPageSeconds,
          "ipp-max-*, render-max-megapixels, thumbnail-seconds, raster-page-seconds");
    check(a.spoolReserveMb != b.spoolReserveMb || a.maxHeldJobs != b.maxHeldJobs ||
              a.maxHeldMb != b.maxHeldMb || a.spoolWarnMb != b.spoolWarnMb ||
              a.maxUploadsPerUser != b.maxUploadsPerUser,
          "spool-reserve-mb, spool-warn-mb, max-held-jobs, max-held-mb, max-uploads-per-user");
    check(a.devices.pollThreads != b.devices.pollThreads || a.devices.historyDays != b.devices.historyDays ||
              a.devices.lowPercent != b.devices.lowPercent || a.devices.orderDays != b.devices.orderDays,
          "[devices] poll-threads, history-days, low-percent, order-days");
    check(a.alerts.forecastDays != b.alerts.forecastDays ||
              a.alerts.unreachableMinutes != b.alerts.unreachableMinutes ||
              a.alerts.reminderHours != b.alerts.reminderHours ||
              a.alerts.quietStartMinute != b.alerts.quietStartMinute ||
              a.alerts.quietEndMinute != b.alerts.quietEndMinute ||
              a.alerts.recipients != b.alerts.recipients || a.alerts.lowPercent != b.alerts.lowPercent,
          "[devices] alert keys");
    check(a.accounting.currency != b.accounting.currency ||
              a.accounting.periods.startDay != b.accounting.periods.startDay ||
              a.accounting.periods.zone != b.accounting.periods.zone,
          "[accounting]");
    check(a.mail.url != b.mail.url || a.mail.starttls != b.mail.starttls || a.mail.user != b.mail.user ||
              a.mail.passwordFile != b.mail.passwordFile || a.mail.from != b.mail.from ||
              a.mail.caFile != b.mail.caFile || a.mail.timeoutSeconds != b.mail.timeoutSeconds ||
              a.mail.maxMessageMb != b.mail.maxMessageMb,
          "[mail]");
    check(a.scan.maxMb != b.scan.maxMb || a.scan.retryHours != b.scan.retryHours ||
              a.scan.retrySeconds != b.scan.retrySeconds,
          "[scan]");
    check(a.fax.gateway != b.fax.gateway || a.fax.host != b.fax.host || a.fax.port != b.fax.port ||
              a.fax.user != b.fax.user || a.fax.passwordFile != b.fax.passwordFile ||
              a.fax.pollSeconds != b.fax.pollSeconds || a.fax.maxDials != b.fax.maxDials ||
              a.fax.maxTries != b.fax.maxTries || a.fax.keepDays != b.fax.keepDays ||
              a.fax.gatewayRetryMinutes != b.fax.gatewayRetryMinutes,
          "[fax]");
    check(a.convert.command != b.convert.command || a.convert.workRoot != b.convert.workRoot ||
              a.convert.timeoutSecs != b.convert.timeoutSecs || a.convert.memoryMb != b.convert.memoryMb ||
              a.convert.maxParallel != b.convert.maxParallel ||
              a.convert.maxDocumentBytes != b.convert.maxDocumentBytes,
          "[convert]");
    return changed;
}
} // namespace

QStringList Server::reload(const ServerConfig& next)
{
    const QStringList restart = restartOnlyChanges(m_config, next);
    for (const QString& key : restart)
        qCWarning(lcConfig).noquote()
            << "configuration reloaded:" << key
            << "changed but needs a restart (systemctl restart mps-server); kept as it was";
    if (!m_jobs || !m_devices || !m_http)
        return restart;
    // Held jobs keep the expiry they were given; new ones get the new hold time.
    if (next.holdHours != m_config.holdHours || next.expiryWarningMinutes != m_config.expiryWarningMinutes ||
        next.maxDocumentBytes != m_config.maxDocumentBytes) {
        m_jobs->setHoldLimits(static_cast<qint64>(next.holdHours) * 3600,
                              static_cast<qint64>(next.expiryWarningMinutes) * 60, next.maxDocumentBytes);
        qCInfo(lcConfig).noquote() << "configuration reloaded: hold-hours" << next.holdHours
                                   << "expiry-warning-minutes" << next.expiryWarningMinutes
                                   << "max-document-mb" << next.maxDocumentBytes / (1024 * 1024);
        m_config.holdHours = next.holdHours;
        m_config.expiryWarningMinutes = next.expiryWarningMinutes;
        m_config.maxDocumentBytes = next.maxDocumentBytes;
    }
    // Device polling: the monitor keeps its own copy (m_config.devices is read on its threads).
    m_devices->setPollSettings(next.devices);
    {
        std::lock_guard lock(m_mutex); // sweepLoop reads it under this lock
        m_config.expirySweepSeconds = next.expirySweepSeconds;
    }
    m_cv.notify_all();
    // The certificate may have been renewed in place: read it again whether or not its name changed.
    QString error;
    if (m_http->reloadTls(next.tlsCert, next.tlsKey, &error)) {
        m_config.tlsCert = next.tlsCert;
        m_config.tlsKey = next.tlsKey;
        qCInfo(lcConfig).noquote() << "configuration reloaded: TLS certificate" << next.tlsCert
                                   << "for new connections, SHA-256"
                                   << TlsCertificate::fingerprint(next.tlsCert);
    } else {
        qCWarning(lcConfig).noquote() << "configuration reloaded: TLS certificate kept:" << error;
    }
    return restart;
}

void Server::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
        m_running = false;
    }
    m_cv.notify_all();
    if (m_sweeper.joinable())
        m_sweeper.join();
    m_events.closeAll();
    if (m_http)
        m_http->stop();
    if (m_devices)
        m_devices->stop();
    if (m_alerts)
        m_alerts->stop();
    if (m_release)
        m_release->stop();
    if (m_faxDispatcher)
        m_faxDispatcher->stop();
    if (m_scans)
        m_scans->stop();
}
