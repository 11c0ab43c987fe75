#include "ScanService.h"

#include "KeyWrap.h"
#include "SmtpMailer.h"
#include "SpoolCipher.h"
#include "Wiped.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <algorithm>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcScan, "mps.server.scan", QtInfoMsg)

namespace {

constexpr qint64 MinBodyLimit = 32LL * 1024 * 1024; // a PNG page may be larger than its G4 form

QByteArray keyAd(qint64 scanId)
{
    return QByteArray("mps-scan:") + QByteArray::number(scanId);
}

ScanResult refused(ScanResult::Status status, const char* code, const QString& message)
{
    ScanResult r;
    r.status = status;
    r.code = QString::fromLatin1(code);
    r.message = message;
    return r;
}

ScanResult notFound(qint64 id)
{
    return refused(ScanResult::Status::NotFound, "not-found",
                   QStringLiteral("Scan %1 does not exist.").arg(id));
}

ScanResult storageError()
{
    return refused(ScanResult::Status::StorageError, "storage",
                   QStringLiteral("The server could not store the scan. Try again."));
}

// A single plain address: nothing a header could be split on, nothing that names a second recipient.
bool usableAddress(const QString& email)
{
    static const QRegularExpression re(
        QStringLiteral("^[^@\\s,;<>\"()\\[\\]\\\\]+@[^@\\s,;<>\"()\\[\\]\\\\]+$"));
    return email.size() <= 254 && re.match(email).hasMatch();
}

QString cleanFileName(const QString& typed, const QDateTime& now)
{
    QString name;
    for (const QChar c : typed) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            QStringLiteral("/\\:*?\"<>|").contains(c))
            continue;
        name.append(c);
    }
    name = name.simplified();
    if (name.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        name.chop(4);
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    name = name.left(100).trimmed();
    if (name.isEmpty())
        name = QStringLiteral("scan-") + now.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return name;
}

QJsonValue isoTime(qint64 secs)
{
    if (secs <= 0)
        return QJsonValue::Null;
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

// One page file read back through its decrypting reader (closes its descriptor).
struct PageFile
{
    int fd = -1;
    SpoolReader reader;
    ~PageFile()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

ScanService::ScanService(Store& store, Spool& spool, const SecretKey& kek, EventBus& events,
                         const Clock& clock, const SmtpMailer* mailer, Settings settings)
    : m_store(store), m_spool(spool), m_kek(kek), m_events(events), m_clock(clock), m_mailer(mailer),
      m_settings(std::move(settings))
{
    if (m_settings.retrySecs.isEmpty())
        m_settings.retrySecs = {3600};
}

ScanService::~ScanService()
{
    stop();
}

qint64 ScanService::attachLimit(int scanMaxMb, int mailMaxMessageMb)
{
    const qint64 mb = 1024LL * 1024;
    // Base64 makes 4 characters of 3 bytes plus a line break every 76; the text and headers fit in 64 KB.
    const qint64 message = static_cast<qint64>(std::max(1, mailMaxMessageMb)) * mb - 64 * 1024;
    const qint64 fits = message / 78 * 76 / 4 * 3;
    return std::max<qint64>(0, std::min(static_cast<qint64>(std::max(1, scanMaxMb)) * mb, fits));
}

QJsonObject ScanService::scanJson(const ScanRecord& s, const UserRecord& user) const
{
    const qint64 bytes = !s.pdfSpoolName.isEmpty() ? s.pdfSize
                         : s.pages > 0             ? ScanPdfWriter::estimateSize(s.imageBytes, s.pages)
                                                   : 0;
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("to"), user.email},
                  {QStringLiteral("fileName"), s.fileName},
                  {QStringLiteral("mode"), s.mode},
                  {QStringLiteral("resolution"), s.resolution},
                  {QStringLiteral("pages"), s.pages},
                  {QStringLiteral("bytes"), bytes},
                  {QStringLiteral("maxBytes"), m_settings.maxBytes},
                  {QStringLiteral("state"), s.state},
                  {QStringLiteral("attempts"), s.attempts},
                  {QStringLiteral("created"), isoTime(s.created)}};
    if (!s.lastError.isEmpty())
        o.insert(QStringLiteral("error"), s.lastError);
    return o;
}

