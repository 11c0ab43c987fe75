#include "FaxInbox.h"

#include "Authenticator.h"
#include "FaxNumber.h"
#include "FaxService.h"
#include "FaxTiffToPdf.h"
#include "KeyWrap.h"
#include "SpoolCipher.h"
#include "Wiped.h"
#include "WipedImage.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QLoggingCategory>
#include <cstring>
#include <poppler-qt6.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFaxInbox, "mps.server.faxinbox", QtInfoMsg)

namespace {

// A received fax's key is bound to its spool file (the row's id is not known before the file is).
QByteArray keyAd(const QString& spoolName)
{
    return QByteArray("mps-fax-in:") + spoolName.toLatin1();
}

QString isoTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

bool isAdmin(const UserRecord& u)
{
    return u.role == QLatin1String("admin");
}

QString simplifiedTsi(const QString& tsi)
{
    return tsi.simplified().toCaseFolded();
}

} // namespace

FaxInbox::FaxInbox(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
                   JobService& jobs, Settings settings)
    : m_store(store), m_spool(spool), m_kek(kek), m_events(events), m_clock(clock), m_jobs(jobs),
      m_settings(settings)
{
}

QString FaxInbox::numberKey(const QString& number)
{
    FaxDialPlan plan;
    plan.extensionDigits = 0;
    const FaxNumberResult r = FaxNumber::normalize(number, plan);
    QString digits;
    for (const QChar c : r.ok ? r.dialString.section(QLatin1Char('#'), 0, 0) : number)
        if (c.isDigit())
            digits += c;
    return digits;
}

std::optional<QString> FaxInbox::gatewayForToken(const QByteArray& token)
{
    if (token.isEmpty())
        return std::nullopt;
    return m_store.faxInbox().gatewayByTokenHash(Authenticator::hashToken(token));
}

std::optional<FaxBlock> FaxInbox::matchBlock(qint64 userId, const QString& caller, const QString& tsi)
{
    const QString callerKey = numberKey(caller);
    const QString tsiText = simplifiedTsi(tsi);
    const QString tsiKey = numberKey(tsi);
    QList<FaxBlock> candidates = m_store.faxInbox().blocks(0);
    if (userId)
        candidates += m_store.faxInbox().blocks(userId);
    for (const FaxBlock& b : candidates) {
        if (!b.number.isEmpty()) {
            const QString key = numberKey(b.number);
            // A number matches the caller's number, or a TSI that is that number written out.
            if (!key.isEmpty() && (key == callerKey || key == tsiKey))
                return b;
        }
        if (!b.tsi.isEmpty() && !tsiText.isEmpty() && simplifiedTsi(b.tsi) == tsiText)
            return b;
    }
    return std::nullopt;
}

