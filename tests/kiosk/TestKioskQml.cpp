// QtQuickTest for the kiosk's screens (tests/kiosk/qml/tst_*.qml). The Kiosk singleton is the real
// KioskController without a server; `fixture` puts it into the states the screens show.
#include "ApiClient.h"
#include "FingerprintController.h"
#include "FingerprintReader.h"
#include "JobModel.h"
#include "JobsController.h"
#include "KioskController.h"
#include "KioskTranslations.h"
#include "PrinterStatusController.h"
#include "SaneScanner.h"
#include "ScanController.h"
#include "ScanPageEncoder.h"
#include "ScanPageModel.h"
#include "ThumbnailCache.h"

#include <QJsonArray>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Mps_KioskPlugin)

namespace {
QJsonObject printer(bool canPrint)
{
    return {{QStringLiteral("id"), 1},
            {QStringLiteral("name"), QStringLiteral("3F-East")},
            {QStringLiteral("location"), QStringLiteral("3F East wing")},
            {QStringLiteral("reachable"), true},
            {QStringLiteral("state"), QStringLiteral("idle")},
            {QStringLiteral("canPrint"), canPrint},
            {QStringLiteral("faults"), canPrint ? QJsonArray{} : QJsonArray{QStringLiteral("media-jam")}}};
}
} // namespace

/// Puts the Kiosk into fixture states for the screen tests.
class Fixture : public QObject
{
    Q_OBJECT
public:
    explicit Fixture(KioskController* kiosk) : m_kiosk(kiosk) {}

    /// Signs "kim" in (offline) with three jobs, one of them printing.
    Q_INVOKABLE void signIn(bool printerWorks = true)
    {
        m_kiosk->openSession({{QStringLiteral("user"),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("kim")},
                                           {QStringLiteral("email"), QStringLiteral("kim@city.go.kr")}}},
                              {QStringLiteral("printer"), printer(printerWorks)}});
        QList<JobInfo> jobs;
        for (int i = 1; i <= 3; ++i) {
            JobInfo j;
            j.id = i;
            j.name = QStringLiteral("report-%1.pdf").arg(i);
            j.pages = i * 4;
            j.color = i == 2;
            j.state = i == 3 ? JobState::Printing : JobState::Held;
            j.submitted = QDateTime::currentDateTimeUtc();
            jobs << j;
        }
        m_kiosk->jobsController()->jobs()->setJobs(jobs);
    }
    /// The fingerprint screens: the server asked "kim" to confirm with a finger.
    Q_INVOKABLE void askForFingerprint()
    {
        m_kiosk->fingerprintController()->beginVerification(
            {{QStringLiteral("verify"), QStringLiteral("fingerprint")},
             {QStringLiteral("challenge"), QStringLiteral("fixture-challenge")},
             {QStringLiteral("user"), QJsonObject{{QStringLiteral("name"), QStringLiteral("kim")}}},
             {QStringLiteral("candidates"),
              QJsonArray{QJsonObject{{QStringLiteral("user"), QStringLiteral("kim")},
                                     {QStringLiteral("template"), QStringLiteral("AAAA")}}}}});
    }
    /// `count` pages as the scanner would bring them (a grid drawn on a grey A4 at 150 dpi).
    Q_INVOKABLE void addScannedPages(int count)
    {
        for (int i = 0; i < count; ++i) {
            QImage image(1240, 1754, QImage::Format_Grayscale8);
            image.fill(Qt::white);
            for (int y = 100 + 40 * i; y < image.height() - 100; y += 60)
                for (int x = 120; x < image.width() - 120; ++x)
                    image.setPixel(x, y, qRgb(30, 30, 30));
            m_kiosk->scanController()->pages()->append(ScanPageEncoder::encode(image, 150, false));
        }
    }
    /// The printer's state as the kiosk's next poll would bring it.
    Q_INVOKABLE void setPrinterWorks(bool works) { m_kiosk->printerStatus()->applyPrinter(printer(works)); }
    /// Back to the idle screen with a working printer and English texts.
    Q_INVOKABLE void reset()
    {
        m_kiosk->signOut();
        m_kiosk->cancel();
        m_kiosk->setLanguage(QStringLiteral("en"));
        m_kiosk->printerStatus()->applyPrinter(printer(true));
    }

private:
    KioskController* m_kiosk;
};

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        m_client = new ApiClient(this);
        m_translations = new KioskTranslations(this);
        m_translations->setLanguage(QStringLiteral("en"));
        m_kiosk = new KioskController(m_client, m_translations, this);
        auto* thumbnails = new ThumbnailCache; // the engine below owns the cache
        // A real libfprint sensor: the virtual one (FP_VIRTUAL_DEVICE_STORAGE, set by ctest).
        m_fingerprint = new FingerprintReader(this);
        m_kiosk->fingerprintController()->setFingerprintReader(m_fingerprint);
        m_fingerprint->start();
        m_kiosk->jobsController()->setThumbnailCache(thumbnails);
        m_kiosk->scanController()->setThumbnailCache(thumbnails);
        engine->addImageProvider(QStringLiteral("thumbnails"), thumbnails);
        // A real scanner: SANE's test backend (SANE_CONFIG_DIR, set by ctest).
        m_scanner = new SaneScanner(QStringLiteral("test"), this);
        m_kiosk->scanController()->setScanner(m_scanner);
        KioskController::setInstance(m_kiosk);
        m_kiosk->printerStatus()->applyPrinter(printer(true));
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("fixture"), new Fixture(m_kiosk));
        connect(m_kiosk, &KioskController::languageChanged, engine, &QQmlEngine::retranslate);
    }

private:
    ApiClient* m_client = nullptr;
    KioskTranslations* m_translations = nullptr;
    KioskController* m_kiosk = nullptr;
    FingerprintReader* m_fingerprint = nullptr;
    SaneScanner* m_scanner = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk, Setup)
#include "TestKioskQml.moc"
