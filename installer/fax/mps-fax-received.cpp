// mps-fax-received: HylaFAX+'s FaxRcvdCmd hook on the fax gateway (docs/fax.md "Receiving").
//
//   mps-fax-received FILE DEVID COMMID ERRMSG CALLID1 CALLID2 CALLID3
//   mps-fax-received --flush
//
// Every received fax is first copied into the pending directory (TIFF, then its metadata JSON, each
// written under a temporary name and renamed, so a pending entry is whole or absent), then everything
// pending is delivered to the MPS server, oldest first, each removed only after a 2xx answer. When the
// server cannot be reached the fax simply stays pending and the hook exits 0; the next fax or the timer
// (--flush) delivers it. The server stores a (gateway, commid) once, so a repeated delivery is harmless.
// Configuration: /etc/mps/fax-gateway.conf, or the file named by MPS_FAX_GATEWAY_CONF. The token is read
// from its own file and never printed or passed on a command line.

#include "CertificatePin.h"
#include "ProcessPrivacy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSslError>
#include <QTextStream>
#include <QUrl>

namespace {

struct Config
{
    QUrl server;
    QString gateway;
    QString tokenFile;
    CertificatePin pin;
    QString pendingDir;
};

QTextStream& log()
{
    static QTextStream err(stderr);
    err << "mps-fax-received: ";
    return err;
}

/// Reads `key = value` lines (# comments). Returns false with a sentence in `error`.
bool loadConfig(Config* c, QString* error)
{
    const QString path = qEnvironmentVariableIsSet("MPS_FAX_GATEWAY_CONF")
                             ? qEnvironmentVariable("MPS_FAX_GATEWAY_CONF")
                             : QStringLiteral("/etc/mps/fax-gateway.conf");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return false;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')) ||
            line.startsWith(QLatin1Char('[')))
            continue;
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq < 0) {
            *error = QStringLiteral("%1 line %2: expected key = value").arg(path).arg(lineNo);
            return false;
        }
        const QString key = line.left(eq).trimmed(), value = line.mid(eq + 1).trimmed();
        if (key == QLatin1String("server"))
            c->server = QUrl(value);
        else if (key == QLatin1String("gateway"))
            c->gateway = value;
        else if (key == QLatin1String("token-file"))
            c->tokenFile = value;
        else if (key == QLatin1String("pending-dir"))
            c->pendingDir = value;
        else if (key == QLatin1String("certificate-sha256")) {
            bool ok = false;
            c->pin = CertificatePin::fromText(value.toLatin1(), &ok);
            if (!ok) {
                *error = QStringLiteral("%1: certificate-sha256 is not a SHA-256 fingerprint").arg(path);
                return false;
            }
        } else {
            *error = QStringLiteral("%1 line %2: unknown key '%3'").arg(path).arg(lineNo).arg(key);
            return false;
        }
    }
    if (!c->server.isValid() ||
        (c->server.scheme() != QLatin1String("https") && c->server.scheme() != QLatin1String("http"))) {
        *error = QStringLiteral("%1: server must be the MPS server's https:// URL").arg(path);
        return false;
    }
    if (c->gateway.isEmpty() || c->tokenFile.isEmpty() || c->pendingDir.isEmpty()) {
        *error = QStringLiteral("%1 needs server, gateway, token-file and pending-dir").arg(path);
        return false;
    }
    return true;
}

