#include "Outbox.h"

#include "CaptureLog.h"
#include "ErrnoText.h"
#include "FdIo.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int IdLength = 32;
const char* const PublicKeyFile = "outbox.pub";
const char* const TempPrefix = ".tmp-";

QString suffixFor(Outbox::State state)
{
    switch (state) {
    case Outbox::State::Waiting:
        return QStringLiteral(".mpsout");
    case Outbox::State::Uploading:
        return QStringLiteral(".uploading");
    case Outbox::State::Rejected:
        return QStringLiteral(".rejected");
    case Outbox::State::Unreadable:
        return QStringLiteral(".unreadable");
    }
    return {};
}

// Closes the descriptor and removes the temporary file unless release() was called.
class TempFile
{
public:
    TempFile(int fd, QByteArray path) : m_fd(fd), m_path(std::move(path)) {}
    ~TempFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_path.isEmpty())
            ::unlink(m_path.constData());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    int fd() const { return m_fd; }
    // Flushes and closes the file; true when it is on disk.
    bool commit()
    {
        const bool ok = ::fsync(m_fd) == 0;
        const bool closed = ::close(m_fd) == 0;
        m_fd = -1;
        return ok && closed;
    }
    void release() { m_path.clear(); }

private:
    int m_fd;
    QByteArray m_path;
};

} // namespace

Outbox::Outbox(const QString& directory) : m_dir(directory) {}

QString Outbox::defaultDirectory()
{
    QString base = qEnvironmentVariable("MPS_OUTBOX_BASE");
    if (base.isEmpty())
        base = QStringLiteral("/var/spool/mps-outbox");
    return base + QLatin1Char('/') + QString::number(::getuid());
}

bool Outbox::isSpoolInstalled() const
{
    // The spool is the parent of the user's directory; the app never creates it (root's, 1733).
    return QFileInfo(QFileInfo(m_dir).absolutePath()).isDir();
}

bool Outbox::prepare()
{
    const QByteArray dir = QFile::encodeName(m_dir);
    if (::mkdir(dir.constData(), 0700) != 0 && errno != EEXIST) {
        m_error = tr("The outbox folder %1 cannot be created (%2). Ask IT support to install MPS again.")
                      .arg(m_dir, errnoText());
        return false;
    }
    struct stat st
    {
    };
    if (::lstat(dir.constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        m_error = tr("The outbox %1 is not a folder. Ask IT support to remove it.").arg(m_dir);
        return false;
    }
    if (st.st_uid != ::getuid()) {
        m_error =
            tr("The outbox folder %1 belongs to another user, so printed documents cannot be kept safe. "
               "Ask IT support to remove it.")
                .arg(m_dir);
        return false;
    }
    if ((st.st_mode & 077) != 0 && ::chmod(dir.constData(), 0700) != 0) {
        m_error = tr("The outbox folder %1 is open to other users and cannot be closed (%2).")
                      .arg(m_dir, errnoText());
        return false;
    }
    return true;
}

bool Outbox::publishPublicKey(const std::array<unsigned char, OutboxFormat::PublicKeySize>& publicKey)
{
    const std::string text = OutboxFormat::encodePublicKey(publicKey);
    const QString target = m_dir + QLatin1Char('/') + QLatin1String(PublicKeyFile);
    QFile current(target);
    if (current.open(QIODevice::ReadOnly) && current.read(4096) == QByteArray::fromStdString(text))
        return true;
    current.close();

    const QByteArray tmp = QFile::encodeName(m_dir + QLatin1Char('/') + QLatin1String(TempPrefix) +
                                             QLatin1String(PublicKeyFile));
    ::unlink(tmp.constData());
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_error = tr("The outbox key cannot be published in %1 (%2).").arg(m_dir, errnoText());
        return false;
    }
    TempFile file(fd, tmp);
    if (!FdIo::writeAll(fd, text.data(), text.size()) || !file.commit() ||
        ::rename(tmp.constData(), QFile::encodeName(target).constData()) != 0) {
        m_error = tr("The outbox key cannot be published in %1 (%2).").arg(m_dir, errnoText());
        return false;
    }
    file.release();
    qCInfo(lcOutbox).noquote() << "published the outbox public key in" << m_dir;
    return syncDirectory();
}