FaxIntakeResult FaxInbox::receive(const FaxIntake& intake, const QByteArray& tiff)
{
    FaxIntakeResult r;
    FaxInboxStore& inbox = m_store.faxInbox();
    const QString call = QStringLiteral("fax %1/%2").arg(intake.gateway, intake.commid);
    if (inbox.idByCommid(intake.gateway, intake.commid)) {
        r.status = FaxIntakeResult::Status::Duplicate;
        qCInfo(lcFaxInbox).noquote() << call << "received again: already stored";
        return r;
    }
    FaxDocument doc;
    QString err;
    if (!FaxTiffToPdf::convert(tiff, &doc, &err)) {
        r.status = FaxIntakeResult::Status::BadDocument;
        r.error = err;
        qCWarning(lcFaxInbox).noquote() << call << "refused:" << err;
        return r;
    }

    // Route: sub-address, then DID, then the default mailbox, else the admins' "unrouted" one.
    FaxInboxRecord fax;
    std::optional<FaxRoute> route;
    const QString subaddress = numberKey(doc.subaddress);
    const QString did = numberKey(intake.did);
    if (!subaddress.isEmpty() && (route = inbox.route(QStringLiteral("subaddress"), subaddress)))
        fax.routedBy = QStringLiteral("subaddress");
    else if (!did.isEmpty() && (route = inbox.route(QStringLiteral("did"), did)))
        fax.routedBy = QStringLiteral("did");
    else if ((route = inbox.route(QStringLiteral("default"), QString())))
        fax.routedBy = QStringLiteral("default");
    else
        fax.routedBy = QStringLiteral("unrouted");
    if (route) {
        fax.mailboxUserId = route->userId;
        fax.mailboxDepartmentId = route->departmentId;
    }

    const qint64 now = m_clock.nowSecs();
    if (auto b = matchBlock(fax.mailboxUserId, intake.caller, doc.tsi)) {
        inbox.countHit(b->id, now);
        r.status = FaxIntakeResult::Status::Blocked;
        qCInfo(lcFaxInbox).noquote() << call << "from a blocked sender (block" << b->id << ") not stored";
        return r;
    }

    fax.fromNumber = intake.caller.trimmed();
    fax.fromName = intake.callerName.trimmed();
    fax.tsi = doc.tsi;
    fax.did = intake.did.trimmed();
    fax.subaddress = doc.subaddress;
    fax.pages = doc.pages;
    fax.error = intake.error.trimmed();
    fax.partial = !fax.error.isEmpty();
    fax.received = now;
    fax.gateway = intake.gateway;
    fax.commid = intake.commid;
    fax.size = doc.pdf.size();
    fax.tiffSize = tiff.size();

    // File first, then the row: a crash in between leaves an orphan file that start-up removes, and
    // the gateway's retry stores the fax again. The PDF never touches the disk unencrypted.
    Spool::Temp temp;
    if (!m_spool.createTemp(&temp, &err)) {
        r.error = QStringLiteral("The server could not store the fax. Try again later.");
        qCWarning(lcFaxInbox).noquote() << call << "cannot be stored:" << err;
        return r;
    }
    const SecretKey key = SecretKey::random();
    SpoolWriter writer;
    if (!writer.open(temp.fd, key) || !writer.write(doc.pdf.constData(), doc.pdf.size()) ||
        !writer.finish() || !m_spool.commit(&temp, &err)) {
        m_spool.discard(&temp);
        r.error = QStringLiteral("The server could not store the fax. Try again later.");
        qCWarning(lcFaxInbox).noquote() << call << "cannot be stored:" << writer.errorString() << err;
        return r;
    }
    fax.spoolName = temp.name;
    fax.wrappedKey = KeyWrap::wrap(m_kek, key, keyAd(fax.spoolName));
    bool duplicate = false;
    if (!inbox.insert(&fax, &duplicate)) {
        m_spool.remove(fax.spoolName);
        if (duplicate) {
            r.status = FaxIntakeResult::Status::Duplicate;
            return r;
        }
        r.error = QStringLiteral("The server could not store the fax. Try again later.");
        qCWarning(lcFaxInbox).noquote() << call << "cannot be recorded in the database";
        return r;
    }
    r.status = FaxIntakeResult::Status::Stored;
    r.id = fax.id;
    r.routedBy = fax.routedBy;
    r.routedTo = fax.mailboxUserId         ? QStringLiteral("user")
                 : fax.mailboxDepartmentId ? QStringLiteral("department")
                                           : QStringLiteral("unrouted");
    qCInfo(lcFaxInbox).noquote() << call << "stored as inbox fax" << fax.id << ":" << fax.pages << "pages,"
                                 << doc.imageBytes << "CCITT bytes, PDF" << fax.size << "bytes, routed by"
                                 << fax.routedBy << "to" << r.routedTo << (fax.partial ? "(partial)" : "");
    const QJsonObject event{{QStringLiteral("type"), QStringLiteral("fax-received")},
                            {QStringLiteral("fax"), toJson(fax)}};
    for (qint64 userId : audience(fax))
        m_events.publishToUserOnly(userId, event);
    return r;
}

QList<qint64> FaxInbox::audience(const FaxInboxRecord& fax)
{
    QList<qint64> out;
    if (fax.mailboxUserId) {
        out << fax.mailboxUserId;
    } else if (fax.mailboxDepartmentId) {
        for (const auto& [id, name, code] : m_store.departments().members({fax.mailboxDepartmentId}))
            out << id;
    } else {
        for (const UserRecord& u : m_store.users())
            if (isAdmin(u) && !u.disabled)
                out << u.id;
    }
    return out;
}

bool FaxInbox::maySee(const UserRecord& user, const FaxInboxRecord& fax) const
{
    if (fax.mailboxUserId)
        return fax.mailboxUserId == user.id;
    if (fax.mailboxDepartmentId)
        return user.departmentId && fax.mailboxDepartmentId == user.departmentId;
    return isAdmin(user);
}

QList<FaxInboxRecord> FaxInbox::list(const UserRecord& user, bool unreadOnly, int limit)
{
    QList<qint64> departments;
    if (user.departmentId)
        departments << user.departmentId;
    return m_store.faxInbox().list(user.id, departments, isAdmin(user), unreadOnly, limit);
}

