#include "JobService.h"

#include "AccountingService.h"
#include "DocumentInspector.h"
#include "DocumentIntake.h"
#include "JobCommitter.h"
#include "KeyWrap.h"
#include "Log.h"
#include "OptionSupport.h"
#include "PdfColour.h"
#include "PdfPageTree.h"
#include "ReleaseQueue.h"
#include "SpoolCipher.h"
#include "ThumbnailQueue.h"
#include "Wiped.h"

#include <QFile>
#include <QJsonObject>
#include <QSizeF>
#include <cups/cups.h>
#include <fcntl.h>
#include <unistd.h>

namespace {

QByteArray keyAd(qint64 jobId)
{
    return QByteArray("mps-job:") + QByteArray::number(jobId);
}

// The size in points of a PWG media name (portrait), or A4 when it is not one.
QSizeF pageSizePt(const QString& pwgName)
{
    const QByteArray name = pwgName.toLatin1();
    if (const pwg_media_t* m = name.isEmpty() ? nullptr : pwgMediaForPWG(name.constData()))
        return {m->width * 72.0 / 2540.0, m->length * 72.0 / 2540.0};
    return {595.0, 842.0};
}

bool isLiveState(JobState s)
{
    return s == JobState::Held || s == JobState::Releasing || s == JobState::Printing;
}

} // namespace

/// How long a Create-Job is refused after its owner's last document was refused for the held-job
/// ceiling or the spool's reserve (JobService::refusalBeforeDocument).
constexpr qint64 LateRefusalSecs = 10;

class JobService::HoldClaim
{
public:
    HoldClaim(JobService& service, qint64 ownerId) : m_service(service), ownerId(ownerId) {}
    ~HoldClaim() { giveBack(); }
    HoldClaim(const HoldClaim&) = delete;
    HoldClaim& operator=(const HoldClaim&) = delete;
    /// The upload is committed (its job now counts as held) or refused: its share is given back.
    void giveBack()
    {
        if (!jobs && !bytes)
            return;
        std::lock_guard lock(m_service.m_arrivingMutex);
        auto it = m_service.m_arriving.find(ownerId);
        if (it != m_service.m_arriving.end()) {
            it->second.jobs -= jobs;
            it->second.bytes -= bytes;
            if (it->second.jobs <= 0 && it->second.bytes <= 0)
                m_service.m_arriving.erase(it);
        }
        jobs = 0;
        bytes = 0;
    }

    JobService& m_service;
    const qint64 ownerId;
    int jobs = 0;     ///< this upload's share (0 or 1; locked by the service's m_arrivingMutex)
    qint64 bytes = 0; ///< (the same)
};

std::optional<JobService::HoldRefusal> JobService::claimHoldRoom(HoldClaim& claim, qint64 bytes,
                                                                 qint64* othersBytes)
{
    const qint64 maxHeldJobs = m_settings.maxHeldJobs;
    const qint64 maxHeldBytes = m_settings.maxHeldBytes;
    if (maxHeldJobs <= 0 && maxHeldBytes <= 0)
        return std::nullopt;
    // The held jobs are read under the same lock as the uploads arriving: a job committed meanwhile may
    // count twice for a moment (in the store and still arriving), never not at all.
    std::lock_guard lock(m_arrivingMutex);
    if (claim.jobs && bytes <= claim.bytes && !othersBytes) {
        // Within what this upload already claimed: it fits as it did, and the store need not be read.
        m_arriving[claim.ownerId].bytes -= claim.bytes - bytes;
        claim.bytes = bytes;
        return std::nullopt;
    }
    const Store::HeldLoad held = m_store.heldLoad(claim.ownerId);
    Arriving& arriving = m_arriving[claim.ownerId];
    const qint64 jobs = held.jobs + arriving.jobs - claim.jobs;
    const qint64 heldBytes = held.bytes + arriving.bytes - claim.bytes;
    if (othersBytes)
        *othersBytes = heldBytes;
    std::optional<HoldRefusal> refusal;
    if (!claim.jobs && maxHeldJobs > 0 && jobs >= maxHeldJobs)
        refusal = heldJobsRefusal(jobs);
    else if (maxHeldBytes > 0 && heldBytes + bytes > maxHeldBytes)
        refusal = heldBytesRefusal(heldBytes);
    if (refusal) {
        if (!arriving.jobs && !arriving.bytes)
            m_arriving.erase(claim.ownerId);
        return refusal;
    }
    arriving.jobs += 1 - claim.jobs;
    arriving.bytes += bytes - claim.bytes;
    claim.jobs = 1;
    claim.bytes = bytes;
    return std::nullopt;
}

