#include "OutboxUploader.h"

#include "ApiClient.h"
#include "CaptureJobName.h"
#include "CaptureLog.h"
#include "ErrnoText.h"
#include "OutboxDevice.h"

#include <QFile>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QThreadPool>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

// Temporary files of a writer that died are removed after a day; a live writer finishes sooner.
constexpr qint64 StaleTemporarySecs = 24 * 3600;
// A look at the outbox now and then, in case a change notification was missed.
constexpr int SweepIntervalMs = 60 * 1000;

// Errors ApiClient reports before anything was sent: the server cannot have the job.
bool failedBeforeSending(const ApiReply* reply)
{
    static const QStringList codes = {QStringLiteral("tls-untrusted"), QStringLiteral("tls-pin-mismatch"),
                                      QStringLiteral("tls-failed"),    QStringLiteral("bad-request"),
                                      QStringLiteral("cannot-read"),   QStringLiteral("unsupported-format")};
    return reply->httpStatus() == 0 && codes.contains(reply->errorCode());
}

QString uploadFormat(const QString& format)
{
    static const QStringList known = {QStringLiteral("application/pdf"), QStringLiteral("image/jpeg"),
                                      QStringLiteral("image/pwg-raster"), QStringLiteral("image/urf")};
    return known.contains(format) ? format : QStringLiteral("application/octet-stream");
}

// A capture printed to the "MPS Fax" queue (the backend's mps:/fax): it becomes a fax draft.
bool isFax(const QJsonObject& metadata)
{
    return metadata.value(QLatin1String("kind")).toString() == QLatin1String("fax");
}

// The job options a capture asks for that differ from the server's defaults.
QJsonObject optionChanges(const QJsonObject& metadata)
{
    QJsonObject changes;
    const int copies = metadata.value(QLatin1String("copies")).toInt(1);
    if (copies > 1 && copies <= 999)
        changes.insert(QStringLiteral("copies"), copies);
    const QString sides = metadata.value(QLatin1String("sides")).toString();
    if (sides == QLatin1String("two-sided-long-edge") || sides == QLatin1String("two-sided-short-edge"))
        changes.insert(QStringLiteral("sides"), sides);
    const QString color = metadata.value(QLatin1String("colorMode")).toString();
    if (color == QLatin1String("monochrome") || color == QLatin1String("color"))
        changes.insert(QStringLiteral("colorMode"), color);
    return changes;
}

} // namespace

/// The result of decrypting a whole capture once before it is uploaded.
struct OutboxUploader::Check
{
    enum class Outcome { Ok, Unreadable, IoError } outcome = Outcome::IoError;
    QString error;
    QJsonObject metadata;
    qint64 size = 0;
};

OutboxUploader::Check OutboxUploader::checkFile(const QString& path, const QString& id,
                                                const OutboxKeyPair& keys)
{
    using Outcome = Check::Outcome;
    Check check;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        check.error = errnoText();
        return check;
    }
    struct stat st
    {
    };
    OutboxReader reader;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !reader.open(fd, keys)) {
        check.outcome = Outcome::Unreadable;
        check.error = QString::fromStdString(reader.errorString());
        ::close(fd);
        return check;
    }
    std::vector<char> buffer(256 * 1024);
    qint64 total = 0;
    for (;;) {
        const std::int64_t n = reader.read(buffer.data(), buffer.size());
        if (n < 0) {
            check.outcome = Outcome::Unreadable;
            check.error = QString::fromStdString(reader.errorString());
            break;
        }
        if (n == 0) {
            check.outcome = Outcome::Ok;
            break;
        }
        total += n;
    }
    sodium_memzero(buffer.data(), buffer.size());
    ::close(fd);
    if (check.outcome != Outcome::Ok)
        return check;
    const QJsonDocument meta = QJsonDocument::fromJson(QByteArray::fromStdString(reader.metadata()));
    const auto expected = OutboxFormat::plaintextSizeForFileSize(st.st_size, reader.chunkSize());
    if (!meta.isObject() || meta.object().value(QLatin1String("captureId")).toString() != id || !expected ||
        *expected != total) {
        check.outcome = Outcome::Unreadable;
        check.error = QStringLiteral("the outbox file does not belong to this capture");
        return check;
    }
    check.metadata = meta.object();
    check.size = total;
    return check;
}

