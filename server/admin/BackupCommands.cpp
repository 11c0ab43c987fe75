#include "BackupCommands.h"

#include "DataDirLock.h"
#include "ErrnoText.h"
#include "SecretKey.h"
#include "Spool.h"
#include "StoreSnapshot.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <cerrno>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MPS_VERSION
#define MPS_VERSION "unknown"
#endif

Q_LOGGING_CATEGORY(lcBackup, "mps.server.backup", QtInfoMsg)

namespace {

const char* const ManifestFormat = "mps-backup 1";
const QString ManifestName = QStringLiteral("manifest.json");
const QString SignatureName = QStringLiteral("manifest.sig");
constexpr int SnapshotAttempts = 10;

SecretKey dbKey(const SecretKey& master)
{
    return master.derive(1, "MPSDBKEY"); // as DataDir::open
}

// Names the master key in a manifest without revealing anything about it (an independent subkey's hash).
QString keyId(const SecretKey& master)
{
    const SecretKey id = master.derive(5, "MPSBKKID");
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, id.data(), SecretKey::Size);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(h), 16).toHex());
}

QByteArray manifestMac(const SecretKey& master, const QByteArray& manifest)
{
    const SecretKey macKey = master.derive(6, "MPSBKMAC");
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, macKey.data(), SecretKey::Size);
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(manifest.constData()),
                                  static_cast<unsigned long long>(manifest.size()));
    crypto_auth_hmacsha256_final(&st, mac);
    return QByteArray(reinterpret_cast<const char*>(mac), sizeof mac).toHex();
}

struct FileDigest
{
    qint64 size = 0;
    QString sha256;
};

enum class CopyResult { Copied, Missing, Failed };

// Copies `from` to a new file `to` (0600, O_EXCL), fsynced; the digest is of the bytes written. A source
// that is gone (released or deleted meanwhile) is Missing, not an error. An open source stays readable
// whole even if the server unlinks it during the copy.
CopyResult copyFile(const QString& from, const QString& to, FileDigest* digest, QString* error)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0) {
        if (errno == ENOENT)
            return CopyResult::Missing;
        *error = BackupCommands::tr("Cannot read %1: %2").arg(from, errnoText(errno));
        return CopyResult::Failed;
    }
    const int out =
        ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0) {
        *error = BackupCommands::tr("Cannot create %1: %2").arg(to, errnoText(errno));
        ::close(in);
        return CopyResult::Failed;
    }
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    QByteArray buf(1 << 16, Qt::Uninitialized);
    qint64 total = 0;
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(in, buf.data(), static_cast<size_t>(buf.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = BackupCommands::tr("Cannot read %1: %2").arg(from, errnoText(errno));
            ok = false;
            break;
        }
        if (n == 0)
            break;
        crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.constData()),
                                  static_cast<unsigned long long>(n));
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buf.constData() + done, static_cast<size_t>(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                *error = BackupCommands::tr("Cannot write %1: %2").arg(to, errnoText(errno));
                ok = false;
                break;
            }
            done += w;
        }
        if (!ok)
            break;
        total += n;
    }
    if (ok && ::fsync(out) != 0) {
        *error = BackupCommands::tr("Cannot write %1: %2").arg(to, errnoText(errno));
        ok = false;
    }
    ::close(in);
    ::close(out);
    if (!ok) {
        ::unlink(QFile::encodeName(to).constData());
        return CopyResult::Failed;
    }
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, h);
    digest->size = total;
    digest->sha256 = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(h), sizeof h).toHex());
    return CopyResult::Copied;
}

// The digest of a file as it is now; false with `error` when it cannot be read.
bool digestOf(const QString& path, FileDigest* digest, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = BackupCommands::tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    qint64 total = 0;
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(1 << 16);
        if (chunk.isEmpty() && f.error() != QFile::NoError) {
            *error = BackupCommands::tr("Cannot read %1: %2").arg(path, f.errorString());
            return false;
        }
        crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(chunk.constData()),
                                  static_cast<unsigned long long>(chunk.size()));
        total += chunk.size();
    }
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, h);
    digest->size = total;
    digest->sha256 = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(h), sizeof h).toHex());
    return true;
}

bool makePrivateDir(const QString& path, QString* error)
{
    const QByteArray p = QFile::encodeName(path);
    if (::mkdir(p.constData(), 0700) != 0 && errno != EEXIST) {
        *error = BackupCommands::tr("Cannot create the directory %1: %2").arg(path, errnoText(errno));
        return false;
    }
    ::chmod(p.constData(), 0700);
    return true;
}