std::optional<IngestResult> JobService::refusalBeforeDocument(const UserRecord& owner)
{
    const QString subject = QStringLiteral("Create-Job for %1").arg(owner.name);
    IngestResult r;
    if (!m_spool.hasRoom(0)) {
        r.status = IngestResult::Status::SpoolFull;
        r.error = DocumentIntake::spoolFullMessage();
        r.code = QStringLiteral("spool-full");
        logSpoolFull(subject);
        return r;
    }
    const qint64 maxHeldJobs = m_settings.maxHeldJobs;
    const qint64 maxHeldBytes = m_settings.maxHeldBytes;
    std::optional<HoldRefusal> refusal;
    {
        std::unique_lock lock(m_arrivingMutex);
        // A document of this person's was refused a moment ago: the same answer, for a while.
        const qint64 now = m_clock.nowSecs();
        std::erase_if(m_lateRefusals, [now](const auto& e) { return now - e.second.at >= LateRefusalSecs; });
        if (const auto found = m_lateRefusals.find(owner.id); found != m_lateRefusals.end()) {
            const IngestResult late = found->second.result;
            const qint64 ago = now - found->second.at;
            lock.unlock();
            logRefusal(owner, late.code,
                       QStringLiteral("%1 refused (its last document was refused %2 s ago): %3")
                           .arg(subject)
                           .arg(ago)
                           .arg(late.error));
            return late;
        }
        if (maxHeldJobs <= 0 && maxHeldBytes <= 0)
            return std::nullopt;
        const Store::HeldLoad held = m_store.heldLoad(owner.id);
        const auto it = m_arriving.find(owner.id);
        const qint64 jobs = held.jobs + (it != m_arriving.end() ? it->second.jobs : 0);
        const qint64 bytes = held.bytes + (it != m_arriving.end() ? it->second.bytes : 0);
        if (maxHeldJobs > 0 && jobs >= maxHeldJobs)
            refusal = heldJobsRefusal(jobs);
        else if (maxHeldBytes > 0 && bytes >= maxHeldBytes)
            refusal = heldBytesRefusal(bytes);
    }
    if (!refusal)
        return std::nullopt;
    r.status = IngestResult::Status::HoldLimit;
    r.error = refusal->message;
    r.code = QStringLiteral("hold-limit");
    r.args = refusal->args;
    logRefusal(owner, r.code, QStringLiteral("%1 refused: %2").arg(subject, r.error));
    return r;
}

void JobService::rememberLateRefusal(qint64 ownerId, const IngestResult& r)
{
    std::lock_guard lock(m_arrivingMutex);
    m_lateRefusals[ownerId] = LateRefusal{r, m_clock.nowSecs()};
}

JobService::HoldRefusal JobService::heldJobsRefusal(qint64 jobs) const
{
    return {QStringLiteral("You already have %1 jobs waiting, the most this server holds for one person. "
                           "Print or delete some, then send this one again.")
                .arg(jobs),
            {{QStringLiteral("jobs"), jobs}, {QStringLiteral("maxJobs"), qint64(m_settings.maxHeldJobs)}}};
}

JobService::HoldRefusal JobService::heldBytesRefusal(qint64 heldBytes) const
{
    const qint64 maxHeldBytes = m_settings.maxHeldBytes;
    return {
        QStringLiteral("Your waiting jobs already take %1 MB, and this server holds at most %2 MB for one "
                       "person. Print or delete some, then send this one again.")
            .arg(heldBytes / (1024 * 1024))
            .arg(maxHeldBytes / (1024 * 1024)),
        {{QStringLiteral("megabytes"), heldBytes / (1024 * 1024)},
         {QStringLiteral("maxMegabytes"), maxHeldBytes / (1024 * 1024)}}};
}

JobService::JobService(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
                       Settings settings)
    : m_store(store), m_spool(spool), m_kek(kek), m_events(events), m_clock(clock), m_settings(settings),
      m_holdSecs(settings.holdSecs), m_warnBeforeSecs(settings.warnBeforeSecs),
      m_maxDocumentBytes(settings.maxDocumentBytes), m_refusals(lcIngest(), RefusalLog::uploadWording()),
      m_committer(std::make_unique<JobCommitter>(store)),
      m_thumbnails(std::make_unique<ThumbnailQueue>([this](qint64 id) { renderThumbnail(id); },
                                                    settings.thumbnailThreads))
{
}

JobService::~JobService() = default;

void JobService::setHoldLimits(qint64 holdSecs, qint64 warnBeforeSecs, qint64 maxDocumentBytes)
{
    m_holdSecs = holdSecs;
    m_warnBeforeSecs = warnBeforeSecs;
    m_maxDocumentBytes = maxDocumentBytes;
}