OutboxUploader::OutboxUploader(Outbox* outbox, ApiClient* api, QObject* parent)
    : QObject(parent), m_outbox(outbox), m_api(api)
{
    m_retryTimer.setSingleShot(true);
    m_dueTimer.setSingleShot(true);
    m_sweepTimer.setInterval(SweepIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &OutboxUploader::processNext);
    connect(&m_dueTimer, &QTimer::timeout, this, &OutboxUploader::processNext);
    connect(&m_sweepTimer, &QTimer::timeout, this, &OutboxUploader::onDirectoryChanged);
    if (m_api)
        connect(m_api, &ApiClient::tokenChanged, this, &OutboxUploader::wake);
}

OutboxUploader::~OutboxUploader()
{
    stop();
}

void OutboxUploader::setKeys(const OutboxKeyPair& keys)
{
    m_keys = keys;
    if (m_running)
        wake();
}

void OutboxUploader::setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest)
{
    m_firstRetry = first;
    m_longestRetry = std::max(first, longest);
    m_retryDelay = first;
}

void OutboxUploader::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_generation;
    m_outbox->removeStaleTemporaries(StaleTemporarySecs);
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &OutboxUploader::onDirectoryChanged);
    }
    if (!m_watcher->addPath(m_outbox->directory()))
        qCWarning(lcOutbox).noquote()
            << "cannot watch" << m_outbox->directory() << "- looking every minute instead";
    m_sweepTimer.start();
    m_seenWaiting.clear();
    wake();
}

void OutboxUploader::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    m_dueTimer.stop();
    m_sweepTimer.stop();
    if (m_watcher)
        m_watcher->removePaths(m_watcher->directories());
    if (m_reply)
        m_reply->abort(); // its file stays ".uploading" and is checked at the next start
    m_busy = false;
}

void OutboxUploader::wake()
{
    m_retryDelay = m_firstRetry;
    m_retryTimer.stop();
    processNext();
}

void OutboxUploader::onDirectoryChanged()
{
    // Our own renames change the directory too: only a capture not seen before is news, and news
    // does not reset the back-off.
    const QStringList waiting = m_outbox->ids(Outbox::State::Waiting);
    bool fresh = false;
    for (const QString& id : waiting) {
        if (!m_seenWaiting.contains(id)) {
            m_seenWaiting.insert(id);
            fresh = true;
        }
    }
    if (fresh)
        processNext();
    else
        updatePending();
}

void OutboxUploader::processNext()
{
    if (!m_running || m_busy || !m_keys || !m_api)
        return;
    updatePending();
    if (m_pending == 0)
        return;
    if (m_api->token().isEmpty()) {
        if (!m_toldSignIn) {
            m_toldSignIn = true;
            qCInfo(lcOutbox) << m_pending << "captures wait for a sign-in";
            Q_EMIT waitingForSignIn();
        }
        return;
    }
    m_toldSignIn = false;

    // A capture in doubt is settled first: nothing else starts until the server says whether it has it.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString& id : m_outbox->ids(Outbox::State::Uploading)) {
        const QDateTime due =
            m_outbox->lastModified(id, Outbox::State::Uploading).toUTC().addMSecs(m_grace.count());
        if (due <= now) {
            recover(id);
            return;
        }
        m_dueTimer.start(static_cast<int>(std::clamp<qint64>(now.msecsTo(due) + 50, 50, 24 * 3600 * 1000)));
        return;
    }
    const QStringList waiting = m_outbox->ids(Outbox::State::Waiting);
    if (!waiting.isEmpty())
        upload(waiting.first());
}