/// Copies the received fax and its metadata into the pending directory, atomically.
bool enqueue(const Config& c, const QStringList& args, QString* error)
{
    const QString file = args[0];
    QFile tiff(file);
    if (!tiff.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the received fax %1").arg(file);
        return false;
    }
    QString commid = args[2];
    commid.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString stem = QStringLiteral("%1-%2")
                             .arg(QDateTime::currentMSecsSinceEpoch(), 15, 10, QLatin1Char('0'))
                             .arg(commid.left(40));
    QSaveFile copy(QDir(c.pendingDir).filePath(stem + QStringLiteral(".tif")));
    if (!copy.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write into the pending directory %1").arg(c.pendingDir);
        return false;
    }
    while (!tiff.atEnd()) {
        const QByteArray chunk = tiff.read(64 * 1024);
        if (chunk.isEmpty() || copy.write(chunk) != chunk.size()) {
            copy.cancelWriting();
            *error = QStringLiteral("cannot copy %1 into %2").arg(file, c.pendingDir);
            return false;
        }
    }
    if (!copy.commit()) {
        *error = QStringLiteral("cannot copy %1 into %2").arg(file, c.pendingDir);
        return false;
    }
    const QJsonObject meta{
        {QStringLiteral("file"), file},
        {QStringLiteral("devid"), args[1]},
        {QStringLiteral("commid"), args[2]},
        {QStringLiteral("error"), args[3]},
        {QStringLiteral("caller"), args.value(4)},
        {QStringLiteral("callerName"), args.value(5)},
        {QStringLiteral("did"), args.value(6)},
        {QStringLiteral("received"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    // The metadata is written last: an entry counts only once its JSON is there.
    QSaveFile json(QDir(c.pendingDir).filePath(stem + QStringLiteral(".json")));
    if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(meta).toJson()) < 0 || !json.commit()) {
        QFile::remove(QDir(c.pendingDir).filePath(stem + QStringLiteral(".tif")));
        *error = QStringLiteral("cannot write the fax's metadata into %1").arg(c.pendingDir);
        return false;
    }
    log() << "fax " << args[2] << " from " << args.value(4) << " queued for delivery\n";
    log().flush();
    return true;
}

enum class Delivery { Delivered, Rejected, Unreachable };

/// Posts one pending fax: Delivered on a 2xx, Rejected when the server will never take it (not a fax,
/// too large), Unreachable otherwise (no answer, server error, token refused: try again later).
Delivery deliver(QNetworkAccessManager& net, const Config& c, const QByteArray& token,
                 const QJsonObject& meta, const QString& tiffPath)
{
    QFile tiff(tiffPath);
    if (!tiff.open(QIODevice::ReadOnly))
        return Delivery::Rejected;
    QUrl url = c.server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/v1/gateway/fax-received"));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("image/tiff"));
    req.setRawHeader("Authorization", "Bearer " + token);
    req.setRawHeader("X-Mps-Gateway", c.gateway.toUtf8().toPercentEncoding());
    auto header = [&](const char* name, const char* key) {
        req.setRawHeader(name, meta.value(QLatin1String(key)).toString().toUtf8().toPercentEncoding(" +#"));
    };
    header("X-Mps-Fax-Commid", "commid");
    header("X-Mps-Fax-Caller", "caller");
    header("X-Mps-Fax-Caller-Name", "callerName");
    header("X-Mps-Fax-Did", "did");
    header("X-Mps-Fax-Error", "error");
    req.setTransferTimeout(120 * 1000);
    QNetworkReply* reply = net.post(req, &tiff);
    if (!c.pin.isNull())
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, &c](const QList<QSslError>&) {
            // The pinned certificate is trusted whatever its issuer; anything else is refused.
            if (c.pin.matches(reply->sslConfiguration().peerCertificate()))
                reply->ignoreSslErrors();
        });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString commid = meta.value(QLatin1String("commid")).toString();
    reply->deleteLater();
    if (status >= 200 && status < 300) {
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        log() << "fax " << commid << " delivered"
              << (answer.value(QLatin1String("duplicate")).toBool() ? " (already there)" : "")
              << (answer.value(QLatin1String("blocked")).toBool() ? " (sender blocked: not stored)" : "")
              << "\n";
        return Delivery::Delivered;
    }
    if (status == 422 || status == 413) {
        log() << "fax " << commid << " refused by the server (HTTP " << status
              << "): kept in the rejected/ folder of the pending directory\n";
        return Delivery::Rejected;
    }
    if (status == 401)
        log() << "the server refused the gateway token (HTTP 401): run mps-admin fax gateway-token "
              << c.gateway << " and put the new token in " << c.tokenFile << "\n";
    else
        log() << "the MPS server cannot take faxes now ("
              << (status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString()) << "); fax "
              << commid << " stays pending\n";
    return Delivery::Unreachable;
}

/// Delivers every pending fax, oldest first, until one cannot be delivered. Returns how many remain.
int flush(const Config& c)
{
    QLockFile lock(QDir(c.pendingDir).filePath(QStringLiteral(".flush.lock")));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(10 * 60 * 1000)) {
        log() << "another delivery is running; leaving the pending faxes to it\n";
        return -1;
    }
    QDir dir(c.pendingDir);
    const QStringList entries = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (entries.isEmpty())
        return 0;
    QFile tokenFile(c.tokenFile);
    if (!tokenFile.open(QIODevice::ReadOnly)) {
        log() << "cannot read the gateway token file " << c.tokenFile << "; " << entries.size()
              << " fax(es) stay pending\n";
        return static_cast<int>(entries.size());
    }
    const QByteArray token = tokenFile.readAll().trimmed();
    QNetworkAccessManager net;
    int left = static_cast<int>(entries.size());
    for (const QString& name : entries) {
        const QString stem = name.chopped(5);
        const QString tiffPath = dir.filePath(stem + QStringLiteral(".tif"));
        QFile metaFile(dir.filePath(name));
        QJsonObject meta;
        if (metaFile.open(QIODevice::ReadOnly))
            meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        metaFile.close();
        const Delivery d = deliver(net, c, token, meta, tiffPath);
        if (d == Delivery::Unreachable)
            break;
        if (d == Delivery::Rejected) {
            dir.mkpath(QStringLiteral("rejected"));
            dir.rename(stem + QStringLiteral(".tif"),
                       QStringLiteral("rejected/") + stem + QStringLiteral(".tif"));
            dir.rename(name, QStringLiteral("rejected/") + name);
        } else {
            // The metadata goes first: a half-removed entry is never delivered again.
            dir.remove(name);
            dir.remove(stem + QStringLiteral(".tif"));
        }
        --left;
    }
    return left;
}

} // namespace

int main(int argc, char** argv)
{
    // A received fax passes through this process: a crash writes no core file (common/ProcessPrivacy.h).
    const QString privacy = ProcessPrivacy::keepAppMemoryPrivate();
    QCoreApplication app(argc, argv);
    if (!privacy.isEmpty())
        log() << privacy << "\n";
    const QStringList args = app.arguments().mid(1);
    const bool flushOnly = args == QStringList{QStringLiteral("--flush")};
    if (!flushOnly && (args.size() < 4 || args.size() > 7 || args.value(0).startsWith(QLatin1Char('-')))) {
        log() << "usage: mps-fax-received FILE DEVID COMMID ERRMSG [CALLID1 CALLID2 CALLID3] | --flush\n";
        return 2;
    }
    Config c;
    QString error;
    if (!loadConfig(&c, &error)) {
        log() << error << "\n";
        return 1;
    }
    if (!QDir().mkpath(c.pendingDir)) {
        log() << "cannot create the pending directory " << c.pendingDir << "\n";
        return 1;
    }
    QFile::setPermissions(c.pendingDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!flushOnly && !enqueue(c, args, &error)) {
        // Not even a copy could be kept: HylaFAX+ still has the fax in its recvq.
        log() << error << "\n";
        return 1;
    }
    const int left = flush(c);
    if (left > 0)
        log() << left << " fax(es) pending in " << c.pendingDir << "\n";
    return 0;
}
