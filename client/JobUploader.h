#pragma once
#include <QMimeType>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QStringList>

#include <memory>

class ApiClient;
class ApiReply;
class QTemporaryDir;

/// Sends files the user picked or dropped to the server as new held jobs, one after the other, with
/// progress. PDF and JPEG go as they are; other images (PNG, TIFF, ...) are converted to JPEG on a
/// worker thread first. Nothing blocks the GUI thread.
class JobUploader : public QObject
{
    Q_OBJECT
public:
    /// Creates an idle uploader sending through `api` (which must outlive it).
    explicit JobUploader(ApiClient* api, QObject* parent = nullptr);
    ~JobUploader() override;

    /// How a file would be sent.
    enum class Kind {
        Unsupported, ///< not a document the server can print
        Direct,      ///< PDF or JPEG: sent as it is
        Convert,     ///< another image: converted to JPEG first
    };

    /// Returns how the file at `path` would be sent, judged by its content.
    static Kind kindOf(const QString& path);
    /// Returns true for a document the server converts to PDF itself (office documents, text, HWP),
    /// judged by its type (`mime`) or, for HWP, which has no common type, by the file name's `suffix`.
    static bool serverConverts(const QMimeType& mime, const QString& suffix);

    /// Queues `paths` for upload. Files that cannot be printed are refused at once with fileFinished().
    void enqueue(const QStringList& paths);
    /// Stops the current upload and forgets the queue.
    void cancel();
    /// Returns true while files are queued or going out.
    bool isBusy() const { return m_count > 0; }

Q_SIGNALS:
    /// The file `name` (number `index` of `count` in this run, from 1) is going out: `sent` of `total` bytes.
    void progress(const QString& name, int index, int count, qint64 sent, qint64 total);
    /// One file is done: held on the server when `ok`, otherwise `error` says why, as a sentence.
    void fileFinished(const QString& name, bool ok, const QString& error);
    /// The queue is empty again: `uploaded` files are held, `errors` has a sentence per failure.
    void finished(int uploaded, const QStringList& errors);

private:
    void next();
    void send(const QString& path, const QString& name, const QString& mimeType);
    void done(const QString& name, bool ok, const QString& error);

    QPointer<ApiClient> m_api;
    QQueue<QString> m_queue;
    QPointer<ApiReply> m_current;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QStringList m_errors;
    int m_index = 0;
    int m_count = 0;
    int m_uploaded = 0;
    bool m_converting = false;
    bool m_nextScheduled = false;
};
