#include "InputRefusalLog.h"

#include <QStringList>

InputRefusalLog::InputRefusalLog(const QLoggingCategory& category, qint64 intervalSecs, int maxSources)
    : m_category(category), m_interval(std::max<qint64>(1, intervalSecs)),
      m_sources(static_cast<std::size_t>(std::max(1, maxSources)))
{
}

bool InputRefusalLog::refused(const QString& source, const QString& reason, const QString& detail, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Pending& p = m_sources.touch(source);
    if (p.intervalStart && now - p.intervalStart >= m_interval)
        summarize(source, p);
    if (!p.intervalStart) {
        // The first refusal of an interval is told in full.
        p.intervalStart = now;
        if (m_category.isInfoEnabled())
            QMessageLogger(nullptr, 0, nullptr, m_category.categoryName()).info().noquote()
                << "refused" << reason << "from" << source << (detail.isEmpty() ? QString() : ":") << detail;
        ++m_lines;
        return true;
    }
    ++p.suppressed;
    ++p.reasons[reason];
    return false;
}

void InputRefusalLog::summarize(const QString& source, Pending& p)
{
    if (p.suppressed > 0) {
        QStringList why;
        for (auto it = p.reasons.cbegin(); it != p.reasons.cend(); ++it)
            why.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        if (m_category.isInfoEnabled())
            QMessageLogger(nullptr, 0, nullptr, m_category.categoryName()).info().noquote()
                << "refused" << p.suppressed << "more request(s) from" << source
                << "since the last line:" << why.join(QStringLiteral(", "));
        ++m_lines;
    }
    p = Pending();
}

void InputRefusalLog::flush(qint64 now)
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

quint64 InputRefusalLog::linesWritten() const
{
    std::lock_guard lock(m_mutex);
    return m_lines;
}