std::optional<ScanRecord> ScanService::openScanOf(const ScanCaller& who, qint64 scanId)
{
    auto s = m_store.scans().scan(scanId);
    // Only the session that opened it sees an open scan: not the same person at another kiosk.
    if (!s || s->userId != who.user.id || s->kioskId != who.kioskId || s->sessionHash != who.sessionHash)
        return std::nullopt;
    return s;
}

bool ScanService::unwrapKey(const ScanRecord& scan, SecretKey* key) const
{
    return KeyWrap::unwrap(m_kek, scan.wrappedKey, keyAd(scan.id), key);
}

bool ScanService::storeBytes(const SecretKey& key, const QByteArray& data, QString* spoolName, QString* error)
{
    Spool::Temp temp;
    if (!m_spool.createTemp(&temp, error))
        return false;
    SpoolWriter writer;
    if (!writer.open(temp.fd, key) || !writer.write(data.constData(), data.size()) || !writer.finish()) {
        *error = writer.errorString();
        m_spool.discard(&temp);
        return false;
    }
    *spoolName = temp.name;
    return m_spool.commit(&temp, error);
}

void ScanService::removeFiles(const QList<QString>& names)
{
    for (const QString& n : names)
        if (!n.isEmpty())
            m_spool.remove(n);
}

ScanResult ScanService::create(const ScanCaller& who, const QString& fileName, const QString& mode,
                               int resolution)
{
    if (!m_mailer)
        return refused(ScanResult::Status::MailDisabled, "mail-disabled",
                       QStringLiteral("Scan to e-mail is not set up on this server."));
    if (!usableAddress(who.user.email))
        return refused(ScanResult::Status::NoEmail, "no-email",
                       QStringLiteral("Your account has no e-mail address. Ask the print admin to add one."));
    if (mode != QLatin1String("color") && mode != QLatin1String("gray") && mode != QLatin1String("lineart"))
        return refused(ScanResult::Status::BadRequest, "bad-request",
                       QStringLiteral("mode must be color, gray or lineart."));
    if (resolution != 150 && resolution != 300)
        return refused(ScanResult::Status::BadRequest, "bad-request",
                       QStringLiteral("resolution must be 150 or 300."));
    // The key is made first and wrapped under the row's id, so the row is inserted with a placeholder
    // and the key written in the same call.
    ScanRecord s;
    s.userId = who.user.id;
    s.kioskId = who.kioskId;
    s.printerId = who.printerId;
    s.sessionHash = who.sessionHash;
    s.fileName = cleanFileName(fileName, m_clock.now());
    s.mode = mode;
    s.resolution = resolution;
    s.created = m_clock.nowSecs();
    s.wrappedKey = QByteArray(1, '\0');
    s.id = m_store.scans().create(s);
    if (!s.id)
        return storageError();
    const SecretKey key = SecretKey::random();
    if (!m_store.scans().setKey(s.id, KeyWrap::wrap(m_kek, key, keyAd(s.id))))
        return storageError();
    qCInfo(lcScan).noquote() << "scan" << s.id << "opened for" << who.user.name << "at kiosk" << who.kioskId
                             << "(" << mode << resolution << "dpi)";
    auto stored = m_store.scans().scan(s.id);
    if (!stored)
        return storageError();
    ScanResult r;
    r.status = ScanResult::Status::Ok;
    r.scan = scanJson(*stored, who.user);
    return r;
}

