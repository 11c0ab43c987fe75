// AlertService fed snapshots by hand, with a manual clock, a real store (SQLCipher in a temp dir) and a
// mail hook that records what would go out: one alert per condition, reminders, all clear, quiet-hours
// digest, retries, and a restart from the stored state that neither repeats nor forgets a mail.
#include "AlertService.h"
#include "ManualClock.h"
#include "SecretKey.h"
#include "Store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace {

SupplySnapshot supply(const QString& key, const QString& description, int level)
{
    SupplySnapshot s;
    s.key = key;
    s.description = description;
    s.type = QStringLiteral("toner");
    s.color = QStringLiteral("#000000");
    s.level = level;
    return s;
}

/// Epoch seconds of a local wall-clock time (quiet hours are in server local time).
qint64 localSecs(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::LocalTime).toSecsSinceEpoch();
}

} // namespace

class TestAlertService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tonerLowOpensOneAlertNotRepeated();
    void reminderWhileOpen();
    void jamThenAllClear();
    void quietHoursGiveOneDigestAtTheirEnd();
    void quietHoursDigestIsOneMessageToAllAdmins();
    void restartNeitherRepeatsNorForgets();
    void failedMailIsRetriedLater();
    void unreachableAfterMinutes();
    void forecastThenLowIsNoAllClear();
    void recipientsAreAdminsAndConfigured();

private:
    void makeService(const AlertSettings& settings);
    void setTime(qint64 secs) { m_clock.advance(secs - m_clock.nowSecs()); }
    void reopenStore();
    DeviceSnapshot snapshot(int level, const QStringList& reasons = {}) const;
    QList<QJsonObject> eventsOfState(const QString& state) const;

    QTemporaryDir m_dir;
    SecretKey m_key;
    std::unique_ptr<Store> m_store;
    ManualClock m_clock{localSecs(2026, 12, 3, 10, 0)};
    std::unique_ptr<AlertService> m_service;
    qint64 m_printerId = 0;
    QList<QJsonObject> m_events;
    QList<MailMessage> m_mails;
    SmtpMailer::Result m_nextResult;
    QHash<QString, int> m_forecast;
    QStringList m_admins{QStringLiteral("admin@example.test")};
};

void TestAlertService::init()
{
    QVERIFY(m_dir.isValid());
    m_key = SecretKey::random();
    QFile::remove(m_dir.filePath(QStringLiteral("mps.db")));
    m_store = std::make_unique<Store>();
    QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("mps.db")), m_key),
             qPrintable(m_store->errorString()));
    PrinterRecord printer;
    printer.name = QStringLiteral("3F-East");
    printer.uri = QStringLiteral("ipp://127.0.0.1:1/ipp/print");
    printer.location = QStringLiteral("3층 동쪽 복도");
    QString error;
    QVERIFY2(m_store->addPrinter(&printer, &error), qPrintable(error));
    m_printerId = printer.id;
    m_events.clear();
    m_mails.clear();
    m_forecast.clear();
    m_admins = {QStringLiteral("admin@example.test")};
    m_nextResult = SmtpMailer::Result{true, false, 250, {}};
    setTime(localSecs(2026, 12, 3, 10, 0));
    makeService(AlertSettings{});
}

void TestAlertService::cleanup()
{
    m_service.reset();
    m_store.reset();
}

void TestAlertService::makeService(const AlertSettings& settings)
{
    m_service.reset();
    AlertService::Hooks hooks;
    hooks.printer = [this](qint64 id) -> std::optional<AlertService::PrinterInfo> {
        const auto p = m_store->printerById(id);
        if (!p)
            return std::nullopt;
        return AlertService::PrinterInfo{p->name, p->location};
    };
    hooks.adminAddresses = [this] { return m_admins; };
    hooks.publishToAdmins = [this](const QJsonObject& event) { m_events << event; };
    hooks.send = [this](const MailMessage& message) {
        if (m_nextResult.ok)
            m_mails << message;
        return m_nextResult;
    };
    hooks.forecastDaysLeft = [this](qint64) { return m_forecast; };
    m_service = std::make_unique<AlertService>(m_store->alerts(), settings, m_clock, hooks);
}

void TestAlertService::reopenStore()
{
    // As after kill -9: nothing in memory survives, only the database file.
    m_service.reset();
    m_store = std::make_unique<Store>();
    QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("mps.db")), m_key),
             qPrintable(m_store->errorString()));
}