void syncDir(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool writePrivateFile(const QString& path, const QByteArray& data, QString* error)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && ::write(fd, data.constData(), static_cast<size_t>(data.size())) == data.size() &&
              ::fsync(fd) == 0;
    const int e = errno;
    if (fd >= 0)
        ::close(fd);
    if (!ok)
        *error = BackupCommands::tr("Cannot write %1: %2").arg(path, errnoText(e));
    return ok;
}

bool readKeyFile(const QString& path, SecretKey* key, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = BackupCommands::tr("Cannot read the master key %1: %2").arg(path, f.errorString());
        return false;
    }
    bool ok = false;
    QByteArray raw = f.read(SecretKey::Size + 1);
    *key = SecretKey::fromBytes(raw, &ok);
    sodium_memzero(raw.data(), static_cast<size_t>(raw.size()));
    if (!ok)
        *error = BackupCommands::tr("%1 is not an MPS master key (it must be exactly 32 bytes).").arg(path);
    return ok;
}

// Entries of a directory other than . and .., without following links.
QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                               QDir::Name);
}

QString helpText(const QString& noun)
{
    if (noun == QLatin1String("restore"))
        return BackupCommands::tr(
            "usage: mps-admin --data DATA restore DIR [--key FILE] [--force]\n"
            "Restores the backup in DIR into the data directory DATA. The server must be stopped (restore\n"
            "takes the lock it holds). DATA must be empty (a master.key alone is fine) unless --force, "
            "which\n"
            "replaces its database and spool. Every file is checked against the manifest first; nothing is\n"
            "written if one differs. The master key comes from --key FILE, else from the backup (if it was\n"
            "made with --with-key), else from DATA/master.key.\n");
    return BackupCommands::tr(
        "usage: mps-admin --data DATA backup DIR [--with-key]\n"
        "Copies the database and the spool files it refers to into the new directory DIR (0700) while\n"
        "the server runs, with a manifest (manifest.json: version, schema, time, counts, sha256 of each\n"
        "file) signed with the master key. The master key itself is not copied: keep DATA/master.key\n"
        "safe apart from the backup, without it the backup cannot be read. --with-key copies it into DIR\n"
        "too (0600): then whoever has DIR can read every held document.\n");
}

// ---------------------------------------------------------------------------------------------- backup

