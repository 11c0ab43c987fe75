#include "ServerConfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>
#include <QTimeZone>

bool ServerConfig::parse(const QStringList& args, QString* error)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("MPS print server: holds jobs encrypted and releases them to MFPs."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption data(
        QStringLiteral("data"), QStringLiteral("Data directory (created if empty)."), QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port (HOST:PORT)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption config(
        QStringLiteral("config"), QStringLiteral("INI file with further settings."), QStringLiteral("FILE"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("tls-key"), QStringLiteral("PEM private key."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption plain(QStringLiteral("allow-plain-http"),
                                   QStringLiteral("Also accept plain HTTP (loopback addresses only)."));
    const QCommandLineOption trusted(
        QStringLiteral("trusted-user-hosts"),
        QStringLiteral("Comma-separated addresses whose requesting-user-name is trusted."),
        QStringLiteral("ADDRS"));
    const QCommandLineOption hold(QStringLiteral("hold-hours"),
                                  QStringLiteral("Hours a job is held (default 24)."), QStringLiteral("N"));
    const QCommandLineOption maxDoc(QStringLiteral("max-document-mb"),
                                    QStringLiteral("Largest accepted document in MiB (default 512)."),
                                    QStringLiteral("N"));
    p.addOptions({data, listen, config, cert, key, plain, trusted, hold, maxDoc});
    // PC-fax (docs/fax.md): each [fax] key as --fax-KEY.
    const QList<std::pair<const char*, const char*>> faxKeys = {
        {"gateway", "Fax gateway driver: hylafax (default none: fax disabled)."},
        {"host", "Fax gateway host (default 127.0.0.1)."},
        {"port", "Fax gateway port (default 4559)."},
        {"user", "User name at the fax gateway (default mps)."},
        {"password-file", "File holding the fax gateway password."},
        {"poll-seconds", "Seconds between status polls of sent faxes (default 5)."},
        {"max-dials", "Dial attempts per fax at the gateway (default 3)."},
        {"max-tries", "Transmission attempts per fax at the gateway (default 3)."},
        {"keep-days", "Days a sent fax's document is kept for resending (default 30)."},
        {"gateway-retry-minutes",
         "Minutes to keep trying an unreachable gateway before a fax fails (default 60)."},
    };
    QList<QCommandLineOption> faxOptions;
    for (const auto& [name, help] : faxKeys)
        faxOptions.append(QCommandLineOption(QStringLiteral("fax-") + QLatin1String(name),
                                             QString::fromUtf8(help), QStringLiteral("VALUE")));
    p.addOptions(faxOptions);
    if (!p.parse(args)) {
        *error = p.errorText();
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        p.showHelp(0);
    }
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();

    // The INI file supplies what the command line does not.
    if (p.isSet(config)) {
        QSettings ini(p.value(config), QSettings::IniFormat);
        if (ini.status() != QSettings::NoError) {
            *error = QStringLiteral("cannot read %1").arg(p.value(config));
            return false;
        }
        dataDir = ini.value(QStringLiteral("data"), dataDir).toString();
        const QString l = ini.value(QStringLiteral("listen")).toString();
        if (!l.isEmpty()) {
            listenHost = l.section(QLatin1Char(':'), 0, -2);
            listenPort = static_cast<quint16>(l.section(QLatin1Char(':'), -1).toUInt());
        }
        tlsCert = ini.value(QStringLiteral("tls-cert"), tlsCert).toString();
        tlsKey = ini.value(QStringLiteral("tls-key"), tlsKey).toString();
        allowPlainHttp = ini.value(QStringLiteral("allow-plain-http"), allowPlainHttp).toBool();
        trustedUserHosts = ini.value(QStringLiteral("trusted-user-hosts"))
                               .toString()
                               .split(QLatin1Char(','), Qt::SkipEmptyParts);
        publicName = ini.value(QStringLiteral("public-name"), publicName).toString();
        holdHours = ini.value(QStringLiteral("hold-hours"), holdHours).toInt();
        expiryWarningMinutes =
            ini.value(QStringLiteral("expiry-warning-minutes"), expiryWarningMinutes).toInt();
        maxDocumentBytes =
            ini.value(QStringLiteral("max-document-mb"), maxDocumentBytes / (1024 * 1024)).toLongLong() *
            1024 * 1024;
        spoolReserveMb = ini.value(QStringLiteral("spool-reserve-mb"), spoolReserveMb).toInt();
        spoolWarnMb = ini.value(QStringLiteral("spool-warn-mb"), spoolWarnMb).toInt();
        maxHeldJobs = ini.value(QStringLiteral("max-held-jobs"), maxHeldJobs).toInt();
        maxHeldMb = ini.value(QStringLiteral("max-held-mb"), maxHeldMb).toInt();
        maxUploadsPerUser = ini.value(QStringLiteral("max-uploads-per-user"), maxUploadsPerUser).toInt();
        sessionHours = ini.value(QStringLiteral("session-hours"), sessionHours).toInt();
        kioskSessionMinutes = ini.value(QStringLiteral("kiosk-session-minutes"), kioskSessionMinutes).toInt();
        lockoutFailures = ini.value(QStringLiteral("lockout-failures"), lockoutFailures).toInt();
        lockoutMinutes = ini.value(QStringLiteral("lockout-minutes"), lockoutMinutes).toInt();
        lockoutSeconds = ini.value(QStringLiteral("lockout-seconds"), lockoutSeconds).toInt();
        accountLockoutFailures =
            ini.value(QStringLiteral("account-lockout-failures"), accountLockoutFailures).toInt();
        signInBurst = ini.value(QStringLiteral("sign-in-burst"), signInBurst).toInt();
        signInRefillSeconds =
            ini.value(QStringLiteral("sign-in-refill-seconds"), signInRefillSeconds).toInt();
        passwordChecks = ini.value(QStringLiteral("password-checks"), passwordChecks).toInt();
        passwordCheckWaitMs =
            ini.value(QStringLiteral("password-check-wait-ms"), passwordCheckWaitMs).toInt();
        maxConnections = ini.value(QStringLiteral("max-connections"), maxConnections).toInt();
        maxConnectionsPerAddress =
            ini.value(QStringLiteral("max-connections-per-address"), maxConnectionsPerAddress).toInt();
        maxEventStreams = ini.value(QStringLiteral("max-event-streams"), maxEventStreams).toInt();
        maxEventStreamsPerUser =
            ini.value(QStringLiteral("max-event-streams-per-user"), maxEventStreamsPerUser).toInt();
        httpThreads = ini.value(QStringLiteral("http-threads"), httpThreads).toInt();
        httpWorkers = ini.value(QStringLiteral("http-workers"), httpWorkers).toInt();
        headerTimeoutSeconds =
            ini.value(QStringLiteral("header-timeout-seconds"), headerTimeoutSeconds).toInt();
        bodyTimeoutSeconds = ini.value(QStringLiteral("body-timeout-seconds"), bodyTimeoutSeconds).toInt();
        idleTimeoutSeconds = ini.value(QStringLiteral("idle-timeout-seconds"), idleTimeoutSeconds).toInt();
        ippMaxAttributeKiB = ini.value(QStringLiteral("ipp-max-attribute-kib"), ippMaxAttributeKiB).toInt();
        ippMaxAttributes = ini.value(QStringLiteral("ipp-max-attributes"), ippMaxAttributes).toInt();
        renderMaxMegapixels = ini.value(QStringLiteral("render-max-megapixels"), renderMaxMegapixels).toInt();
        thumbnailSeconds = ini.value(QStringLiteral("thumbnail-seconds"), thumbnailSeconds).toInt();
        rasterPageSeconds = ini.value(QStringLiteral("raster-page-seconds"), rasterPageSeconds).toInt();
        expirySweepSeconds = ini.value(QStringLiteral("expiry-sweep-seconds"), expirySweepSeconds).toInt();
        monitorSeconds = ini.value(QStringLiteral("monitor-seconds"), monitorSeconds).toInt();
        // Device polling (docs/devices.md): [devices] poll-seconds, or the older top-level monitor-seconds.
        if (ini.contains(QStringLiteral("monitor-seconds")))
            devices.pollSeconds = std::max(1, monitorSeconds);
        devices = DeviceSettings::fromIni(ini, devices);
        kioskFingerprintVerify =
            ini.value(QStringLiteral("kiosk-fingerprint-verify"), kioskFingerprintVerify).toBool();
        coreDumps = ini.value(QStringLiteral("core-dumps"), coreDumps).toBool();
        convert = DocumentConverter::Settings::fromIni(ini, convert);
        if (!readAccounting(ini, &accounting, error))
            return false;
        readFax(ini, &fax);
        alerts = AlertSettings::fromIni(ini, alerts);
        mail = MailConfig::fromIni(ini, mail); // the one reader of [mail] (also mps-admin mail test)
        if (!ScanConfig::fromIni(ini, &scan, error))
            return false;
    }
    if (p.isSet(data))
        dataDir = p.value(data);
    if (p.isSet(listen)) {
        const QString l = p.value(listen);
        bool ok = false;
        listenPort = static_cast<quint16>(l.section(QLatin1Char(':'), -1).toUInt(&ok));
        listenHost = l.section(QLatin1Char(':'), 0, -2);
        if (!ok || listenHost.isEmpty()) {
            *error = QStringLiteral("--listen takes HOST:PORT, e.g. 0.0.0.0:8631");
            return false;
        }
    }
    if (listenHost.startsWith(QLatin1Char('[')))
        listenHost = listenHost.mid(1, listenHost.size() - 2);
    if (p.isSet(cert))
        tlsCert = p.value(cert);
    if (p.isSet(key))
        tlsKey = p.value(key);
    if (p.isSet(plain))
        allowPlainHttp = true;
    if (p.isSet(trusted))
        trustedUserHosts = p.value(trusted).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (p.isSet(hold))
        holdHours = p.value(hold).toInt();
    if (p.isSet(maxDoc))
        maxDocumentBytes = p.value(maxDoc).toLongLong() * 1024 * 1024;
    {
        // Command-line --fax-KEY values over the INI's.
        const auto value = [&](const char* name) {
            return p.value(QStringLiteral("fax-") + QLatin1String(name));
        };
        const auto isSet = [&](const char* name) {
            return p.isSet(QStringLiteral("fax-") + QLatin1String(name));
        };
        if (isSet("gateway"))
            fax.gateway = value("gateway");
        if (isSet("host"))
            fax.host = value("host");
        if (isSet("port"))
            fax.port = static_cast<quint16>(value("port").toUInt());
        if (isSet("user"))
            fax.user = value("user");
        if (isSet("password-file"))
            fax.passwordFile = value("password-file");
        if (isSet("poll-seconds"))
            fax.pollSeconds = value("poll-seconds").toInt();
        if (isSet("max-dials"))
            fax.maxDials = value("max-dials").toInt();
        if (isSet("max-tries"))
            fax.maxTries = value("max-tries").toInt();
        if (isSet("keep-days"))
            fax.keepDays = value("keep-days").toInt();
        if (isSet("gateway-retry-minutes"))
            fax.gatewayRetryMinutes = value("gateway-retry-minutes").toInt();
    }
    if (dataDir.isEmpty()) {
        *error = QStringLiteral("--data DIR is required");
        return false;
    }
    dataDir = QDir(dataDir).absolutePath();
    if (tlsCert.isEmpty())
        tlsCert = dataDir + QStringLiteral("/tls/server.crt");
    if (tlsKey.isEmpty())
        tlsKey = dataDir + QStringLiteral("/tls/server.key");
    if (publicName.isEmpty())
        publicName = (listenHost == QLatin1String("0.0.0.0") || listenHost == QLatin1String("::"))
                         ? QStringLiteral("localhost")
                         : listenHost;
    return validate(error);
}

bool ServerConfig::readAccounting(QSettings& ini, AccountingSettings* out, QString* error)
{
    ini.beginGroup(QStringLiteral("accounting"));
    const QString currency =
        ini.value(QStringLiteral("currency"), out->currency).toString().trimmed().toUpper();
    bool ok = false;
    const int startDay = ini.value(QStringLiteral("periodStartDay"), out->periods.startDay).toInt(&ok);
    const QByteArray zone = ini.value(QStringLiteral("timeZone"), QString::fromUtf8(out->periods.zone.id()))
                                .toString()
                                .trimmed()
                                .toUtf8();
    ini.endGroup();
    static const QRegularExpression iso4217(QStringLiteral("^[A-Z]{3}$"));
    if (!iso4217.match(currency).hasMatch()) {
        *error = QStringLiteral("[accounting] currency must be an ISO 4217 code such as KRW or USD, not '%1'")
                     .arg(currency);
        return false;
    }
    if (!ok || startDay < 1 || startDay > 28) {
        *error = QStringLiteral("[accounting] periodStartDay must be a day of the month from 1 to 28");
        return false;
    }
    if (!QTimeZone::isTimeZoneIdAvailable(zone)) {
        *error = QStringLiteral("[accounting] timeZone '%1' is not a known IANA time zone (e.g. Asia/Seoul)")
                     .arg(QString::fromUtf8(zone));
        return false;
    }
    out->currency = currency;
    out->periods.startDay = startDay;
    out->periods.zone = QTimeZone(zone);
    return true;
}

void ServerConfig::readFax(QSettings& ini, FaxConfig* out)
{
    ini.beginGroup(QStringLiteral("fax"));
    out->gateway = ini.value(QStringLiteral("gateway"), out->gateway).toString().trimmed();
    out->host = ini.value(QStringLiteral("host"), out->host).toString().trimmed();
    out->port = static_cast<quint16>(ini.value(QStringLiteral("port"), out->port).toUInt());
    out->user = ini.value(QStringLiteral("user"), out->user).toString();
    out->passwordFile = ini.value(QStringLiteral("password-file"), out->passwordFile).toString();
    out->pollSeconds = ini.value(QStringLiteral("poll-seconds"), out->pollSeconds).toInt();
    out->maxDials = ini.value(QStringLiteral("max-dials"), out->maxDials).toInt();
    out->maxTries = ini.value(QStringLiteral("max-tries"), out->maxTries).toInt();
    out->keepDays = ini.value(QStringLiteral("keep-days"), out->keepDays).toInt();
    out->gatewayRetryMinutes =
        ini.value(QStringLiteral("gateway-retry-minutes"), out->gatewayRetryMinutes).toInt();
    ini.endGroup();
}

bool ServerConfig::listenIsLoopback() const
{
    if (listenHost == QLatin1String("localhost"))
        return true;
    const QHostAddress a(listenHost);
    return !a.isNull() && a.isLoopback();
}

bool ServerConfig::validate(QString* error) const
{
    if (allowPlainHttp && !listenIsLoopback()) {
        *error = QStringLiteral("plain HTTP is allowed only on a loopback address; use TLS for %1")
                     .arg(listenHost);
        return false;
    }
    if (!fax.gateway.isEmpty() && fax.gateway != QLatin1String("hylafax")) {
        *error =
            QStringLiteral("[fax] gateway must be hylafax (or empty for no fax), not '%1'").arg(fax.gateway);
        return false;
    }
    if (fax.pollSeconds <= 0 || fax.maxDials <= 0 || fax.maxTries <= 0 || fax.keepDays <= 0 ||
        fax.gatewayRetryMinutes <= 0 || fax.port == 0) {
        *error = QStringLiteral(
            "[fax] port, poll-seconds, max-dials, max-tries, keep-days and gateway-retry-minutes "
            "must be positive");
        return false;
    }
    if (spoolReserveMb < 0 || spoolWarnMb < 0 || maxHeldJobs < 0 || maxHeldMb < 0 || maxUploadsPerUser < 0) {
        *error = QStringLiteral(
            "spool-reserve-mb, spool-warn-mb, max-held-jobs, max-held-mb and max-uploads-per-user cannot be "
            "negative");
        return false;
    }
    if (holdHours <= 0 || maxDocumentBytes <= 0 || listenPort == 0) {
        *error = QStringLiteral("hold hours, document size limit and port must be positive");
        return false;
    }
    return true;
}
