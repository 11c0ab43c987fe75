#include "SpoolWatch.h"

#include "Clock.h"
#include "Log.h"
#include "Spool.h"

#include <algorithm>

namespace {

constexpr qint64 MiB = 1024 * 1024;

SpoolWatch::Level levelFromName(const QString& name)
{
    if (name == QLatin1String("low"))
        return SpoolWatch::Level::Low;
    if (name == QLatin1String("full"))
        return SpoolWatch::Level::Full;
    return SpoolWatch::Level::Ok;
}

} // namespace

SpoolWatch::SpoolWatch(const Spool& spool, qint64 warnBytes, QString spoolPath, const Clock& clock,
                       Hooks hooks)
    : m_spool(spool), m_warnBytes(std::max<qint64>(0, warnBytes)), m_spoolPath(std::move(spoolPath)),
      m_clock(clock), m_hooks(std::move(hooks))
{
    // "low|1|812|0": the level at the last check, whether its mail is owed, the free MB it tells, and
    // whether a low or full mail went out since the spool was last ok.
    const QStringList stored = (m_hooks.loadState ? m_hooks.loadState() : QString()).split(QLatin1Char('|'));
    m_level = levelFromName(stored.value(0));
    m_owed = stored.value(1) == QLatin1String("1");
    m_freeMb = stored.value(2).toLongLong();
    m_told = stored.value(3) == QLatin1String("1");
}

QString SpoolWatch::levelName(Level level)
{
    switch (level) {
    case Level::Ok:
        return QStringLiteral("ok");
    case Level::Low:
        return QStringLiteral("low");
    case Level::Full:
        return QStringLiteral("full");
    }
    return QStringLiteral("ok");
}

SpoolWatch::Level SpoolWatch::level() const
{
    std::lock_guard lock(m_mutex);
    return m_level;
}

void SpoolWatch::save()
{
    if (m_hooks.saveState)
        m_hooks.saveState(QStringLiteral("%1|%2|%3|%4")
                              .arg(levelName(m_level))
                              .arg(m_owed ? 1 : 0)
                              .arg(m_freeMb)
                              .arg(m_told ? 1 : 0));
}

void SpoolWatch::check()
{
    std::lock_guard lock(m_mutex);
    qint64 available = 0;
    const bool room = m_spool.hasRoom(0, &available);
    if (available < 0)
        return; // the file system cannot be asked: nothing is known
    const qint64 reserve = m_spool.reserveBytes();
    const qint64 lowBelow = std::max(m_warnBytes, 2 * reserve);
    // Back to a better level only with some room to spare (a twentieth of the mark, at least 1 MiB), so
    // that a disk hovering at a mark does not mail every minute.
    const auto spare = [](qint64 mark) { return std::max<qint64>(MiB, mark / 20); };
    Level now = Level::Ok;
    if (!room || (m_level == Level::Full && available < reserve + spare(reserve)))
        now = Level::Full;
    else if (available < lowBelow || (m_level != Level::Ok && available < lowBelow + spare(lowBelow)))
        now = Level::Low;
    if (now != m_level) {
        const Level before = m_level;
        m_level = now;
        m_freeMb = available / MiB;
        // Back from full to low says nothing (the low mail went when it got low); back to ok says so
        // when a low or full mail went out since the last time it was ok.
        m_owed = now == Level::Ok ? m_told : !(before == Level::Full && now == Level::Low);
        if (now == Level::Ok)
            m_told = false;
        save();
        qCWarning(lcSpool).noquote() << QStringLiteral("spool %1: %2 MB free, %3 MB kept in reserve")
                                            .arg(levelName(now))
                                            .arg(m_freeMb)
                                            .arg(reserve / MiB);
        if (m_hooks.publishToAdmins)
            m_hooks.publishToAdmins(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("server-alert")},
                            {QStringLiteral("condition"), QStringLiteral("spool-%1").arg(levelName(now))},
                            {QStringLiteral("freeMb"), m_freeMb},
                            {QStringLiteral("reserveMb"), reserve / MiB}});
    }
    if (!m_owed)
        return;
    if (!m_hooks.send) {
        m_owed = false; // mail is off: nothing is owed
        save();
        return;
    }
    MailMessage message = mailFor(m_level, m_freeMb, reserve / MiB, m_spoolPath);
    message.to = m_hooks.recipients ? m_hooks.recipients() : QStringList();
    if (message.to.isEmpty())
        return; // owed until an admin has an address
    // A relay that does not answer holds the sweep for its timeout: after a failure the next try waits
    // 1, 2, 4 ... at most 60 minutes.
    const qint64 nowSecs = m_clock.nowSecs();
    if (nowSecs < m_retryAt)
        return;
    const SmtpMailer::Result r = m_hooks.send(message);
    if (!r.ok && r.retryable) {
        const qint64 wait = std::min<qint64>(3600, qint64(60) << std::min(m_failures, 6));
        ++m_failures;
        m_retryAt = nowSecs + wait;
        qCWarning(lcSpool).noquote() << "the spool" << levelName(m_level)
                                     << "mail was not sent (tried again in" << wait / 60
                                     << "min):" << r.error;
        return;
    }
    if (!r.ok)
        qCWarning(lcSpool).noquote() << "the spool" << levelName(m_level) << "mail was refused:" << r.error;
    m_failures = 0;
    m_retryAt = 0;
    m_owed = false;
    if (m_level != Level::Ok)
        m_told = true;
    save();
}