ScanResult ScanService::putPage(const ScanCaller& who, qint64 scanId, int number,
                                const QByteArray& contentType,
                                const std::function<qint64(char*, qint64)>& read, qint64 sizeAtLeast)
{
    auto s = openScanOf(who, scanId);
    if (!s)
        return notFound(scanId);
    if (s->state != QLatin1String("open"))
        return refused(ScanResult::Status::WrongState, "wrong-state",
                       QStringLiteral("This scan was sent already."));
    if (number < 1 || number > s->pages + 1)
        return refused(ScanResult::Status::BadRequest, "bad-request",
                       QStringLiteral("Pages are numbered 1 to %1 for this scan.").arg(s->pages + 1));
    const bool lineart = s->mode == QLatin1String("lineart");
    const QByteArray wanted = lineart ? QByteArrayLiteral("image/png") : QByteArrayLiteral("image/jpeg");
    if (contentType != wanted)
        return refused(ScanResult::Status::UnsupportedFormat, "unsupported-format",
                       QStringLiteral("A %1 scan takes %2 pages.").arg(s->mode, QString::fromLatin1(wanted)));
    // One page at a time in memory: never more than the PDF may hold (or a PNG's worth).
    const qint64 limit = std::max(m_settings.maxBytes, MinBodyLimit);
    QByteArray body;
    const WipeBytesOnExit wipeBody(body);
    body.reserve(static_cast<qsizetype>(std::min(std::max<qint64>(0, sizeAtLeast), limit)));
    char buf[64 * 1024];
    const WipeOnExit wipeBuf(buf, sizeof buf);
    for (;;) {
        const qint64 n = read(buf, sizeof buf);
        if (n < 0)
            return refused(ScanResult::Status::BadRequest, "bad-request",
                           QStringLiteral("The page did not arrive whole."));
        if (n == 0)
            break;
        if (body.size() + n > limit) {
            ScanResult r = refused(ScanResult::Status::TooLarge, "scan-too-large",
                                   QStringLiteral("The scan would be larger than %1 MB, the most that can be "
                                                  "sent by e-mail.")
                                       .arg(m_settings.maxBytes / (1024 * 1024)));
            return r;
        }
        appendWiping(body, buf, static_cast<qsizetype>(n));
    }
    ScanPdfPage page;
    QByteArray stored; // the page as it is kept (the JPEG itself, or the PNG's bilevel image as G4)
    const WipeBytesOnExit wipeStored(stored);
    QString error;
    const bool ok = lineart ? ScanPdfWriter::pngToG4(body, &stored, &page, &error)
                            : ScanPdfWriter::inspectJpeg(body, &page, &error);
    if (!ok) {
        qCInfo(lcScan).noquote() << "scan" << scanId << "page" << number << "refused:" << error;
        return refused(ScanResult::Status::BadImage, "bad-image",
                       QStringLiteral("The page could not be read (%1). Scan it again.").arg(error));
    }
    if (!lineart)
        stored = std::move(body);
    body = QByteArray();
    // The PDF's size with this page (replacing one, or added at the end).
    qint64 replacedBytes = 0;
    if (number <= s->pages)
        for (const ScanPageRecord& p : m_store.scans().pages(scanId))
            if (p.number == number)
                replacedBytes = p.bytes;
    const int pagesAfter = std::max(s->pages, number);
    const qint64 estimate =
        ScanPdfWriter::estimateSize(s->imageBytes - replacedBytes + stored.size(), pagesAfter);
    if (estimate > m_settings.maxBytes)
        return refused(
            ScanResult::Status::TooLarge, "scan-too-large",
            QStringLiteral("With this page the scan would be larger than %1 MB, the most that can be "
                           "sent by e-mail. Send the pages so far and scan the rest separately.")
                .arg(m_settings.maxBytes / (1024 * 1024)));
    SecretKey key;
    if (!unwrapKey(*s, &key))
        return storageError();
    ScanPageRecord rec;
    rec.number = number;
    rec.encoding = lineart ? QStringLiteral("g4") : QStringLiteral("jpeg");
    rec.width = page.width;
    rec.height = page.height;
    rec.components = page.components;
    rec.bytes = stored.size();
    // A page that would take the spool below its reserve waits: the pages so far stay.
    if (!m_spool.hasRoom(stored.size()))
        return refused(ScanResult::Status::SpoolFull, "spool-full",
                       QStringLiteral("The print server's storage is full, so the page was not stored. Try "
                                      "again later; tell the print admin if this lasts."));
    if (!storeBytes(key, stored, &rec.spoolName, &error)) {
        qCWarning(lcScan).noquote() << "scan" << scanId << "page" << number << "not stored:" << error;
        return storageError();
    }
    QString replaced;
    if (!m_store.scans().putPage(scanId, rec, &replaced)) {
        m_spool.remove(rec.spoolName);
        // Sent or discarded meanwhile, or another upload took that number first.
        auto now = m_store.scans().scan(scanId);
        if (!now)
            return notFound(scanId);
        if (now->state != QLatin1String("open"))
            return refused(ScanResult::Status::WrongState, "wrong-state",
                           QStringLiteral("This scan was sent already."));
        return refused(ScanResult::Status::BadRequest, "bad-request",
                       QStringLiteral("Pages are numbered 1 to %1 for this scan.").arg(now->pages + 1));
    }
    if (!replaced.isEmpty())
        m_spool.remove(replaced);
    qCDebug(lcScan) << "scan" << scanId << "page" << number << rec.encoding << rec.width << "x" << rec.height
                    << rec.bytes << "bytes";
    ScanResult r;
    r.status = ScanResult::Status::Ok;
    r.scan = scanJson(*m_store.scans().scan(scanId), who.user);
    return r;
}

