// The tray's Devices window (client/devices, docs/devices.md) against a FakeApiServer standing in for
// the server's device calls, with a fleet of demo printers: sorted by what needs attention, filtered
// by location, supply bars drawn in each supply's colour and to its level, state and faults in words,
// forecast and counter gap, the order list with its days and location, CSV export, live updates
// from device-changed events, the menu entry for print admins only, and the admins' device-alert and
// everyone's scan-delivery notifications. With MPS_CLIENT_GRAB_DIR set, `screenshots` saves both tabs
// in Korean and English.
#include "ApiClient.h"
#include "ClientSettings.h"
#include "DeviceListModel.h"
#include "DeviceText.h"
#include "DevicesWindow.h"
#include "EventStream.h"
#include "FakeApiServer.h"
#include "FaxText.h"
#include "JobListModel.h"
#include "MyJobsWindow.h"
#include "NotificationText.h"
#include "OrderListModel.h"
#include "PrinterListModel.h"
#include "Session.h"
#include "SupplyDelegate.h"
#include "SupplyHistoryView.h"
#include "Translations.h"
#include "TrayController.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QUrlQuery>

namespace {

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject supply(const QString& key, const QString& description, const QString& color, int level,
                   const QJsonValue& daysLeft = QJsonValue::Null, const QJsonValue& perDay = QJsonValue::Null,
                   const QString& type = QStringLiteral("toner"))
{
    return {{QStringLiteral("key"), key},          {QStringLiteral("description"), description},
            {QStringLiteral("type"), type},        {QStringLiteral("color"), color},
            {QStringLiteral("level"), level},      {QStringLiteral("perDay"), perDay},
            {QStringLiteral("daysLeft"), daysLeft}};
}

QJsonArray cmyk(int k, int c, int m, int y)
{
    return {
        supply(QStringLiteral("ipp:0"), QStringLiteral("Black Toner TN-3480"), QStringLiteral("#000000"), k),
        supply(QStringLiteral("ipp:1"), QStringLiteral("Cyan Toner C-2000"), QStringLiteral("#00FFFF"), c),
        supply(QStringLiteral("ipp:2"), QStringLiteral("Magenta Toner C-2000"), QStringLiteral("#FF00FF"), m),
        supply(QStringLiteral("ipp:3"), QStringLiteral("Yellow Toner C-2000"), QStringLiteral("#FFFF00"), y)};
}

QJsonObject device(qint64 id, const QString& name, const QString& location, int attention)
{
    const QDateTime now = QDateTime::currentDateTime();
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("location"), location},
            {QStringLiteral("department"), QJsonValue::Null},
            {QStringLiteral("model"), QStringLiteral("Acme MFP 9000")},
            {QStringLiteral("serial"), QStringLiteral("AC9-%1").arg(1000 + id)},
            {QStringLiteral("protocol"), QStringLiteral("ipp")},
            {QStringLiteral("uri"), QStringLiteral("ipp://10.1.3.%1/ipp/print").arg(id)},
            {QStringLiteral("reachable"), true},
            {QStringLiteral("state"), QStringLiteral("idle")},
            {QStringLiteral("reasons"), QJsonArray()},
            {QStringLiteral("faults"), QJsonArray()},
            {QStringLiteral("faultText"), QString()},
            {QStringLiteral("supplies"), cmyk(70, 60, 55, 80)},
            {QStringLiteral("pageCount"), 40000 + id * 1111},
            {QStringLiteral("releasedPages"), 30000 + id * 1000},
            {QStringLiteral("counterGap"), 10000 + id * 111},
            {QStringLiteral("lastSeen"), iso(now.addSecs(-40))},
            {QStringLiteral("checked"), iso(now.addSecs(-40))},
            {QStringLiteral("unreachableSince"), QJsonValue::Null},
            {QStringLiteral("attention"), attention}};
}