void OutboxUploader::recover(const QString& id)
{
    // A fax draft cannot be looked up by capture id, and need not be: the server keeps every draft's
    // capture id and answers a repeat with the first draft. So a fax capture in doubt is sent again.
    // Without the key its kind is unknown; then the job list is asked as for a print capture, which
    // finds nothing for a fax and sends it again just the same.
    if (const auto metadata = readMetadata(id, Outbox::State::Uploading); metadata && isFax(*metadata)) {
        qCInfo(lcOutbox).noquote() << "fax capture" << id
                                   << "ended without an answer; sending it again (the server keeps one draft "
                                      "per capture)";
        if (!m_outbox->move(id, Outbox::State::Uploading, Outbox::State::Waiting)) {
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
            return stepDone(false);
        }
        m_recoveredFax.insert(id);
        return stepDone(true);
    }
    m_busy = true;
    qCInfo(lcOutbox).noquote() << "capture" << id
                               << "ended without an answer; asking the server whether it has it";
    ApiReply* reply = m_api->jobs(true);
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, id, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            qCInfo(lcOutbox).noquote() << "cannot check capture" << id << "now:" << reply->errorCode();
            return stepDone(false);
        }
        const QJsonArray jobs = reply->json().value(QLatin1String("jobs")).toArray();
        for (const QJsonValue& v : jobs) {
            const QJsonObject job = v.toObject();
            if (CaptureJobName::captureIdIn(job.value(QLatin1String("name")).toString()) == id) {
                qCInfo(lcOutbox).noquote() << "capture" << id << "is already job"
                                           << job.value(QLatin1String("id")).toInteger() << "on the server";
                finishAccepted(id, readMetadata(id, Outbox::State::Uploading).value_or(QJsonObject()), job,
                               true);
                return;
            }
        }
        qCInfo(lcOutbox).noquote() << "capture" << id << "is not on the server; it will be sent again";
        if (!m_outbox->move(id, Outbox::State::Uploading, Outbox::State::Waiting)) {
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
            return stepDone(false);
        }
        stepDone(true);
    });
}

void OutboxUploader::upload(const QString& id)
{
    m_busy = true;
    if (!m_outbox->move(id, Outbox::State::Waiting, Outbox::State::Uploading) ||
        !m_outbox->touch(id, Outbox::State::Uploading)) {
        qCWarning(lcOutbox).noquote() << m_outbox->errorString();
        return stepDone(false);
    }
    // Decrypt the whole file once off this thread: a damaged file is set aside instead of being half
    // sent, and the size is checked against what the upload announces.
    auto promise = std::make_shared<QPromise<Check>>();
    QFuture<Check> future = promise->future();
    promise->start();
    const QString path = m_outbox->path(id, Outbox::State::Uploading);
    QThreadPool::globalInstance()->start([promise, path, id, keys = *m_keys] {
        promise->addResult(checkFile(path, id, keys));
        promise->finish();
    });
    auto* watcher = new QFutureWatcher<Check>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, generation] {
        const Check check = watcher->result();
        watcher->deleteLater();
        if (generation == m_generation)
            onChecked(id, check);
    });
    watcher->setFuture(future);
}

