#include "OutboxDevice.h"

#include "ErrnoText.h"

#include <QFile>
#include <QJsonDocument>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

OutboxDevice::OutboxDevice(QObject* parent) : QIODevice(parent) {}

OutboxDevice::~OutboxDevice()
{
    close();
}

bool OutboxDevice::openFile(const QString& path, const OutboxKeyPair& keys)
{
    close();
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st
    {
    };
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        setErrorString(tr("The outbox file cannot be opened (%1).").arg(errnoText()));
        close();
        return false;
    }
    m_reader = std::make_unique<OutboxReader>();
    if (!m_reader->open(m_fd, keys)) {
        setErrorString(QString::fromStdString(m_reader->errorString()));
        close();
        return false;
    }
    const auto size = OutboxFormat::plaintextSizeForFileSize(st.st_size, m_reader->chunkSize());
    const QJsonDocument meta = QJsonDocument::fromJson(QByteArray::fromStdString(m_reader->metadata()));
    if (!size || !meta.isObject()) {
        setErrorString(tr("The outbox file is damaged."));
        close();
        return false;
    }
    m_size = *size;
    m_metadata = meta.object();
    m_delivered = 0;
    return QIODevice::open(QIODevice::ReadOnly);
}

qint64 OutboxDevice::bytesAvailable() const
{
    // Everything not yet read is available at once: it is in the file.
    return (m_size - m_delivered) + QIODevice::bytesAvailable();
}

bool OutboxDevice::atEnd() const
{
    return bytesAvailable() == 0;
}

void OutboxDevice::close()
{
    if (isOpen())
        QIODevice::close();
    m_reader.reset();
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

qint64 OutboxDevice::readData(char* data, qint64 maxlen)
{
    if (!m_reader)
        return -1;
    qint64 done = 0;
    while (done < maxlen) {
        const std::int64_t n = m_reader->read(data + done, static_cast<size_t>(maxlen - done));
        if (n < 0) {
            setErrorString(QString::fromStdString(m_reader->errorString()));
            return -1;
        }
        if (n == 0) {
            // The authenticated end must come exactly where the file size said it would.
            if (m_delivered + done != m_size) {
                setErrorString(tr("The outbox file is damaged."));
                return -1;
            }
            break;
        }
        done += n;
        if (m_delivered + done > m_size) {
            setErrorString(tr("The outbox file is damaged."));
            return -1;
        }
    }
    m_delivered += done;
    return done;
}