DeviceSnapshot TestAlertService::snapshot(int level, const QStringList& reasons) const
{
    DeviceSnapshot s;
    s.printerId = m_printerId;
    s.reachable = true;
    s.state = QStringLiteral("idle");
    s.reasons = reasons;
    s.supplies = {supply(QStringLiteral("ipp:0"), QStringLiteral("Black Toner Cartridge TN-2420"), level)};
    s.pageCount = 1000;
    s.source = QStringLiteral("ipp");
    s.checkedAt = m_clock.nowSecs();
    return s;
}

QList<QJsonObject> TestAlertService::eventsOfState(const QString& state) const
{
    QList<QJsonObject> out;
    for (const QJsonObject& e : m_events) {
        if (e.value(QStringLiteral("type")).toString() == QLatin1String("device-alert") &&
            e.value(QStringLiteral("alert")).toObject().value(QStringLiteral("state")).toString() == state)
            out << e.value(QStringLiteral("alert")).toObject();
    }
    return out;
}

void TestAlertService::tonerLowOpensOneAlertNotRepeated()
{
    m_service->observe({}, snapshot(40));
    QCOMPARE(m_service->processDue(), 0);
    QVERIFY(m_events.isEmpty());

    m_service->observe(snapshot(40), snapshot(8));
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 1);
    const QJsonObject alert = eventsOfState(QStringLiteral("open")).first();
    QCOMPARE(alert.value(QStringLiteral("condition")).toString(), QStringLiteral("supply-low:ipp:0"));
    QCOMPARE(alert.value(QStringLiteral("kind")).toString(), QStringLiteral("supply-low"));
    QCOMPARE(alert.value(QStringLiteral("printer")).toString(), QStringLiteral("3F-East"));
    QCOMPARE(alert.value(QStringLiteral("location")).toString(), QStringLiteral("3층 동쪽 복도"));
    QCOMPARE(alert.value(QStringLiteral("subject")).toString(),
             QStringLiteral("Black Toner Cartridge TN-2420"));
    QCOMPARE(alert.value(QStringLiteral("level")).toInt(), 8);
    QVERIFY(alert.value(QStringLiteral("cleared")).isNull());

    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(m_mails.size(), 1);
    const MailMessage& mail = m_mails.first();
    QCOMPARE(mail.to, QStringList{QStringLiteral("admin@example.test")});
    QVERIFY2(mail.subject.contains(QStringLiteral("3F-East")), qPrintable(mail.subject));
    QVERIFY2(mail.subject.contains(QStringLiteral("Black Toner Cartridge TN-2420")),
             qPrintable(mail.subject));
    QVERIFY2(mail.text.contains(QStringLiteral("남은 양 8%")), qPrintable(mail.text));
    QVERIFY2(mail.text.contains(QStringLiteral("8% left")), qPrintable(mail.text));
    QVERIFY2(mail.text.contains(QStringLiteral("3층 동쪽 복도")), qPrintable(mail.text));
    // Korean first, then English.
    QVERIFY(mail.text.indexOf(QStringLiteral("소모품 부족")) <
            mail.text.indexOf(QStringLiteral("Supply low")));

    // Still low, lower, polled again and again: no second alert, no second mail.
    for (int level : {7, 7, 6}) {
        m_clock.advance(60);
        m_service->observe(snapshot(level + 1), snapshot(level));
        QCOMPARE(m_service->processDue(), 0);
    }
    QCOMPARE(m_mails.size(), 1);
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 1);
    const QJsonArray open = m_service->openAlertsJson().value(QStringLiteral("alerts")).toArray();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().toObject().value(QStringLiteral("level")).toInt(), 6);
}

void TestAlertService::reminderWhileOpen()
{
    m_service->observe({}, snapshot(5));
    QCOMPARE(m_service->processDue(), 1);
    m_clock.advance(23 * 3600);
    m_service->observe({}, snapshot(5));
    QCOMPARE(m_service->processDue(), 0);
    m_clock.advance(3600);
    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(m_mails.size(), 2);
    QVERIFY2(m_mails.last().subject.contains(QStringLiteral("Reminder")), qPrintable(m_mails.last().subject));
    QVERIFY2(m_mails.last().subject.contains(QStringLiteral("다시 알림")),
             qPrintable(m_mails.last().subject));
    QCOMPARE(eventsOfState(QStringLiteral("reminder")).size(), 1);
    QCOMPARE(m_service->processDue(), 0);
    m_clock.advance(24 * 3600);
    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(eventsOfState(QStringLiteral("reminder")).size(), 2);

    // reminder-hours = 0: none.
    AlertSettings none;
    none.reminderHours = 0;
    makeService(none);
    m_clock.advance(100 * 3600);
    QCOMPARE(m_service->processDue(), 0);
}

