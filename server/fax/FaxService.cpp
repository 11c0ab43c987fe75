#include "FaxService.h"

#include "DocumentInspector.h"
#include "DocumentIntake.h"
#include "FaxDispatcher.h"
#include "KeyWrap.h"
#include "PdfPageCost.h"
#include "PdfPageTree.h"
#include "SpoolCipher.h"
#include "WipedImage.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QImage>
#include <QLoggingCategory>
#include <fcntl.h>
#include <poppler-qt6.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFaxSend, "mps.server.fax.send", QtInfoMsg)

namespace {

constexpr qint64 SentListSecs = 90LL * 24 * 3600;
constexpr qint64 ReceivingTimeoutSecs = 3600;

QByteArray documentAd(qint64 draftId)
{
    return QByteArray("mps-fax-draft:") + QByteArray::number(draftId);
}

QByteArray coverAd(qint64 draftId)
{
    return QByteArray("mps-fax-cover:") + QByteArray::number(draftId);
}

QJsonValue isoTime(qint64 secs)
{
    if (secs <= 0)
        return QJsonValue::Null;
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject contactJson(const FaxContactRecord& c)
{
    return {
        {QStringLiteral("id"), c.id},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("number"), c.number},
        {QStringLiteral("scope"), c.departmentId ? QStringLiteral("department") : QStringLiteral("personal")},
        {QStringLiteral("department"), c.department},
        {QStringLiteral("note"), c.note}};
}

// An open, decrypting view of one spool file; closes its descriptor when the last reader goes.
struct SpoolSource
{
    int fd = -1;
    SpoolReader reader;
    ~SpoolSource()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

FaxSendResult refused(FaxSendResult::Status status, const QString& code, const QString& message)
{
    FaxSendResult r;
    r.status = status;
    r.errorCode = code;
    r.message = message;
    return r;
}

// The answer for a number the dial plan refuses: the number as typed and FaxNumber's code.
FaxSendResult invalidNumber(const QString& typed, const QString& reason)
{
    FaxSendResult r = refused(FaxSendResult::Status::InvalidNumber, QStringLiteral("invalid-number"),
                              QStringLiteral("%1 is not a fax number this server can dial.").arg(typed));
    r.number = typed;
    r.reason = reason;
    return r;
}

FaxSendResult faxDisabled()
{
    return refused(FaxSendResult::Status::Disabled, QStringLiteral("fax-disabled"),
                   QStringLiteral("Faxing is not set up on this server."));
}

} // namespace

FaxService::FaxService(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
                       Settings settings)
    : m_store(store), m_spool(spool), m_kek(kek), m_events(events), m_clock(clock), m_settings(settings)
{
}

FaxDialPlan FaxService::dialPlan()
{
    FaxDialPlan plan;
    plan.outsidePrefix = m_store.fax().setting(QStringLiteral("outside-prefix"));
    bool ok = false;
    const int digits = m_store.fax().setting(QStringLiteral("extension-digits")).toInt(&ok);
    if (ok && digits >= 0)
        plan.extensionDigits = digits;
    return plan;
}

int FaxService::keepDays()
{
    bool ok = false;
    const int days = m_store.fax().setting(QStringLiteral("keep-days")).toInt(&ok);
    return ok && days > 0 ? days : m_settings.keepDays;
}

QJsonObject FaxService::settingsJson()
{
    const FaxDialPlan plan = dialPlan();
    return {{QStringLiteral("enabled"), !m_settings.gateway.isEmpty()},
            {QStringLiteral("outsidePrefix"), plan.outsidePrefix},
            {QStringLiteral("extensionDigits"), plan.extensionDigits},
            {QStringLiteral("maxRecipients"), m_settings.maxRecipients},
            {QStringLiteral("gateway"), m_settings.gateway}};
}

QJsonObject FaxService::draftJson(const FaxDraftRecord& d) const
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("pages"), d.pages},
            {QStringLiteral("documentPages"), d.documentPages},
            {QStringLiteral("hasCover"), d.hasCover()},
            {QStringLiteral("size"), d.size},
            {QStringLiteral("state"), d.state},
            {QStringLiteral("created"), isoTime(d.created)}};
}