qint64 JobService::createJob(const UserRecord& owner, const JobInfo& meta)
{
    JobInfo j = meta;
    j.submitted = m_clock.now();
    return m_store.createReceivingJob(owner.id, j);
}

void JobService::abandonJob(qint64 jobId)
{
    m_store.discardReceivingJob(jobId);
}

IngestResult JobService::ingest(const UserRecord& owner, JobInfo meta, const ByteSource& source,
                                qint64 existingJobId, const QString& captureId, qint64 sizeAtLeast)
{
    // Thumbnails wait while uploads are in flight (ThumbnailQueue): the acknowledgements come first.
    struct InFlight
    {
        ThumbnailQueue& queue;
        explicit InFlight(ThumbnailQueue& q) : queue(q) { queue.uploadStarted(); }
        ~InFlight() { queue.uploadFinished(); }
        InFlight(const InFlight&) = delete;
        InFlight& operator=(const InFlight&) = delete;
    } inFlight(*m_thumbnails);
    IngestResult r;
    meta.owner = owner.name;
    meta.submitted = m_clock.now();
    auto seen = [&]() {
        auto prior = m_store.jobByCaptureId(owner.id, captureId);
        if (!prior)
            return false;
        r.status = prior->info.state == JobState::Receiving ? IngestResult::Status::InProgress
                                                            : IngestResult::Status::Duplicate;
        r.job = prior->info;
        r.error = QStringLiteral("This document was already sent.");
        qCInfo(lcIngest).noquote() << "capture for" << owner.name << "already known as job" << prior->info.id;
        return true;
    };
    if (!captureId.isEmpty() && seen())
        return r;
    // A desktop capture reserves its row first (its id must be unique while it arrives); a plain upload
    // gets its row only when it is committed, so that it costs one database flush, not two.
    const bool reserve = !existingJobId && !captureId.isEmpty();
    const qint64 jobId = existingJobId ? existingJobId
                         : reserve     ? m_store.createReceivingJob(owner.id, meta, captureId)
                                       : 0;
    // Two uploads of one capture racing: the unique index lets only one row in.
    if (reserve && !jobId && seen())
        return r;
    if (reserve && !jobId) {
        r.error = QStringLiteral("The server could not store the job. Try again later.");
        return r;
    }
    meta.id = jobId;
    const QString subject = jobId ? QStringLiteral("job %1 for %2").arg(jobId).arg(owner.name)
                                  : QStringLiteral("upload by %1").arg(owner.name);
    auto fail = [&](IngestResult::Status st, const QString& msg, Spool::Temp* temp,
                    const QString& code = QString(), const QJsonObject& args = {}) {
        if (temp)
            m_spool.discard(temp);
        if (jobId)
            m_store.discardReceivingJob(jobId);
        // A flush or commit that failed because the disk is full says so, as DocumentIntake's writes do.
        // The file is gone by now (a failed flush removes it): would it, back on the disk, leave the
        // spool below its reserve?
        const bool full = DocumentIntake::spoolFull(m_spool, st, meta.size);
        r.status = full ? IngestResult::Status::SpoolFull : st;
        r.error = full ? DocumentIntake::spoolFullMessage() : msg;
        if (full)
            r.code = QStringLiteral("spool-full");
        else if (!code.isEmpty())
            r.code = code;
        r.args = full ? QJsonObject{} : args;
        if (full)
            logSpoolFull(subject);
        else if (st == IngestResult::Status::StorageError)
            qCWarning(lcIngest).noquote() << subject << "refused:" << msg;
        else
            logRefusal(owner, refusalReason(r), QStringLiteral("%1 refused: %2").arg(subject, msg));
        if (existingJobId &&
            (r.status == IngestResult::Status::SpoolFull || r.status == IngestResult::Status::HoldLimit))
            rememberLateRefusal(owner.id, r);
        return r;
    };
    // One person cannot hold the handler threads and read slots with many uploads at once (UploadGate).
    const UploadGate::Pass pass = m_uploads ? m_uploads->enter(owner.id) : UploadGate::Pass();
    if (m_uploads && !pass) {
        const int limit = m_uploads->limit();
        return fail(IngestResult::Status::TooManyUploads, UploadGate::refusal(limit), nullptr,
                    QStringLiteral("too-many-uploads"), {{QStringLiteral("uploads"), limit}});
    }
    // Whatever qpdf reads of this document takes this person's share of the read slots.
    const PdfPageTree::ReadSlot::Owner slotOwner(owner.id);
    // One person's held jobs cannot fill the spool for everyone: a ceiling on how many and how large.
    // This upload claims its place before a byte is read (with the size it tells), and its final size
    // once it is complete; uploads of the same person arriving at the same moment count with the held
    // jobs, so that they cannot pass the ceiling together.
    HoldClaim claim(*this, owner.id);
    qint64 heldBytesBefore = 0;
    if (auto refusal = claimHoldRoom(claim, std::max<qint64>(0, sizeAtLeast), &heldBytesBefore))
        return fail(IngestResult::Status::HoldLimit, refusal->message, nullptr, QStringLiteral("hold-limit"),
                    refusal->args);
    // What the ceiling leaves for this document: an upload of untold length stops once past it.
    const qint64 holdRoom =
        m_settings.maxHeldBytes > 0 ? std::max<qint64>(0, m_settings.maxHeldBytes - heldBytesBefore) : -1;

    // Receive, convert and count (shared with fax drafts); nothing is committed yet. Page 1 is rendered
    // for the thumbnail only after the job is acknowledged (renderThumbnail).
    DocumentIntake::Outcome in =
        DocumentIntake::receive(m_spool, m_converter, m_maxDocumentBytes.load(), meta.documentFormat,
                                meta.name, source, subject, false, sizeAtLeast, holdRoom);
    if (in.status == IngestResult::Status::HoldLimit) {
        const HoldRefusal refusal = heldBytesRefusal(heldBytesBefore);
        return fail(in.status, refusal.message, nullptr, in.code, refusal.args);
    }
    if (in.status != IngestResult::Status::Ok)
        return fail(in.status, in.error, nullptr, in.code, in.args);
    Spool::Temp temp = in.temp;
    // Its final size (after conversion, or not told) claimed in the same step as the others'.
    if (auto refusal = claimHoldRoom(claim, in.size))
        return fail(IngestResult::Status::HoldLimit, refusal->message, &temp, QStringLiteral("hold-limit"),
                    refusal->args);
    const SecretKey jobKey = in.key;
    const qint64 documentSize = in.size;
    const DocumentInfo& doc = in.info;
    meta.documentFormat = in.format;
    QString err;

    meta.size = documentSize;
    meta.pages = doc.pages;
    meta.pageSize = doc.pageSize;
    meta.color = meta.options.colorMode == QLatin1String("monochrome") ? false : doc.color;
    meta.state = JobState::Held;
    meta.expires = meta.submitted.addSecs(m_holdSecs.load());

    StoredJob stored;
    stored.info = meta;
    stored.ownerId = owner.id;
    stored.spoolName = temp.name;
    if (jobId)
        stored.wrappedKey = KeyWrap::wrap(m_kek, jobKey, keyAd(jobId));
    // The complete file is renamed into place, then its flush and the row's commit run at the same time
    // (the commit on the committer's thread, where the rows of uploads finishing together share one
    // transaction and one flush). The row is committed marked "spool file not yet durable"; the job is
    // acknowledged only when both are on disk, and the mark is cleared with a later batch. A crash
    // before the file is durable leaves a marked row that start-up checks (reconcile()): a file that is
    // missing or does not authenticate to its end removes the row (that upload was never answered).
    if (!m_spool.publish(&temp, &err))
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the job. Try again later."), nullptr);
    const auto ticket = m_committer->submit(
        stored, doc.thumbnailPng,
        [this, &jobKey](qint64 id) { return KeyWrap::wrap(m_kek, jobKey, keyAd(id)); }, true);
    QString flushError;
    const bool fileDurable = m_spool.flush(&temp, &flushError);
    const qint64 committedId = m_committer->wait(ticket);
    claim.giveBack(); // committed, it counts as held now (or it failed)
    if (!fileDurable || !committedId) {
        if (committedId && !m_store.dropUnsyncedJob(committedId))
            qCWarning(lcIngest) << "job" << committedId << "could not be removed after its file failed";
        if (fileDurable)
            m_spool.remove(stored.spoolName);
        else
            qCWarning(lcSpool).noquote() << subject << ":" << flushError;
        // A reserved row (Create-Job, capture) is gone with it: discardReceivingJob finds nothing.
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the job. Try again later."), nullptr);
    }
    m_committer->spoolSynced(committedId);
    meta.id = committedId;
    qCInfo(lcIngest).noquote() << "job" << committedId << "held for" << owner.name << ":" << meta.pages
                               << "pages," << meta.size << "bytes," << meta.documentFormat;
    r.status = IngestResult::Status::Ok;
    r.job = meta;
    publishJob(committedId, QStringLiteral("job-held"));
    // Rasters were thumbnailed while their pages were counted; PDFs and JPEGs are rendered now.
    if (doc.thumbnailPng.isEmpty()) {
        keepRenderHint(committedId, RenderHint{std::move(in.index), in.colour});
        m_thumbnails->enqueue(committedId);
    }
    return r;
}