void TestAlertService::jamThenAllClear()
{
    m_service->observe({}, snapshot(80));
    m_service->observe(snapshot(80), snapshot(80, {QStringLiteral("media-jam-error")}));
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 1);
    QCOMPARE(eventsOfState(QStringLiteral("open")).first().value(QStringLiteral("condition")).toString(),
             QStringLiteral("fault:media-jam"));
    QCOMPARE(m_service->processDue(), 1);
    QVERIFY2(m_mails.last().text.contains(QStringLiteral("용지 걸림")), qPrintable(m_mails.last().text));
    QVERIFY2(m_mails.last().text.contains(QStringLiteral("paper jam")), qPrintable(m_mails.last().text));

    m_clock.advance(300);
    m_service->observe(snapshot(80, {QStringLiteral("media-jam-error")}), snapshot(80));
    QCOMPARE(eventsOfState(QStringLiteral("cleared")).size(), 1);
    QVERIFY(!eventsOfState(QStringLiteral("cleared")).first().value(QStringLiteral("cleared")).isNull());
    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(m_mails.size(), 2);
    QVERIFY2(m_mails.last().subject.contains(QStringLiteral("All clear")),
             qPrintable(m_mails.last().subject));
    QVERIFY2(m_mails.last().subject.contains(QStringLiteral("해결됨")), qPrintable(m_mails.last().subject));
    QVERIFY(m_service->openAlertsJson().value(QStringLiteral("alerts")).toArray().isEmpty());
    QCOMPARE(m_service->processDue(), 0);

    // A new jam later is a new alert.
    m_service->observe(snapshot(80), snapshot(80, {QStringLiteral("media-jam")}));
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 2);
}

void TestAlertService::quietHoursGiveOneDigestAtTheirEnd()
{
    AlertSettings settings;
    QVERIFY(settings.setQuietHours(QStringLiteral("22:00-07:00")));
    makeService(settings);
    setTime(localSecs(2026, 12, 3, 23, 0));
    m_service->observe({}, snapshot(8));
    m_clock.advance(600);
    m_service->observe({}, snapshot(8, {QStringLiteral("media-jam-error")}));
    // Tray events at once, mail waits.
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 2);
    QCOMPARE(m_service->processDue(), 0);
    setTime(localSecs(2026, 12, 4, 3, 0));
    m_service->observe({}, snapshot(8));
    QCOMPARE(eventsOfState(QStringLiteral("cleared")).size(), 1);
    QCOMPARE(m_service->processDue(), 0);
    setTime(localSecs(2026, 12, 4, 6, 59));
    QCOMPARE(m_service->processDue(), 0);
    QVERIFY(m_mails.isEmpty());

    setTime(localSecs(2026, 12, 4, 7, 0));
    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(m_mails.size(), 1);
    const MailMessage& digest = m_mails.first();
    QVERIFY2(digest.subject.contains(QStringLiteral("2")), qPrintable(digest.subject));
    QVERIFY2(digest.text.contains(QStringLiteral("Black Toner Cartridge TN-2420")), qPrintable(digest.text));
    QVERIFY2(digest.text.contains(QStringLiteral("paper jam")), qPrintable(digest.text));
    QVERIFY2(digest.text.contains(QStringLiteral("용지 걸림")), qPrintable(digest.text));
    QCOMPARE(m_service->processDue(), 0);

    // After the quiet hours, a new condition gets its own mail at once.
    m_clock.advance(3600);
    m_service->observe({}, snapshot(8, {QStringLiteral("door-open")}));
    QCOMPARE(m_service->processDue(), 1);
    QVERIFY2(m_mails.last().text.contains(QStringLiteral("door or cover open")),
             qPrintable(m_mails.last().text));
}