std::optional<FaxInboxRecord> FaxInbox::faxFor(const UserRecord& user, qint64 id)
{
    auto fax = m_store.faxInbox().fax(id);
    if (!fax || !maySee(user, *fax))
        return std::nullopt;
    return fax;
}

QJsonObject FaxInbox::toJson(const FaxInboxRecord& fax)
{
    QJsonObject mailbox;
    if (fax.mailboxUserId) {
        auto u = m_store.userById(fax.mailboxUserId);
        mailbox = {{QStringLiteral("type"), QStringLiteral("user")},
                   {QStringLiteral("code"), u ? u->name : QString()},
                   {QStringLiteral("name"), u ? u->shownName() : QString()}};
    } else if (fax.mailboxDepartmentId) {
        auto d = m_store.departments().byId(fax.mailboxDepartmentId);
        mailbox = {{QStringLiteral("type"), QStringLiteral("department")},
                   {QStringLiteral("code"), d ? d->code : QString()},
                   {QStringLiteral("name"), d ? d->name : QString()}};
    } else {
        mailbox = {{QStringLiteral("type"), QStringLiteral("unrouted")},
                   {QStringLiteral("code"), QString()},
                   {QStringLiteral("name"), QString()}};
    }
    FaxDialPlan plan;
    plan.extensionDigits = 0;
    const FaxNumberResult from = FaxNumber::normalize(fax.fromNumber, plan);
    return {{QStringLiteral("id"), fax.id},
            {QStringLiteral("mailbox"), mailbox},
            {QStringLiteral("fromNumber"), from.ok ? from.display : fax.fromNumber},
            {QStringLiteral("fromName"), fax.fromName},
            {QStringLiteral("tsi"), fax.tsi},
            {QStringLiteral("did"), fax.did},
            {QStringLiteral("subaddress"), fax.subaddress},
            {QStringLiteral("pages"), fax.pages},
            {QStringLiteral("partial"), fax.partial},
            {QStringLiteral("error"), fax.error},
            {QStringLiteral("received"), isoTime(fax.received)},
            {QStringLiteral("read"), fax.readAt != 0},
            {QStringLiteral("size"), fax.size}};
}

bool FaxInbox::readPdf(const FaxInboxRecord& fax, QByteArray* pdf)
{
    SecretKey key;
    if (fax.wrappedKey.isEmpty() || !KeyWrap::unwrap(m_kek, fax.wrappedKey, keyAd(fax.spoolName), &key)) {
        qCWarning(lcFaxInbox) << "inbox fax" << fax.id << "has no usable key";
        return false;
    }
    const int fd = m_spool.openForRead(fax.spoolName);
    if (fd < 0) {
        qCWarning(lcFaxInbox) << "inbox fax" << fax.id << "has no spool file";
        return false;
    }
    SpoolReader reader;
    bool ok = reader.open(fd, key);
    pdf->clear();
    pdf->reserve(fax.size);
    char buf[64 * 1024];
    const WipeOnExit wipeBuf(buf, sizeof buf);
    while (ok) {
        const qint64 n = reader.read(buf, sizeof buf);
        if (n < 0) {
            qCWarning(lcFaxInbox).noquote()
                << "inbox fax" << fax.id << "cannot be read:" << reader.errorString();
            ok = false;
        } else if (n == 0) {
            break;
        } else {
            pdf->append(buf, static_cast<qsizetype>(n));
        }
    }
    ::close(fd);
    if (!ok)
        pdf->clear();
    return ok;
}

FaxInboxResult FaxInbox::pdf(const UserRecord& user, qint64 id, QByteArray* pdf)
{
    auto fax = faxFor(user, id);
    if (!fax)
        return FaxInboxResult::NotFound;
    return readPdf(*fax, pdf) ? FaxInboxResult::Ok : FaxInboxResult::Failed;
}

FaxInboxResult FaxInbox::pagePng(const UserRecord& user, qint64 id, int page, int width, QByteArray* png)
{
    auto fax = faxFor(user, id);
    if (!fax)
        return FaxInboxResult::NotFound;
    if (page < 1 || page > fax->pages || width < 64 || width > 1700)
        return FaxInboxResult::Invalid;
    QByteArray pdf;
    const WipeBytesOnExit wipePdf(pdf);
    if (!readPdf(*fax, &pdf))
        return FaxInboxResult::Failed;
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc || doc->isLocked() || page > doc->numPages())
        return FaxInboxResult::Failed;
    std::unique_ptr<Poppler::Page> p = doc->page(page - 1);
    if (!p)
        return FaxInboxResult::Failed;
    doc->setRenderHint(Poppler::Document::Antialiasing);
    const double dpi = width * 72.0 / qMax(1.0, p->pageSizeF().width());
    QImage image = p->renderToImage(dpi, dpi);
    const WipeImageOnExit wipeRendered(image);
    replaceWiping(image, image.convertToFormat(QImage::Format_Grayscale8));
    if (image.isNull())
        return FaxInboxResult::Failed;
    QBuffer buf(png);
    buf.open(QIODevice::WriteOnly);
    return image.save(&buf, "PNG") ? FaxInboxResult::Ok : FaxInboxResult::Failed;
}

