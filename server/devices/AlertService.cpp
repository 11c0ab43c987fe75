#include "AlertService.h"

#include "Clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QTimeZone>
#include <algorithm>
#include <chrono>

Q_LOGGING_CATEGORY(lcAlerts, "mps.server.alerts", QtInfoMsg)

namespace {

/// printer-state-reasons keywords that are faults (docs/devices.md), without -error/-warning/-report.
const QSet<QString>& faultKeywords()
{
    static const QSet<QString> faults = {
        QStringLiteral("media-jam"),        QStringLiteral("media-empty"),
        QStringLiteral("toner-empty"),      QStringLiteral("door-open"),
        QStringLiteral("offline"),          QStringLiteral("marker-supply-empty"),
        QStringLiteral("cover-open"),       QStringLiteral("input-tray-missing"),
        QStringLiteral("output-area-full"),
    };
    return faults;
}

QString keywordOf(QString reason)
{
    for (const char* suffix : {"-error", "-warning", "-report"}) {
        if (reason.endsWith(QLatin1String(suffix))) {
            reason.chop(static_cast<int>(qstrlen(suffix)));
            break;
        }
    }
    return reason;
}

QJsonValue isoOrNull(qint64 secs)
{
    if (secs <= 0)
        return QJsonValue::Null;
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

/// Retry waits after failed sends: 1, 5, 15, 30, then 60 minutes.
qint64 retryDelaySecs(int failures)
{
    static const qint64 delays[] = {60, 300, 900, 1800, 3600};
    return delays[std::clamp(failures - 1, 0, 4)];
}

} // namespace

AlertService::AlertService(AlertStore& store, AlertSettings settings, const Clock& clock, Hooks hooks)
    : m_store(store), m_settings(std::move(settings)), m_clock(clock), m_hooks(std::move(hooks))
{
}

AlertService::~AlertService()
{
    stop();
}

void AlertService::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        return;
    m_running = true;
    m_thread = std::thread([this] { runWorker(); });
}

void AlertService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
        m_running = false;
        m_wake = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

QHash<QString, AlertRecord> AlertService::conditionsOf(const DeviceSnapshot& now)
{
    QHash<QString, AlertRecord> found;
    const auto add = [&](const QString& kind, const QString& key, const QString& subject, int level,
                         int daysLeft) {
        AlertRecord r;
        r.printerId = now.printerId;
        r.kind = kind;
        r.condition = key.isEmpty() ? kind : kind + QLatin1Char(':') + key;
        r.subject = subject;
        r.level = level;
        r.daysLeft = daysLeft;
        found.insert(r.condition, r);
    };
    for (const QString& reason : now.reasons) {
        const QString keyword = keywordOf(reason);
        if (faultKeywords().contains(keyword))
            add(QStringLiteral("fault"), keyword, keyword, -1, -1);
    }
    if (now.state == QLatin1String("stopped"))
        add(QStringLiteral("fault"), QStringLiteral("stopped"), QStringLiteral("stopped"), -1, -1);
    const QHash<QString, int> forecast = m_hooks.forecastDaysLeft && !now.supplies.isEmpty()
                                             ? m_hooks.forecastDaysLeft(now.printerId)
                                             : QHash<QString, int>();
    for (const SupplySnapshot& supply : now.supplies) {
        const QString subject = supply.description.isEmpty() ? supply.key : supply.description;
        const int daysLeft = forecast.value(supply.key, -1);
        if (supply.level >= 0 && supply.level <= m_settings.lowPercent)
            add(QStringLiteral("supply-low"), supply.key, subject, supply.level, daysLeft);
        else if (daysLeft >= 0 && daysLeft <= m_settings.forecastDays)
            add(QStringLiteral("supply-forecast"), supply.key, subject, supply.level, daysLeft);
    }
    return found;
}