ScanResult ScanService::removePage(const ScanCaller& who, qint64 scanId, int number)
{
    auto s = openScanOf(who, scanId);
    if (!s)
        return notFound(scanId);
    if (s->state != QLatin1String("open"))
        return refused(ScanResult::Status::WrongState, "wrong-state",
                       QStringLiteral("This scan was sent already."));
    QString file;
    if (!m_store.scans().removePage(scanId, number, &file))
        return refused(ScanResult::Status::NotFound, "not-found", QStringLiteral("There is no such page."));
    m_spool.remove(file);
    ScanResult r;
    r.status = ScanResult::Status::Ok;
    r.scan = scanJson(*m_store.scans().scan(scanId), who.user);
    return r;
}

ScanResult ScanService::send(const ScanCaller& who, qint64 scanId)
{
    auto s = openScanOf(who, scanId);
    if (!s)
        return notFound(scanId);
    if (s->state != QLatin1String("open"))
        return refused(ScanResult::Status::WrongState, "wrong-state",
                       QStringLiteral("This scan was sent already."));
    if (s->pages == 0)
        return refused(ScanResult::Status::NoPages, "no-pages",
                       QStringLiteral("Scan at least one page first."));
    if (!usableAddress(who.user.email))
        return refused(ScanResult::Status::NoEmail, "no-email",
                       QStringLiteral("Your account has no e-mail address. Ask the print admin to add one."));
    // Pages the MFP scanned are counted when they are sent, whether or not the mail gets through.
    UsageRecord usage;
    usage.userId = who.user.id;
    usage.department = who.user.department;
    usage.printerId = s->printerId;
    auto printer = m_store.printerById(s->printerId);
    usage.printer = printer ? printer->name : QString();
    usage.kind = QStringLiteral("scanned");
    usage.pages = s->pages;
    usage.color = s->mode == QLatin1String("color");
    usage.sizeClass = QStringLiteral("other");
    usage.at = m_clock.nowSecs();
    usage.cost = 0;
    if (!m_store.scans().startSending(scanId, usage.at, usage)) {
        auto again = m_store.scans().scan(scanId);
        if (!again)
            return notFound(scanId);
        if (again->state != QLatin1String("open"))
            return refused(ScanResult::Status::WrongState, "wrong-state",
                           QStringLiteral("This scan was sent already."));
        return storageError();
    }
    qCInfo(lcScan).noquote() << "scan" << scanId << "of" << who.user.name << "sent:" << s->pages << "pages";
    wake();
    ScanResult r;
    r.status = ScanResult::Status::Ok;
    r.scan = scanJson(*m_store.scans().scan(scanId), who.user);
    return r;
}