MailMessage SpoolWatch::mailFor(Level level, qint64 freeMb, qint64 reserveMb, const QString& spoolPath)
{
    MailMessage m;
    switch (level) {
    case Level::Low:
        m.subject = QStringLiteral("[MPS] 인쇄 서버 저장 공간 부족 / Print server storage low: %1 MB free")
                        .arg(freeMb);
        m.text =
            QStringLiteral(
                "인쇄 서버의 저장 공간이 부족합니다: %1 MB 남음 (예비 %2 MB).\n"
                "예비 공간 아래로 내려가면 새 인쇄 작업과 팩스 원고를 받지 않습니다. 오래된 작업을 지우거나 "
                "디스크를 늘려 주십시오.\n\n"
                "The print server's storage is running low: %1 MB free (%2 MB kept in reserve).\n"
                "Below the reserve it refuses new print jobs and fax drafts. Delete old jobs or enlarge "
                "the disk.\n\n")
                .arg(freeMb)
                .arg(reserveMb);
        break;
    case Level::Full:
        m.subject =
            QStringLiteral("[MPS] 인쇄 서버 저장 공간 가득 참 / Print server storage full: %1 MB free")
                .arg(freeMb);
        m.text =
            QStringLiteral(
                "인쇄 서버의 저장 공간이 가득 찼습니다: %1 MB 남음 (예비 %2 MB).\n"
                "새 인쇄 작업과 팩스 원고를 받지 않고 있습니다. 데스크톱에서 보낸 출력물은 각 PC에서 "
                "기다리다가 공간이 생기면 저절로 전송됩니다. 오래된 작업을 지우거나 디스크를 늘려 "
                "주십시오.\n\n"
                "The print server's storage is full: %1 MB free (%2 MB kept in reserve).\n"
                "It is refusing new print jobs and fax drafts. What people print from their desktops waits "
                "on their computers and is sent by itself once there is room. Delete old jobs or enlarge "
                "the disk.\n\n")
                .arg(freeMb)
                .arg(reserveMb);
        break;
    case Level::Ok:
        m.subject =
            QStringLiteral("[MPS] 인쇄 서버 저장 공간 회복 / Print server storage has room again: %1 MB free")
                .arg(freeMb);
        m.text = QStringLiteral("인쇄 서버의 저장 공간에 다시 여유가 있습니다: %1 MB 남음 (예비 %2 MB).\n\n"
                                "The print server's storage has room again: %1 MB free (%2 MB kept in "
                                "reserve).\n\n")
                     .arg(freeMb)
                     .arg(reserveMb);
        break;
    }
    m.text += QStringLiteral("스풀 / Spool: %1\n").arg(spoolPath);
    return m;
}