QJsonObject FaxService::faxJson(const FaxOutRecord& f)
{
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("draftId"), f.draftId},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("recipientName"), f.recipientName},
            {QStringLiteral("number"), f.number},
            {QStringLiteral("state"), f.state},
            {QStringLiteral("pagesSent"), f.pagesSent},
            {QStringLiteral("pagesTotal"), f.pagesTotal},
            {QStringLiteral("reasonCode"), f.reasonCode},
            {QStringLiteral("reason"), f.reason},
            {QStringLiteral("remoteId"), f.remoteId},
            {QStringLiteral("durationSecs"), f.durationSecs},
            {QStringLiteral("attempts"), f.attempts},
            {QStringLiteral("submitted"), isoTime(f.submitted)},
            {QStringLiteral("finished"), isoTime(f.finished)},
            {QStringLiteral("resendOf"), f.resendOf}};
}

std::optional<FaxDraftRecord> FaxService::ownedDraft(const UserRecord& user, qint64 draftId)
{
    auto d = m_store.fax().draft(draftId);
    if (!d || d->ownerId != user.id || d->state == QLatin1String("receiving"))
        return std::nullopt;
    return d;
}

FaxDraftResult FaxService::receive(const UserRecord& owner, const QString& name,
                                   const QString& declaredFormat, const ByteSource& source,
                                   const QString& captureId, const QString& origin)
{
    FaxDraftResult r;
    FaxStore& fax = m_store.fax();
    auto seen = [&]() {
        auto prior = fax.draftByCaptureId(owner.id, captureId);
        if (!prior)
            return false;
        r.status = prior->state == QLatin1String("receiving") ? IngestResult::Status::InProgress
                                                              : IngestResult::Status::Duplicate;
        r.draft = draftJson(*prior);
        r.error = QStringLiteral("This document was already sent.");
        return true;
    };
    if (!captureId.isEmpty() && seen())
        return r;
    // One person's uploads at once, print jobs and fax drafts together (UploadGate).
    const UploadGate::Pass pass = m_uploads ? m_uploads->enter(owner.id) : UploadGate::Pass();
    if (m_uploads && !pass) {
        r.status = IngestResult::Status::TooManyUploads;
        r.code = QStringLiteral("too-many-uploads");
        r.args = {{QStringLiteral("uploads"), m_uploads->limit()}};
        r.error = UploadGate::refusal(m_uploads->limit());
        qCInfo(lcFaxSend).noquote() << "fax upload for" << owner.name << "refused:" << r.error;
        return r;
    }
    const PdfPageTree::ReadSlot::Owner slotOwner(owner.id);
    const qint64 id = fax.createReceivingDraft(owner.id, name, captureId, origin, m_clock.nowSecs());
    // Two uploads of one capture racing: the unique index lets only one row in.
    if (!id && !captureId.isEmpty() && seen())
        return r;
    if (!id) {
        r.error = QStringLiteral("The server could not store the document. Try again later.");
        return r;
    }
    DocumentIntake::Outcome in =
        DocumentIntake::receive(m_spool, m_converter, m_settings.maxDocumentBytes, declaredFormat, name,
                                source, QStringLiteral("fax draft %1 for %2").arg(id).arg(owner.name));
    auto fail = [&](IngestResult::Status st, const QString& msg, const QString& code,
                    const QJsonObject& args) {
        fax.discardReceivingDraft(id);
        r.status = st;
        r.error = msg;
        r.code = code.isEmpty() ? QStringLiteral("bad-document") : code;
        r.args = args;
        qCInfo(lcFaxSend).noquote() << "fax draft" << id << "for" << owner.name << "refused:" << msg;
        return r;
    };
    if (in.status != IngestResult::Status::Ok)
        return fail(in.status, in.error, in.code, in.args);
    // A fax is a PDF: JPEG and raster uploads are refused (print them instead).
    if (in.format != QLatin1String("application/pdf")) {
        m_spool.discard(&in.temp);
        return fail(IngestResult::Status::BadDocument,
                    QStringLiteral("Only PDF and office documents can be faxed."),
                    QStringLiteral("unsupported-format"),
                    {{QStringLiteral("format"), in.format.section(QLatin1Char('/'), 1).toUpper()}});
    }
    QString err;
    const QString spoolName = in.temp.name;
    if (!m_spool.commit(&in.temp, &err))
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the document. Try again later."), QString(),
                    {});
    const qint64 expires = m_clock.nowSecs() + m_settings.draftHoldSecs;
    if (!fax.commitDraft(id, spoolName, KeyWrap::wrap(m_kek, in.key, documentAd(id)), in.info.pages, in.size,
                         expires)) {
        m_spool.remove(spoolName);
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the document. Try again later."), QString(),
                    {});
    }
    qCInfo(lcFaxSend).noquote() << "fax draft" << id << "for" << owner.name << ":" << in.info.pages
                                << "pages," << in.size << "bytes";
    r.status = IngestResult::Status::Ok;
    r.draft = draftJson(*fax.draft(id));
    return r;
}