void AlertService::observe(const DeviceSnapshot& before, const DeviceSnapshot& now)
{
    Q_UNUSED(before);
    if (now.printerId <= 0)
        return;
    std::lock_guard lock(m_observeMutex);
    const qint64 at = now.checkedAt > 0 ? now.checkedAt : m_clock.nowSecs();
    const bool mailOn = static_cast<bool>(m_hooks.send);
    const QList<AlertRecord> open = m_store.openAlerts(now.printerId);
    QHash<QString, AlertRecord> openByCondition;
    for (const AlertRecord& a : open)
        openByCondition.insert(a.condition, a);
    bool changed = false;

    const auto openAlert = [&](AlertRecord r) {
        r.opened = at;
        r.openSent = mailOn ? 0 : -1;
        r.id = m_store.open(r);
        if (r.id == 0)
            return;
        qCInfo(lcAlerts) << "printer" << r.printerId << "alert" << r.id << "opened:" << r.condition;
        publish(r);
        changed = true;
    };
    const auto clearAlert = [&](AlertRecord r, bool announce) {
        if (!m_store.clear(r.id, at, announce && mailOn))
            return;
        qCInfo(lcAlerts) << "printer" << r.printerId << "alert" << r.id << "cleared:" << r.condition;
        r.cleared = at;
        if (announce)
            publish(r);
        changed = true;
    };

    if (!now.reachable) {
        // What a printer that does not answer has is unknown: its other alerts stay as they are.
        qint64 since = m_hooks.unreachableSince ? m_hooks.unreachableSince(now.printerId) : 0;
        if (since <= 0)
            since = m_unreachableSince.value(now.printerId, 0);
        if (since <= 0) {
            since = at;
            m_unreachableSince.insert(now.printerId, since);
        }
        if (!openByCondition.contains(QStringLiteral("unreachable")) &&
            at - since >= qint64(m_settings.unreachableMinutes) * 60) {
            AlertRecord r;
            r.printerId = now.printerId;
            r.kind = r.condition = QStringLiteral("unreachable");
            r.subject = QStringLiteral("unreachable");
            openAlert(r);
        }
    } else {
        m_unreachableSince.remove(now.printerId);
        const QHash<QString, AlertRecord> wanted = conditionsOf(now);
        for (const AlertRecord& a : open) {
            const auto it = wanted.constFind(a.condition);
            if (it == wanted.constEnd()) {
                // A forecast that became "low" is not an all clear: the low alert says more.
                const bool supersededByLow =
                    a.kind == QLatin1String("supply-forecast") &&
                    wanted.contains(QStringLiteral("supply-low:") + a.condition.section(QLatin1Char(':'), 1));
                clearAlert(a, !supersededByLow);
            } else if (it->level != a.level || it->daysLeft != a.daysLeft) {
                if (!m_store.updateSeen(a.id, it->level, it->daysLeft))
                    qCWarning(lcAlerts) << "printer" << a.printerId << "alert" << a.id << "level not stored";
            }
        }
        for (const AlertRecord& w : wanted) {
            if (!openByCondition.contains(w.condition))
                openAlert(w);
        }
    }
    if (changed && mailOn) {
        {
            std::lock_guard wakeLock(m_mutex);
            m_wake = true;
        }
        m_cv.notify_all();
    }
}

void AlertService::publish(const AlertRecord& alert) const
{
    if (!m_hooks.publishToAdmins)
        return;
    m_hooks.publishToAdmins(QJsonObject{{QStringLiteral("type"), QStringLiteral("device-alert")},
                                        {QStringLiteral("alert"), alertJson(alert)}});
}

QJsonObject AlertService::alertJson(const AlertRecord& a) const
{
    const std::optional<PrinterInfo> printer = m_hooks.printer ? m_hooks.printer(a.printerId) : std::nullopt;
    QString state = QStringLiteral("open");
    if (!a.isOpen())
        state = QStringLiteral("cleared");
    else if (a.reminders > 0)
        state = QStringLiteral("reminder");
    return QJsonObject{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("printerId"), a.printerId},
        {QStringLiteral("printer"), printer ? QJsonValue(printer->name) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("location"), printer ? QJsonValue(printer->location) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("condition"), a.condition},
        {QStringLiteral("kind"), a.kind},
        {QStringLiteral("subject"), a.subject},
        {QStringLiteral("level"), a.level >= 0 ? QJsonValue(a.level) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("daysLeft"), a.daysLeft >= 0 ? QJsonValue(a.daysLeft) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("state"), state},
        {QStringLiteral("opened"), isoOrNull(a.opened)},
        {QStringLiteral("cleared"), isoOrNull(a.cleared)},
    };
}

QJsonArray AlertService::openAlerts() const
{
    QJsonArray alerts;
    for (const AlertRecord& a : m_store.openAlerts())
        alerts.append(alertJson(a));
    return alerts;
}

bool AlertService::isQuiet(qint64 secs) const
{
    if (!m_settings.hasQuietHours())
        return false;
    const QTime t = QDateTime::fromSecsSinceEpoch(secs).toLocalTime().time();
    const int minute = t.hour() * 60 + t.minute();
    const int start = m_settings.quietStartMinute;
    const int end = m_settings.quietEndMinute;
    return start < end ? (minute >= start && minute < end) : (minute >= start || minute < end);
}

QStringList AlertService::recipients() const
{
    QStringList out;
    QSet<QString> seen;
    QStringList all = m_hooks.adminAddresses ? m_hooks.adminAddresses() : QStringList();
    all += m_settings.recipients;
    for (const QString& address : std::as_const(all)) {
        const QString a = address.trimmed();
        if (!a.isEmpty() && !seen.contains(a.toLower())) {
            seen.insert(a.toLower());
            out << a;
        }
    }
    return out;
}