ScanResult ScanService::discard(const ScanCaller& who, qint64 scanId)
{
    auto s = openScanOf(who, scanId);
    if (!s)
        return notFound(scanId);
    QList<QString> files;
    if (!m_store.scans().discardOpen(scanId, &files))
        return refused(ScanResult::Status::WrongState, "wrong-state",
                       QStringLiteral("This scan was sent already."));
    removeFiles(files);
    qCInfo(lcScan).noquote() << "scan" << scanId << "of" << who.user.name << "discarded," << files.size()
                             << "files";
    ScanResult r;
    r.status = ScanResult::Status::Ok;
    return r;
}

ScanResult ScanService::get(const ScanCaller& who, qint64 scanId)
{
    ScanResult r;
    if (auto s = m_store.scans().scan(scanId); s && s->userId == who.user.id) {
        if (s->state == QLatin1String("open") &&
            (s->kioskId != who.kioskId || s->sessionHash != who.sessionHash))
            return notFound(scanId);
        r.status = ScanResult::Status::Ok;
        r.scan = scanJson(*s, who.user);
        return r;
    }
    // Ended: only the log row is left (no file name: nothing of the document is kept).
    auto log = m_store.scans().logEntry(scanId);
    if (!log || log->userId != who.user.id)
        return notFound(scanId);
    r.status = ScanResult::Status::Ok;
    r.scan = QJsonObject{{QStringLiteral("id"), log->id},
                         {QStringLiteral("to"), who.user.email},
                         {QStringLiteral("fileName"), QString()},
                         {QStringLiteral("mode"), log->mode},
                         {QStringLiteral("resolution"), log->resolution},
                         {QStringLiteral("pages"), log->pages},
                         {QStringLiteral("bytes"), log->bytes},
                         {QStringLiteral("maxBytes"), m_settings.maxBytes},
                         {QStringLiteral("state"), log->state},
                         {QStringLiteral("attempts"), log->attempts},
                         {QStringLiteral("created"), isoTime(log->created)},
                         {QStringLiteral("finished"), isoTime(log->finished)}};
    if (!log->lastError.isEmpty())
        r.scan.insert(QStringLiteral("error"), log->lastError);
    return r;
}

// --- delivery ---------------------------------------------------------------------------------------

void ScanService::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        return;
    m_running = true;
    m_thread = std::thread([this] { loop(); });
}

void ScanService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
        m_running = false;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ScanService::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_all();
}

void ScanService::loop()
{
    std::unique_lock lock(m_mutex);
    while (m_running) {
        m_woken = false;
        lock.unlock();
        runOnce();
        // Sleep until the next attempt is due, but look for ended sessions every orphanCheckSecs.
        const qint64 now = m_clock.nowSecs();
        const qint64 next = m_mailer ? m_store.scans().nextDue() : 0;
        qint64 wait = std::max(1, m_settings.orphanCheckSecs);
        if (next > 0)
            wait = std::clamp<qint64>(next - now, 1, wait); // at least a second: a scan that fails to change state is not hammered
        lock.lock();
        if (wait > 0)
            m_cv.wait_for(lock, std::chrono::seconds(wait), [this] { return !m_running || m_woken; });
    }
}

void ScanService::runOnce()
{
    const qint64 now = m_clock.nowSecs();
    for (const qint64 id : m_store.scans().orphaned(now)) {
        QList<QString> files;
        if (m_store.scans().discardOpen(id, &files)) {
            removeFiles(files);
            qCInfo(lcScan) << "scan" << id << "destroyed unsent: its kiosk session ended";
        }
    }
    if (!m_mailer)
        return; // scans being delivered wait until mail is configured again
    for (const qint64 id : m_store.scans().due(now)) {
        {
            std::lock_guard lock(m_mutex);
            if (!m_running && m_thread.joinable())
                return;
        }
        deliver(id);
    }
}

