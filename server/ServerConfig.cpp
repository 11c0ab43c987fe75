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
        sessionHours = ini.value(QStringLiteral("session-hours"), sessionHours).toInt();
        kioskSessionMinutes = ini.value(QStringLiteral("kiosk-session-minutes"), kioskSessionMinutes).toInt();
        lockoutFailures = ini.value(QStringLiteral("lockout-failures"), lockoutFailures).toInt();
        lockoutMinutes = ini.value(QStringLiteral("lockout-minutes"), lockoutMinutes).toInt();
        maxConnections = ini.value(QStringLiteral("max-connections"), maxConnections).toInt();
        expirySweepSeconds = ini.value(QStringLiteral("expiry-sweep-seconds"), expirySweepSeconds).toInt();
        monitorSeconds = ini.value(QStringLiteral("monitor-seconds"), monitorSeconds).toInt();
        kioskFingerprintVerify =
            ini.value(QStringLiteral("kiosk-fingerprint-verify"), kioskFingerprintVerify).toBool();
        convert = DocumentConverter::Settings::fromIni(ini, convert);
        if (!readAccounting(ini, &accounting, error))
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
    if (holdHours <= 0 || maxDocumentBytes <= 0 || listenPort == 0) {
        *error = QStringLiteral("hold hours, document size limit and port must be positive");
        return false;
    }
    return true;
}
