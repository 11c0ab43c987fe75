#pragma once
#include "OutboxCipher.h"

#include <QIODevice>
#include <QJsonObject>
#include <memory>

/// A read-only, sequential QIODevice that decrypts an outbox file as it is read, one chunk at a time,
/// so that an upload streams the document without a plaintext copy on disk or in memory. Its size()
/// is known up front (from the file size), which lets ApiClient::uploadJob stream it.
/// A tampered or truncated file makes read() fail with errorString() set.
class OutboxDevice : public QIODevice
{
    Q_OBJECT
public:
    explicit OutboxDevice(QObject* parent = nullptr);
    ~OutboxDevice() override;

    /// Opens the outbox file at `path` with `keys` and authenticates its header and metadata.
    /// Returns false with errorString() set when that fails.
    [[nodiscard]] bool openFile(const QString& path, const OutboxKeyPair& keys);
    /// Returns the job's metadata (valid after openFile()).
    QJsonObject metadata() const { return m_metadata; }

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_size; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;
    void close() override;

protected:
    qint64 readData(char* data, qint64 maxlen) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    int m_fd = -1;
    std::unique_ptr<OutboxReader> m_reader;
    QJsonObject m_metadata;
    qint64 m_size = 0;
    qint64 m_delivered = 0;
};