bool ScanService::makePdf(const ScanRecord& scan, const SecretKey& key, QString* error)
{
    const QList<ScanPageRecord> records = m_store.scans().pages(scan.id);
    if (records.isEmpty()) {
        *error = QStringLiteral("the scan has no pages");
        return false;
    }
    QList<ScanPdfPage> pages;
    for (const ScanPageRecord& rec : records) {
        ScanPdfPage p;
        p.encoding =
            rec.encoding == QLatin1String("g4") ? ScanPdfPage::Encoding::G4 : ScanPdfPage::Encoding::Jpeg;
        p.width = rec.width;
        p.height = rec.height;
        p.components = rec.components;
        p.dpi = scan.resolution;
        p.bytes = rec.bytes;
        const QString name = rec.spoolName;
        p.data = [this, name, &key](const std::function<void(const char*, size_t)>& write) {
            PageFile f;
            f.fd = m_spool.openForRead(name);
            if (f.fd < 0 || !f.reader.open(f.fd, key))
                return false;
            char buf[64 * 1024];
            const WipeOnExit wipeBuf(buf, sizeof buf);
            for (;;) {
                const qint64 n = f.reader.read(buf, sizeof buf);
                if (n < 0)
                    return false;
                if (n == 0)
                    return true;
                write(buf, static_cast<size_t>(n));
            }
        };
        pages.append(p);
    }
    // The PDF goes into the spool encrypted under the scan's key as qpdf writes it.
    Spool::Temp temp;
    if (!m_spool.createTemp(&temp, error))
        return false;
    SpoolWriter writer;
    if (!writer.open(temp.fd, key)) {
        *error = writer.errorString();
        m_spool.discard(&temp);
        return false;
    }
    const bool written = ScanPdfWriter::write(
        pages, [&writer](const char* d, qint64 n) { return writer.write(d, n); }, error);
    if (!written || !writer.finish()) {
        if (written)
            *error = writer.errorString();
        m_spool.discard(&temp);
        return false;
    }
    const QString name = temp.name;
    if (!m_spool.commit(&temp, error))
        return false;
    if (!m_store.scans().setPdf(scan.id, name, writer.plaintextSize())) {
        m_spool.remove(name);
        *error = QStringLiteral("the scan changed while its PDF was made");
        return false;
    }
    return true;
}