AlertMailText::Item AlertService::itemFor(const AlertRecord& alert) const
{
    AlertMailText::Item item;
    item.alert = alert;
    const std::optional<PrinterInfo> printer =
        m_hooks.printer ? m_hooks.printer(alert.printerId) : std::nullopt;
    item.printer = printer ? printer->name : QStringLiteral("#%1").arg(alert.printerId);
    item.location = printer ? printer->location : QString();
    if (alert.clearSent == 0) {
        item.notice = AlertMailText::Notice::Cleared;
        item.at = alert.cleared;
    } else if (alert.reminderOwed && alert.openSent != 0) {
        item.notice = AlertMailText::Notice::Reminder;
        item.at = alert.remindedAt;
    } else {
        item.notice = AlertMailText::Notice::Opened;
        item.at = alert.opened;
    }
    return item;
}

bool AlertService::sendOne(const MailMessage& body, const QList<qint64>& ids, qint64 now)
{
    MailMessage message = body;
    message.to = recipients();
    if (message.to.isEmpty()) {
        // Nobody to tell: the tray events went out; owing the mail for ever would flood a recipient
        // added later with old news.
        qCWarning(lcAlerts)
            << "no alert recipients (no admin has an e-mail address, no [devices] alert-recipients):"
            << ids.size() << "alert mail(s) dropped";
        if (!m_store.markSent(ids, now))
            qCWarning(lcAlerts) << "alert mail state not stored";
        return false;
    }
    const SmtpMailer::Result result = m_hooks.send(message);
    std::lock_guard lock(m_mutex);
    if (!result.ok) {
        ++m_failures;
        ++m_stats.mailFailures;
        m_stats.lastError = result.error;
        m_stats.retryAt = now + retryDelaySecs(m_failures);
        qCWarning(lcAlerts) << "alert mail not sent:" << result.error << "- next try at"
                            << QDateTime::fromSecsSinceEpoch(m_stats.retryAt).toString(Qt::ISODate);
        return false;
    }
    m_failures = 0;
    m_stats.retryAt = 0;
    ++m_stats.mailsSent;
    if (!m_store.markSent(ids, now))
        qCWarning(lcAlerts) << "alert mail state not stored (it may go out again after a restart)";
    return true;
}

int AlertService::processDue()
{
    std::lock_guard sendLock(m_sendMutex);
    const qint64 now = m_clock.nowSecs();
    // Reminders fall due whether or not mail can go now (tray events go out at once).
    if (m_settings.reminderHours > 0) {
        const qint64 period = qint64(m_settings.reminderHours) * 3600;
        for (AlertRecord& a : m_store.openAlerts()) {
            if (a.reminderOwed || now < std::max(a.opened, a.remindedAt) + period)
                continue;
            if (m_store.remind(a.id, now)) {
                ++a.reminders;
                a.remindedAt = now;
                a.reminderOwed = true;
                qCInfo(lcAlerts) << "printer" << a.printerId << "alert" << a.id << "reminder" << a.reminders;
                publish(a);
            }
        }
    }
    if (!m_hooks.send || isQuiet(now))
        return 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_stats.retryAt > now)
            return 0;
    }
    const QList<AlertRecord> owed = m_store.owed();
    if (owed.isEmpty())
        return 0;
    // Quiet hours just ended with notices held back: everything owed goes out as ONE digest to all
    // recipients (also a mail owed from before them, e.g. one whose retry fell into them), not a digest
    // plus single mails. Otherwise one mail per alert.
    QList<AlertMailText::Item> items;
    QList<qint64> ids;
    bool heldBack = false;
    for (const AlertRecord& a : owed) {
        items << itemFor(a);
        ids << a.id;
        heldBack = heldBack || isQuiet(items.last().at);
    }
    if (heldBack)
        return sendOne(AlertMailText::digest(items), ids, now) ? 1 : 0;
    int sent = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!sendOne(AlertMailText::single(items.at(i)), {ids.at(i)}, now)) {
            std::lock_guard lock(m_mutex);
            if (m_stats.retryAt > now)
                return sent;
            continue;
        }
        ++sent;
    }
    return sent;
}

AlertService::Stats AlertService::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

qint64 AlertService::nextWakeSecs(qint64 now)
{
    // Wake at least every minute (reminders, the end of quiet hours, a retry), at once when woken.
    Q_UNUSED(now);
    return 60;
}

void AlertService::runWorker()
{
    for (;;) {
        processDue();
        std::unique_lock lock(m_mutex);
        if (!m_running)
            return;
        m_cv.wait_for(lock, std::chrono::seconds(nextWakeSecs(m_clock.nowSecs())),
                      [this] { return m_wake || !m_running; });
        m_wake = false;
        if (!m_running)
            return;
    }
}