FaxDraftResult FaxService::upload(const UserRecord& owner, const QString& name, const QString& declaredFormat,
                                  const ByteSource& source, const QString& captureId)
{
    return receive(owner, name, declaredFormat, source, captureId, QStringLiteral("upload"));
}

qint64 FaxService::createDraftFromPdf(const UserRecord& owner, const QString& name, const FaxByteSource& pdf,
                                      QString* error)
{
    const FaxDraftResult r =
        receive(owner, name, QStringLiteral("application/pdf"), pdf, QString(), QStringLiteral("forward"));
    if (r.status != IngestResult::Status::Ok) {
        if (error)
            *error = r.error;
        return 0;
    }
    return r.draft.value(QLatin1String("id")).toInteger();
}

std::optional<QJsonObject> FaxService::draftJson(const UserRecord& user, qint64 draftId)
{
    auto d = ownedDraft(user, draftId);
    if (!d || d->state == QLatin1String("gone"))
        return std::nullopt;
    return draftJson(*d);
}

FaxDraftResult FaxService::setCover(const UserRecord& user, qint64 draftId, const ByteSource& pdf)
{
    FaxDraftResult r;
    auto d = ownedDraft(user, draftId);
    if (!d || d->state == QLatin1String("gone")) {
        r.status = IngestResult::Status::BadDocument;
        r.code = QStringLiteral("not-found");
        r.error = QStringLiteral("Fax draft %1 does not exist.").arg(draftId);
        return r;
    }
    if (d->state != QLatin1String("draft")) {
        r.status = IngestResult::Status::BadDocument;
        r.code = QStringLiteral("wrong-state");
        r.error = QStringLiteral("This fax was already sent; its cover cannot change.");
        return r;
    }
    DocumentIntake::Outcome in =
        DocumentIntake::receive(m_spool, nullptr, m_settings.maxCoverBytes, QStringLiteral("application/pdf"),
                                QString(), pdf, QStringLiteral("cover of fax draft %1").arg(draftId));
    if (in.status == IngestResult::Status::Ok && in.info.pages != 1) {
        m_spool.discard(&in.temp);
        in.status = IngestResult::Status::BadDocument;
    }
    if (in.status != IngestResult::Status::Ok) {
        r.status = in.status;
        r.error = in.status == IngestResult::Status::BadDocument
                      ? QStringLiteral("The cover page must be a PDF of exactly one page.")
                      : in.error;
        r.code = in.status == IngestResult::Status::BadDocument ? QStringLiteral("bad-cover") : in.code;
        return r;
    }
    QString err;
    const QString spoolName = in.temp.name;
    QString previous;
    if (!m_spool.commit(&in.temp, &err) ||
        !m_store.fax().setCover(draftId, spoolName, KeyWrap::wrap(m_kek, in.key, coverAd(draftId)), in.size,
                                &previous)) {
        m_spool.remove(spoolName);
        r.status = IngestResult::Status::StorageError;
        r.error = QStringLiteral("The server could not store the cover page. Try again later.");
        return r;
    }
    if (!previous.isEmpty())
        m_spool.remove(previous);
    r.status = IngestResult::Status::Ok;
    r.draft = draftJson(*m_store.fax().draft(draftId));
    return r;
}