QString JobService::refusalReason(const IngestResult& r)
{
    switch (r.status) {
    case IngestResult::Status::TooLarge:
        return QStringLiteral("too-large");
    case IngestResult::Status::Aborted:
        return QStringLiteral("cut-short");
    case IngestResult::Status::ConverterBusy:
        return QStringLiteral("converter-busy");
    case IngestResult::Status::TooManyUploads:
        return QStringLiteral("too-many-uploads");
    default:
        return r.code.isEmpty() ? QStringLiteral("refused") : r.code;
    }
}

void JobService::logRefusal(const UserRecord& owner, const QString& reason, const QString& line)
{
    m_refusals.refused(owner.name, reason, line, m_clock.nowSecs());
}

void JobService::logSpoolFull(const QString& subject)
{
    qint64 available = 0;
    (void)m_spool.hasRoom(0, &available);
    const qint64 now = m_clock.nowSecs();
    std::lock_guard lock(m_spoolFullMutex);
    if (m_spoolFullLoggedAt && now - m_spoolFullLoggedAt < 60) {
        ++m_spoolFullSince;
        return;
    }
    const QString since =
        m_spoolFullSince ? QStringLiteral("; %1 more refused since the last such line").arg(m_spoolFullSince)
                         : QString();
    qCWarning(lcSpool).noquote() << QStringLiteral("%1 refused: the spool is full (%2 MB free, %3 MB kept in "
                                                   "reserve)%4")
                                        .arg(subject)
                                        .arg(available / (1024 * 1024))
                                        .arg(m_spool.reserveBytes() / (1024 * 1024))
                                        .arg(since);
    m_spoolFullLoggedAt = now;
    m_spoolFullSince = 0;
}