void OutboxUploader::onChecked(const QString& id, const Check& check)
{
    if (check.outcome == Check::Outcome::IoError) {
        qCWarning(lcOutbox).noquote() << "cannot read capture" << id << ":" << check.error;
        if (!m_outbox->move(id, Outbox::State::Uploading, Outbox::State::Waiting))
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
        return stepDone(false);
    }
    if (check.outcome == Check::Outcome::Unreadable) {
        qCWarning(lcOutbox).noquote() << "capture" << id << "cannot be decrypted:" << check.error;
        if (!m_outbox->move(id, Outbox::State::Uploading, Outbox::State::Unreadable))
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
        Q_EMIT uploadFailed(
            id, QString(),
            tr("A printed document could not be opened: it was damaged or kept with a key this "
               "desktop no longer has. Print it again."),
            false);
        return stepDone(true);
    }

    auto* device = new OutboxDevice(this);
    if (!device->openFile(m_outbox->path(id, Outbox::State::Uploading), *m_keys)) {
        qCWarning(lcOutbox).noquote() << "cannot open capture" << id << ":" << device->errorString();
        delete device;
        if (!m_outbox->move(id, Outbox::State::Uploading, Outbox::State::Waiting))
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
        return stepDone(false);
    }
    const QJsonObject metadata = check.metadata;
    const QString title = metadata.value(QLatin1String("title")).toString();
    const QString format = uploadFormat(metadata.value(QLatin1String("format")).toString());
    ApiReply* reply = nullptr;
    if (isFax(metadata)) {
        // The draft keeps the document's own title: its capture id travels as captureId only.
        qCInfo(lcOutbox).noquote() << "uploading fax capture" << id << "(" << check.size << "bytes)";
        reply = m_api->uploadFaxDraft(device, title, format, check.size, id);
    } else {
        qCInfo(lcOutbox).noquote() << "uploading capture" << id << "(" << check.size << "bytes)";
        reply = m_api->uploadJob(device, CaptureJobName::forUpload(title, id), format, check.size, id);
    }
    device->setParent(reply);
    m_reply = reply;
    // The doubt period counts from the last byte sent, so the file's time follows the upload.
    auto lastTouch = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
    connect(reply, &ApiReply::uploadProgress, this, [this, id, lastTouch](qint64, qint64) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (lastTouch->msecsTo(now) >= 1000) {
            *lastTouch = now;
            (void)m_outbox->touch(id, Outbox::State::Uploading);
        }
    });
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, id, metadata, generation] {
        reply->deleteLater();
        if (generation == m_generation)
            onUploadFinished(id, metadata, reply);
    });
}

void OutboxUploader::onUploadFinished(const QString& id, const QJsonObject& metadata, ApiReply* reply)
{
    const QString title = metadata.value(QLatin1String("title")).toString();
    const int status = reply->httpStatus();
    if (status >= 200 && status < 300) {
        Q_EMIT serverAccepted(id);
        if (isFax(metadata)) {
            // A repeat after a lost answer gets the first draft back ("duplicate"): recovered.
            const bool recovered =
                m_recoveredFax.contains(id) || reply->json().value(QLatin1String("duplicate")).toBool();
            return finishFaxAccepted(id, reply->json().value(QLatin1String("draft")).toObject(), recovered);
        }
        return finishAccepted(id, metadata, reply->json().value(QLatin1String("job")).toObject(), false);
    }
    // 409 capture-in-progress: an earlier attempt of this very capture is still arriving at the server.
    // 409 hold-limit and 507 spool-full: the server has no room for it now (docs/server.md "Spool
    // space") and kept nothing of it.
    const QString code = reply->errorCode();
    const bool noRoom = code == QLatin1String("hold-limit") || code == QLatin1String("spool-full");
    if (status == 401 || status == 408 || status == 429 || failedBeforeSending(reply) ||
        code == QLatin1String("capture-in-progress") || noRoom) {
        // The server did not take the job: it simply waits for the next attempt.
        qCInfo(lcOutbox).noquote() << "capture" << id << "not sent:" << code;
        if (!m_outbox->move(id, Outbox::State::Uploading, Outbox::State::Waiting))
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
        if (status != 401)
            Q_EMIT uploadFailed(id, title, reply->errorMessage(), true);
        if (noRoom && !m_toldNoRoom) {
            m_toldNoRoom = true;
            Q_EMIT waitingForRoom(
                id, title,
                code == QLatin1String("hold-limit")
                    ? tr("You have as many jobs waiting on the print server as it keeps for one person. "
                         "Print or delete some in My jobs: what you printed since waits on this computer "
                         "and is sent by itself then.")
                    : tr("The print server's storage is full. What you printed waits on this computer and "
                         "is sent by itself once there is room."));
        }
        return stepDone(false);
    }
    // A server without a fax gateway answers a clear no: kept aside like a refusal, so that it does not
    // hold up the print captures behind it (the person can fax the document later from the app).
    const bool faxDisabled =
        status == 503 && isFax(metadata) && reply->errorCode() == QLatin1String("fax-disabled");
    if ((status >= 400 && status < 500) || faxDisabled) {
        qCWarning(lcOutbox).noquote() << "the server refused capture" << id << ":" << reply->errorCode();
        if (!m_outbox->move(id, Outbox::State::Uploading, Outbox::State::Rejected))
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
        Q_EMIT uploadFailed(id, title, reply->errorMessage(), false);
        return stepDone(true);
    }
    // No clear answer: the server may have the job. The file stays in doubt until its list says.
    qCInfo(lcOutbox).noquote() << "upload of capture" << id
                               << "ended without an answer:" << reply->errorCode();
    if (!m_outbox->touch(id, Outbox::State::Uploading))
        qCWarning(lcOutbox).noquote() << m_outbox->errorString();
    Q_EMIT uploadFailed(id, title, reply->errorMessage(), true);
    stepDone(false);
}