FaxActionResult FaxService::removeCover(const UserRecord& user, qint64 draftId)
{
    auto d = ownedDraft(user, draftId);
    if (!d || d->state == QLatin1String("gone"))
        return FaxActionResult::NotFound;
    QString previous;
    if (!m_store.fax().setCover(draftId, QString(), QByteArray(), 0, &previous))
        return FaxActionResult::WrongState;
    if (!previous.isEmpty())
        m_spool.remove(previous);
    return FaxActionResult::Ok;
}

void FaxService::removeDraftFiles(const FaxDraftRecord& d)
{
    if (!d.spoolName.isEmpty())
        m_spool.remove(d.spoolName);
    if (!d.coverSpoolName.isEmpty())
        m_spool.remove(d.coverSpoolName);
}

FaxActionResult FaxService::deleteDraft(const UserRecord& user, qint64 draftId)
{
    auto d = ownedDraft(user, draftId);
    if (!d || d->state == QLatin1String("gone"))
        return FaxActionResult::NotFound;
    if (!m_store.fax().deleteDraft(draftId))
        return FaxActionResult::WrongState;
    removeDraftFiles(*d);
    qCInfo(lcFaxSend).noquote() << "fax draft" << draftId << "deleted by" << user.name;
    return FaxActionResult::Ok;
}

QByteArray FaxService::pagePng(const UserRecord& user, qint64 draftId, int page, int width)
{
    auto d = ownedDraft(user, draftId);
    if (!d || d->state == QLatin1String("gone") || page < 1 || page > d->pages)
        return {};
    width = std::clamp(width, 64, 1700);
    // Page 1 is the cover when there is one.
    const bool cover = d->hasCover() && page == 1;
    const int docPage = page - (d->hasCover() ? 1 : 0) - 1;
    SecretKey key;
    if (!KeyWrap::unwrap(m_kek, cover ? d->coverWrappedKey : d->wrappedKey,
                         cover ? coverAd(draftId) : documentAd(draftId), &key))
        return {};
    const int fd = m_spool.openForRead(cover ? d->coverSpoolName : d->spoolName);
    if (fd < 0)
        return {};
    QByteArray png;
    {
        // A read slot, this person's, for qpdf's and Poppler's reading and the render (as at intake:
        // Poppler's object table alone may take 80 to 160 MB); given back after Poppler's objects.
        const PdfPageTree::ReadSlot::Owner slotOwner(user.id);
        const PdfPageTree::ReadSlot slot;
        // The PDF is decrypted a chunk at a time as Poppler reads it: no plaintext on disk.
        SpoolReader indexer;
        std::unique_ptr<SpoolIndex> index = indexer.open(fd, key) ? indexer.buildIndex() : nullptr;
        if (index) {
            SpoolDevice dev(fd, std::move(index));
            dev.open(QIODevice::ReadOnly);
            const int pageIndex = cover ? 0 : docPage;
            // What the page would cost, read from its resources before Poppler touches it (as for
            // job thumbnails): a 40000 x 40000 image is not decoded for a preview.
            RenderBudget::PageCost cost;
            bool costly =
                false; // qpdf could not read what the page draws within its budget: nor will Poppler
            {
                PdfPageCost costs(&dev);
                cost = costs.page(pageIndex);
                costly = costs.exceeded();
            }
            std::unique_ptr<Poppler::Document> doc = dev.seek(0) ? Poppler::Document::load(&dev) : nullptr;
            std::unique_ptr<Poppler::Page> p = doc && !doc->isLocked() ? doc->page(pageIndex) : nullptr;
            if (p) {
                doc->setRenderHint(Poppler::Document::Antialiasing);
                doc->setRenderHint(Poppler::Document::TextAntialiasing);
                const QSizeF size = p->pageSizeF();
                const double dpi = 72.0 * width / std::max(1.0, size.width());
                QString why;
                QImage image;
                const WipeImageOnExit wipeRendered(image);
                if (costly) {
                    why = QStringLiteral("qpdf would take more than %1 MiB or %2 s to read the page")
                              .arg(PdfPageTree::MaxMemory / (1024 * 1024))
                              .arg(PdfPageTree::MaxSeconds);
                } else if (m_settings.render.check(cost, size.width(), size.height(), dpi) !=
                           RenderBudget::Verdict::Fits) {
                    why = QStringLiteral("over the render budget (%1 megapixels of images)")
                              .arg(cost.imagePixels / 1000000);
                } else {
                    // Poppler asks between drawing operators whether to stop: past the deadline it does.
                    struct Abort
                    {
                        QDeadlineTimer deadline;
                        bool aborted = false;
                    } abort{QDeadlineTimer(m_settings.render.thumbnailMs)};
                    image = p->renderToImage(
                        dpi, dpi, -1, -1, -1, -1, Poppler::Page::Rotate0, nullptr, nullptr,
                        [](const QVariant& closure) {
                            auto* a = static_cast<Abort*>(closure.value<void*>());
                            if (!a->deadline.hasExpired())
                                return false;
                            a->aborted = true;
                            return true;
                        },
                        QVariant::fromValue(static_cast<void*>(&abort)));
                    if (abort.aborted) {
                        image = {};
                        why = QStringLiteral("rendering took longer than %1 ms")
                                  .arg(m_settings.render.thumbnailMs);
                    }
                    replaceWiping(image, image.convertToFormat(QImage::Format_Grayscale8));
                }
                if (!why.isEmpty()) {
                    qCInfo(lcFaxSend).noquote()
                        << "fax draft" << draftId << "page" << page << "preview is a placeholder:" << why;
                    image.loadFromData(DocumentInspector::placeholderPng(size.width(), size.height()), "PNG");
                    image = image.convertToFormat(QImage::Format_Grayscale8);
                }
                // Rounding in the renderer may miss the asked width by a pixel.
                if (!image.isNull() && image.width() != width)
                    replaceWiping(image, image.scaledToWidth(width, Qt::SmoothTransformation));
                QBuffer buf(&png);
                buf.open(QIODevice::WriteOnly);
                image.save(&buf, "PNG");
            }
        }
    }
    ::close(fd);
    return png;
}

