#include "ScanController.h"

#include "ApiClient.h"
#include "KioskController.h"
#include "KioskLog.h"
#include "KioskText.h"
#include "ScanPageModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QQmlEngine>
#include <QRegularExpression>

ScanController::ScanController(KioskController* session)
    : QObject(session), m_session(session), m_pages(new ScanPageModel(nullptr, this))
{
    connect(m_pages, &ScanPageModel::countChanged, this, &ScanController::stateChanged);
    connect(session, &KioskController::sessionOpened, this, [this](const QJsonObject& answer) {
        reset();
        m_userAddress =
            answer.value(QLatin1String("user")).toObject().value(QLatin1String("email")).toString();
        m_address = m_userAddress;
        Q_EMIT addressChanged();
    });
    // The server destroys an unsent scan when the session ends; the kiosk forgets its pages.
    connect(session, &KioskController::sessionClosed, this, [this] {
        if (m_scanner)
            m_scanner->cancel();
        reset();
        m_userAddress.clear();
        m_address.clear();
        Q_EMIT addressChanged();
    });
    connect(session, &KioskController::languageChanged, this, [this] {
        Q_EMIT sourcesChanged();
        Q_EMIT addressChanged();
        Q_EMIT stateChanged();
    });
}

ScanController::~ScanController() = default;

ScanController* ScanController::create(QQmlEngine* qml, QJSEngine* js)
{
    Q_UNUSED(qml)
    Q_UNUSED(js)
    KioskController* session = KioskController::instance();
    Q_ASSERT(session);
    QJSEngine::setObjectOwnership(session->scanController(), QJSEngine::CppOwnership);
    return session->scanController();
}

void ScanController::setScanner(SaneScanner* scanner)
{
    if (m_scanner)
        m_scanner->disconnect(this);
    m_scanner = scanner;
    if (scanner) {
        connect(scanner, &SaneScanner::opened, this, &ScanController::sourcesChanged);
        connect(scanner, &SaneScanner::pageScanned, this, &ScanController::onPage);
        connect(scanner, &SaneScanner::finished, this, &ScanController::onScanFinished);
    }
    Q_EMIT availableChanged();
    Q_EMIT sourcesChanged();
}

void ScanController::setThumbnailCache(ThumbnailCache* cache)
{
    // The model is recreated only here, before QML binds to it.
    delete m_pages;
    m_pages = new ScanPageModel(cache, this);
    connect(m_pages, &ScanPageModel::countChanged, this, &ScanController::stateChanged);
    m_thumbnails = cache;
}

// -- options

QVariantList ScanController::sources() const
{
    QVariantList list;
    if (!m_scanner)
        return list;
    for (SaneScanner::Source s : m_scanner->sources()) {
        switch (s) {
        case SaneScanner::Source::Flatbed:
            list << QVariantMap{
                {QStringLiteral("value"), QStringLiteral("flatbed")},
                {QStringLiteral("text"), QCoreApplication::translate("ScanController", "Glass")}};
            break;
        case SaneScanner::Source::Feeder:
            list << QVariantMap{
                {QStringLiteral("value"), QStringLiteral("feeder")},
                {QStringLiteral("text"), QCoreApplication::translate("ScanController", "Feeder")}};
            break;
        case SaneScanner::Source::FeederDuplex:
            list << QVariantMap{{QStringLiteral("value"), QStringLiteral("duplex")},
                                {QStringLiteral("text"),
                                 QCoreApplication::translate("ScanController", "Feeder, both sides")}};
            break;
        }
    }
    return list;
}

SaneScanner::Source ScanController::sourceEnum() const
{
    if (m_source == QLatin1String("feeder"))
        return SaneScanner::Source::Feeder;
    if (m_source == QLatin1String("duplex"))
        return SaneScanner::Source::FeederDuplex;
    return SaneScanner::Source::Flatbed;
}

void ScanController::setSource(const QString& source)
{
    if (source == m_source || (source != QLatin1String("flatbed") && source != QLatin1String("feeder") &&
                               source != QLatin1String("duplex")))
        return;
    m_source = source;
    Q_EMIT optionsChanged();
    Q_EMIT stateChanged();
}

