#pragma once
#include "LruMap.h"

#include <QHash>
#include <QLoggingCategory>
#include <QString>
#include <mutex>

/// Logs refused input from clients that have not signed in (malformed IPP, oversized attribute
/// sections, bad JSON ...) without letting a flood fill the log: per source address, the first refusal
/// of an interval is logged in full with the address, the rest are counted and told in one summary line
/// when the interval is over (on that source's next refusal, or on flush()). Thread-safe; remembers at
/// most `maxSources` addresses.
class InputRefusalLog
{
public:
    /// Logs to `category` (e.g. mps.server.ipp) at info level.
    explicit InputRefusalLog(const QLoggingCategory& category, qint64 intervalSecs = 60,
                             int maxSources = 10000);

    /// Records one refused request from `source` because of `reason` (a short English phrase with no
    /// client data in it), with `detail` (header values and the like, shown only on the full line).
    /// `now` in seconds. Returns true when a line was written for it.
    bool refused(const QString& source, const QString& reason, const QString& detail, qint64 now);
    /// Writes the summaries of every interval that is over.
    void flush(qint64 now);
    /// Lines written so far (for tests and benchmarks).
    quint64 linesWritten() const;

private:
    struct Pending
    {
        qint64 intervalStart = 0;
        int suppressed = 0;
        QHash<QString, int> reasons;
    };
    struct KeyHash
    {
        std::size_t operator()(const QString& s) const { return qHash(s); }
    };
    void summarize(const QString& source, Pending& p);

    const QLoggingCategory& m_category;
    qint64 m_interval;
    mutable std::mutex m_mutex;
    LruMap<QString, Pending, KeyHash> m_sources;
    quint64 m_lines = 0;
    qint64 m_lastFlush = 0;
};
