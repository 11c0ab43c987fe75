// The tray's Devices window against the real mps-server (TLS, its own data directory, [devices]
// poll-seconds = 2) with a real simulated MFP (ippeveprinter, on a private D-Bus) and a printer where
// nothing answers: the window fills from GET /api/v1/devices, the printer that does not answer comes
// first with "Not answering", the MFP answers with the supply levels set on it (toner and waste tank),
// a level changed on it at run time arrives live through device-changed, the order list
// answers, the CSV export saves the server's CSV, and a user who is not an admin is refused in words.
#include "ApiClient.h"
#include "ApiReply.h"
#include "DeviceListModel.h"
#include "DevicesWindow.h"
#include "EventStream.h"
#include "OrderListModel.h"
#include "ServerProcess.h"
#include "Translations.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {
const QString Admin = QStringLiteral("choi");
const QString User = QStringLiteral("kim");
const QString Password = QStringLiteral("Correct-Horse-7");
const QString Mfp = QStringLiteral("3F-East");
const QString Gone = QStringLiteral("Annex-1F");

QJsonObject deviceNamed(const DeviceListModel* model, const QString& name)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->deviceAt(row).value(QLatin1String("name")).toString() == name)
            return model->deviceAt(row);
    return {};
}

// The level of the supply the printer names `description` (-1 when it is not listed).
int levelOf(const QJsonObject& device, const QString& description)
{
    for (const QJsonValue& v : device.value(QLatin1String("supplies")).toArray())
        if (v.toObject().value(QLatin1String("description")).toString() == description)
            return v.toObject().value(QLatin1String("level")).toInt(-1);
    return -1;
}

// A monochrome ippeveprinter has two supplies: supply0 "Toner Waste Tank" and supply1 "Black Toner".
// Its /supplies page rebuilds printer-supply from the query alone (CUPS 2.4.2): a supply left out of
// the query disappears from the printer's answer (only the waste tank was shown after "supply0=70").
// Every change here therefore gives both.
const QString Toner = QStringLiteral("Black Toner");
const QString Waste = QStringLiteral("Toner Waste Tank");
} // namespace