void ScanController::setMode(const QString& mode)
{
    if (mode == m_mode || settingsLocked() ||
        (mode != QLatin1String("color") && mode != QLatin1String("gray") && mode != QLatin1String("lineart")))
        return;
    m_mode = mode;
    Q_EMIT optionsChanged();
}

void ScanController::setResolution(int resolution)
{
    if (resolution == m_resolution || settingsLocked() || (resolution != 150 && resolution != 300))
        return;
    m_resolution = resolution;
    Q_EMIT optionsChanged();
}

void ScanController::setFileName(const QString& fileName)
{
    // The name goes into the mail as "<name>.pdf": letters, digits and a few marks only.
    QString name = fileName;
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    name.remove(unsafe);
    name = name.left(80);
    if (name == m_fileName)
        return;
    m_fileName = name;
    Q_EMIT optionsChanged();
    Q_EMIT stateChanged();
}

bool ScanController::settingsLocked() const
{
    return m_pages->rowCount() > 0 || m_scanId != 0;
}

QString ScanController::addressText() const
{
    if (m_address.isEmpty())
        return {};
    return QCoreApplication::translate("ScanController", "Sent to %1").arg(m_address);
}

bool ScanController::canScan() const
{
    return m_scanner && !m_scanning && !m_sending && !m_createReply && m_pages->rowCount() < m_maxPages;
}

bool ScanController::canSend() const
{
    return m_pages->rowCount() > 0 && !m_scanning && !m_sending && !m_fileName.trimmed().isEmpty();
}

QString ScanController::pagesText() const
{
    const int n = m_pages->rowCount();
    if (n == 0)
        return {};
    return QCoreApplication::translate("ScanController", "%n page(s)", nullptr, n);
}

QString ScanController::scanButtonText() const
{
    if (m_pages->rowCount() > 0 && sourceEnum() == SaneScanner::Source::Flatbed)
        return QCoreApplication::translate("ScanController", "Scan another page");
    return QCoreApplication::translate("ScanController", "Scan");
}

QString ScanController::defaultFileName() const
{
    return QStringLiteral("scan-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
}

// -- the screen

void ScanController::reset()
{
    if (m_createReply)
        m_createReply->abort();
    m_pages->clear();
    m_queue.clear();
    m_confirmed.clear();
    m_inFlightKey = 0;
    m_scanId = 0;
    m_inFlight = false;
    m_uploadFailed = false;
    m_sendWhenUploaded = false;
    m_sending = false;
    m_fileName = defaultFileName();
    m_address = m_userAddress;
    Q_EMIT optionsChanged();
    Q_EMIT addressChanged();
    Q_EMIT stateChanged();
}

void ScanController::openScreen()
{
    if (!m_scanner || !m_session->inSession())
        return;
    reset();
    m_session->clearMessage();
    m_session->setScreen(KioskController::ScanScreen);
    // The device's sources are known once it is open; the screen offers the glass until then.
    if (!m_scanner->isScanning())
        m_scanner->open();
}

void ScanController::closeScreen()
{
    if (m_scanner && m_scanning)
        m_scanner->cancel();
    if (m_scanId != 0 && m_session->client()) {
        qCInfo(lcKioskScan) << "scan" << m_scanId << "not sent: deleting it";
        ApiReply* reply = m_session->client()->deleteScan(m_scanId);
        connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    }
    reset();
    m_session->clearMessage();
    if (m_session->inSession())
        m_session->setScreen(KioskController::JobsScreen);
}

void ScanController::scan()
{
    if (!canScan() || !m_session->inSession())
        return;
    m_session->clearMessage();
    if (m_scanId != 0) {
        startScanner();
        return;
    }
    // The server's scan first: it says where the PDF goes, or why it cannot be sent at all.
    ApiReply* reply = m_session->client()->createScan(m_fileName, m_mode, m_resolution);
    m_createReply = reply;
    Q_EMIT stateChanged();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_createReply = nullptr;
        if (!m_session->inSession() || m_session->screen() != KioskController::ScanScreen) {
            Q_EMIT stateChanged();
            return;
        }
        if (!reply->ok()) {
            qCInfo(lcKioskScan).noquote() << "scan refused:" << reply->errorCode();
            m_session->setMessage(KioskText::forReply(reply), true, reply->errorCode());
            Q_EMIT stateChanged();
            return;
        }
        const QJsonObject scan = reply->json().value(QLatin1String("scan")).toObject();
        m_scanId = scan.value(QLatin1String("id")).toInteger();
        const QString to = scan.value(QLatin1String("to")).toString();
        if (!to.isEmpty() && to != m_address) {
            m_address = to;
            Q_EMIT addressChanged();
        }
        qCInfo(lcKioskScan) << "scan" << m_scanId << "opened";
        startScanner();
    });
}