FaxSendResult FaxService::send(const UserRecord& owner, qint64 draftId, const QList<FaxRecipient>& recipients)
{
    FaxSendResult r;
    auto d = ownedDraft(owner, draftId);
    if (!d || d->state == QLatin1String("gone"))
        return refused(FaxSendResult::Status::NotFound, QStringLiteral("not-found"),
                       QStringLiteral("Fax draft %1 does not exist.").arg(draftId));
    if (m_settings.gateway.isEmpty())
        return faxDisabled();
    if (d->state != QLatin1String("draft"))
        return refused(FaxSendResult::Status::WrongState, QStringLiteral("wrong-state"),
                       QStringLiteral("This fax was already sent."));
    if (recipients.isEmpty())
        return refused(FaxSendResult::Status::NoRecipients, QStringLiteral("no-recipients"),
                       QStringLiteral("Add at least one recipient."));
    if (recipients.size() > m_settings.maxRecipients)
        return refused(
            FaxSendResult::Status::TooManyRecipients, QStringLiteral("too-many-recipients"),
            QStringLiteral("A fax can go to at most %1 recipients at once.").arg(m_settings.maxRecipients));
    // Every number is checked before anything is stored: one bad number sends nothing.
    const FaxDialPlan plan = dialPlan();
    const qint64 now = m_clock.nowSecs();
    QList<FaxOutRecord> faxes;
    for (const FaxRecipient& to : recipients) {
        const FaxNumberResult n = FaxNumber::normalize(to.number, plan);
        if (!n.ok)
            return invalidNumber(to.number, n.errorCode);
        FaxOutRecord f;
        f.ownerId = owner.id;
        f.name = d->name;
        f.recipientName = to.name.left(200);
        f.number = n.display;
        f.dialString = n.dialString;
        f.pagesTotal = d->pages;
        f.submitted = now;
        faxes.append(f);
    }
    if (!m_store.fax().sendDraft(draftId, now + static_cast<qint64>(keepDays()) * 24 * 3600, &faxes)) {
        // Someone sent it in the meantime (two tabs), or the database failed.
        auto again = m_store.fax().draft(draftId);
        r.status = again && again->state != QLatin1String("draft") ? FaxSendResult::Status::WrongState
                                                                   : FaxSendResult::Status::Failed;
        r.errorCode = r.status == FaxSendResult::Status::WrongState ? QStringLiteral("wrong-state")
                                                                    : QStringLiteral("storage");
        r.message = QStringLiteral("The fax could not be sent. Try again.");
        return r;
    }
    for (FaxOutRecord& f : faxes) {
        qCInfo(lcFaxSend).noquote() << "fax" << f.id << "of draft" << draftId << "queued by" << owner.name;
        r.faxes.append(faxJson(f));
        publish(f.id);
    }
    r.status = FaxSendResult::Status::Ok;
    if (m_dispatcher)
        m_dispatcher->wake();
    return r;
}

