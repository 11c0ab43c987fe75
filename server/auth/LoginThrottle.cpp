#include "LoginThrottle.h"

#include <QHostAddress>
#include <cmath>

LoginThrottle::LoginThrottle(Settings settings)
    : m_settings(settings), m_sources(static_cast<std::size_t>(std::max(1, settings.maxSources))),
      m_pairs(static_cast<std::size_t>(std::max(1, settings.maxPairs)))
{
    m_settings.pairFailures = std::max(1, m_settings.pairFailures);
    m_settings.sourceBurst = std::max(1, m_settings.sourceBurst);
    m_settings.sourceRefillSecs = std::max<qint64>(1, m_settings.sourceRefillSecs);
    m_settings.pairLockSecs = std::max<qint64>(1, m_settings.pairLockSecs);
    m_settings.pairLockMaxSecs = std::max(m_settings.pairLockSecs, m_settings.pairLockMaxSecs);
}

QString LoginThrottle::sourceForAddress(const QString& address)
{
    QHostAddress a(address);
    bool mapped = false;
    const quint32 v4 = a.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4).toString();
    if (a.protocol() == QAbstractSocket::IPv6Protocol) {
        // One host usually holds a whole /64: counting single addresses would let it rotate.
        Q_IPV6ADDR bytes = a.toIPv6Address();
        for (int i = 8; i < 16; ++i)
            bytes[i] = 0;
        return QHostAddress(bytes).toString() + QStringLiteral("/64");
    }
    return address.isEmpty() ? QStringLiteral("unknown") : address;
}

QString LoginThrottle::sourceForKiosk(qint64 kioskId)
{
    return QStringLiteral("kiosk#%1").arg(kioskId);
}

QString LoginThrottle::pairKey(const QString& source, const QString& name)
{
    return source + QLatin1Char('\n') + name.toLower();
}

LoginThrottle::Bucket& LoginThrottle::bucket(const QString& source, qint64 now)
{
    Bucket& b = m_sources.touch(source);
    if (b.updated && now > b.updated)
        b.level = std::max(0.0, b.level - static_cast<double>(now - b.updated) /
                                              static_cast<double>(m_settings.sourceRefillSecs));
    b.updated = now;
    return b;
}

LoginThrottle::Pair& LoginThrottle::pair(const QString& source, const QString& name, qint64 now)
{
    Pair& p = m_pairs.touch(pairKey(source, name));
    // The count restarts when a lock ends; a pair quiet for a day forgets its earlier locks too.
    if (p.lockedUntil && p.lockedUntil <= now) {
        p.lockedUntil = 0;
        p.failures = 0;
    }
    if (p.lastFailure && now - p.lastFailure > 86400)
        p = Pair();
    return p;
}

qint64 LoginThrottle::secondsToNextAttempt(const Bucket& b) const
{
    const double over = b.level + 1.0 - static_cast<double>(m_settings.sourceBurst);
    return over <= 0
               ? 0
               : static_cast<qint64>(std::ceil(over * static_cast<double>(m_settings.sourceRefillSecs)));
}

LoginThrottle::Verdict LoginThrottle::admit(const QString& source, const QString& name, qint64 now)
{
    Verdict v;
    std::lock_guard lock(m_mutex);
    Bucket& b = bucket(source, now);
    if (const qint64 wait = secondsToNextAttempt(b); wait > 0) {
        v.refused = true;
        v.sourceLimited = true;
        v.until = now + wait;
        return v;
    }
    Pair& p = pair(source, name, now);
    if (p.lockedUntil > now) {
        v.refused = true;
        v.until = p.lockedUntil;
        return v;
    }
    // Taken now, so that many concurrent attempts from one source cannot all pass the check at once.
    b.level += 1.0;
    return v;
}

LoginThrottle::Verdict LoginThrottle::fail(const QString& source, const QString& name, qint64 now)
{
    Verdict v;
    std::lock_guard lock(m_mutex);
    Pair& p = pair(source, name, now);
    p.lastFailure = now;
    if (p.lockedUntil > now) {
        // Admitted together with the failure that locked it: the lock stands as it is.
        v.refused = true;
        v.until = p.lockedUntil;
        v.attemptsLeft = 0;
        return v;
    }
    if (++p.failures >= m_settings.pairFailures) {
        const int shift = std::min(p.strikes, 20);
        p.lockedUntil = now + std::min(m_settings.pairLockMaxSecs, m_settings.pairLockSecs << shift);
        ++p.strikes;
        v.refused = true;
        v.until = p.lockedUntil;
        v.attemptsLeft = 0;
        return v;
    }
    const int pairLeft = m_settings.pairFailures - p.failures;
    const Bucket& b = bucket(source, now);
    const int sourceLeft =
        static_cast<int>(std::floor(static_cast<double>(m_settings.sourceBurst) - b.level));
    if (sourceLeft <= 0) {
        v.refused = true;
        v.sourceLimited = true;
        v.until = now + secondsToNextAttempt(b);
        v.attemptsLeft = 0;
        return v;
    }
    v.attemptsLeft = std::min(pairLeft, sourceLeft);
    v.sourceLimited = sourceLeft < pairLeft;
    return v;
}

void LoginThrottle::succeed(const QString& source, const QString& name, qint64 now, bool clearPair)
{
    std::lock_guard lock(m_mutex);
    Bucket& b = bucket(source, now);
    b.level = std::max(0.0, b.level - 1.0);
    if (clearPair)
        m_pairs.erase(pairKey(source, name));
}

qint64 LoginThrottle::pairLockedUntil(const QString& source, const QString& name, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Pair* p = m_pairs.find(pairKey(source, name));
    return p && p->lockedUntil > now ? p->lockedUntil : 0;
}

std::size_t LoginThrottle::sourceCount() const
{
    std::lock_guard lock(m_mutex);
    return m_sources.size();
}

std::size_t LoginThrottle::pairCount() const
{
    std::lock_guard lock(m_mutex);
    return m_pairs.size();
}