void ScanController::startScanner()
{
    SaneScanner::Request request;
    request.source = sourceEnum();
    request.mode = m_mode == QLatin1String("color")  ? SaneScanner::Mode::Color
                   : m_mode == QLatin1String("gray") ? SaneScanner::Mode::Gray
                                                     : SaneScanner::Mode::Lineart;
    request.resolution = m_resolution;
    request.maxPages = m_maxPages - m_pages->rowCount();
    request.deviceOptions = m_deviceOptions;
    m_scanning = true;
    Q_EMIT stateChanged();
    m_scanner->scan(request);
}

void ScanController::cancelScan()
{
    if (m_scanner && m_scanning)
        m_scanner->cancel();
}

void ScanController::onPage(const ScannedPage& page, int number)
{
    Q_UNUSED(number)
    if (!m_session->inSession() || m_session->screen() != KioskController::ScanScreen)
        return;
    if (page.data.isEmpty()) {
        qCWarning(lcKioskScan) << "a scanned page could not be encoded";
        return;
    }
    const qint64 key = m_pages->append(page);
    m_session->userActivity();
    enqueuePut(key);
    Q_EMIT stateChanged();
}

void ScanController::onScanFinished(const QString& errorCode)
{
    m_scanning = false;
    if (!errorCode.isEmpty() && m_session->inSession() && m_session->screen() == KioskController::ScanScreen)
        m_session->setMessage(KioskText::forError(errorCode, {}), true, errorCode);
    else if (m_pages->rowCount() >= m_maxPages && m_session->screen() == KioskController::ScanScreen)
        m_session->setMessage(QCoreApplication::translate(
                                  "ScanController", "This scan has the most pages one e-mail takes (%1). "
                                                    "Send it, then scan the rest.")
                                  .arg(m_maxPages),
                              false);
    Q_EMIT stateChanged();
}

void ScanController::deletePage(int row)
{
    if (row < 0 || row >= m_pages->rowCount() || m_sending)
        return;
    const qint64 key = m_pages->keyAt(row);
    m_pages->removeAt(row);
    // Not sent to the server yet: just forget its upload. On the server (or on its way): delete it there.
    bool pending = false;
    for (qsizetype i = 0; i < m_queue.size(); ++i)
        if (m_queue.at(i).put && m_queue.at(i).key == key) {
            m_queue.removeAt(i);
            pending = true;
            break;
        }
    if (!pending && (m_confirmed.contains(key) || (m_inFlight && m_inFlightKey == key))) {
        m_queue.append({false, key});
        runQueue();
    }
    Q_EMIT stateChanged();
}

// -- uploads, one request at a time, in page order: the server's pages are the kiosk's in the same order

void ScanController::enqueuePut(qint64 key)
{
    m_queue.append({true, key});
    runQueue();
}

