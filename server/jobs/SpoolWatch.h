#pragma once
#include "MailMessage.h"
#include "SmtpMailer.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <mutex>

class Clock;
class Spool;

/// Tells the print admins when the spool's file system runs low and when it is full, and when it has room
/// again (docs/server.md "Spool space"): an event to the admins' trays (`server-alert`) and one mail per
/// change, in Korean and then English in one message (as device alerts, docs/devices.md). The level and
/// whether its mail is still owed are stored (`meta`), so a restart neither repeats nor forgets a mail; a
/// mail that fails is tried again later (1, 2, 4 ... 60 minutes). Called from the sweep thread;
/// thread-safe.
class SpoolWatch
{
public:
    enum class Level { Ok, Low, Full };

    struct Hooks
    {
        std::function<QStringList()> recipients; ///< the admins' and alert-recipients
        std::function<void(const QJsonObject& event)> publishToAdmins;
        std::function<SmtpMailer::Result(const MailMessage&)> send; ///< empty: mail is off
        std::function<QString()> loadState;                         ///< what saveState stored; empty: none
        std::function<void(const QString& state)> saveState;
    };

    /// `warnBytes`: below this much free space (and below twice the spool's reserve) the spool is low.
    SpoolWatch(const Spool& spool, qint64 warnBytes, QString spoolPath, const Clock& clock, Hooks hooks);

    /// Measures the free space; on a change of level tells the admins; sends a mail still owed.
    /// Blocking while it sends.
    void check();
    Level level() const;

    /// The level's stored name: ok, low, full.
    static QString levelName(Level level);
    /// The mail about reaching `level` with `freeMb` free and `reserveMb` kept (pure).
    static MailMessage mailFor(Level level, qint64 freeMb, qint64 reserveMb, const QString& spoolPath);

private:
    void save();

    const Spool& m_spool;
    const qint64 m_warnBytes;
    const QString m_spoolPath;
    const Clock& m_clock;
    const Hooks m_hooks;
    mutable std::mutex m_mutex;
    Level m_level = Level::Ok;
    bool m_owed = false; ///< the mail about m_level has not gone out yet
    qint64 m_freeMb = 0; ///< at the last change of level (the owed mail tells it)
    bool m_told = false; ///< a low or full mail went out since the spool was last ok
    int m_failures = 0;  ///< mails that failed in a row (retryable)
    qint64 m_retryAt = 0; ///< epoch secs before which the owed mail is not tried again
};