FaxSendResult FaxService::resend(const UserRecord& owner, qint64 faxId, const QString& number)
{
    FaxSendResult r;
    auto f = m_store.fax().fax(faxId);
    if (!f || f->ownerId != owner.id)
        return refused(FaxSendResult::Status::NotFound, QStringLiteral("not-found"),
                       QStringLiteral("Fax %1 does not exist.").arg(faxId));
    if (m_settings.gateway.isEmpty())
        return faxDisabled();
    if (f->state != QLatin1String("failed") && f->state != QLatin1String("cancelled"))
        return refused(FaxSendResult::Status::WrongState, QStringLiteral("wrong-state"),
                       QStringLiteral("Only a failed or cancelled fax can be sent again."));
    auto d = m_store.fax().draft(f->draftId);
    if (!d || d->state != QLatin1String("sent"))
        return refused(FaxSendResult::Status::Gone, QStringLiteral("gone"),
                       QStringLiteral("The document is no longer kept; send it again as a new fax."));
    FaxOutRecord again;
    again.draftId = f->draftId;
    again.ownerId = owner.id;
    again.name = f->name;
    again.recipientName = f->recipientName;
    again.number = f->number;
    again.dialString = f->dialString;
    if (!number.trimmed().isEmpty()) {
        const FaxNumberResult n = FaxNumber::normalize(number, dialPlan());
        if (!n.ok)
            return invalidNumber(number, n.errorCode);
        again.number = n.display;
        again.dialString = n.dialString;
    }
    again.pagesTotal = d->pages;
    again.submitted = m_clock.nowSecs();
    again.resendOf = faxId;
    if (!m_store.fax().insertFax(&again)) {
        r.status = FaxSendResult::Status::Failed;
        r.errorCode = QStringLiteral("storage");
        r.message = QStringLiteral("The fax could not be sent. Try again.");
        return r;
    }
    qCInfo(lcFaxSend).noquote() << "fax" << again.id << "resends fax" << faxId << "for" << owner.name;
    r.status = FaxSendResult::Status::Ok;
    r.faxes.append(faxJson(again));
    publish(again.id);
    if (m_dispatcher)
        m_dispatcher->wake();
    return r;
}

FaxActionResult FaxService::cancel(const UserRecord& owner, qint64 faxId)
{
    auto f = m_store.fax().fax(faxId);
    if (!f || f->ownerId != owner.id)
        return FaxActionResult::NotFound;
    if (f->isFinal())
        return FaxActionResult::WrongState;
    // Not handed over yet: nothing to stop at the gateway.
    if (f->state == QLatin1String("queued") && f->gateway.isEmpty()) {
        FaxOutRecord c = *f;
        c.state = QStringLiteral("cancelled");
        c.reasonCode = QStringLiteral("cancelled");
        c.reason = QStringLiteral("Cancelled by %1").arg(owner.name);
        c.updated = c.finished = m_clock.nowSecs();
        if (m_store.fax().finish(c, QStringLiteral("queued"), nullptr)) {
            qCInfo(lcFaxSend).noquote()
                << "fax" << faxId << "cancelled by" << owner.name << "before hand-over";
            publish(faxId);
            return FaxActionResult::Ok;
        }
    }
    if (!m_dispatcher)
        return FaxActionResult::Failed;
    qCInfo(lcFaxSend).noquote() << "fax" << faxId << "cancel asked by" << owner.name;
    return m_dispatcher->cancel(faxId) ? FaxActionResult::Ok : FaxActionResult::Failed;
}