bool JobService::spoolFileComplete(const StoredJob& job, QString* why)
{
    SecretKey key;
    const int fd = openDocument(job, &key);
    if (fd < 0) {
        *why = QStringLiteral("file missing or key unusable");
        return false;
    }
    SpoolReader reader;
    bool ok = reader.open(fd, key);
    if (ok) {
        WipedChars buf(256 * 1024); // plaintext: wiped when freed
        qint64 n = 0;
        while ((n = reader.read(buf.data(), static_cast<qint64>(buf.size()))) > 0) {
        }
        ok = n == 0; // 0 only at the authenticated final chunk
    }
    if (!ok)
        *why =
            reader.errorString().isEmpty() ? QStringLiteral("file does not decrypt") : reader.errorString();
    ::close(fd);
    return ok;
}

void JobService::keepRenderHint(qint64 jobId, RenderHint hint)
{
    std::lock_guard lock(m_hintsMutex);
    const std::size_t states = hint.index ? hint.index->states.size() : 0;
    if (m_hintStates + states > MaxHintStates)
        hint.index.reset();
    else
        m_hintStates += states;
    m_renderHints[jobId] = std::move(hint);
}

std::optional<JobService::RenderHint> JobService::takeRenderHint(qint64 jobId)
{
    std::lock_guard lock(m_hintsMutex);
    auto it = m_renderHints.find(jobId);
    if (it == m_renderHints.end())
        return std::nullopt;
    RenderHint hint = std::move(it->second);
    m_renderHints.erase(it);
    if (hint.index)
        m_hintStates -= hint.index->states.size();
    return hint;
}