void TestAlertService::quietHoursDigestIsOneMessageToAllAdmins()
{
    // Two admins and a configured address, two printers, and a mail that failed just before the quiet
    // hours (its retry falls into them): at their end everything goes as ONE message to everyone.
    m_admins = {QStringLiteral("kim@example.test"), QStringLiteral("lee@example.test")};
    AlertSettings settings;
    QVERIFY(settings.setQuietHours(QStringLiteral("22:00-07:00")));
    settings.recipients = {QStringLiteral("facilities@example.test")};
    makeService(settings);
    PrinterRecord second;
    second.name = QStringLiteral("5F-West");
    second.uri = QStringLiteral("ipp://127.0.0.1:2/ipp/print");
    second.location = QStringLiteral("5층 서쪽");
    QString error;
    QVERIFY2(m_store->addPrinter(&second, &error), qPrintable(error));
    DeviceSnapshot other = snapshot(60);
    other.printerId = second.id;

    setTime(localSecs(2026, 12, 3, 21, 59));
    m_nextResult = SmtpMailer::Result{false, true, 451, QStringLiteral("try later")};
    m_service->observe({}, snapshot(60, {QStringLiteral("media-jam")}));
    QCOMPARE(m_service->processDue(), 0); // refused: owed, retried in a minute, which is quiet
    m_nextResult = SmtpMailer::Result{true, false, 250, {}};
    setTime(localSecs(2026, 12, 3, 23, 30));
    other.checkedAt = m_clock.nowSecs();
    other.supplies[0].level = 5;
    m_service->observe({}, other);
    setTime(localSecs(2026, 12, 4, 2, 0));
    other.checkedAt = m_clock.nowSecs();
    other.reasons = {QStringLiteral("door-open")};
    m_service->observe({}, other);
    setTime(localSecs(2026, 12, 4, 4, 0));
    other.checkedAt = m_clock.nowSecs();
    other.reasons = {};
    m_service->observe({}, other);
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 3); // the trays heard at once
    setTime(localSecs(2026, 12, 4, 6, 59));
    QCOMPARE(m_service->processDue(), 0);
    QVERIFY(m_mails.isEmpty());

    setTime(localSecs(2026, 12, 4, 7, 1));
    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(m_mails.size(), 1);
    const MailMessage& digest = m_mails.first();
    QStringList to = digest.to;
    to.sort();
    QCOMPARE(to, QStringList({QStringLiteral("facilities@example.test"), QStringLiteral("kim@example.test"),
                              QStringLiteral("lee@example.test")}));
    QVERIFY2(digest.subject.contains(QStringLiteral("3")), qPrintable(digest.subject));
    for (const QString& word :
         {QStringLiteral("3F-East"), QStringLiteral("5F-West"), QStringLiteral("paper jam"),
          QStringLiteral("door or cover open"), QStringLiteral("Black Toner Cartridge TN-2420")})
        QVERIFY2(digest.text.contains(word),
                 qPrintable(word + QStringLiteral(" missing in:\n") + digest.text));
    QCOMPARE(m_service->processDue(), 0);
    QCOMPARE(m_mails.size(), 1);
}

void TestAlertService::restartNeitherRepeatsNorForgets()
{
    m_service->observe({}, snapshot(8));
    QCOMPARE(m_service->processDue(), 1);
    // The jam's mail cannot go out before the "crash".
    m_nextResult = SmtpMailer::Result{false, true, 0, QStringLiteral("connection refused")};
    m_service->observe({}, snapshot(8, {QStringLiteral("media-jam-error")}));
    QCOMPARE(m_service->processDue(), 0);
    QCOMPARE(m_mails.size(), 1);

    reopenStore();
    m_nextResult = SmtpMailer::Result{true, false, 250, {}};
    makeService(AlertSettings{});
    m_events.clear();
    m_service->observe({}, snapshot(8, {QStringLiteral("media-jam-error")}));
    QVERIFY2(m_events.isEmpty(), "a stored open alert was opened again");
    QCOMPARE(m_service->processDue(), 1); // the jam's mail, not the toner's again
    QCOMPARE(m_mails.size(), 2);
    QVERIFY2(m_mails.last().text.contains(QStringLiteral("paper jam")), qPrintable(m_mails.last().text));
    QCOMPARE(m_service->processDue(), 0);
    QCOMPARE(m_service->openAlertsJson().value(QStringLiteral("alerts")).toArray().size(), 2);
}

