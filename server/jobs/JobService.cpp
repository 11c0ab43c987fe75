#include "JobService.h"

#include "AccountingService.h"
#include "DocumentConverter.h"
#include "DocumentFormat.h"
#include "DocumentInspector.h"
#include "KeyWrap.h"
#include "Log.h"
#include "OptionSupport.h"
#include "ReleaseQueue.h"
#include "SpoolCipher.h"

#include <QFile>
#include <QJsonObject>
#include <fcntl.h>
#include <unistd.h>

namespace {

QByteArray keyAd(qint64 jobId)
{
    return QByteArray("mps-job:") + QByteArray::number(jobId);
}

// Detects the format from the first bytes, for documents declared as application/octet-stream.
QString sniffFormat(const QByteArray& head)
{
    if (head.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (head.startsWith("RaS2"))
        return QStringLiteral("image/pwg-raster");
    if (head.startsWith(QByteArray("UNIRAST\0", 8)))
        return QStringLiteral("image/urf");
    if (head.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    return {};
}

bool isLiveState(JobState s)
{
    return s == JobState::Held || s == JobState::Releasing || s == JobState::Printing;
}

} // namespace

JobService::JobService(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
                       Settings settings)
    : m_store(store), m_spool(spool), m_kek(kek), m_events(events), m_clock(clock), m_settings(settings)
{
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
                                qint64 existingJobId, const QString& captureId)
{
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
    const qint64 jobId =
        existingJobId ? existingJobId : m_store.createReceivingJob(owner.id, meta, captureId);
    // Two uploads of one capture racing: the unique index lets only one row in.
    if (!jobId && !captureId.isEmpty() && seen())
        return r;
    if (!jobId) {
        r.error = QStringLiteral("The server could not store the job. Try again later.");
        return r;
    }
    meta.id = jobId;
    auto fail = [&](IngestResult::Status st, const QString& msg, Spool::Temp* temp,
                    const QString& code = QString(), const QJsonObject& args = {}) {
        if (temp)
            m_spool.discard(temp);
        m_store.discardReceivingJob(jobId);
        r.status = st;
        r.error = msg;
        if (!code.isEmpty())
            r.code = code;
        r.args = args;
        qCInfo(lcIngest).noquote() << "job" << jobId << "for" << owner.name << "refused:" << msg;
        return r;
    };

    Spool::Temp temp;
    QString err;
    if (!m_spool.createTemp(&temp, &err))
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the job. Try again later."), nullptr);

    // The document streams from the socket through encryption to disk, one chunk at a time.
    SecretKey jobKey = SecretKey::random();
    SpoolWriter writer;
    if (!writer.open(temp.fd, jobKey, true))
        return fail(IngestResult::Status::StorageError, writer.errorString(), &temp);
    std::vector<char> buf(64 * 1024);
    QByteArray head;
    for (;;) {
        const qint64 n = source(buf.data(), static_cast<qint64>(buf.size()));
        if (n < 0)
            return fail(IngestResult::Status::Aborted,
                        QStringLiteral("The upload was interrupted before the document was complete."),
                        &temp);
        if (n == 0)
            break;
        if (head.size() < 16)
            head.append(buf.data(), static_cast<qsizetype>(std::min<qint64>(n, 16 - head.size())));
        if (writer.plaintextSize() + n > m_settings.maxDocumentBytes)
            return fail(IngestResult::Status::TooLarge,
                        QStringLiteral("The document is larger than the %1 MB this server accepts.")
                            .arg(m_settings.maxDocumentBytes / (1024 * 1024)),
                        &temp);
        if (!writer.write(buf.data(), n))
            return fail(IngestResult::Status::StorageError, writer.errorString(), &temp);
    }
    if (writer.plaintextSize() == 0)
        return fail(IngestResult::Status::BadDocument, QStringLiteral("The document is empty."), &temp);
    if (!writer.finish())
        return fail(IngestResult::Status::StorageError, writer.errorString(), &temp);

    // Read back through a decrypting, seekable view: the plaintext never touches the disk.
    int rfd = ::open(QFile::encodeName(temp.path).constData(), O_RDONLY | O_CLOEXEC);
    if (rfd < 0)
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not read back the job."), &temp);
    auto dev = std::make_unique<SpoolDevice>(rfd, writer.takeIndex());
    dev->open(QIODevice::ReadOnly);
    qint64 documentSize = writer.plaintextSize();

    // Undeclared (octet-stream) and office/text documents are judged by their content, never by their
    // name: office documents and text are converted to a PDF, which replaces the original (newly
    // encrypted under its own key) before it is inspected. A document declared as PDF, JPEG or raster
    // must be one, and is told so if it is not.
    const bool declaredPrintReady = !meta.documentFormat.isEmpty() &&
                                    meta.documentFormat != QLatin1String("application/octet-stream") &&
                                    !DocumentFormat::convertibleMimeTypes().contains(meta.documentFormat);
    DocumentFormat detected;
    detected.kind = DocumentFormat::Kind::Native;
    if (!declaredPrintReady)
        detected = DocumentFormat::detect(dev.get());
    if (detected.kind != DocumentFormat::Kind::Native) {
        if (!DocumentFormat::isConvertible(detected.kind) || !m_converter) {
            dev.reset();
            ::close(rfd);
            const DocumentFormat::Refusal why = DocumentFormat::refusalCode(detected.kind, head, meta.name);
            return fail(IngestResult::Status::BadDocument, DocumentFormat::refusal(detected.kind), &temp,
                        why.code, why.args);
        }
        Spool::Temp pdfTemp;
        const SecretKey pdfKey = SecretKey::random();
        SpoolWriter pdfWriter;
        if (!m_spool.createTemp(&pdfTemp, &err) || !pdfWriter.open(pdfTemp.fd, pdfKey, true)) {
            dev.reset();
            ::close(rfd);
            m_spool.discard(&pdfTemp);
            return fail(IngestResult::Status::StorageError,
                        QStringLiteral("The server could not store the job. Try again later."), &temp);
        }
        bool pdfTooLarge = false;
        const auto sink = [&](QIODevice* pdf, QString* sinkError) {
            for (;;) {
                const qint64 n = pdf->read(buf.data(), static_cast<qint64>(buf.size()));
                if (n < 0) {
                    *sinkError =
                        QStringLiteral("The server could not read the converted document. Try again later.");
                    return false;
                }
                if (n == 0)
                    break;
                if (pdfWriter.plaintextSize() + n > m_settings.maxDocumentBytes) {
                    pdfTooLarge = true;
                    *sinkError =
                        QStringLiteral("The converted document is larger than the %1 MB this server accepts.")
                            .arg(m_settings.maxDocumentBytes / (1024 * 1024));
                    return false;
                }
                if (!pdfWriter.write(buf.data(), n)) {
                    *sinkError = pdfWriter.errorString();
                    return false;
                }
            }
            if (!pdfWriter.finish()) {
                *sinkError = pdfWriter.errorString();
                return false;
            }
            return true;
        };
        const DocumentConverter::Result converted =
            m_converter->convert(dev.get(), documentSize, detected, sink);
        dev.reset();
        ::close(rfd);
        if (converted.status != DocumentConverter::Result::Status::Ok) {
            m_spool.discard(&pdfTemp);
            using C = DocumentConverter::Result::Status;
            if (converted.status == C::TooLarge || pdfTooLarge)
                return fail(IngestResult::Status::TooLarge, converted.error, &temp,
                            QStringLiteral("too-large"));
            if (converted.status == C::Busy)
                return fail(IngestResult::Status::ConverterBusy, converted.error, &temp,
                            QStringLiteral("converter-busy"));
            if (converted.status == C::ServerError)
                return fail(IngestResult::Status::StorageError, converted.error, &temp,
                            QStringLiteral("storage"));
            if (converted.status == C::TimedOut || converted.status == C::Crashed)
                return fail(IngestResult::Status::BadDocument, converted.error, &temp,
                            QStringLiteral("conversion-failed"));
            const DocumentFormat::Refusal why = DocumentFormat::refusalCode(detected.kind, head, meta.name);
            return fail(IngestResult::Status::BadDocument, converted.error, &temp,
                        why.code == QLatin1String("unsupported-format") ? QStringLiteral("bad-document")
                                                                        : why.code,
                        why.args);
        }
        qCInfo(lcIngest).noquote() << "job" << jobId << "for" << owner.name << ":" << detected.mimeType
                                   << "converted to PDF in" << converted.elapsedMs << "ms";
        // The original is not kept: only the PDF is stored and released.
        m_spool.discard(&temp);
        temp = pdfTemp;
        jobKey = pdfKey;
        documentSize = pdfWriter.plaintextSize();
        meta.documentFormat = QStringLiteral("application/pdf");
        rfd = ::open(QFile::encodeName(temp.path).constData(), O_RDONLY | O_CLOEXEC);
        if (rfd < 0)
            return fail(IngestResult::Status::StorageError,
                        QStringLiteral("The server could not read back the job."), &temp);
        dev = std::make_unique<SpoolDevice>(rfd, pdfWriter.takeIndex());
        dev->open(QIODevice::ReadOnly);
    } else if (meta.documentFormat.isEmpty() ||
               meta.documentFormat == QLatin1String("application/octet-stream") ||
               DocumentFormat::convertibleMimeTypes().contains(meta.documentFormat)) {
        meta.documentFormat = sniffFormat(head);
        if (meta.documentFormat.isEmpty()) {
            dev.reset();
            ::close(rfd);
            const DocumentFormat::Refusal why =
                DocumentFormat::refusalCode(DocumentFormat::Kind::Unknown, head, meta.name);
            return fail(
                IngestResult::Status::BadDocument,
                QStringLiteral("The document format is not supported. Print a PDF, JPEG or PWG raster file."),
                &temp, why.code, why.args);
        }
    }

    const DocumentInfo doc = DocumentInspector::inspect(dev.get(), meta.documentFormat);
    dev.reset();
    ::close(rfd);
    if (!doc.ok)
        return fail(IngestResult::Status::BadDocument, doc.error, &temp,
                    doc.encrypted ? QStringLiteral("encrypted-document") : QStringLiteral("bad-document"));

    meta.size = documentSize;
    meta.pages = doc.pages;
    meta.pageSize = doc.pageSize;
    meta.color = meta.options.colorMode == QLatin1String("monochrome") ? false : doc.color;
    meta.state = JobState::Held;
    meta.expires = meta.submitted.addSecs(m_settings.holdSecs);

    StoredJob stored;
    stored.info = meta;
    stored.ownerId = owner.id;
    stored.spoolName = temp.name;
    stored.wrappedKey = KeyWrap::wrap(m_kek, jobKey, keyAd(jobId));
    // File first, then the row: a crash in between leaves an orphan file that start-up removes.
    if (!m_spool.commit(&temp, &err))
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the job. Try again later."), nullptr);
    if (!m_store.commitJob(stored, doc.thumbnailPng)) {
        m_spool.remove(stored.spoolName);
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the job. Try again later."), nullptr);
    }
    qCInfo(lcIngest).noquote() << "job" << jobId << "held for" << owner.name << ":" << meta.pages << "pages,"
                               << meta.size << "bytes," << meta.documentFormat;
    r.status = IngestResult::Status::Ok;
    r.job = meta;
    publishJob(jobId, QStringLiteral("job-held"));
    return r;
}

QList<JobInfo> JobService::jobsFor(const UserRecord& user, bool activeOnly, bool allUsers)
{
    if (allUsers && user.role == QLatin1String("admin"))
        return m_store.allJobs(activeOnly);
    return m_store.jobsForOwner(user.id, activeOnly);
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
    for (const StoredJob& j : m_store.jobsExpiringBefore(now, false)) {
        qCInfo(lcExpiry) << "job" << j.info.id << "expired unreleased";
        endJob(j, JobState::Expired, QStringLiteral("expired"), StateReason::expired());
    }
    for (const StoredJob& j : m_store.jobsExpiringBefore(now + m_settings.warnBeforeSecs, true)) {
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
    m_spool.reconcile(m_store.liveSpoolNames());
    // A job that was being sent when the server stopped may or may not have printed: never send it
    // again by itself (a release prints at most once); give it back to its owner to decide.
    for (const StoredJob& j : m_store.jobsInState(JobState::Printing)) {
        if (j.remoteJobUri.isEmpty())
            releaseFinished(j.info.id, false, 0, StateReason::releaseInterrupted(j.info.printer));
    }
}