void JobService::renderThumbnail(qint64 jobId)
{
    // Jobs acknowledged by this process come with what intake learnt; jobs queued at start-up do not.
    const std::optional<RenderHint> hint = takeRenderHint(jobId);
    auto j = m_store.job(jobId);
    if (!j || !isLiveState(j->info.state))
        return;
    DocumentInspector::Rendering rendering;
    SecretKey key;
    const int fd = openDocument(*j, &key);
    if (fd < 0) {
        rendering.placeholder = true;
        rendering.color = j->info.color;
        rendering.why = QStringLiteral("the document could not be opened");
        rendering.thumbnailPng = DocumentInspector::placeholderPng(0, 0);
    } else {
        // Poppler reads through a decrypting, seekable view: no plaintext on disk. Its index is the
        // one recorded while the file was encrypted, when it fits the file (a 50 MiB document: 40 ms of
        // decryption saved), else it is rebuilt by decrypting the whole file.
        std::shared_ptr<const SpoolIndex> index = hint ? hint->index : nullptr;
        if (index && !index->fits(fd))
            index.reset();
        if (!index) {
            SpoolReader reader;
            if (reader.open(fd, key))
                index = reader.buildIndex();
        }
        if (index) {
            SpoolDevice dev(fd, index);
            dev.open(QIODevice::ReadOnly);
            const QSizeF size = pageSizePt(j->info.pageSize);
            rendering = DocumentInspector::render(&dev, j->info.documentFormat, size.width(), size.height(),
                                                  m_settings.render, hint.has_value());
            // What the content decided at intake stands (the job was priced with it); the render
            // decides only what the content could not. Intake's verdict is not worked out again.
            if (j->info.documentFormat == QLatin1String("application/pdf") && (hint || dev.seek(0))) {
                const PdfColour::Verdict colour = hint ? hint->colour : PdfColour::firstPage(&dev);
                if (colour != PdfColour::Verdict::Unknown)
                    rendering.color = colour == PdfColour::Verdict::Colour;
            }
        } else {
            rendering.placeholder = true;
            rendering.color = j->info.color;
            rendering.why = QStringLiteral("the document could not be decrypted");
            rendering.thumbnailPng = DocumentInspector::placeholderPng(0, 0);
        }
        ::close(fd);
    }
    if (rendering.placeholder)
        qCInfo(lcIngest).noquote() << "job" << jobId << "gets a placeholder thumbnail:" << rendering.why;
    const bool color = j->info.options.colorMode == QLatin1String("monochrome") ? false : rendering.color;
    if (!m_store.setRendering(jobId, color, rendering.thumbnailPng))
        return; // deleted or printed meanwhile
    publishJob(jobId, QStringLiteral("job-changed"));
}

bool JobService::thumbnailPending(const UserRecord& user, qint64 jobId)
{
    auto j = m_store.job(jobId);
    if (!j || j->ownerId != user.id || !isLiveState(j->info.state))
        return false;
    return m_thumbnails->isPending(jobId) || m_store.thumbnail(jobId).isEmpty();
}

void JobService::waitForThumbnails()
{
    m_thumbnails->waitIdle();
}

void JobService::renderQueuedThumbnails()
{
    m_thumbnails->finishAll();
}

QList<JobInfo> JobService::jobsFor(const UserRecord& user, bool activeOnly, bool allUsers, int limit,
                                   qint64 beforeId)
{
    if (allUsers && user.role == QLatin1String("admin"))
        return m_store.allJobs(activeOnly, limit, beforeId);
    return m_store.jobsForOwner(user.id, activeOnly, limit, beforeId);
}

std::optional<StoredJob> JobService::ownedJob(const UserRecord& user, qint64 jobId)
{
    auto j = m_store.job(jobId);
    if (!j || j->ownerId != user.id || j->info.state == JobState::Receiving)
        return std::nullopt;
    return j;
}

std::optional<JobInfo> JobService::jobFor(const UserRecord& user, qint64 jobId)
{
    auto j = ownedJob(user, jobId);
    if (!j)
        return std::nullopt;
    return j->info;
}

QByteArray JobService::thumbnailFor(const UserRecord& user, qint64 jobId)
{
    auto j = m_store.job(jobId);
    if (!j || j->ownerId != user.id)
        return {};
    return m_store.thumbnail(jobId);
}

JobActionResult JobService::updateOptions(const UserRecord& user, qint64 jobId, const QJsonObject& changes,
                                          QString* error)
{
    auto j = ownedJob(user, jobId);
    if (!j)
        return JobActionResult::NotFound;
    if (j->info.state != JobState::Held) {
        *error = QStringLiteral("Only held jobs can be changed.");
        return JobActionResult::WrongState;
    }
    PrintOptions o = j->info.options;
    if (!o.mergeJson(changes, error))
        return JobActionResult::BadOptions;
    if (!m_store.updateOptions(jobId, o)) {
        *error = QStringLiteral("Only held jobs can be changed.");
        return JobActionResult::WrongState;
    }
    publishJob(jobId, QStringLiteral("job-changed"));
    return JobActionResult::Ok;
}

UsageRecord JobService::usageFor(const StoredJob& job, const QString& kind, int impressions)
{
    if (m_accounting)
        return m_accounting->ledgerRow(job, kind, impressions);
    UsageRecord u;
    u.jobId = job.info.id;
    u.userId = job.ownerId;
    if (auto owner = m_store.userById(job.ownerId))
        u.department = owner->department;
    u.printer = job.info.printer;
    u.kind = kind;
    u.pages = job.info.pages * job.info.options.copies;
    u.sheets = job.info.sheets();
    u.impressions = impressions;
    u.color = job.info.color && job.info.options.colorMode != QLatin1String("monochrome");
    u.duplex = job.info.options.isDuplex();
    u.at = m_clock.nowSecs();
    return u;
}