QJsonArray FaxService::sentJson(const UserRecord& user, int limit)
{
    QJsonArray out;
    for (const FaxOutRecord& f :
         m_store.fax().faxesForOwner(user.id, m_clock.nowSecs() - SentListSecs, std::clamp(limit, 1, 1000)))
        out.append(faxJson(f));
    return out;
}

std::optional<QJsonObject> FaxService::faxJson(const UserRecord& user, qint64 faxId)
{
    auto f = m_store.fax().fax(faxId);
    if (!f || f->ownerId != user.id)
        return std::nullopt;
    return faxJson(*f);
}

void FaxService::publish(qint64 faxId)
{
    auto f = m_store.fax().fax(faxId);
    if (!f)
        return;
    m_events.publishToUser(f->ownerId, {{QStringLiteral("type"), QStringLiteral("fax-status")},
                                        {QStringLiteral("fax"), faxJson(*f)}});
}

bool FaxService::openParts(qint64 draftId, QList<FaxDocumentPart>* parts)
{
    auto d = m_store.fax().draft(draftId);
    if (!d || d->state != QLatin1String("sent"))
        return false;
    struct Part
    {
        QString spoolName;
        QByteArray wrapped;
        QByteArray ad;
        qint64 size;
        QString name;
    };
    QList<Part> wanted;
    if (d->hasCover())
        wanted.append({d->coverSpoolName, d->coverWrappedKey, coverAd(draftId), d->coverSize,
                       QStringLiteral("cover.pdf")});
    wanted.append(
        {d->spoolName, d->wrappedKey, documentAd(draftId), d->size, QStringLiteral("document.pdf")});
    parts->clear();
    for (const Part& p : wanted) {
        SecretKey key;
        if (!KeyWrap::unwrap(m_kek, p.wrapped, p.ad, &key))
            return false;
        auto src = std::make_shared<SpoolSource>();
        src->fd = m_spool.openForRead(p.spoolName);
        if (src->fd < 0 || !src->reader.open(src->fd, key))
            return false;
        FaxDocumentPart part;
        part.name = p.name;
        part.size = p.size;
        part.read = [src](char* data, qint64 max) { return src->reader.read(data, max); };
        parts->append(part);
    }
    return true;
}

bool FaxService::readContact(const QJsonObject& body, FaxContactRecord* c, QString* errorCode,
                             QString* reason)
{
    if (body.contains(QLatin1String("name")))
        c->name = body.value(QLatin1String("name")).toString().trimmed().left(200);
    if (body.contains(QLatin1String("note")))
        c->note = body.value(QLatin1String("note")).toString().left(1000);
    if (c->name.isEmpty()) {
        *errorCode = QStringLiteral("missing-name");
        return false;
    }
    if (body.contains(QLatin1String("number")) || c->number.isEmpty()) {
        const QString typed = body.value(QLatin1String("number")).toString();
        const FaxNumberResult n = FaxNumber::normalize(typed, dialPlan());
        if (!n.ok) {
            *errorCode = QStringLiteral("invalid-number");
            *reason = n.errorCode;
            return false;
        }
        c->number = n.display;
    }
    return true;
}

bool FaxService::mayEditContact(const UserRecord& user, const FaxContactRecord& c)
{
    if (c.userId)
        return c.userId == user.id;
    if (user.role == QLatin1String("admin") || c.createdBy == user.id)
        return true;
    return m_store.departments().headedBy(user.id).contains(c.departmentId);
}

