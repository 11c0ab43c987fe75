#pragma once
#include "AlertMailText.h"
#include "AlertSettings.h"
#include "AlertStore.h"
#include "DeviceSnapshot.h"
#include "SmtpMailer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

class Clock;

/// Device alerts (docs/devices.md, "Alerts"): observes every poll's snapshot, opens a stored alert
/// when a condition is first seen (a fault, a supply at or below low-percent, a forecast within
/// forecast-days, unreachable for unreachable-minutes) and clears it when it ends. Each opening and
/// clearing goes to the admins' trays at once (`device-alert`) and by mail: one mail when it opens, a
/// reminder every reminder-hours while open, an all clear when it ends; during quiet hours mails wait
/// and go out as one digest at their end. What was mailed is stored with the alert, so a restart
/// neither repeats nor forgets a mail. Mail goes out on the service's own thread with retries; the
/// monitor's threads only touch the store. Thread-safe.
class AlertService
{
public:
    /// A printer as mails and events name it.
    struct PrinterInfo
    {
        QString name;
        QString location;
    };
    /// What the service needs from the rest of the server (each may be empty).
    struct Hooks
    {
        std::function<std::optional<PrinterInfo>(qint64 printerId)> printer;
        /// Addresses of the admins who have one (AlertSettings::recipients are added).
        std::function<QStringList()> adminAddresses;
        /// Publishes an event to the admins (EventBus::publishToAdmins).
        std::function<void(const QJsonObject& event)> publishToAdmins;
        /// Sends one mail, blocking (SmtpMailer::send); empty: mail is off and nothing is owed.
        std::function<SmtpMailer::Result(const MailMessage& message)> send;
        /// The printer's supplies' forecast days left by supply key (SupplyForecast); missing: none.
        std::function<QHash<QString, int>(qint64 printerId)> forecastDaysLeft;
        /// Since when the printer has been unreachable (DeviceMonitor::unreachableSince); 0 unknown.
        std::function<qint64(qint64 printerId)> unreachableSince;
    };

    AlertService(AlertStore& store, AlertSettings settings, const Clock& clock, Hooks hooks);
    ~AlertService();
    AlertService(const AlertService&) = delete;
    AlertService& operator=(const AlertService&) = delete;

    /// Starts the mail thread (it sends what is owed, including what a previous run left).
    void start();
    /// Stops the mail thread; a send in flight finishes first (bounded by the mail timeout).
    void stop();

    /// A DeviceMonitor observer: compares `now` with the open alerts of its printer and opens or
    /// clears alerts. Quick (store writes and events only); callable from any thread.
    void observe(const DeviceSnapshot& before, const DeviceSnapshot& now);

    /// Issues reminders that are due and sends the mails that are owed and allowed now (not in quiet
    /// hours, not waiting for a retry). Blocking while sending. Returns the number of mails accepted.
    /// The mail thread calls it; tests call it with the thread not started.
    int processDue();

    /// The open alerts as alert JSON, oldest first (DevicesApi::setOpenAlerts, GET /api/v1/devices/alerts).
    QJsonArray openAlerts() const;
    /// `{"alerts": [alert...]}`: openAlerts() as GET /api/v1/devices/alerts answers it.
    QJsonObject openAlertsJson() const { return QJsonObject{{QStringLiteral("alerts"), openAlerts()}}; }
    /// The alert JSON of docs/devices.md for one stored alert.
    QJsonObject alertJson(const AlertRecord& alert) const;
    /// True when `secs` (epoch) falls in the quiet hours (server local time).
    bool isQuiet(qint64 secs) const;
    /// The addresses alert mails go to: admins with an address plus alert-recipients, without repeats.
    QStringList recipients() const;

    /// Counters for tests, the bench and health.
    struct Stats
    {
        qint64 mailsSent = 0;
        qint64 mailFailures = 0;
        QString lastError;
        qint64 retryAt = 0; ///< epoch secs before which no mail is tried again; 0 none
    };
    Stats stats() const;

private:
    QHash<QString, AlertRecord> conditionsOf(const DeviceSnapshot& now);
    void publish(const AlertRecord& alert) const;
    bool sendOne(const MailMessage& message, const QList<qint64>& ids, qint64 now);
    AlertMailText::Item itemFor(const AlertRecord& alert) const;
    qint64 nextWakeSecs(qint64 now);
    void runWorker();

    AlertStore& m_store;
    const AlertSettings m_settings;
    const Clock& m_clock;
    const Hooks m_hooks;

    std::mutex m_observeMutex; ///< one evaluation at a time (the monitor polls on several threads)
    QHash<qint64, qint64> m_unreachableSince;

    std::mutex m_sendMutex; ///< one processDue at a time
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_wake = false;
    bool m_running = false;
    std::thread m_thread;
    Stats m_stats;
    int m_failures = 0;
};