// A city hall's printers, in the server's order on purpose not sorted: the window sorts them itself.
QJsonArray fleet(bool korean = false)
{
    auto loc = [korean](const char* en, const char* ko) {
        return korean ? QString::fromUtf8(ko) : QString::fromUtf8(en);
    };
    const QDateTime now = QDateTime::currentDateTime();
    QJsonObject east = device(1, QStringLiteral("3F-East"), loc("Main 3F East", "본관 3층 동쪽"), 0);
    east.insert(QStringLiteral("supplies"),
                QJsonArray{supply(QStringLiteral("ipp:0"), QStringLiteral("Black Toner TN-3480"),
                                  QStringLiteral("#000000"), 62, 51, 1.2)});

    QJsonObject west = device(2, QStringLiteral("3F-West"), loc("Main 3F West", "본관 3층 서쪽"), 3);
    west.insert(QStringLiteral("state"), QStringLiteral("stopped"));
    west.insert(QStringLiteral("reasons"),
                QJsonArray{QStringLiteral("media-jam-error"), QStringLiteral("door-open")});
    west.insert(QStringLiteral("faults"),
                QJsonArray{QStringLiteral("media-jam"), QStringLiteral("door-open")});
    QJsonArray westSupplies = cmyk(35, 80, 12, 55);
    QJsonObject magenta = westSupplies.at(2).toObject();
    magenta.insert(QStringLiteral("daysLeft"), 9);
    magenta.insert(QStringLiteral("perDay"), 1.4);
    westSupplies.replace(2, magenta);
    west.insert(QStringLiteral("supplies"), westSupplies);

    QJsonObject copy = device(3, QStringLiteral("5F-Copy"), loc("Main 5F Copy room", "본관 5층 복사실"), 2);
    copy.insert(QStringLiteral("state"), QStringLiteral("processing"));
    QJsonArray copySupplies = cmyk(8, 45, 50, 30);
    QJsonObject black = copySupplies.at(0).toObject();
    black.insert(QStringLiteral("daysLeft"), 2);
    black.insert(QStringLiteral("perDay"), 3.1);
    copySupplies.replace(0, black);
    copy.insert(QStringLiteral("supplies"), copySupplies);

    QJsonObject annex1 =
        device(4, QStringLiteral("Annex-1F"), loc("Annex 1F Civil service", "별관 1층 민원실"), 3);
    annex1.insert(QStringLiteral("reachable"), false);
    annex1.insert(QStringLiteral("state"), QString());
    annex1.insert(QStringLiteral("lastSeen"), iso(now.addSecs(-3 * 3600)));
    annex1.insert(QStringLiteral("unreachableSince"), iso(now.addSecs(-3 * 3600 + 60)));
    annex1.insert(QStringLiteral("supplies"),
                  QJsonArray{supply(QStringLiteral("ipp:0"), QStringLiteral("Black Toner TN-2420"),
                                    QStringLiteral("#000000"), 41)});

    QJsonObject annex2 = device(5, QStringLiteral("Annex-2F"), loc("Annex 2F Welfare", "별관 2층 복지과"), 1);
    annex2.insert(QStringLiteral("reasons"), QJsonArray{QStringLiteral("media-low-report")});
    annex2.insert(QStringLiteral("supplies"),
                  QJsonArray{supply(QStringLiteral("ipp:0"), QStringLiteral("Black Toner TN-2420"),
                                    QStringLiteral("#000000"), 22, 6, 3.5)});

    QJsonObject mayor =
        device(6, QStringLiteral("4F-Mayor"), loc("Main 4F Mayor's office", "본관 4층 시장실"), 0);
    QJsonArray mayorSupplies = cmyk(90, 85, 88, 92);
    mayorSupplies.append(supply(QStringLiteral("ipp:4"), QStringLiteral("Waste Toner Box"), QString(), -3,
                                QJsonValue::Null, QJsonValue::Null, QStringLiteral("waste-toner")));
    mayor.insert(QStringLiteral("supplies"), mayorSupplies);

    QJsonObject b1 = device(7, QStringLiteral("B1-Print"), loc("B1 Print shop", "지하 1층 인쇄실"), 0);
    b1.insert(QStringLiteral("protocol"), QStringLiteral("snmp"));
    b1.insert(QStringLiteral("supplies"),
              QJsonArray{supply(QStringLiteral("snmp:1"), QStringLiteral("Black Toner TK-8555"),
                                QStringLiteral("black"), -3),
                         supply(QStringLiteral("snmp:2"), QStringLiteral("Drum Unit DK-8550"), QString(), 40,
                                QJsonValue::Null, QJsonValue::Null, QStringLiteral("drum"))});
    b1.insert(QStringLiteral("counterGap"), QJsonValue::Null);
    b1.insert(QStringLiteral("releasedPages"), QJsonValue::Null);

    QJsonObject welfare = device(8, QStringLiteral("2F-Hall"), loc("Main 2F Hall", "본관 2층 로비"), 0);
    welfare.insert(QStringLiteral("supplies"), QJsonArray());
    welfare.insert(QStringLiteral("pageCount"), -1);
    welfare.insert(QStringLiteral("counterGap"), QJsonValue::Null);
    return {east, mayor, annex2, west, b1, copy, annex1, welfare};
}

// 3F-West's last 30 days: every supply falling a little each day, black refilled 12 days ago.
QJsonObject westWithHistory(bool korean = false)
{
    QJsonObject west;
    for (const QJsonValue& v : fleet(korean))
        if (v.toObject().value(QLatin1String("id")).toInt() == 2)
            west = v.toObject();
    const QDateTime now = QDateTime::currentDateTime();
    QJsonObject supplies;
    const QList<QPair<QString, QList<int>>> series = {
        {QStringLiteral("ipp:0"), {60, 48, 33, 20, 8, 95, 80, 62, 47, 35}},
        {QStringLiteral("ipp:1"), {100, 97, 95, 92, 90, 88, 86, 84, 82, 80}},
        {QStringLiteral("ipp:2"), {52, 48, 43, 38, 34, 29, 25, 20, 16, 12}},
        {QStringLiteral("ipp:3"), {75, 73, 70, 68, 66, 63, 61, 59, 57, 55}}};
    for (const auto& s : series) {
        QJsonArray samples;
        for (int i = 0; i < s.second.size(); ++i)
            samples.append(QJsonArray{iso(now.addDays(-(29 - 3 * i))), s.second.at(i)});
        supplies.insert(s.first, samples);
    }
    west.insert(QStringLiteral("history"),
                QJsonObject{{QStringLiteral("supplies"), supplies}, {QStringLiteral("pages"), QJsonArray()}});
    return west;
}

QJsonObject orderPrinter(qint64 id, const QString& name, const QString& location, int level,
                         const QJsonValue& daysLeft = QJsonValue::Null)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("location"), location},
            {QStringLiteral("level"), level},
            {QStringLiteral("daysLeft"), daysLeft}};
}