void JobService::endJob(const StoredJob& job, JobState terminal, const QString& kind,
                        const StateReason& reason)
{
    if (!m_store.finishJob(job.info.id, terminal, reason, usageFor(job, kind, 0)))
        return;
    m_spool.remove(job.spoolName);
    publishJob(job.info.id, QStringLiteral("job-") + jobStateName(terminal));
}

JobActionResult JobService::remove(const UserRecord& user, qint64 jobId, const QString& note)
{
    auto j = m_store.job(jobId);
    const bool admin = user.role == QLatin1String("admin");
    if (!j || (j->ownerId != user.id && !admin))
        return JobActionResult::NotFound;
    if (j->info.state == JobState::Receiving) {
        m_store.discardReceivingJob(jobId);
        return JobActionResult::Ok;
    }
    // A job already on its way to the printer cannot be taken back.
    if (j->info.state != JobState::Held)
        return JobActionResult::WrongState;
    StateReason reason = StateReason::deleted(user.name);
    if (!note.isEmpty())
        reason.text = note;
    endJob(*j, JobState::Deleted, QStringLiteral("deleted"), reason);
    qCInfo(lcIngest).noquote() << "job" << jobId << "deleted by" << user.name;
    return JobActionResult::Ok;
}

JobActionResult JobService::release(const UserRecord& user, qint64 jobId, qint64 printerId,
                                    const QJsonObject& changes, QString* error, QuotaRefusal* refusal,
                                    OptionRefusal* optionRefusal)
{
    // Its colour comes with its thumbnail: a job released before that was rendered is rendered now,
    // so that it is priced as what it is.
    if (m_thumbnails->isPending(jobId))
        m_thumbnails->finish(jobId);
    auto j = ownedJob(user, jobId);
    if (!j)
        return JobActionResult::NotFound;
    if (j->info.state != JobState::Held) {
        *error = QStringLiteral("This job is already being printed.");
        return JobActionResult::WrongState;
    }
    auto printer = m_store.printerById(printerId);
    if (!printer) {
        *error = QStringLiteral("That printer does not exist.");
        return JobActionResult::BadPrinter;
    }
    PrintOptions options = j->info.options;
    if (!changes.isEmpty() && !options.mergeJson(changes, error))
        return JobActionResult::BadOptions;
    if (m_release) {
        // What the printer said it can do (unknown when never reached: then nothing is refused here).
        if (const auto why = OptionSupport::check(options, m_release->cachedStatus(printerId), printer->name,
                                                  changes.contains(QLatin1String("colorMode")))) {
            *error = why->message;
            if (optionRefusal)
                *optionRefusal = *why;
            if (m_store.transition(jobId, JobState::Held, JobState::Held, why->reason(), j->printerId))
                publishJob(jobId, QStringLiteral("job-changed"));
            qCInfo(lcRelease).noquote() << "job" << jobId << "not released to" << printer->name << ":"
                                        << why->option << "unsupported";
            return JobActionResult::OptionUnsupported;
        }
    }
    if (m_accounting) {
        // Priced with the options it will print with; options, state and reservation change together.
        QuotaRefusal local;
        switch (m_accounting->release(user, *j, printerId, options, refusal ? refusal : &local)) {
        case AccountingService::Outcome::Released:
            break;
        case AccountingService::Outcome::Refused: {
            const QuotaRefusal& why = refusal ? *refusal : local;
            *error = why.message;
            // The job stays held and says why, for every app that lists it.
            if (m_store.transition(jobId, JobState::Held, JobState::Held,
                                   AccountingService::refusalReason(why), j->printerId))
                publishJob(jobId, QStringLiteral("job-changed"));
            return JobActionResult::QuotaExceeded;
        }
        case AccountingService::Outcome::WrongState:
            *error = QStringLiteral("This job is already being printed.");
            return JobActionResult::WrongState;
        case AccountingService::Outcome::Failed:
            return JobActionResult::Failed;
        }
    } else if ((!changes.isEmpty() && !m_store.updateOptions(jobId, options)) ||
               !m_store.transition(jobId, JobState::Held, JobState::Releasing, StateReason(), printerId)) {
        *error = QStringLiteral("This job is already being printed.");
        return JobActionResult::WrongState;
    }
    qCInfo(lcRelease).noquote() << "job" << jobId << "released by" << user.name << "to" << printer->name;
    publishJob(jobId, QStringLiteral("job-releasing"));
    if (m_release)
        m_release->enqueue(printerId, jobId);
    return JobActionResult::Ok;
}

bool JobService::markPrinting(qint64 jobId, qint64 printerId)
{
    return m_store.transition(jobId, JobState::Releasing, JobState::Printing, StateReason(), printerId);
}