QJsonArray FaxService::contactsJson(const UserRecord& user, const QString& query)
{
    QJsonArray out;
    for (const FaxContactRecord& c : m_store.fax().contacts(user.id, user.departmentId, query))
        out.append(contactJson(c));
    return out;
}

FaxActionResult FaxService::addContact(const UserRecord& user, const QJsonObject& body, QJsonObject* contact,
                                       QString* errorCode, QString* reason)
{
    FaxContactRecord c;
    const QString scope = body.value(QLatin1String("scope")).toString(QStringLiteral("personal"));
    if (scope == QLatin1String("department")) {
        if (!user.departmentId) {
            *errorCode = QStringLiteral("no-department");
            return FaxActionResult::Invalid;
        }
        c.departmentId = user.departmentId;
    } else if (scope == QLatin1String("personal")) {
        c.userId = user.id;
    } else {
        *errorCode = QStringLiteral("bad-scope");
        return FaxActionResult::Invalid;
    }
    if (!readContact(body, &c, errorCode, reason))
        return FaxActionResult::Invalid;
    c.createdBy = user.id;
    c.created = m_clock.nowSecs();
    if (!m_store.fax().addContact(&c))
        return FaxActionResult::Failed;
    *contact = contactJson(*m_store.fax().contact(c.id));
    return FaxActionResult::Ok;
}

FaxActionResult FaxService::updateContact(const UserRecord& user, qint64 id, const QJsonObject& body,
                                          QJsonObject* contact, QString* errorCode, QString* reason)
{
    auto c = m_store.fax().contact(id);
    // Another person's personal entry, or another department's: not there for this user.
    if (!c || (c->userId && c->userId != user.id) ||
        (c->departmentId && c->departmentId != user.departmentId && user.role != QLatin1String("admin")))
        return FaxActionResult::NotFound;
    if (!mayEditContact(user, *c))
        return FaxActionResult::Forbidden;
    FaxContactRecord changed = *c;
    if (!readContact(body, &changed, errorCode, reason))
        return FaxActionResult::Invalid;
    if (!m_store.fax().updateContact(changed))
        return FaxActionResult::Failed;
    *contact = contactJson(*m_store.fax().contact(id));
    return FaxActionResult::Ok;
}

FaxActionResult FaxService::removeContact(const UserRecord& user, qint64 id)
{
    auto c = m_store.fax().contact(id);
    if (!c || (c->userId && c->userId != user.id) ||
        (c->departmentId && c->departmentId != user.departmentId && user.role != QLatin1String("admin")))
        return FaxActionResult::NotFound;
    if (!mayEditContact(user, *c))
        return FaxActionResult::Forbidden;
    return m_store.fax().removeContact(id) ? FaxActionResult::Ok : FaxActionResult::Failed;
}

void FaxService::sweep()
{
    FaxStore& fax = m_store.fax();
    const qint64 now = m_clock.nowSecs();
    // Drafts never sent are dropped after the hold time, like held jobs.
    for (const FaxDraftRecord& d : fax.draftsExpiring(QStringLiteral("draft"), now)) {
        if (fax.markDraftGone(d.id)) {
            removeDraftFiles(d);
            qCInfo(lcFaxSend) << "fax draft" << d.id << "expired unsent";
        }
    }
    // Sent documents are kept for resend for keep-days, then their keys are destroyed.
    for (const FaxDraftRecord& d : fax.draftsExpiring(QStringLiteral("sent"), now)) {
        if (fax.markDraftGone(d.id)) {
            removeDraftFiles(d);
            qCInfo(lcFaxSend) << "fax document of draft" << d.id << "destroyed after keep-days";
        }
    }
    for (const qint64 id : fax.staleReceivingDrafts(now - ReceivingTimeoutSecs))
        fax.discardReceivingDraft(id);
}

void FaxService::reconcile()
{
    const int dropped = m_store.fax().discardAllReceivingDrafts();
    if (dropped)
        qCInfo(lcFaxSend) << "dropped" << dropped << "fax drafts that were still arriving at the last stop";
}