class TestDevicesClientIntegration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_dbus;
    QProcess m_mfp;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_mfpPort = 0;

    bool admin(const QStringList& args, const QByteArray& input = {})
    {
        QString output;
        if (m_server->admin(args, input, &output) != 0) {
            qWarning() << "mps-admin" << args << "failed:" << output;
            return false;
        }
        return true;
    }

    // Sets the MFP's supply levels at run time through its web page (as a person refilling it would).
    bool setSupplies(const QString& query)
    {
        QNetworkAccessManager nam;
        QNetworkReply* reply = nam.get(QNetworkRequest(
            QUrl(QStringLiteral("http://localhost:%1/supplies?%2").arg(m_mfpPort).arg(query))));
        const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
        const bool ok = done && reply->error() == QNetworkReply::NoError;
        delete reply;
        return ok;
    }

    ApiClient* signedIn(const QString& user)
    {
        auto* api = new ApiClient(this);
        api->setBaseUrl(m_server->baseUrl());
        if (!api->setPinnedCertificateSha256(m_server->certificateSha256Hex()))
            return nullptr;
        ApiReply* login = api->login(user, Password);
        if (!QTest::qWaitFor([login] { return login->isFinished(); }, 15000) || !login->ok()) {
            qWarning() << "sign-in failed:" << login->errorMessage();
            return nullptr;
        }
        login->deleteLater();
        return api;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(QStringLiteral(MPS_BUILD_DIR));
        // The MFP: ippeveprinter needs a D-Bus even with -r off; a private one.
        const QString bus = m_dir.filePath(QStringLiteral("dbus.sock"));
        m_dbus.start(QStringLiteral("dbus-daemon"),
                     {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                      QStringLiteral("--address=unix:path=") + bus});
        QVERIFY2(m_dbus.waitForStarted(), "dbus-daemon is missing (installer/debian-packages.txt)");
        QVERIFY(QTest::qWaitFor([&bus] { return QFile::exists(bus); }, 10000));
        m_mfpPort = ServerProcess::freePort();
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("mfp/spool"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("mfp/ssl"))));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=") + bus);
        m_mfp.setProcessEnvironment(env);
        m_mfp.setProcessChannelMode(QProcess::MergedChannels);
        m_mfp.start(QStringLiteral("ippeveprinter"),
                    {QStringLiteral("-k"), QStringLiteral("-d"), m_dir.filePath(QStringLiteral("mfp/spool")),
                     QStringLiteral("-K"), m_dir.filePath(QStringLiteral("mfp/ssl")), QStringLiteral("-p"),
                     QString::number(m_mfpPort), QStringLiteral("-n"), QStringLiteral("localhost"),
                     QStringLiteral("-r"), QStringLiteral("off"), QStringLiteral("-f"),
                     QStringLiteral("application/pdf,image/pwg-raster,image/urf,image/jpeg"),
                     QStringLiteral("-M"), QStringLiteral("Acme"), QStringLiteral("-m"),
                     QStringLiteral("MFP 9000"), Mfp});
        QVERIFY2(m_mfp.waitForStarted(), "ippeveprinter is missing (cups-ipp-utils)");
        QVERIFY2(QTest::qWaitFor(
                     [this] {
                         QTcpSocket s;
                         s.connectToHost(QStringLiteral("localhost"), m_mfpPort);
                         return s.waitForConnected(200) || m_mfp.state() != QProcess::Running;
                     },
                     20000) &&
                     m_mfp.state() == QProcess::Running,
                 m_mfp.readAll().constData());
        QVERIFY(setSupplies(QStringLiteral("supply0=30&supply1=70")));

        QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), Admin, QStringLiteral("--role"),
                       QStringLiteral("admin"), QStringLiteral("--department"), QStringLiteral("IT"),
                       QStringLiteral("--password-stdin")},
                      Password.toUtf8() + '\n'));
        QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), User, QStringLiteral("--department"),
                       QStringLiteral("IT"), QStringLiteral("--password-stdin")},
                      Password.toUtf8() + '\n'));
        QVERIFY(admin({QStringLiteral("printer"), QStringLiteral("add"), Mfp, QStringLiteral("--uri"),
                       QStringLiteral("ipp://localhost:%1/ipp/print").arg(m_mfpPort),
                       QStringLiteral("--location"), QStringLiteral("본관 3층 동쪽")}));
        // Nothing listens on port 9 (discard): a printer that does not answer.
        QVERIFY(admin({QStringLiteral("printer"), QStringLiteral("add"), Gone, QStringLiteral("--uri"),
                       QStringLiteral("ipp://127.0.0.1:9/ipp/print"), QStringLiteral("--location"),
                       QStringLiteral("별관 1층")}));

        const QString config = m_dir.filePath(QStringLiteral("mps-server.conf"));
        QFile conf(config);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[devices]\npoll-seconds = 2\n");
        conf.close();
        m_server->setExtraArguments({QStringLiteral("--config"), config});
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            delete w;
        m_server.reset();
        for (QProcess* p : {&m_mfp, &m_dbus}) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(10000);
            }
        }
    }

    void windowFillsAndFollowsTheMonitor()
    {
        ApiClient* api = signedIn(Admin);
        QVERIFY(api);
        EventStream events(api);
        events.start();
        QTRY_VERIFY_WITH_TIMEOUT(events.isConnected(), 15000);
        DevicesWindow window(api, &events);
        window.showAndRaise();
        DeviceListModel* model = window.deviceModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 15000);
        // Both polled (the first poll may come after the first fetch: device-changed brings it). The mono
        // MFP shows its toner and its waste tank, each with the level set on it.
        QTRY_VERIFY2_WITH_TIMEOUT(deviceNamed(model, Mfp).value(QLatin1String("reachable")).toBool() &&
                                      levelOf(deviceNamed(model, Mfp), Toner) == 70,
                                  QJsonDocument(deviceNamed(model, Mfp)).toJson().constData(), 30000);
        QCOMPARE(levelOf(deviceNamed(model, Mfp), Waste), 30);
        QCOMPARE(deviceNamed(model, Mfp).value(QLatin1String("supplies")).toArray().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!deviceNamed(model, Gone).value(QLatin1String("unreachableSince")).isNull(),
                                 30000);
        // The printer that does not answer needs attention first.
        QCOMPARE(window.deviceProxy()
                     ->index(0, 0)
                     .data(DeviceListModel::DeviceRole)
                     .toJsonObject()
                     .value(QLatin1String("name")),
                 QJsonValue(Gone));
        QVERIFY(window.deviceProxy()
                    ->index(0, DeviceListModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Not answering")));
        QCOMPARE(window.deviceProxy()->index(1, DeviceListModel::StateColumn).data().toString(),
                 QStringLiteral("Ready"));

        // A level changed on the MFP at run time reaches the open window through device-changed, with
        // no fetch of the list (a fetch resets the model).
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QVERIFY(setSupplies(QStringLiteral("supply0=30&supply1=12")));
        QTRY_VERIFY2_WITH_TIMEOUT(levelOf(deviceNamed(model, Mfp), Toner) == 12,
                                  QJsonDocument(deviceNamed(model, Mfp)).toJson().constData(), 30000);
        QCOMPARE(levelOf(deviceNamed(model, Mfp), Waste), 30);
        QCOMPARE(resets.size(), 0);
        // The order list answers for the days asked (what it holds depends on the fleet's levels).
        QSignalSpy loaded(&window, &DevicesWindow::orderListLoaded);
        window.tabs()->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 15000);
        QCOMPARE(window.orderModel()->days(), 14);
        QVERIFY(window.orderModel()->lowPercent() > 0);

        // Export CSV saves the server's CSV as it came.
        const QString path = m_dir.filePath(QStringLiteral("order.csv"));
        QSignalSpy exported(&window, &DevicesWindow::exportFinished);
        window.exportCsvTo(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 15000);
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY2(bytes.contains("description,type,color,need_now,need_soon,printers"),
                 bytes.left(200).constData());
        events.stop();
        delete api;
    }

    void notAnAdminIsRefusedInWords()
    {
        ApiClient* api = signedIn(User);
        QVERIFY(api);
        DevicesWindow window(api, nullptr);
        window.showAndRaise();
        QTRY_VERIFY_WITH_TIMEOUT(!window.deviceModel()->errorString().isEmpty(), 15000);
        QVERIFY2(window.deviceModel()->errorString().contains(QStringLiteral("print admin")),
                 qPrintable(window.deviceModel()->errorString()));
        QCOMPARE(window.deviceModel()->rowCount(), 0);
        delete api;
    }
};

QTEST_MAIN(TestDevicesClientIntegration)
#include "TestDevicesClientIntegration.moc"