QString Outbox::add(QIODevice* document, QJsonObject metadata,
                    const std::array<unsigned char, OutboxFormat::PublicKeySize>& publicKey)
{
    const QString id = newId();
    metadata.insert(QStringLiteral("captureId"), id);
    const QByteArray json = QJsonDocument(metadata).toJson(QJsonDocument::Compact);
    const QByteArray tmp = QFile::encodeName(m_dir + QLatin1Char('/') + QLatin1String(TempPrefix) + id);
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_error = tr("The document cannot be kept in the outbox %1 (%2).").arg(m_dir, errnoText());
        return {};
    }
    TempFile file(fd, tmp);
    OutboxWriter writer;
    if (!writer.open(fd, publicKey, std::string_view(json.constData(), static_cast<size_t>(json.size())))) {
        m_error = tr("The document cannot be kept in the outbox (%1).")
                      .arg(QString::fromStdString(writer.errorString()));
        return {};
    }
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = document->read(buffer.data(), buffer.size());
        if (n < 0) {
            m_error = tr("The document cannot be read (%1).").arg(document->errorString());
            return {};
        }
        if (n == 0 && (document->atEnd() || !document->waitForReadyRead(30000)))
            break;
        if (!writer.write(buffer.constData(), static_cast<size_t>(n))) {
            m_error = tr("The document cannot be kept in the outbox (%1).")
                          .arg(QString::fromStdString(writer.errorString()));
            return {};
        }
    }
    if (!writer.finish() || !file.commit() ||
        ::rename(tmp.constData(), QFile::encodeName(path(id, State::Waiting)).constData()) != 0) {
        m_error = tr("The document cannot be kept in the outbox %1 (%2).").arg(m_dir, errnoText());
        return {};
    }
    file.release();
    if (!syncDirectory())
        return {};
    return id;
}

bool Outbox::isValidId(const QString& id)
{
    if (id.size() != IdLength)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QString Outbox::newId()
{
    unsigned char raw[IdLength / 2];
    randombytes_buf(raw, sizeof raw);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(raw), sizeof raw).toHex());
}

QString Outbox::path(const QString& id, State state) const
{
    if (!isValidId(id))
        return {};
    return m_dir + QLatin1Char('/') + id + suffixFor(state);
}

QStringList Outbox::ids(State state) const
{
    const QString suffix = suffixFor(state);
    QDir dir(m_dir);
    const QFileInfoList entries =
        dir.entryInfoList({QLatin1Char('*') + suffix}, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                          QDir::Time | QDir::Reversed);
    QStringList out;
    for (const QFileInfo& fi : entries) {
        const QString id = fi.fileName().chopped(suffix.size());
        if (isValidId(id))
            out.append(id);
    }
    return out;
}

QDateTime Outbox::lastModified(const QString& id, State state) const
{
    const QString p = path(id, state);
    if (p.isEmpty())
        return {};
    const QFileInfo fi(p);
    return fi.exists() ? fi.lastModified() : QDateTime();
}

bool Outbox::touch(const QString& id, State state)
{
    const QString p = path(id, state);
    if (p.isEmpty() ||
        ::utimensat(AT_FDCWD, QFile::encodeName(p).constData(), nullptr, AT_SYMLINK_NOFOLLOW) != 0) {
        m_error = tr("The outbox file %1 cannot be changed (%2).").arg(id, errnoText());
        return false;
    }
    return true;
}

bool Outbox::move(const QString& id, State from, State to)
{
    const QString a = path(id, from);
    const QString b = path(id, to);
    if (a.isEmpty() || ::rename(QFile::encodeName(a).constData(), QFile::encodeName(b).constData()) != 0) {
        m_error = tr("The outbox file %1 cannot be renamed (%2).").arg(id, errnoText());
        return false;
    }
    return syncDirectory();
}

bool Outbox::remove(const QString& id, State state)
{
    const QString p = path(id, state);
    if (p.isEmpty() || ::unlink(QFile::encodeName(p).constData()) != 0) {
        m_error = tr("The outbox file %1 cannot be removed (%2).").arg(id, errnoText());
        return false;
    }
    return syncDirectory();
}

int Outbox::removeStaleTemporaries(qint64 maxAgeSecs)
{
    QDir dir(m_dir);
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-maxAgeSecs);
    int removed = 0;
    for (const QFileInfo& fi : dir.entryInfoList({QLatin1String(TempPrefix) + QLatin1Char('*')},
                                                 QDir::Files | QDir::Hidden | QDir::NoSymLinks)) {
        if (fi.lastModified().toUTC() < cutoff && QFile::remove(fi.absoluteFilePath())) {
            qCInfo(lcOutbox).noquote() << "removed the unfinished outbox file" << fi.fileName();
            ++removed;
        }
    }
    return removed;
}

bool Outbox::syncDirectory()
{
    const int fd = ::open(QFile::encodeName(m_dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        m_error = tr("The outbox folder %1 cannot be written to disk (%2).").arg(m_dir, errnoText());
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}