void JobService::releaseFinished(qint64 jobId, bool printed, int impressions, const StateReason& reason)
{
    auto j = m_store.job(jobId);
    if (!j || !isLiveState(j->info.state))
        return;
    if (printed) {
        if (m_store.finishJob(jobId, JobState::Printed, reason,
                              usageFor(*j, QStringLiteral("printed"), impressions))) {
            m_spool.remove(j->spoolName);
            publishJob(jobId, QStringLiteral("job-printed"));
        }
        return;
    }
    // Not printed: the job goes back to held for its owner, with the reason, and is not charged.
    if (m_store.transition(jobId, j->info.state, JobState::Held, reason, j->printerId)) {
        m_store.setRemoteJob(jobId, QString());
        publishJob(jobId, QStringLiteral("job-release-failed"));
    }
}

int JobService::openDocument(const StoredJob& job, SecretKey* key)
{
    if (job.wrappedKey.isEmpty() || !KeyWrap::unwrap(m_kek, job.wrappedKey, keyAd(job.info.id), key)) {
        qCWarning(lcRelease) << "job" << job.info.id << "has no usable key";
        return -1;
    }
    return m_spool.openForRead(job.spoolName);
}

void JobService::publishJob(qint64 jobId, const QString& event)
{
    auto j = m_store.job(jobId);
    if (!j)
        return;
    QJsonObject job = j->info.toJson();
    auto owner = m_store.userById(j->ownerId);
    job.insert(QStringLiteral("ownerDisplayName"), owner ? owner->shownName() : j->info.owner);
    QJsonObject o{{QStringLiteral("type"), event}, {QStringLiteral("job"), job}};
    m_events.publishToUser(j->ownerId, o);
}

void JobService::sweep()
{
    const qint64 now = m_clock.nowSecs();
    m_refusals.flush(now);
    for (const StoredJob& j : m_store.jobsExpiringBefore(now, false)) {
        qCInfo(lcExpiry) << "job" << j.info.id << "expired unreleased";
        endJob(j, JobState::Expired, QStringLiteral("expired"), StateReason::expired());
    }
    for (const StoredJob& j : m_store.jobsExpiringBefore(now + m_warnBeforeSecs.load(), true)) {
        m_store.markWarned(j.info.id);
        publishJob(j.info.id, QStringLiteral("job-expiring"));
    }
    // Create-Job reservations whose document never came.
    for (const StoredJob& j : m_store.jobsInState(JobState::Receiving)) {
        if (j.info.submitted.toSecsSinceEpoch() + m_settings.receivingTimeoutSecs < now)
            m_store.discardReceivingJob(j.info.id);
    }
}

void JobService::reconcile()
{
    const int dropped = m_store.discardAllReceiving();
    if (dropped)
        qCInfo(lcSpool) << "dropped" << dropped << "jobs that were still arriving at the last stop";
    // Rows committed while their spool file was still being flushed, never confirmed durable: the file
    // must be there and decrypt and authenticate to its final chunk, else that upload was never
    // acknowledged and the job goes (its file with it, as an orphan below).
    QList<qint64> verified;
    for (const StoredJob& j : m_store.jobsWithUnsyncedSpool()) {
        QString why;
        if (spoolFileComplete(j, &why)) {
            verified.append(j.info.id);
            continue;
        }
        if (m_store.dropUnsyncedJob(j.info.id))
            qCWarning(lcSpool).noquote()
                << QStringLiteral("job %1 removed at start-up: its document had not "
                                  "reached the disk before the stop (%2); its upload "
                                  "was never acknowledged")
                       .arg(j.info.id)
                       .arg(why);
    }
    if (!verified.isEmpty()) {
        // Durable now (the file was read back whole): clear their marks in one transaction.
        for (const qint64 id : verified)
            m_committer->spoolSynced(id);
        qCInfo(lcSpool) << "checked" << verified.size()
                        << "spool files not yet confirmed durable at the last stop";
    }
    m_spool.reconcile(m_store.liveSpoolNames());
    // Thumbnails not rendered before the stop are rendered now.
    for (const qint64 id : m_store.liveJobsWithoutThumbnail())
        m_thumbnails->enqueue(id);
    // A job that was being sent when the server stopped may or may not have printed: never send it
    // again by itself (a release prints at most once); give it back to its owner to decide.
    for (const StoredJob& j : m_store.jobsInState(JobState::Printing)) {
        if (j.remoteJobUri.isEmpty())
            releaseFinished(j.info.id, false, 0, StateReason::releaseInterrupted(j.info.printer));
    }
}
