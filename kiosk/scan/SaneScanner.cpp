#include "SaneScanner.h"

#include "KioskLog.h"
#include "SaneDevice.h"
#include "ScanPageEncoder.h"

#include <memory>

namespace {
/// The scanner thread's object: owns the SaneDevice, so that every libsane call happens there.
class SaneThreadObject : public QObject
{
public:
    SaneThreadObject(const QString& name, const std::atomic<bool>* cancel) : m_device(name, cancel) {}
    SaneDevice m_device;
};
} // namespace

SaneScanner::SaneScanner(const QString& deviceName, QObject* parent)
    : QObject(parent), m_deviceName(deviceName), m_worker(new SaneThreadObject(deviceName, &m_cancel))
{
    qRegisterMetaType<ScannedPage>();
    m_thread.setObjectName(QStringLiteral("sane"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

SaneScanner::~SaneScanner()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void SaneScanner::open()
{
    auto* worker = static_cast<SaneThreadObject*>(m_worker);
    QMetaObject::invokeMethod(worker, [this, worker] {
        if (!worker->m_device.open()) {
            const QString code = worker->m_device.errorCode();
            QMetaObject::invokeMethod(
                this, [this, code] { Q_EMIT finished(code); }, Qt::QueuedConnection);
            return;
        }
        const QList<Source> sources = worker->m_device.sources();
        QMetaObject::invokeMethod(
            this, [this, sources] { onOpened(sources); }, Qt::QueuedConnection);
    });
}

void SaneScanner::onOpened(const QList<Source>& sources)
{
    m_sources = sources;
    Q_EMIT opened();
}

void SaneScanner::scan(const Request& request)
{
    if (m_scanning)
        return;
    m_scanning = true;
    m_cancel = false;
    auto* worker = static_cast<SaneThreadObject*>(m_worker);
    QMetaObject::invokeMethod(worker, [this, worker, request] {
        const bool lineart = request.mode == Mode::Lineart;
        int number = 0;
        // Each page is encoded here, off the GUI thread, and handed over as soon as it is read.
        const bool ok =
            worker->m_device.scan(request, [this, lineart, &number](const QImage& image, int dpi) {
                const ScannedPage page = ScanPageEncoder::encode(image, dpi, lineart);
                const int n = ++number;
                QMetaObject::invokeMethod(
                    this, [this, page, n] { Q_EMIT pageScanned(page, n); }, Qt::QueuedConnection);
            });
        const QString code = ok ? QString() : worker->m_device.errorCode();
        const QList<Source> sources =
            worker->m_device.isOpen() ? worker->m_device.sources() : QList<Source>{};
        QMetaObject::invokeMethod(
            this,
            [this, code, sources] {
                if (!sources.isEmpty())
                    m_sources = sources;
                onFinished(code);
            },
            Qt::QueuedConnection);
    });
}

void SaneScanner::cancel()
{
    if (m_scanning)
        m_cancel = true;
}

void SaneScanner::onFinished(const QString& errorCode)
{
    m_scanning = false;
    if (!errorCode.isEmpty())
        qCInfo(lcKioskScan).noquote() << "scan ended:" << errorCode;
    Q_EMIT finished(errorCode);
}