QJsonObject orderList(bool korean = false, int days = 14)
{
    auto loc = [korean](const char* en, const char* ko) {
        return korean ? QString::fromUtf8(ko) : QString::fromUtf8(en);
    };
    const QJsonObject black{{QStringLiteral("description"), QStringLiteral("Black Toner TN-3480")},
                            {QStringLiteral("type"), QStringLiteral("toner")},
                            {QStringLiteral("color"), QStringLiteral("#000000")},
                            {QStringLiteral("needNow"), 1},
                            {QStringLiteral("needSoon"), 0},
                            {QStringLiteral("printers"),
                             QJsonArray{orderPrinter(3, QStringLiteral("5F-Copy"),
                                                     loc("Main 5F Copy room", "본관 5층 복사실"), 8, 2)}}};
    const QJsonObject magenta{
        {QStringLiteral("description"), QStringLiteral("Magenta Toner C-2000")},
        {QStringLiteral("type"), QStringLiteral("toner")},
        {QStringLiteral("color"), QStringLiteral("#FF00FF")},
        {QStringLiteral("needNow"), 1},
        {QStringLiteral("needSoon"), 0},
        {QStringLiteral("printers"), QJsonArray{orderPrinter(2, QStringLiteral("3F-West"),
                                                             loc("Main 3F West", "본관 3층 서쪽"), 12, 9)}}};
    const QJsonObject black2420{
        {QStringLiteral("description"), QStringLiteral("Black Toner TN-2420")},
        {QStringLiteral("type"), QStringLiteral("toner")},
        {QStringLiteral("color"), QStringLiteral("#000000")},
        {QStringLiteral("needNow"), 0},
        {QStringLiteral("needSoon"), 2},
        {QStringLiteral("printers"),
         QJsonArray{
             orderPrinter(5, QStringLiteral("Annex-2F"), loc("Annex 2F Welfare", "별관 2층 복지과"), 22, 6),
             orderPrinter(9, QStringLiteral("Annex-3F"), loc("Annex 3F Tax", "별관 3층 세무과"), 30, 11)}}};
    return {{QStringLiteral("items"), QJsonArray{black, magenta, black2420}},
            {QStringLiteral("days"), days},
            {QStringLiteral("lowPercent"), 15}};
}

const QByteArray Csv =
    "\xEF\xBB\xBF"
    "description,type,color,need_now,need_soon,printers\r\n"
    "Black Toner TN-3480,toner,#000000,1,0,5F-Copy (\xEB\xB3\xB8\xEA\xB4\x80 5\xEC\xB8\xB5) 8%\r\n";

void removeTranslators()
{
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QStringList namesInOrder(const QAbstractItemModel* model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0)
                     .data(DeviceListModel::DeviceRole)
                     .toJsonObject()
                     .value(QLatin1String("name"))
                     .toString();
    return names;
}

// Pixels of exactly `colour` inside `rect` of `image`.
int countPixels(const QImage& image, const QRect& rect, const QColor& colour)
{
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (image.pixelColor(x, y).rgb() == colour.rgb())
                ++n;
    return n;
}