void TestAlertService::failedMailIsRetriedLater()
{
    m_nextResult = SmtpMailer::Result{false, true, 451, QStringLiteral("451 try later")};
    m_service->observe({}, snapshot(8));
    QCOMPARE(m_service->processDue(), 0);
    const AlertService::Stats failed = m_service->stats();
    QCOMPARE(failed.mailFailures, 1);
    QVERIFY(failed.retryAt > m_clock.nowSecs());
    m_nextResult = SmtpMailer::Result{true, false, 250, {}};
    QCOMPARE(m_service->processDue(), 0); // waits for the retry time
    m_clock.advance(failed.retryAt - m_clock.nowSecs());
    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(m_mails.size(), 1);
    QCOMPARE(m_service->stats().retryAt, 0);
}

void TestAlertService::unreachableAfterMinutes()
{
    DeviceSnapshot down;
    down.printerId = m_printerId;
    down.reachable = false;
    down.error = QStringLiteral("connection refused");
    m_service->observe({}, snapshot(80, {QStringLiteral("media-jam-error")}));
    const int opened = eventsOfState(QStringLiteral("open")).size();
    for (int minutes : {0, 1, 3, 7}) {
        Q_UNUSED(minutes);
        down.checkedAt = m_clock.nowSecs();
        m_service->observe({}, down);
        m_clock.advance(120);
    }
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), opened);
    QCOMPARE(eventsOfState(QStringLiteral("cleared")).size(), 0); // the jam is not cleared by silence
    m_clock.advance(180);
    down.checkedAt = m_clock.nowSecs();
    m_service->observe({}, down);
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), opened + 1);
    QCOMPARE(eventsOfState(QStringLiteral("open")).last().value(QStringLiteral("kind")).toString(),
             QStringLiteral("unreachable"));
    m_service->observe({}, down);
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), opened + 1);
    m_service->observe({}, snapshot(80));
    QCOMPARE(eventsOfState(QStringLiteral("cleared")).size(), 2); // unreachable and the jam
}

void TestAlertService::forecastThenLowIsNoAllClear()
{
    m_forecast.insert(QStringLiteral("ipp:0"), 5);
    m_service->observe({}, snapshot(30));
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 1);
    QCOMPARE(eventsOfState(QStringLiteral("open")).first().value(QStringLiteral("condition")).toString(),
             QStringLiteral("supply-forecast:ipp:0"));
    QCOMPARE(eventsOfState(QStringLiteral("open")).first().value(QStringLiteral("daysLeft")).toInt(), 5);
    QCOMPARE(m_service->processDue(), 1);
    QVERIFY2(m_mails.last().text.contains(QStringLiteral("about 5 days left")),
             qPrintable(m_mails.last().text));
    m_forecast.insert(QStringLiteral("ipp:0"), 2);
    m_service->observe({}, snapshot(12));
    QCOMPARE(eventsOfState(QStringLiteral("open")).size(), 2);
    QCOMPARE(eventsOfState(QStringLiteral("cleared")).size(), 0);
    QCOMPARE(m_service->processDue(), 1);
    QVERIFY2(m_mails.last().subject.contains(QStringLiteral("Supply low")),
             qPrintable(m_mails.last().subject));
    // The refill clears the low alert with an all clear.
    m_forecast.remove(QStringLiteral("ipp:0"));
    m_service->observe({}, snapshot(100));
    QCOMPARE(eventsOfState(QStringLiteral("cleared")).size(), 1);
    QCOMPARE(m_service->processDue(), 1);
    QVERIFY2(m_mails.last().subject.contains(QStringLiteral("All clear")),
             qPrintable(m_mails.last().subject));
}

void TestAlertService::recipientsAreAdminsAndConfigured()
{
    AlertSettings settings;
    settings.recipients = {QStringLiteral("facilities@example.test"), QStringLiteral("ADMIN@example.test")};
    makeService(settings);
    QCOMPARE(m_service->recipients(),
             QStringList({QStringLiteral("admin@example.test"), QStringLiteral("facilities@example.test")}));
    m_service->observe({}, snapshot(3));
    QCOMPARE(m_service->processDue(), 1);
    QCOMPARE(m_mails.last().to, m_service->recipients());

    // Nobody to mail: the event still goes out, the mail is not owed for ever.
    m_admins.clear();
    makeService(AlertSettings{});
    m_service->observe({}, snapshot(3, {QStringLiteral("door-open")}));
    QCOMPARE(m_service->processDue(), 0);
    QCOMPARE(m_mails.size(), 1);
    m_admins = {QStringLiteral("admin@example.test")};
    QCOMPARE(m_service->processDue(), 0);
}

QTEST_GUILESS_MAIN(TestAlertService)
#include "TestAlertService.moc"
