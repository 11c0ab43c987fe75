#include "RefusalLog.h"

#include "Log.h"

RefusalLog::RefusalLog(qint64 intervalSecs, int maxSources)
    : m_interval(std::max<qint64>(1, intervalSecs)),
      m_sources(static_cast<std::size_t>(std::max(1, maxSources)))
{
}

QString RefusalLog::printable(const QString& name)
{
    QString out;
    for (const QChar c : name.left(64))
        out.append(c.isPrint() ? c : QLatin1Char('?'));
    if (name.size() > 64)
        out.append(QStringLiteral("..."));
    return out;
}

void RefusalLog::refused(const QString& source, const QString& name, const QString& route,
                         const QString& reason, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Pending& p = m_sources.touch(source);
    if (p.intervalStart && now - p.intervalStart >= m_interval)
        summarize(source, p);
    if (!p.intervalStart) {
        // The first refusal of an interval is told in full.
        p.intervalStart = now;
        qCInfo(lcAuth).noquote() << "sign-in refused from" << source << "over" << route << "as"
                                 << ('"' + printable(name) + '"') << ":" << reason;
        ++m_lines;
        return;
    }
    ++p.suppressed;
    ++p.reasons[reason];
    const QString shown = printable(name);
    if (!p.names.contains(shown)) {
        if (p.names.size() < 5)
            p.names.append(shown);
        else
            ++p.moreNames;
    }
}

void RefusalLog::summarize(const QString& source, Pending& p)
{
    if (p.suppressed > 0) {
        QStringList why;
        for (auto it = p.reasons.cbegin(); it != p.reasons.cend(); ++it)
            why.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        QStringList names;
        for (const QString& n : std::as_const(p.names))
            names.append(QLatin1Char('"') + n + QLatin1Char('"'));
        if (p.moreNames)
            names.append(QStringLiteral("and %1 more").arg(p.moreNames));
        qCInfo(lcAuth).noquote() << "sign-in refused from" << source << p.suppressed
                                 << "more time(s) since the last line (" << why.join(QStringLiteral(", "))
                                 << "), as" << names.join(QStringLiteral(", "));
        ++m_lines;
    }
    p = Pending();
}

void RefusalLog::flush(qint64 now)
{
    std::lock_guard lock(m_mutex);
    // Cheap when called often: the table is walked at most once per interval.
    if (now - m_lastFlush < m_interval)
        return;
    m_lastFlush = now;
    m_sources.forEach([&](const QString& source, Pending& p) {
        if (p.intervalStart && now - p.intervalStart >= m_interval)
            summarize(source, p);
    });
}

quint64 RefusalLog::linesWritten() const
{
    std::lock_guard lock(m_mutex);
    return m_lines;
}