QAction* menuAction(QMenu* menu, const QString& name)
{
    for (QAction* a : menu->actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

QStringList s_notifications;

} // namespace

class TestDevicesWindow : public QObject
{
    Q_OBJECT

    FakeApiServer* m_server = nullptr;
    ApiClient* m_api = nullptr;

    void routeFleet(bool korean = false)
    {
        m_server->routeJson("GET", QStringLiteral("/api/v1/devices"), 200,
                            {{QStringLiteral("devices"), fleet(korean)},
                             {QStringLiteral("checked"), iso(QDateTime::currentDateTime())}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/supplies/order"), 200, orderList(korean));
        m_server->routeJson("GET", QStringLiteral("/api/v1/devices/2"), 200,
                            {{QStringLiteral("device"), westWithHistory(korean)}});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(Translations::install(qApp, QStringLiteral("en"))); }

    void init()
    {
        m_server = new FakeApiServer;
        QVERIFY(m_server->listen());
        m_api = new ApiClient;
        m_api->setBaseUrl(m_server->url());
        m_api->setToken(QStringLiteral("t"));
        routeFleet();
        m_server->route("GET", QStringLiteral("/api/v1/supplies/order?format=csv"), 200, Csv,
                        "text/csv; charset=utf-8");
        const QJsonObject alert{{QStringLiteral("id"), 31},
                                {QStringLiteral("printerId"), 2},
                                {QStringLiteral("printer"), QStringLiteral("3F-West")},
                                {QStringLiteral("location"), QStringLiteral("Main 3F West")},
                                {QStringLiteral("condition"), QStringLiteral("fault:media-jam")},
                                {QStringLiteral("kind"), QStringLiteral("fault")},
                                {QStringLiteral("subject"), QStringLiteral("media-jam")},
                                {QStringLiteral("level"), QJsonValue::Null},
                                {QStringLiteral("daysLeft"), QJsonValue::Null},
                                {QStringLiteral("state"), QStringLiteral("open")},
                                {QStringLiteral("opened"), iso(QDateTime::currentDateTime().addSecs(-600))},
                                {QStringLiteral("cleared"), QJsonValue::Null}};
        m_server->routeJson("GET", QStringLiteral("/api/v1/devices/alerts"), 200,
                            {{QStringLiteral("alerts"), QJsonArray{alert}}});
    }

    void cleanup()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            w->deleteLater();
        QTest::qWait(0);
        delete m_api;
        delete m_server;
        removeTranslators();
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
    }

    void sortedByAttentionThenName()
    {
        DevicesWindow window(m_api, nullptr);
        window.showAndRaise();
        QTRY_COMPARE(window.deviceModel()->rowCount(), 8);
        QCOMPARE(
            namesInOrder(window.deviceProxy()),
            (QStringList{QStringLiteral("3F-West"), QStringLiteral("Annex-1F"), QStringLiteral("5F-Copy"),
                         QStringLiteral("Annex-2F"), QStringLiteral("2F-Hall"), QStringLiteral("3F-East"),
                         QStringLiteral("4F-Mayor"), QStringLiteral("B1-Print")}));
        // (%n plurals: "printers" once the catalogue has them, "printer(s)" before.)
        QVERIFY2(window.summaryText().startsWith(QStringLiteral("8 printer")) &&
                     window.summaryText().contains(QStringLiteral(", 4 need")),
                 qPrintable(window.summaryText()));
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api/v1/devices")).size(), 1);
        QVERIFY(!m_server->requests("GET", QStringLiteral("/api/v1/devices"))
                     .first()
                     .headers.value("authorization")
                     .isEmpty());
    }

    void stateFaultsForecastCounterInWords()
    {
        DeviceListModel model(m_api);
        QVERIFY(model.setDevicesFromJson({{QStringLiteral("devices"), fleet()}}));
        auto cell = [&model](const QString& name, int column) {
            for (int row = 0; row < model.rowCount(); ++row)
                if (model.deviceAt(row).value(QLatin1String("name")).toString() == name)
                    return model.index(row, column).data().toString();
            return QString();
        };
        QCOMPARE(cell(QStringLiteral("3F-West"), DeviceListModel::StateColumn),
                 QStringLiteral("Stopped\npaper jam, a door or cover is open"));
        QCOMPARE(cell(QStringLiteral("5F-Copy"), DeviceListModel::StateColumn), QStringLiteral("Printing"));
        // Not answering, and since when (in natural dates, as the printer's JSON says).
        const QJsonObject annex1 = fleet().at(6).toObject();
        QCOMPARE(annex1.value(QLatin1String("name")).toString(), QStringLiteral("Annex-1F"));
        QCOMPARE(cell(QStringLiteral("Annex-1F"), DeviceListModel::StateColumn),
                 QStringLiteral("Not answering\nsince ") +
                     FaxText::naturalDate(QDateTime::fromString(
                         annex1.value(QLatin1String("unreachableSince")).toString(), Qt::ISODate)));
        QCOMPARE(cell(QStringLiteral("Annex-2F"), DeviceListModel::StateColumn),
                 QStringLiteral("Ready\npaper low"));
        QCOMPARE(cell(QStringLiteral("Annex-1F"), DeviceListModel::LastSeenColumn),
                 FaxText::naturalDate(
                     QDateTime::fromString(annex1.value(QLatin1String("lastSeen")).toString(), Qt::ISODate)));
        // Forecast lines follow the bars: one per supply, empty where there is none.
        QCOMPARE(
            cell(QStringLiteral("5F-Copy"), DeviceListModel::ForecastColumn).split(QLatin1Char('\n')).size(),
            4);
        QVERIFY(cell(QStringLiteral("5F-Copy"), DeviceListModel::ForecastColumn)
                    .startsWith(QStringLiteral("runs out in about 2 day")));
        QVERIFY(cell(QStringLiteral("3F-West"), DeviceListModel::ForecastColumn)
                    .contains(QStringLiteral("about 9 day")));
        // Page counter with the gap; none for a printer without a counter.
        QCOMPARE(cell(QStringLiteral("3F-East"), DeviceListModel::PagesColumn),
                 QStringLiteral("41,111\n10,111 outside MPS"));
        QCOMPARE(cell(QStringLiteral("2F-Hall"), DeviceListModel::PagesColumn), QStringLiteral("-"));
        QVERIFY(model.index(0, DeviceListModel::PagesColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("MPS released")));
        QCOMPARE(DeviceText::level(-3), QStringLiteral("some left"));
        QCOMPARE(DeviceText::level(-1), QStringLiteral("unknown"));
    }

    void filterByLocation()
    {
        DevicesWindow window(m_api, nullptr);
        window.showAndRaise();
        QTRY_COMPARE(window.deviceModel()->rowCount(), 8);
        auto* combo = window.findChild<QComboBox*>(QStringLiteral("locationFilter"));
        QVERIFY(combo);
        QCOMPARE(combo->itemText(0), QStringLiteral("All locations"));
        QVERIFY(combo->count() == 9); // all + 8 locations
        // Typing a building keeps its printers, in attention order.
        combo->setEditText(QStringLiteral("annex"));
        QCOMPARE(namesInOrder(window.deviceProxy()),
                 (QStringList{QStringLiteral("Annex-1F"), QStringLiteral("Annex-2F")}));
        QVERIFY2(window.summaryText().startsWith(QStringLiteral("2 of 8 printer")) &&
                     window.summaryText().contains(QStringLiteral(", 2 need")),
                 qPrintable(window.summaryText()));
        window.setLocationFilter(QStringLiteral("Main 3F"));
        QCOMPARE(namesInOrder(window.deviceProxy()),
                 (QStringList{QStringLiteral("3F-West"), QStringLiteral("3F-East")}));
        window.setLocationFilter(QStringLiteral("Roof"));
        QCOMPARE(window.deviceProxy()->rowCount(), 0);
        auto* empty = window.findChild<QLabel*>(QStringLiteral("devicesEmpty"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("Roof")));
        combo->setCurrentIndex(0);
        QCOMPARE(window.deviceProxy()->rowCount(), 8);
    }

    void barsInSupplyColourToLevel()
    {
        QCOMPARE(SupplyDelegate::supplyColor({{QStringLiteral("color"), QStringLiteral("#00FFFF")}}),
                 QColor(Qt::cyan));
        QCOMPARE(SupplyDelegate::supplyColor({{QStringLiteral("color"), QStringLiteral("#FF00FF#FFFF00")}}),
                 QColor(Qt::magenta));
        QCOMPARE(SupplyDelegate::supplyColor({{QStringLiteral("color"), QStringLiteral("black")}}),
                 QColor(Qt::black));
        QCOMPARE(SupplyDelegate::supplyColor({{QStringLiteral("color"), QStringLiteral("none")}}).isValid(),
                 true);
        QVERIFY(SupplyDelegate::supplyColor({{QStringLiteral("color"), QStringLiteral("none")}}) !=
                QColor(Qt::black));

        // Two printers, one cyan supply each, at 80 % and 20 %: the drawn bars hold four times the cyan.
        QJsonObject full = device(1, QStringLiteral("A"), QStringLiteral("X"), 0);
        full.insert(QStringLiteral("supplies"),
                    QJsonArray{supply(QStringLiteral("ipp:1"), QStringLiteral("Cyan"),
                                      QStringLiteral("#00FFFF"), 80)});
        QJsonObject low = device(2, QStringLiteral("B"), QStringLiteral("X"), 0);
        low.insert(QStringLiteral("supplies"),
                   QJsonArray{supply(QStringLiteral("ipp:1"), QStringLiteral("Cyan"),
                                     QStringLiteral("#00FFFF"), 20)});
        m_server->routeJson("GET", QStringLiteral("/api/v1/devices"), 200,
                            {{QStringLiteral("devices"), QJsonArray{full, low}}});
        DevicesWindow window(m_api, nullptr);
        window.showAndRaise();
        QTRY_COMPARE(window.deviceModel()->rowCount(), 2);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTreeView* view = window.deviceView();
        // Room for whole bars on the small offscreen screen: the columns after the bars are hidden.
        for (int c :
             {DeviceListModel::ForecastColumn, DeviceListModel::PagesColumn, DeviceListModel::LastSeenColumn})
            view->setColumnHidden(c, true);
        QVERIFY(view->columnWidth(DeviceListModel::SuppliesColumn) > 300);
        const QImage image = view->viewport()->grab().toImage();
        if (!qEnvironmentVariableIsEmpty("MPS_TEST_DUMP"))
            image.save(qEnvironmentVariable("MPS_TEST_DUMP"));
        const QRect a = view->visualRect(window.deviceProxy()->index(0, DeviceListModel::SuppliesColumn));
        const QRect b = view->visualRect(window.deviceProxy()->index(1, DeviceListModel::SuppliesColumn));
        const int cyanA = countPixels(image, a, Qt::cyan);
        const int cyanB = countPixels(image, b, Qt::cyan);
        QVERIFY2(cyanA > 0 && cyanB > 0, qPrintable(QStringLiteral("%1 %2").arg(cyanA).arg(cyanB)));
        const double ratio = double(cyanA) / cyanB;
        QVERIFY2(ratio > 3.5 && ratio < 4.5, qPrintable(QString::number(ratio)));
        // Nothing cyan outside the supplies column.
        const QRect state = view->visualRect(window.deviceProxy()->index(0, DeviceListModel::StateColumn));
        QCOMPARE(countPixels(image, state, Qt::cyan), 0);
    }

    void detailsWithOpenAlerts()
    {
        DevicesWindow window(m_api, nullptr);
        window.showAndRaise();
        QTRY_COMPARE(window.deviceModel()->rowCount(), 8);
        QTRY_COMPARE(window.alerts().size(), 1);
        window.deviceView()->setCurrentIndex(window.deviceProxy()->index(0, 0)); // 3F-West
        QVERIFY(window.detailText().contains(QStringLiteral("AC9-1002")));
        QVERIFY(window.detailText().contains(QStringLiteral("Open alerts")));
        // Its supply history: a line per supply, fetched for the selected printer only.
        QTRY_COMPARE(window.supplyHistory()->lineCount(), 4);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api/v1/devices/2")).size(), 1);
        QVERIFY(window.detailText().contains(QStringLiteral("paper jam")));
        window.deviceView()->setCurrentIndex(window.deviceProxy()->index(5, 0)); // 3F-East, no history route
        QTRY_COMPARE(m_server->requests("GET", QStringLiteral("/api/v1/devices/1")).size(), 1);
        QTRY_COMPARE(window.supplyHistory()->lineCount(), 0);
        QVERIFY(!window.detailText().contains(QStringLiteral("Open alerts")));
        QVERIFY(window.detailText().contains(QStringLiteral("uses about 1.2% a day")));
    }

    void orderListWithDaysAndLocation()
    {
        DevicesWindow window(m_api, nullptr);
        window.showAndRaise();
        QSignalSpy loaded(&window, &DevicesWindow::orderListLoaded);
        window.tabs()->setCurrentIndex(1);
        QTRY_COMPARE(loaded.size(), 1);
        OrderListModel* orders = window.orderModel();
        QCOMPARE(orders->rowCount(), 3);
        QCOMPARE(orders->index(0, OrderListModel::SupplyColumn).data().toString(),
                 QStringLiteral("Black Toner TN-3480\nToner"));
        QCOMPARE(orders->index(2, OrderListModel::NeedSoonColumn).data().toInt(), 2);
        const QString printers = orders->index(2, OrderListModel::PrintersColumn).data().toString();
        QCOMPARE(printers.split(QLatin1Char('\n')).size(), 2);
        QVERIFY(printers.startsWith(
            QStringLiteral("Annex-2F (Annex 2F Welfare) - 22%, runs out in about 6 day")));
        QCOMPARE(orders->totalNeeded(), 4);
        QCOMPARE(orders->index(1, OrderListModel::SupplyColumn).data(Qt::DecorationRole).value<QColor>(),
                 QColor(Qt::magenta));
        auto first = m_server->requests("GET", QStringLiteral("/api/v1/supplies/order"));
        QCOMPARE(first.size(), 1);
        QCOMPARE(QUrlQuery(first.first().query).queryItemValue(QStringLiteral("days")), QStringLiteral("14"));
        QVERIFY(!QUrlQuery(first.first().query).hasQueryItem(QStringLiteral("location")));

        // A Korean building with '&' survives the query as typed.
        m_server->clearRequests();
        window.setOrderQuery(7, QStringLiteral("별관 & 창고"));
        QTRY_COMPARE(loaded.size(), 2);
        const auto second = m_server->requests("GET", QStringLiteral("/api/v1/supplies/order"));
        QCOMPARE(second.size(), 1);
        const QUrlQuery q(second.first().query);
        QCOMPARE(q.queryItemValue(QStringLiteral("days")), QStringLiteral("7"));
        QCOMPARE(q.queryItemValue(QStringLiteral("location"), QUrl::FullyDecoded),
                 QStringLiteral("별관 & 창고"));

        // Changing the days in the window fetches again, once the spin box settles.
        window.findChild<QSpinBox*>(QStringLiteral("orderDays"))->setValue(30);
        QTRY_COMPARE(loaded.size(), 3);
        QCOMPARE(QUrlQuery(m_server->requests("GET", QStringLiteral("/api/v1/supplies/order")).last().query)
                     .queryItemValue(QStringLiteral("days")),
                 QStringLiteral("30"));

        // Nothing to order is said, not shown as an empty table.
        m_server->routeJson("GET", QStringLiteral("/api/v1/supplies/order"), 200,
                            {{QStringLiteral("items"), QJsonArray()},
                             {QStringLiteral("days"), 14},
                             {QStringLiteral("lowPercent"), 15}});
        window.refreshOrderList();
        QTRY_COMPARE(loaded.size(), 4);
        auto* empty = window.findChild<QLabel*>(QStringLiteral("ordersEmpty"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().startsWith(QStringLiteral("Nothing to order")));
    }

    void csvExport()
    {
        DevicesWindow window(m_api, nullptr);
        window.showAndRaise();
        window.setOrderQuery(10, QStringLiteral("본관"));
        QTRY_COMPARE(window.orderModel()->rowCount(), 3);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("order.csv"));
        QSignalSpy finished(&window, &DevicesWindow::exportFinished);
        window.exportCsvTo(path);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), Csv);
        const auto asked = m_server->requests("GET", QStringLiteral("/api/v1/supplies/order"));
        const QUrlQuery q(asked.last().query);
        QCOMPARE(q.queryItemValue(QStringLiteral("format")), QStringLiteral("csv"));
        QCOMPARE(q.queryItemValue(QStringLiteral("days")), QStringLiteral("10"));
        QCOMPARE(q.queryItemValue(QStringLiteral("location"), QUrl::FullyDecoded), QStringLiteral("본관"));
        QCOMPARE(asked.last().headers.value("accept"), QByteArray("text/csv"));

        // Refused: said in words, nothing written.
        m_server->routeJson("GET", QStringLiteral("/api/v1/supplies/order?format=csv"), 403,
                            {{QStringLiteral("error"), QStringLiteral("forbidden")},
                             {QStringLiteral("message"), QStringLiteral("Admins only.")}});
        const QString other = dir.filePath(QStringLiteral("other.csv"));
        window.exportCsvTo(other);
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY(finished.last().at(1).toString().contains(QStringLiteral("print admin")));
        QVERIFY(!QFile::exists(other));
        QCOMPARE(window.statusText(), finished.last().at(1).toString());
    }

    void forbiddenAndLoadingSaid()
    {
        m_server->routeJson("GET", QStringLiteral("/api/v1/devices"), 403,
                            {{QStringLiteral("error"), QStringLiteral("forbidden")},
                             {QStringLiteral("message"), QStringLiteral("Admins only.")}});
        DevicesWindow window(m_api, nullptr);
        auto* empty = window.findChild<QLabel*>(QStringLiteral("devicesEmpty"));
        window.showAndRaise();
        // Progress while the answer is on its way.
        QCOMPARE(empty->text(), QStringLiteral("Loading the printers..."));
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("busy"))->isVisible());
        QTRY_VERIFY(!window.deviceModel()->isLoading());
        QVERIFY(empty->text().contains(QStringLiteral("print admin")));
        QVERIFY(!window.findChild<QWidget*>(QStringLiteral("busy"))->isVisible());
    }

    void liveUpdateFromDeviceChanged()
    {
        EventStream events(m_api);
        DevicesWindow window(m_api, &events);
        window.showAndRaise();
        QTRY_COMPARE(window.deviceModel()->rowCount(), 8);
        events.start();
        QTRY_VERIFY(events.isConnected());
        // Connected (again): what changed meanwhile is fetched once more.
        QTRY_COMPARE(m_server->requests("GET", QStringLiteral("/api/v1/devices")).size(), 2);
        QTRY_VERIFY(!window.deviceModel()->isLoading());
        // 3F-East is selected, then jams: it moves up among the faults and stays selected.
        const int east = namesInOrder(window.deviceProxy()).indexOf(QStringLiteral("3F-East"));
        window.deviceView()->setCurrentIndex(window.deviceProxy()->index(east, 0));
        QJsonObject jammed = fleet().at(0).toObject();
        QCOMPARE(jammed.value(QLatin1String("name")).toString(), QStringLiteral("3F-East"));
        jammed.insert(QStringLiteral("state"), QStringLiteral("stopped"));
        jammed.insert(QStringLiteral("faults"), QJsonArray{QStringLiteral("media-jam")});
        jammed.insert(QStringLiteral("attention"), 3);
        m_server->pushEvent(QStringLiteral("device-changed"), {{QStringLiteral("device"), jammed}});
        QTRY_COMPARE(namesInOrder(window.deviceProxy()).indexOf(QStringLiteral("3F-East")), 0);
        QCOMPARE(window.deviceProxy()->index(0, DeviceListModel::StateColumn).data().toString(),
                 QStringLiteral("Stopped\npaper jam"));
        QCOMPARE(window.deviceView()->currentIndex().row(), 0);
        QVERIFY(window.detailText().contains(QStringLiteral("paper jam")));
        QVERIFY2(window.summaryText().contains(QStringLiteral(", 5 need")), qPrintable(window.summaryText()));

        // Its toner is replaced: supply levels change in place, it moves back down.
        jammed.insert(QStringLiteral("state"), QStringLiteral("idle"));
        jammed.insert(QStringLiteral("faults"), QJsonArray());
        jammed.insert(QStringLiteral("attention"), 0);
        jammed.insert(QStringLiteral("supplies"),
                      QJsonArray{supply(QStringLiteral("ipp:0"), QStringLiteral("Black Toner TN-3480"),
                                        QStringLiteral("#000000"), 100)});
        m_server->pushEvent(QStringLiteral("device-changed"), {{QStringLiteral("device"), jammed}});
        QTRY_COMPARE(namesInOrder(window.deviceProxy()).indexOf(QStringLiteral("3F-East")), east);
        QCOMPARE(window.deviceProxy()
                     ->index(east, 0)
                     .data(DeviceListModel::SuppliesRole)
                     .toJsonArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("level"))
                     .toInt(),
                 100);
        // A printer added meanwhile appears in its place.
        QJsonObject added = device(20, QStringLiteral("6F-New"), QStringLiteral("Main 6F"), 2);
        m_server->pushEvent(QStringLiteral("device-changed"), {{QStringLiteral("device"), added}});
        QTRY_COMPARE(window.deviceModel()->rowCount(), 9);
        QCOMPARE(namesInOrder(window.deviceProxy()).indexOf(QStringLiteral("6F-New")), 3);
        events.stop();
    }

    void alertAndScanNotificationTexts()
    {
        QJsonObject alert{{QStringLiteral("id"), 5},
                          {QStringLiteral("printerId"), 3},
                          {QStringLiteral("printer"), QStringLiteral("5F-Copy")},
                          {QStringLiteral("location"), QStringLiteral("Main 5F")},
                          {QStringLiteral("condition"), QStringLiteral("supply-low:ipp:0")},
                          {QStringLiteral("kind"), QStringLiteral("supply-low")},
                          {QStringLiteral("subject"), QStringLiteral("Black Toner TN-3480")},
                          {QStringLiteral("level"), 8},
                          {QStringLiteral("state"), QStringLiteral("open")}};
        auto m =
            NotificationText::forEvent(QStringLiteral("device-alert"), {{QStringLiteral("alert"), alert}});
        QVERIFY(m);
        QCOMPARE(m->title, QStringLiteral("Supply low"));
        QCOMPARE(m->body,
                 QStringLiteral("Black Toner TN-3480 at 5F-Copy (Main 5F) is at 8%. Replace it soon."));
        QCOMPARE(int(m->severity), int(NotificationText::Severity::Warning));
        alert.insert(QStringLiteral("state"), QStringLiteral("cleared"));
        alert.insert(QStringLiteral("level"), 100);
        m = NotificationText::forEvent(QStringLiteral("device-alert"), {{QStringLiteral("alert"), alert}});
        QCOMPARE(m->title, QStringLiteral("Supply all clear"));
        QVERIFY(m->body.contains(QStringLiteral("5F-Copy")) && m->body.contains(QStringLiteral("100%")));
        QJsonObject jam{{QStringLiteral("printer"), QStringLiteral("3F-West")},
                        {QStringLiteral("kind"), QStringLiteral("fault")},
                        {QStringLiteral("subject"), QStringLiteral("media-jam")},
                        {QStringLiteral("state"), QStringLiteral("open")}};
        m = NotificationText::forEvent(QStringLiteral("device-alert"), {{QStringLiteral("alert"), jam}});
        QCOMPARE(m->title, QStringLiteral("Printer fault"));
        QCOMPARE(m->body, QStringLiteral("3F-West: paper jam."));
        jam.insert(QStringLiteral("state"), QStringLiteral("cleared"));
        m = NotificationText::forEvent(QStringLiteral("device-alert"), {{QStringLiteral("alert"), jam}});
        QCOMPARE(m->title, QStringLiteral("Printer fault cleared"));

        QJsonObject scan{{QStringLiteral("id"), 4},
                         {QStringLiteral("fileName"), QStringLiteral("scan-20261203-1010")},
                         {QStringLiteral("pages"), 3},
                         {QStringLiteral("bytes"), 300000},
                         {QStringLiteral("state"), QStringLiteral("retrying")},
                         {QStringLiteral("error"), QStringLiteral("451 4.3.0 Try again later")}};
        m = NotificationText::forEvent(QStringLiteral("scan-delivery"), {{QStringLiteral("scan"), scan}});
        QVERIFY(m);
        QCOMPARE(m->title, QStringLiteral("Scan not delivered yet"));
        QVERIFY(m->body.startsWith(QStringLiteral("scan-20261203-1010 (3 page")));
        QVERIFY(!m->body.contains(QStringLiteral("451")));
        scan.insert(QStringLiteral("state"), QStringLiteral("failed"));
        m = NotificationText::forEvent(QStringLiteral("scan-delivery"), {{QStringLiteral("scan"), scan}});
        QCOMPARE(m->title, QStringLiteral("Scan not delivered"));
        scan.insert(QStringLiteral("state"), QStringLiteral("sent"));
        QVERIFY(
            !NotificationText::forEvent(QStringLiteral("scan-delivery"), {{QStringLiteral("scan"), scan}}));
    }

    void trayMenuAndNotifications_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("admin") << QStringLiteral("admin");
        QTest::newRow("dept-head") << QStringLiteral("dept-head");
        QTest::newRow("user") << QStringLiteral("user");
    }

    void trayMenuAndNotifications()
    {
        QFETCH(QString, role);
        const bool admin = role == QLatin1String("admin");
        // The tray logs every notification it shows ("notification: <title>").
        s_notifications.clear();
        static QtMessageHandler previous = nullptr;
        previous =
            qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& msg) {
                if (msg.startsWith(QLatin1String("notification: ")))
                    s_notifications << msg.mid(14);
                if (previous)
                    previous(type, context, msg);
            });
        auto restore = qScopeGuard([] { qInstallMessageHandler(previous); });
        m_server->routeJson("GET", QStringLiteral("/api/v1/jobs"), 200,
                            {{QStringLiteral("jobs"), QJsonArray()}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/printers"), 200,
                            {{QStringLiteral("printers"), QJsonArray()}});
        m_server->routeJson("GET", QStringLiteral("/api/v1/fax/inbox"), 200,
                            {{QStringLiteral("faxes"), QJsonArray()}});
        auto settings = ClientSettings::createTempFileInstance();
        Session session(settings.get(), nullptr);
        session.api()->setBaseUrl(m_server->url());
        session.api()->setToken(QStringLiteral("t"));
        JobListModel jobs(session.api());
        PrinterListModel printers(session.api());
        MyJobsWindow window(&jobs, &printers, nullptr, settings.get());
        TrayController tray(&session, settings.get(), &jobs, &printers, &window);
        QAction* devices = menuAction(tray.menu(), QStringLiteral("devices"));
        QVERIFY(devices);
        QVERIFY(!devices->isVisible()); // signed out
        session.adopt({{QStringLiteral("name"), QStringLiteral("lee")}, {QStringLiteral("role"), role}});
        // Generous waits: this runs beside other builds on a loaded machine.
        QTRY_VERIFY_WITH_TIMEOUT(session.events()->isConnected(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->eventStreams(), 1, 20000);
        QCOMPARE(devices->isVisible(), admin);
        QCOMPARE(devices->text(), QStringLiteral("Devices"));

        // Opening it (menu or a notification click) works for admins only.
        tray.showDevices();
        QCOMPARE(tray.devicesWindow() != nullptr, admin);
        if (admin) {
            QTRY_COMPARE(tray.devicesWindow()->deviceModel()->rowCount(), 8);
            // The window follows the session's push channel.
            QJsonObject changed = fleet().at(0).toObject();
            changed.insert(QStringLiteral("attention"), 3);
            m_server->pushEvent(QStringLiteral("device-changed"), {{QStringLiteral("device"), changed}});
            QTRY_COMPARE(namesInOrder(tray.devicesWindow()->deviceProxy()).indexOf(QStringLiteral("3F-East")),
                         0);
        }

        // Device alerts are told to admins; a scan that did not arrive to everyone.
        m_server->pushEvent(
            QStringLiteral("device-alert"),
            {{QStringLiteral("alert"), QJsonObject{{QStringLiteral("printer"), QStringLiteral("3F-West")},
                                                   {QStringLiteral("kind"), QStringLiteral("fault")},
                                                   {QStringLiteral("subject"), QStringLiteral("door-open")},
                                                   {QStringLiteral("state"), QStringLiteral("open")}}}});
        m_server->pushEvent(
            QStringLiteral("scan-delivery"),
            {{QStringLiteral("scan"), QJsonObject{{QStringLiteral("fileName"), QStringLiteral("contract")},
                                                  {QStringLiteral("pages"), 2},
                                                  {QStringLiteral("state"), QStringLiteral("failed")}}}});
        QTRY_COMPARE_WITH_TIMEOUT(tray.lastNotification().title, QStringLiteral("Scan not delivered"), 20000);
        // Events arrive in order: the alert before the scan was handled, and told or not.
        QCOMPARE(s_notifications.contains(QStringLiteral("Printer fault")), admin);
        s_notifications.clear();
        session.signOut();
        QVERIFY(!devices->isVisible());
        if (admin)
            QVERIFY(!tray.devicesWindow()->isVisible());
    }

    void screenshots()
    {
        // Not a check: with MPS_CLIENT_GRAB_DIR set, saves both tabs at the window's default size.
        // MPS_CLIENT_EXTRA_QM names extra catalogues (mps_<lang>.qm in that directory) loaded over the
        // built-in ones, for strings not yet merged into translations/.
        const QString dir = qEnvironmentVariable("MPS_CLIENT_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("set MPS_CLIENT_GRAB_DIR to save screenshots");
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            removeTranslators();
            QVERIFY(Translations::install(qApp, lang));
            const QString extra = qEnvironmentVariable("MPS_CLIENT_EXTRA_QM");
            if (!extra.isEmpty()) {
                auto* t = new QTranslator(qApp);
                QVERIFY(t->load(QStringLiteral("%1/mps_%2.qm").arg(extra, lang)));
                QCoreApplication::installTranslator(t);
            }
            const bool korean = lang == QLatin1String("ko");
            routeFleet(korean);
            DevicesWindow window(m_api, nullptr);
            window.showAndRaise();
            QTRY_COMPARE(window.deviceModel()->rowCount(), 8);
            QTRY_COMPARE(window.alerts().size(), 1);
            window.deviceView()->setCurrentIndex(window.deviceProxy()->index(0, 0));
            QTRY_COMPARE(window.supplyHistory()->lineCount(), 4);
            QTest::qWait(300);
            QVERIFY(
                window.grab().save(dir + QStringLiteral("/client-devices-") + lang + QStringLiteral(".png")));
            QSignalSpy loaded(&window, &DevicesWindow::orderListLoaded);
            window.tabs()->setCurrentIndex(1);
            QTRY_COMPARE(loaded.size(), 1);
            QTest::qWait(300);
            QVERIFY(window.grab().save(dir + QStringLiteral("/client-devices-order-") + lang +
                                       QStringLiteral(".png")));
        }
    }
};

QTEST_MAIN(TestDevicesWindow)
#include "TestDevicesWindow.moc"