int backup(const QString& dataDir, const QString& target, bool withKey, QTextStream& out, QTextStream& err)
{
    const QString data = QDir(dataDir).absolutePath();
    const QString dir = QDir(target).absolutePath();
    QString error;
    const QString keyPath = data + QStringLiteral("/master.key");
    if (!QFile::exists(keyPath) || !QFile::exists(data + QStringLiteral("/mps.db"))) {
        err << BackupCommands::tr(
                   "mps-admin: %1 is not an MPS data directory (no master.key or mps.db there): "
                   "give the directory the server runs with (--data).")
                   .arg(data)
            << "\n";
        return 1;
    }
    if (dir == data || dir.startsWith(data + QLatin1Char('/'))) {
        err << BackupCommands::tr("mps-admin: the backup directory must be outside the data directory %1.")
                   .arg(data)
            << "\n";
        return 2;
    }
    if (QFileInfo::exists(dir) && (!QFileInfo(dir).isDir() || !entries(dir).isEmpty())) {
        err << BackupCommands::tr(
                   "mps-admin: %1 already exists and is not empty: give a new directory for each "
                   "backup.")
                   .arg(dir)
            << "\n";
        return 1;
    }
    SecretKey master;
    if (!readKeyFile(keyPath, &master, &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    if (!QDir().mkpath(QFileInfo(dir).absolutePath()) || !makePrivateDir(dir, &error) ||
        !makePrivateDir(dir + QStringLiteral("/spool"), &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }

    // The spool is copied before and after the database snapshot: a file the snapshot refers to either
    // existed before it (first pass: copied while it existed; an open file stays whole even if the server
    // deletes it) or was committed after the first pass and before the snapshot (second pass). Only a file
    // born after the first pass and deleted again before the second can be missed: then the whole thing
    // is repeated with a new snapshot. Copies the final snapshot does not refer to are dropped.
    const QString spool = data + QStringLiteral("/spool");
    const QString dbCopy = dir + QStringLiteral("/mps.db");
    QMap<QString, FileDigest> copied;
    StoreSnapshot::Contents contents;
    auto copySpoolFile = [&](const QString& name) -> bool {
        FileDigest d;
        switch (
            copyFile(spool + QLatin1Char('/') + name, dir + QStringLiteral("/spool/") + name, &d, &error)) {
        case CopyResult::Copied:
            copied.insert(name, d);
            return true;
        case CopyResult::Missing:
            return true;
        case CopyResult::Failed:
            return false;
        }
        return false;
    };
    QStringList missing;
    int attempt = 0;
    for (; attempt < SnapshotAttempts; ++attempt) {
        for (const QString& name :
             QDir(spool).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name)) {
            if (Spool::validName(name) && !copied.contains(name) && !copySpoolFile(name)) {
                err << "mps-admin: " << error << "\n";
                return 1;
            }
        }
        QFile::remove(dbCopy);
        if (!StoreSnapshot::copy(data + QStringLiteral("/mps.db"), dbCopy, dbKey(master), &error) ||
            !StoreSnapshot::inspect(dbCopy, dbKey(master), &contents, &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        missing.clear();
        for (const QString& name : contents.spoolNames) {
            if (!Spool::validName(name)) {
                qCWarning(lcBackup) << "the database refers to a spool file with a bad name; skipped";
                continue;
            }
            if (!copied.contains(name) && !copySpoolFile(name)) {
                err << "mps-admin: " << error << "\n";
                return 1;
            }
            if (!copied.contains(name))
                missing << name;
        }
        if (missing.isEmpty())
            break;
        qCInfo(lcBackup) << missing.size() << "spool files came and went during the snapshot; taking another";
    }
    if (!missing.isEmpty()) {
        err << BackupCommands::tr(
                   "mps-admin: the database refers to %n spool file(s) that are not in the spool "
                   "directory %1 (checked %2 times). Run `mps-server` once to reconcile the "
                   "spool, or check the disk, then back up again.",
                   nullptr, static_cast<int>(missing.size()))
                   .arg(spool)
                   .arg(attempt)
            << "\n";
        return 1;
    }
    const QSet<QString> referenced(contents.spoolNames.begin(), contents.spoolNames.end());
    for (auto it = copied.begin(); it != copied.end();) {
        if (!referenced.contains(it.key())) {
            QFile::remove(dir + QStringLiteral("/spool/") + it.key());
            it = copied.erase(it);
        } else {
            ++it;
        }
    }

    QJsonArray files;
    auto addFile = [&](const QString& rel, const FileDigest& d) {
        files.append(QJsonObject{{QStringLiteral("path"), rel},
                                 {QStringLiteral("size"), d.size},
                                 {QStringLiteral("sha256"), d.sha256}});
    };
    FileDigest dbDigest;
    if (!digestOf(dbCopy, &dbDigest, &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    ::chmod(QFile::encodeName(dbCopy).constData(), 0600);
    addFile(QStringLiteral("mps.db"), dbDigest);
    for (auto it = copied.cbegin(); it != copied.cend(); ++it)
        addFile(QStringLiteral("spool/") + it.key(), it.value());
    // The server's TLS certificate and key: restoring them keeps the certificate the desktops have pinned.
    bool tlsCopied = false;
    if (QFileInfo::exists(data + QStringLiteral("/tls/server.crt")) &&
        QFileInfo::exists(data + QStringLiteral("/tls/server.key"))) {
        if (!makePrivateDir(dir + QStringLiteral("/tls"), &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        for (const QString& f : {QStringLiteral("tls/server.crt"), QStringLiteral("tls/server.key")}) {
            FileDigest d;
            if (copyFile(data + QLatin1Char('/') + f, dir + QLatin1Char('/') + f, &d, &error) !=
                CopyResult::Copied) {
                err << "mps-admin: " << error << "\n";
                return 1;
            }
            addFile(f, d);
        }
        tlsCopied = true;
    }
    if (withKey) {
        FileDigest d;
        if (copyFile(keyPath, dir + QStringLiteral("/master.key"), &d, &error) != CopyResult::Copied) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        addFile(QStringLiteral("master.key"), d);
    }

    QJsonObject counts;
    for (auto it = contents.counts.cbegin(); it != contents.counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    counts.insert(QStringLiteral("spoolFiles"), copied.size());
    QJsonArray jobs;
    for (const StoreSnapshot::Job& j : contents.liveJobs) {
        jobs.append(QJsonObject{{QStringLiteral("id"), j.id},
                                {QStringLiteral("state"), j.state},
                                {QStringLiteral("spool"), j.spoolName}});
    }
    const QJsonObject manifest{
        {QStringLiteral("format"), QString::fromLatin1(ManifestFormat)},
        {QStringLiteral("mpsVersion"), QStringLiteral(MPS_VERSION)},
        {QStringLiteral("schema"), contents.schema},
        {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("source"), data},
        {QStringLiteral("keyIncluded"), withKey},
        {QStringLiteral("keyId"), keyId(master)},
        {QStringLiteral("snapshotAttempts"), attempt + 1},
        {QStringLiteral("counts"), counts},
        {QStringLiteral("liveJobs"), jobs},
        {QStringLiteral("files"), files},
    };
    const QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    if (!writePrivateFile(dir + QLatin1Char('/') + ManifestName, json, &error) ||
        !writePrivateFile(dir + QLatin1Char('/') + SignatureName, manifestMac(master, json) + '\n', &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    syncDir(dir + QStringLiteral("/spool"));
    if (tlsCopied)
        syncDir(dir + QStringLiteral("/tls"));
    syncDir(dir);

    out << BackupCommands::tr(
               "Backed up %1: schema %2, %3 users, %4 printers, %5 held jobs, %6 usage rows, %7 "
               "spool files, into %8.")
               .arg(data)
               .arg(contents.schema)
               .arg(contents.counts.value(QStringLiteral("users")))
               .arg(contents.counts.value(QStringLiteral("printers")))
               .arg(contents.counts.value(QStringLiteral("liveJobs")))
               .arg(contents.counts.value(QStringLiteral("usageRows")))
               .arg(copied.size())
               .arg(dir)
        << "\n";
    if (withKey) {
        err << BackupCommands::tr(
                   "WARNING: the master key was written into %1/master.key. Anyone who can read "
                   "%1 can now read every held document and the whole database: keep it as "
                   "safe as the server itself.")
                   .arg(dir)
            << "\n";
    } else {
        out << BackupCommands::tr(
                   "The master key is NOT in this backup. It is %1. Without it this backup cannot "
                   "be read or restored: keep a copy of that file somewhere safe, apart from the "
                   "backup (restore takes it with --key FILE), or back up with --with-key.")
                   .arg(keyPath)
            << "\n";
    }
    return 0;
}

// --------------------------------------------------------------------------------------------- restore

int restore(const QString& dataDir, const QString& source, const QString& keyFile, bool force,
            QTextStream& out, QTextStream& err)
{
    const QString data = QDir(dataDir).absolutePath();
    const QString dir = QDir(source).absolutePath();
    QString error;
    QFile mf(dir + QLatin1Char('/') + ManifestName);
    if (!mf.open(QIODevice::ReadOnly)) {
        err << BackupCommands::tr("mps-admin: %1 is not an MPS backup (it has no manifest.json).").arg(dir)
            << "\n";
        return 1;
    }
    const QByteArray json = mf.readAll();
    const QJsonObject manifest = QJsonDocument::fromJson(json).object();
    if (manifest.value(QStringLiteral("format")).toString() != QLatin1String(ManifestFormat)) {
        err << BackupCommands::tr("mps-admin: the manifest of %1 is damaged or of an unknown format.")
                   .arg(dir)
            << "\n";
        return 1;
    }
    const QString source0 = manifest.value(QStringLiteral("source")).toString();

    // The server must be stopped; the lock is then held until the restore is done, so none starts midway.
    DataDirLock lock;
    if (!lock.acquire(data)) {
        err << "mps-admin: " << lock.errorString() << "\n";
        return 1;
    }
    QStringList present = entries(data);
    present.removeAll(DataDirLock::fileName());
    present.removeAll(QStringLiteral("master.key"));
    if (!present.isEmpty() && !force) {
        err << BackupCommands::tr(
                   "mps-admin: %1 is not empty (%2). Restore into an empty directory, or add --force "
                   "to replace its database and spool with the backup's.")
                   .arg(data, present.mid(0, 5).join(QStringLiteral(", ")))
            << "\n";
        return 1;
    }

    // The key: --key FILE, else the backup's own copy, else the one already in the data directory.
    QString keyPath = keyFile;
    if (keyPath.isEmpty() && QFileInfo::exists(dir + QStringLiteral("/master.key")))
        keyPath = dir + QStringLiteral("/master.key");
    if (keyPath.isEmpty() && QFileInfo::exists(data + QStringLiteral("/master.key")))
        keyPath = data + QStringLiteral("/master.key");
    if (keyPath.isEmpty()) {
        err << BackupCommands::tr(
                   "mps-admin: no master key: this backup was made without it. Give the key with "
                   "--key FILE (the master.key of %1, where the backup was made), or copy it to "
                   "%2/master.key (0600) first. Without that key the backup cannot be restored.")
                   .arg(source0.isEmpty() ? BackupCommands::tr("the server's data directory") : source0, data)
            << "\n";
        return 1;
    }
    SecretKey master;
    if (!readKeyFile(keyPath, &master, &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    if (keyId(master) != manifest.value(QStringLiteral("keyId")).toString()) {
        err << BackupCommands::tr(
                   "mps-admin: the master key %1 is not the one this backup was made with. Use the "
                   "master.key of %2 from the time of the backup.")
                   .arg(keyPath, source0)
            << "\n";
        return 1;
    }
    // Another key already in DATA is only replaced with --force: it may be the only copy of that key.
    const QString keyTarget = data + QStringLiteral("/master.key");
    if (!force && QFileInfo::exists(keyTarget) &&
        QFileInfo(keyPath).absoluteFilePath() != QFileInfo(keyTarget).absoluteFilePath()) {
        SecretKey existing;
        if (!readKeyFile(keyTarget, &existing, &error) || keyId(existing) != keyId(master)) {
            err << BackupCommands::tr(
                       "mps-admin: %1 holds another master key than the backup's. Move it away if nothing "
                       "else needs it, or add --force to replace it.")
                       .arg(keyTarget)
                << "\n";
            return 1;
        }
    }
    QFile sf(dir + QLatin1Char('/') + SignatureName);
    const QByteArray sig = sf.open(QIODevice::ReadOnly) ? sf.readAll().trimmed() : QByteArray();
    const QByteArray expected = manifestMac(master, json);
    if (sig.size() != expected.size() ||
        sodium_memcmp(sig.constData(), expected.constData(), static_cast<size_t>(sig.size())) != 0) {
        err << BackupCommands::tr("mps-admin: the manifest of %1 was changed after the backup was made (its "
                                  "signature does not match). Nothing was restored.")
                   .arg(dir)
            << "\n";
        return 1;
    }

    // Every file is checked before anything is written.
    QStringList rels;
    bool hasDb = false;
    for (const QJsonValue& v : manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString rel = f.value(QStringLiteral("path")).toString();
        const bool known = rel == QLatin1String("mps.db") || rel == QLatin1String("master.key") ||
                           rel == QLatin1String("tls/server.crt") || rel == QLatin1String("tls/server.key") ||
                           (rel.startsWith(QLatin1String("spool/")) && Spool::validName(rel.mid(6)));
        if (!known) {
            err << BackupCommands::tr(
                       "mps-admin: the manifest of %1 lists an unexpected file %2. Nothing was "
                       "restored.")
                       .arg(dir, rel)
                << "\n";
            return 1;
        }
        FileDigest d;
        if (!QFileInfo::exists(dir + QLatin1Char('/') + rel)) {
            err << BackupCommands::tr(
                       "mps-admin: the backup file %1 is missing from %2. Nothing was restored.")
                       .arg(rel, dir)
                << "\n";
            return 1;
        }
        if (!digestOf(dir + QLatin1Char('/') + rel, &d, &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        if (d.size != f.value(QStringLiteral("size")).toInteger() ||
            d.sha256 != f.value(QStringLiteral("sha256")).toString()) {
            err << BackupCommands::tr(
                       "mps-admin: the backup file %1 does not match its manifest (size or sha256 "
                       "differs): it was changed or damaged after the backup. Nothing was "
                       "restored.")
                       .arg(dir + QLatin1Char('/') + rel)
                << "\n";
            return 1;
        }
        hasDb = hasDb || rel == QLatin1String("mps.db");
        rels << rel;
    }
    if (!hasDb) {
        err << BackupCommands::tr("mps-admin: the manifest of %1 lists no database. Nothing was restored.")
                   .arg(dir)
            << "\n";
        return 1;
    }

    // --force: the old database and spool go (the key, if it is another, is replaced below).
    for (const QString& f :
         {QStringLiteral("mps.db"), QStringLiteral("mps.db-wal"), QStringLiteral("mps.db-shm")})
        QFile::remove(data + QLatin1Char('/') + f);
    for (const QString& sub : {QStringLiteral("/spool/tmp"), QStringLiteral("/spool")}) {
        QDir d(data + sub);
        for (const QString& f : d.entryList(QDir::Files | QDir::Hidden | QDir::System))
            d.remove(f);
    }
    if (!makePrivateDir(data + QStringLiteral("/spool"), &error) ||
        !makePrivateDir(data + QStringLiteral("/spool/tmp"), &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    for (const QString& rel : rels) {
        if (rel == QLatin1String("master.key"))
            continue; // written below, from the key actually used
        if (rel.startsWith(QLatin1String("tls/")) && !makePrivateDir(data + QStringLiteral("/tls"), &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        const QString to = data + QLatin1Char('/') + rel;
        const QString part = to + QStringLiteral(".restoring");
        QFile::remove(part);
        FileDigest d;
        if (copyFile(dir + QLatin1Char('/') + rel, part, &d, &error) != CopyResult::Copied ||
            ::rename(QFile::encodeName(part).constData(), QFile::encodeName(to).constData()) != 0) {
            err << "mps-admin: " << (error.isEmpty() ? errnoText(errno) : error) << "\n";
            return 1;
        }
    }
    if (QFileInfo(keyPath).absoluteFilePath() != QFileInfo(keyTarget).absoluteFilePath()) {
        QFile::remove(keyTarget);
        FileDigest d;
        if (copyFile(keyPath, keyTarget, &d, &error) != CopyResult::Copied) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
    }
    ::chmod(QFile::encodeName(keyTarget).constData(), 0600);
    syncDir(data + QStringLiteral("/spool"));
    syncDir(data);

    // What the server will find: the restored database read back with the key.
    StoreSnapshot::Contents contents;
    if (!StoreSnapshot::inspect(data + QStringLiteral("/mps.db"), dbKey(master), &contents, &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    out << BackupCommands::tr(
               "Restored the backup of %1 (made %2) into %3: schema %4, %5 users, %6 printers, %7 "
               "held jobs, %8 usage rows. Start the server on it; it upgrades the schema if it "
               "is older.")
               .arg(source0, manifest.value(QStringLiteral("created")).toString(), data)
               .arg(contents.schema)
               .arg(contents.counts.value(QStringLiteral("users")))
               .arg(contents.counts.value(QStringLiteral("printers")))
               .arg(contents.counts.value(QStringLiteral("liveJobs")))
               .arg(contents.counts.value(QStringLiteral("usageRows")))
        << "\n";
    return 0;
}

} // namespace

bool BackupCommands::handles(const QString& noun)
{
    return noun == QLatin1String("backup") || noun == QLatin1String("restore");
}

QString BackupCommands::help(const QString& noun)
{
    return helpText(noun);
}

int BackupCommands::run(const QString& dataDir, const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (!initCrypto()) {
        err << tr("mps-admin: libsodium cannot be initialised") << "\n";
        return 1;
    }
    QString noun, dir, keyFile;
    bool withKey = false;
    bool force = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--with-key")) {
            withKey = true;
        } else if (a == QLatin1String("--force")) {
            force = true;
        } else if (a == QLatin1String("--key") && i + 1 < args.size()) {
            keyFile = args[++i];
        } else if (a.startsWith(QLatin1String("--key="))) {
            keyFile = a.mid(6);
        } else if (a.startsWith(QLatin1Char('-'))) {
            err << tr("mps-admin: unknown option %1").arg(a) << "\n" << helpText(noun);
            return 2;
        } else if (noun.isEmpty()) {
            noun = a;
        } else if (dir.isEmpty()) {
            dir = a;
        } else {
            err << helpText(noun);
            return 2;
        }
    }
    const bool isBackup = noun == QLatin1String("backup");
    if (dir.isEmpty() || (isBackup && (force || !keyFile.isEmpty())) || (!isBackup && withKey)) {
        err << helpText(noun);
        return 2;
    }
    return isBackup ? backup(dataDir, dir, withKey, out, err)
                    : restore(dataDir, dir, keyFile, force, out, err);
}