void ScanService::deliver(qint64 scanId)
{
    auto s = m_store.scans().scan(scanId);
    if (!s || (s->state != QLatin1String("sending") && s->state != QLatin1String("retrying")))
        return;
    SecretKey key;
    if (!unwrapKey(*s, &key))
        return end(*s, QStringLiteral("failed"), QStringLiteral("The scan's key could not be opened."),
                   s->attempts);
    if (s->pdfSpoolName.isEmpty()) {
        QString error;
        if (!makePdf(*s, key, &error)) {
            qCWarning(lcScan).noquote() << "scan" << scanId << "PDF not made:" << error;
            return end(*s, QStringLiteral("failed"),
                       QStringLiteral("The PDF could not be made: %1").arg(error), s->attempts);
        }
        s = m_store.scans().scan(scanId);
        if (!s)
            return;
    }
    auto user = m_store.userById(s->userId);
    if (!user || !usableAddress(user->email))
        return end(*s, QStringLiteral("failed"), QStringLiteral("The account has no e-mail address."),
                   s->attempts);

    auto printer = m_store.printerById(s->printerId);
    const QString place = printer ? printer->name : QStringLiteral("MPS");
    MailMessage m;
    m.to = QStringList{user->email};
    m.subject = QStringLiteral("스캔: %1 / Scan: %1").arg(s->fileName);
    m.text = QStringLiteral("%1에서 스캔하신 문서(%2쪽)를 PDF 파일로 첨부해 드립니다.\n"
                            "이 메일은 스캔한 본인에게만 보내집니다.\n\n"
                            "The document you scanned at %1 (%2 page(s)) is attached as a PDF.\n"
                            "This mail goes only to the person who scanned.\n")
                 .arg(place)
                 .arg(s->pages);
    auto file = std::make_shared<PageFile>();
    file->fd = m_spool.openForRead(s->pdfSpoolName);
    if (file->fd < 0 || !file->reader.open(file->fd, key))
        return end(*s, QStringLiteral("failed"), QStringLiteral("The PDF could not be read from the spool."),
                   s->attempts);
    MailAttachment a;
    a.fileName = s->fileName + QStringLiteral(".pdf");
    a.mimeType = "application/pdf";
    a.size = s->pdfSize;
    a.read = [file](char* buf, qint64 max) { return file->reader.read(buf, max); };
    m.attachments.append(a);

    const int attempts = s->attempts + 1;
    const SmtpMailer::Result result = m_mailer->send(m);
    file.reset();
    m.attachments.clear();
    if (result.ok) {
        qCInfo(lcScan).noquote() << "scan" << scanId << "of" << user->name << "delivered:" << s->pages
                                 << "pages," << s->pdfSize << "bytes, attempt" << attempts;
        return end(*s, QStringLiteral("sent"), QString(), attempts);
    }
    const qint64 now = m_clock.nowSecs();
    const qint64 delay =
        m_settings.retrySecs.at(std::min<qsizetype>(attempts - 1, m_settings.retrySecs.size() - 1));
    const qint64 deadline = s->sentAt + static_cast<qint64>(m_settings.retryHours) * 3600;
    if (!result.retryable || now + delay > deadline) {
        qCWarning(lcScan).noquote() << "scan" << scanId << "of" << user->name
                                    << "not delivered, giving up after" << attempts
                                    << "attempt(s):" << result.error;
        return end(*s, QStringLiteral("failed"), result.error, attempts);
    }
    qCInfo(lcScan).noquote() << "scan" << scanId << "of" << user->name << "not delivered (attempt" << attempts
                             << "), trying again in" << delay << "s:" << result.error;
    if (m_store.scans().markRetrying(scanId, attempts, now + delay, result.error)) {
        ScanRecord r = *s;
        r.attempts = attempts;
        publish(r, s->pdfSize, QStringLiteral("retrying"), result.error);
    }
}

void ScanService::end(const ScanRecord& s, const QString& state, const QString& error, int attempts)
{
    QString kioskName;
    for (const KioskRecord& k : m_store.kiosks())
        if (k.id == s.kioskId)
            kioskName = k.name;
    auto printer = m_store.printerById(s.printerId);
    ScanLogRecord log;
    log.id = s.id;
    log.userId = s.userId;
    log.kiosk = kioskName;
    log.printer = printer ? printer->name : QString();
    log.pages = s.pages;
    log.bytes = s.pdfSize;
    log.mode = s.mode;
    log.resolution = s.resolution;
    log.created = s.created;
    log.finished = m_clock.nowSecs();
    log.state = state;
    log.attempts = attempts;
    log.lastError = error;
    QList<QString> files;
    if (!m_store.scans().finish(log, &files)) {
        qCWarning(lcScan) << "scan" << s.id << "could not be ended as" << state;
        return;
    }
    // The pages, the PDF and the key are gone; only the log row stays.
    removeFiles(files);
    ScanRecord ended = s;
    ended.attempts = attempts;
    publish(ended, s.pdfSize, state, error);
}

void ScanService::publish(const ScanRecord& s, qint64 bytes, const QString& state, const QString& error)
{
    QJsonObject scan{{QStringLiteral("id"), s.id},       {QStringLiteral("fileName"), s.fileName},
                     {QStringLiteral("pages"), s.pages}, {QStringLiteral("bytes"), bytes},
                     {QStringLiteral("state"), state},   {QStringLiteral("attempts"), s.attempts},
                     {QStringLiteral("error"), error}};
    m_events.publishToUserOnly(s.userId, {{QStringLiteral("type"), QStringLiteral("scan-delivery")},
                                          {QStringLiteral("scan"), scan}});
}