FaxInboxResult FaxInbox::setRead(const UserRecord& user, qint64 id, bool read, FaxInboxRecord* out)
{
    auto fax = faxFor(user, id);
    if (!fax)
        return FaxInboxResult::NotFound;
    if (!m_store.faxInbox().setRead(id, user.id, read ? m_clock.nowSecs() : 0))
        return FaxInboxResult::Failed;
    *out = *m_store.faxInbox().fax(id);
    if (!fax->mailboxUserId) {
        const QJsonObject event{{QStringLiteral("type"), QStringLiteral("fax-inbox-changed")},
                                {QStringLiteral("id"), id}};
        for (qint64 userId : audience(*fax))
            if (userId != user.id)
                m_events.publishToUserOnly(userId, event);
    }
    return FaxInboxResult::Ok;
}

FaxInboxResult FaxInbox::remove(const UserRecord& user, qint64 id)
{
    auto fax = faxFor(user, id);
    if (!fax)
        return FaxInboxResult::NotFound;
    QString spoolName;
    if (!m_store.faxInbox().remove(id, &spoolName))
        return FaxInboxResult::NotFound;
    // The key is gone with the row's wrapped key; the file is only ciphertext now.
    if (!spoolName.isEmpty())
        m_spool.remove(spoolName);
    qCInfo(lcFaxInbox).noquote() << "inbox fax" << id << "deleted by" << user.name;
    if (!fax->mailboxUserId) {
        const QJsonObject event{{QStringLiteral("type"), QStringLiteral("fax-inbox-changed")},
                                {QStringLiteral("id"), id}};
        for (qint64 userId : audience(*fax))
            if (userId != user.id)
                m_events.publishToUserOnly(userId, event);
    }
    return FaxInboxResult::Ok;
}

IngestResult FaxInbox::print(const UserRecord& user, qint64 id)
{
    IngestResult r;
    auto fax = faxFor(user, id);
    if (!fax) {
        r.status = IngestResult::Status::BadDocument;
        r.code = QStringLiteral("not-found");
        return r;
    }
    QByteArray pdf;
    const WipeBytesOnExit wipePdf(pdf);
    if (!readPdf(*fax, &pdf)) {
        r.status = IngestResult::Status::StorageError;
        r.error = QStringLiteral("The fax could not be read. Try again later.");
        return r;
    }
    JobInfo meta;
    meta.name = QStringLiteral("fax-%1.pdf").arg(fax->id);
    meta.documentFormat = QStringLiteral("application/pdf");
    qint64 pos = 0;
    // The plaintext stays in memory; the job service encrypts it into its own spool file as it reads.
    return m_jobs.ingest(user, meta, [&pdf, &pos](char* data, qint64 max) {
        const qint64 n = qMin<qint64>(max, pdf.size() - pos);
        std::memcpy(data, pdf.constData() + pos, static_cast<size_t>(n));
        pos += n;
        return n;
    });
}

