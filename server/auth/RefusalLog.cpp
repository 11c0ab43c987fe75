#include "RefusalLog.h"

RefusalLog::Wording RefusalLog::signInWording()
{
    return {QStringLiteral("sign-in refused from %1 %3 : %2"),
            QStringLiteral("sign-in refused from %1 %2 more time(s) since the last line ( %3 )"), true};
}

RefusalLog::Wording RefusalLog::inputWording()
{
    return {QStringLiteral("refused %2 from %1 : %3"),
            QStringLiteral("refused %2 more request(s) from %1 since the last line: %3"), false};
}

RefusalLog::Wording RefusalLog::uploadWording()
{
    return {QStringLiteral("%3"),
            QStringLiteral("uploads of %1 refused %2 more time(s) since the last line ( %3 )"), false, 10};
}

QString RefusalLog::fill(const QString& pattern, const QStringList& args)
{
    QString out;
    out.reserve(pattern.size() + 64);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1) >= QLatin1Char('1') &&
            pattern.at(i + 1) <= QLatin1Char('9')) {
            const int index = pattern.at(i + 1).unicode() - '1';
            if (index < args.size())
                out.append(args.at(index));
            ++i;
            continue;
        }
        out.append(c);
    }
    return out;
}

RefusalLog::RefusalLog(const QLoggingCategory& category, Wording wording, qint64 intervalSecs, int maxSources)
    : m_category(category), m_wording(std::move(wording)), m_interval(std::max<qint64>(1, intervalSecs)),
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

bool RefusalLog::refused(const QString& source, const QString& reason, const QString& detail, qint64 now,
                         const QString& name)
{
    std::lock_guard lock(m_mutex);
    Pending& p = m_sources.touch(source);
    if (p.intervalStart && now - p.intervalStart >= m_interval)
        summarize(source, p);
    if (!p.intervalStart)
        p.intervalStart = now;
    if (p.told < m_wording.fullPerInterval) {
        // The first refusals of an interval are told in full.
        ++p.told;
        write(fill(m_wording.first, {source, reason, detail}));
        return true;
    }
    ++p.suppressed;
    ++p.reasons[reason];
    if (m_wording.names) {
        const QString shown = printable(name);
        if (!p.names.contains(shown)) {
            if (p.names.size() < 5)
                p.names.append(shown);
            else
                ++p.moreNames;
        }
    }
    return false;
}

void RefusalLog::summarize(const QString& source, Pending& p)
{
    if (p.suppressed > 0) {
        QStringList why;
        for (auto it = p.reasons.cbegin(); it != p.reasons.cend(); ++it)
            why.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        QString line =
            fill(m_wording.summary, {source, QString::number(p.suppressed), why.join(QStringLiteral(", "))});
        if (m_wording.names) {
            QStringList names;
            for (const QString& n : std::as_const(p.names))
                names.append(QLatin1Char('"') + n + QLatin1Char('"'));
            if (p.moreNames)
                names.append(QStringLiteral("and %1 more").arg(p.moreNames));
            line += QStringLiteral(", as ") + names.join(QStringLiteral(", "));
        }
        write(line);
    }
    p = Pending();
}

void RefusalLog::write(const QString& line)
{
    if (m_category.isInfoEnabled())
        QMessageLogger(nullptr, 0, nullptr, m_category.categoryName()).info().noquote() << line;
    ++m_lines;
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
