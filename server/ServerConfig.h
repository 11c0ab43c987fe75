#pragma once
#include "AccountingSettings.h"
#include "AlertSettings.h"
#include "DeviceSettings.h"
#include "DocumentConverter.h"
#include "FaxConfig.h"
#include "MailConfig.h"
#include "ScanConfig.h"

#include <QString>
#include <QStringList>

class QSettings;

/// Everything mps-server is told: command line first, then the optional INI file, then defaults.
struct ServerConfig
{
    QString dataDir;
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8631;
    QString tlsCert;              ///< default <data>/tls/server.crt (self-signed on first start)
    QString tlsKey;               ///< default <data>/tls/server.key
    bool allowPlainHttp = false;  ///< accept plain HTTP beside TLS; only allowed on loopback
    QStringList trustedUserHosts; ///< addresses whose requesting-user-name is trusted (e.g. a managed cupsd)
    QString publicName;           ///< host name used in printer-uri-supported etc.; default the listen host
    int holdHours = 24;
    int expiryWarningMinutes = 60;
    qint64 maxDocumentBytes = 512LL * 1024 * 1024;
    int spoolReserveMb = 512; ///< free space kept on the spool's file system: uploads refused below it
    int spoolWarnMb = 2048;   ///< below this much free space (and twice the reserve) the admins are told
    int maxHeldJobs = 1000;   ///< held jobs per user; 0: no limit
    int maxHeldMb = 10240;    ///< their documents' size per user; 0: no limit
    int maxUploadsPerUser = 4; ///< uploads (print jobs, fax drafts) one user may send at once; 0: no limit
    int sessionHours = 12;
    int kioskSessionMinutes = 5;
    int lockoutFailures = 5;         ///< wrong secrets for one name from one address or kiosk: locked there
    int lockoutMinutes = 5;          ///< that lock (doubling with each further one) and the account-wide lock
    int lockoutSeconds = 0;          ///< when set, overrides lockoutMinutes (tests)
    int accountLockoutFailures = 50; ///< wrong secrets for one account from anywhere before it locks
    int signInBurst = 20;            ///< failed sign-ins from one address or kiosk before refusals
    int signInRefillSeconds = 30;    ///< ... then one more every this many seconds
    int passwordChecks = 0;          ///< concurrent Argon2id checks; 0: one per core
    int passwordCheckWaitMs = 2000;  ///< wait for a check slot, then answer busy (503)
    int maxConnections = 0;          ///< open connections in total; 0: from the open-file limit
    int maxConnectionsPerAddress = 32; ///< open connections from one source address
    int maxEventStreams = 0;           ///< open push streams in total; 0: three quarters of the above
    int maxEventStreamsPerUser = 8;    ///< open push streams of one user or kiosk
    int httpThreads = 2;               ///< I/O threads of the HTTP server
    int httpWorkers = 64;              ///< threads running request handlers
    int headerTimeoutSeconds = 10;     ///< a request head must arrive within this
    int bodyTimeoutSeconds = 30;       ///< each body read and response write
    int idleTimeoutSeconds = 30;       ///< idle keep-alive connections close after this
    int ippMaxAttributeKiB = 256;      ///< IPP attribute section, checked before parsing and sign-in
    int ippMaxAttributes = 2000;       ///< attribute and value entries in it
    int renderMaxMegapixels = 150;     ///< image pixels one page may draw for a thumbnail or raster page
    int thumbnailSeconds = 5;          ///< time limit of one thumbnail render (placeholder after)
    int rasterPageSeconds = 60;        ///< time limit of one page rendered for the printer
    int expirySweepSeconds = 60;
    int monitorSeconds = 30;
    bool kioskFingerprintVerify = true; ///< enrolled users confirm card/PIN sign-ins at the sensor
    bool coreDumps = false; ///< allow core files and same-user debuggers (ProcessPrivacy); debugging only
    DocumentConverter::Settings
        convert; ///< [convert] command, timeout-seconds, memory-mb, parallel, max-document-mb, work-dir
    AccountingSettings accounting; ///< [accounting] currency, periodStartDay, timeZone
    DeviceSettings devices;        ///< [devices] poll-seconds, history-days, low-percent, order-days, ...
    FaxConfig fax;                 ///< [fax] gateway, host, port, user, password-file, poll-seconds, ...
    AlertSettings alerts; ///< [devices] low-percent, forecast-days, unreachable-minutes, quiet-hours, ...
    MailConfig mail;      ///< [mail] url, starttls, user, password-file, from, ca-file, ... (docs/devices.md)
    ScanConfig scan;      ///< [scan] max-mb, retry-hours, retry-seconds (docs/scan.md)

    /// Parses `args` (argv) and the --config file. Returns false with `error` for bad input.
    [[nodiscard]] bool parse(const QStringList& args, QString* error);
    /// Checks the combination (e.g. plain HTTP only on loopback).
    [[nodiscard]] bool validate(QString* error) const;
    bool listenIsLoopback() const;
    /// Reads the [accounting] group of `ini` over the values in `out`; false with `error` for bad ones.
    [[nodiscard]] static bool readAccounting(QSettings& ini, AccountingSettings* out, QString* error);
    /// Reads the [fax] group of `ini` over the values in `out`.
    static void readFax(QSettings& ini, FaxConfig* out);
};