void OutboxUploader::finishAccepted(const QString& id, const QJsonObject& metadata, const QJsonObject& job,
                                    bool recovered)
{
    m_toldNoRoom = false; // there was room again: a later shortage is told again
    // The options chosen in the print dialog are set on the held job before the file goes, so that a
    // crash in between still finds them to set after recovery.
    const QJsonObject changes = optionChanges(metadata);
    const qint64 jobId = job.value(QLatin1String("id")).toInteger();
    auto done = [this, id, job, recovered] {
        if (!m_outbox->remove(id, Outbox::State::Uploading)) {
            qCWarning(lcOutbox).noquote() << m_outbox->errorString();
            return stepDone(false);
        }
        qCInfo(lcOutbox).noquote() << "capture" << id << "is job"
                                   << job.value(QLatin1String("id")).toInteger()
                                   << (recovered ? "(found after a crash or lost answer)" : "");
        m_retryDelay = m_firstRetry;
        Q_EMIT jobUploaded(id, job, recovered);
        stepDone(true);
    };
    const QString state = job.value(QLatin1String("state")).toString();
    if (changes.isEmpty() || jobId <= 0 || (recovered && state != QLatin1String("held")))
        return done();
    ApiReply* reply = m_api->updateJob(jobId, changes);
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, id, generation, done] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->ok())
            qCWarning(lcOutbox).noquote()
                << "the print options of capture" << id << "could not be set:" << reply->errorCode();
        done();
    });
}

void OutboxUploader::finishFaxAccepted(const QString& id, const QJsonObject& draft, bool recovered)
{
    if (!m_outbox->remove(id, Outbox::State::Uploading)) {
        qCWarning(lcOutbox).noquote() << m_outbox->errorString();
        return stepDone(false);
    }
    m_recoveredFax.remove(id);
    qCInfo(lcOutbox).noquote() << "fax capture" << id << "is draft"
                               << draft.value(QLatin1String("id")).toInteger()
                               << (recovered ? "(the server already had it)" : "");
    m_retryDelay = m_firstRetry;
    Q_EMIT faxDraftUploaded(id, draft, recovered);
    stepDone(true);
}

void OutboxUploader::stepDone(bool continueNow)
{
    m_busy = false;
    m_reply = nullptr;
    updatePending();
    if (continueNow)
        QTimer::singleShot(0, this, &OutboxUploader::processNext);
    else
        scheduleRetry();
}

void OutboxUploader::scheduleRetry()
{
    if (!m_running)
        return;
    m_retryTimer.start(static_cast<int>(m_retryDelay.count()));
    m_retryDelay = std::min(m_retryDelay * 2, m_longestRetry);
}

void OutboxUploader::updatePending()
{
    const QStringList waiting = m_outbox->ids(Outbox::State::Waiting);
    for (const QString& id : waiting)
        m_seenWaiting.insert(id);
    const int count = static_cast<int>(waiting.size() + m_outbox->ids(Outbox::State::Uploading).size());
    if (count != m_pending) {
        m_pending = count;
        Q_EMIT pendingCountChanged(count);
    }
}

std::optional<QJsonObject> OutboxUploader::readMetadata(const QString& id, Outbox::State state) const
{
    const int fd =
        ::open(QFile::encodeName(m_outbox->path(id, state)).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || !m_keys)
        return std::nullopt;
    OutboxReader reader;
    const bool ok = reader.open(fd, *m_keys);
    ::close(fd);
    if (!ok)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(reader.metadata()));
    return doc.isObject() ? std::optional<QJsonObject>(doc.object()) : std::nullopt;
}