void ScanController::runQueue()
{
    if (m_inFlight || m_queue.isEmpty() || m_scanId == 0 || m_uploadFailed) {
        if (!m_inFlight && m_queue.isEmpty() && m_sendWhenUploaded && !m_uploadFailed)
            sendNow();
        return;
    }
    const Operation op = m_queue.takeFirst();
    ApiClient* client = m_session->client();
    ApiReply* reply = nullptr;
    int number = 0;
    if (op.put) {
        const int row = m_pages->rowOf(op.key);
        if (row < 0) {
            runQueue();
            return;
        }
        const ScannedPage& page = m_pages->pageAt(row);
        number = static_cast<int>(m_confirmed.size()) + 1;
        reply = client->putScanPage(m_scanId, number, page.data, page.mimeType);
    } else {
        number = static_cast<int>(m_confirmed.indexOf(op.key)) + 1;
        if (number == 0) {
            runQueue();
            return;
        }
        reply = client->deleteScanPage(m_scanId, number);
    }
    m_inFlight = true;
    m_inFlightKey = op.key;
    const qint64 scanId = m_scanId;
    connect(reply, &ApiReply::finished, this, [this, reply, op, number, scanId] {
        reply->deleteLater();
        if (scanId != m_scanId) // the scan was closed meanwhile
            return;
        m_inFlight = false;
        m_inFlightKey = 0;
        if (!reply->ok()) {
            qCInfo(lcKioskScan).noquote()
                << "scan page" << number << (op.put ? "upload" : "delete") << "failed:" << reply->errorCode();
            m_uploadFailed = true;
            m_sendWhenUploaded = false;
            m_sending = false;
            if (op.put && reply->errorCode() == QLatin1String("scan-too-large")) {
                // That page does not fit in the mail: it goes; the pages before it can be sent.
                const int row = m_pages->rowOf(op.key);
                if (row >= 0)
                    m_pages->removeAt(row);
            }
            m_session->setMessage(KioskText::forReply(reply), true, reply->errorCode());
            rebuildQueue();
            Q_EMIT stateChanged();
            return;
        }
        if (op.put) {
            m_confirmed.append(op.key);
            m_pages->setUploaded(op.key, true);
        } else {
            m_confirmed.removeAll(op.key);
        }
        runQueue();
    });
}

void ScanController::rebuildQueue()
{
    // What the server has is what it confirmed: pages deleted meanwhile go there too, every other
    // page is uploaded again in order.
    m_queue.clear();
    for (qint64 key : std::as_const(m_confirmed))
        if (m_pages->rowOf(key) < 0)
            m_queue.append({false, key});
    for (int row = 0; row < m_pages->rowCount(); ++row) {
        const qint64 key = m_pages->keyAt(row);
        if (!m_confirmed.contains(key)) {
            m_pages->setUploaded(key, false);
            m_queue.append({true, key});
        }
    }
}

void ScanController::send()
{
    if (!canSend() || m_scanId == 0)
        return;
    m_session->clearMessage();
    m_sending = true;
    m_sendWhenUploaded = true;
    // A failed upload is tried again now; the send follows the last page.
    m_uploadFailed = false;
    Q_EMIT stateChanged();
    runQueue();
}

void ScanController::sendNow()
{
    m_sendWhenUploaded = false;
    const qint64 id = m_scanId;
    const int pages = m_pages->rowCount();
    ApiReply* reply = m_session->client()->sendScan(id);
    connect(reply, &ApiReply::finished, this, [this, reply, id, pages] {
        reply->deleteLater();
        if (id != m_scanId)
            return;
        m_sending = false;
        if (!reply->ok()) {
            m_session->setMessage(KioskText::forReply(reply), true, reply->errorCode());
            Q_EMIT stateChanged();
            return;
        }
        qCInfo(lcKioskScan) << "scan" << id << "sent with" << pages << "page(s)";
        const QString to = m_address;
        // The scan is the server's now: the next one starts afresh.
        m_scanId = 0;
        reset();
        m_session->setScreen(KioskController::JobsScreen);
        m_session->setMessage(QCoreApplication::translate("ScanController",
                                                          "Your scan (%n page(s)) is on its way to %1.",
                                                          nullptr, pages)
                                  .arg(to),
                              false);
        Q_EMIT sent(id);
    });
}