int FaxInbox::forward(const UserRecord& user, qint64 id, const QJsonArray& recipients, QJsonObject* answer)
{
    auto refuse = [answer](int status, const QString& code, const QString& message) {
        *answer = {{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
        return status;
    };
    auto fax = faxFor(user, id);
    if (!fax)
        return refuse(404, QStringLiteral("not-found"), QStringLiteral("Fax %1 does not exist.").arg(id));
    if (!m_fax || m_fax->settings().gateway.isEmpty())
        return refuse(503, QStringLiteral("fax-disabled"),
                      QStringLiteral("Faxing is not set up on this server."));
    QList<FaxRecipient> to;
    for (const QJsonValue& v : recipients) {
        const QJsonObject o = v.toObject();
        to.append(FaxRecipient{o.value(QLatin1String("name")).toString(),
                               o.value(QLatin1String("number")).toString()});
    }
    if (to.isEmpty())
        return refuse(400, QStringLiteral("no-recipients"), QStringLiteral("Give at least one recipient."));
    QByteArray pdf;
    const WipeBytesOnExit wipePdf(pdf);
    if (!readPdf(*fax, &pdf))
        return refuse(500, QStringLiteral("storage"),
                      QStringLiteral("The fax could not be read. Try again later."));
    qint64 pos = 0;
    QString err;
    const qint64 draftId = m_fax->createDraftFromPdf(
        user, QStringLiteral("fax-%1.pdf").arg(fax->id),
        [&pdf, &pos](char* data, qint64 max) {
            const qint64 n = qMin<qint64>(max, pdf.size() - pos);
            std::memcpy(data, pdf.constData() + pos, static_cast<size_t>(n));
            pos += n;
            return n;
        },
        &err);
    if (!draftId)
        return refuse(500, QStringLiteral("storage"), err);
    const FaxSendResult r = m_fax->send(user, draftId, to);
    using S = FaxSendResult::Status;
    if (r.status == S::Ok) {
        qCInfo(lcFaxInbox).noquote() << "inbox fax" << id << "forwarded by" << user.name << "as draft"
                                     << draftId;
        *answer = {{QStringLiteral("faxes"), r.faxes}};
        return 202;
    }
    // Nothing was sent: the draft made for it goes again.
    (void)m_fax->deleteDraft(user, draftId);
    *answer = {{QStringLiteral("error"), r.errorCode}, {QStringLiteral("message"), r.message}};
    if (r.status == S::InvalidNumber) {
        answer->insert(QStringLiteral("number"), r.number);
        answer->insert(QStringLiteral("reason"), r.reason);
    }
    switch (r.status) {
    case S::NoRecipients:
    case S::TooManyRecipients:
    case S::InvalidNumber:
        return 400;
    case S::NotFound:
        return 404;
    case S::WrongState:
        return 409;
    case S::Gone:
        return 410;
    case S::Disabled:
        return 503;
    default:
        answer->insert(QStringLiteral("error"), QStringLiteral("storage"));
        return 500;
    }
}

FaxInboxResult FaxInbox::blockSender(const UserRecord& user, qint64 id, FaxBlock* block)
{
    auto fax = faxFor(user, id);
    if (!fax)
        return FaxInboxResult::NotFound;
    const QString number = fax->fromNumber.trimmed();
    const bool byNumber = !numberKey(number).isEmpty();
    if (!byNumber && fax->tsi.trimmed().isEmpty())
        return FaxInboxResult::Invalid;
    return addBlock(user, byNumber ? number : QString(), byNumber ? QString() : fax->tsi.trimmed(), false,
                    block);
}

QList<FaxBlock> FaxInbox::blocked(const UserRecord& user)
{
    QList<FaxBlock> out = m_store.faxInbox().blocks(user.id);
    if (isAdmin(user))
        out = m_store.faxInbox().blocks(0) + out;
    return out;
}

FaxInboxResult FaxInbox::addBlock(const UserRecord& user, const QString& number, const QString& tsi,
                                  bool global, FaxBlock* block)
{
    if (global && !isAdmin(user))
        return FaxInboxResult::Forbidden;
    const QString n = number.trimmed().left(64), t = tsi.trimmed().left(64);
    if ((n.isEmpty() || numberKey(n).isEmpty()) && t.isEmpty())
        return FaxInboxResult::Invalid;
    const qint64 blockId = m_store.faxInbox().addBlock(global ? 0 : user.id, n, t, m_clock.nowSecs());
    if (!blockId)
        return FaxInboxResult::Failed;
    *block = *m_store.faxInbox().block(blockId);
    qCInfo(lcFaxInbox).noquote() << "block" << blockId << (global ? "(global)" : "") << "added by"
                                 << user.name;
    return FaxInboxResult::Ok;
}

FaxInboxResult FaxInbox::removeBlock(const UserRecord& user, qint64 id)
{
    auto b = m_store.faxInbox().block(id);
    if (!b || (b->userId != user.id && !(b->userId == 0 && isAdmin(user))))
        return FaxInboxResult::NotFound;
    return m_store.faxInbox().removeBlock(id) ? FaxInboxResult::Ok : FaxInboxResult::Failed;
}

QJsonObject FaxInbox::blockJson(const FaxBlock& b)
{
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("number"), b.number},
            {QStringLiteral("tsi"), b.tsi},
            {QStringLiteral("scope"), b.userId ? QStringLiteral("personal") : QStringLiteral("global")},
            {QStringLiteral("hits"), b.hits},
            {QStringLiteral("lastHit"), b.lastHit ? QJsonValue(isoTime(b.lastHit)) : QJsonValue()},
            {QStringLiteral("created"), isoTime(b.created)}};
}
