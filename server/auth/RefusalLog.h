#pragma once
#include "LruMap.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <mutex>

/// Logs refused sign-ins (who, from where, why) without letting a flood fill the log: per source,
/// the first refusal of an interval is logged at once and the rest are counted and summed up in one
/// line ("N more from ADDRESS: names ...") when the interval is over (on that source's next refusal,
/// or on flush()). Never logs a secret. Thread-safe, bounded.
class RefusalLog
{
public:
    explicit RefusalLog(qint64 intervalSecs = 60, int maxSources = 10000);

    /// Records one refusal of sign-in as `name` (as typed; quoted and cut short in the log) from
    /// `source` over `route` ("REST", "IPP", "kiosk PIN" ...) because of `reason`.
    void refused(const QString& source, const QString& name, const QString& route, const QString& reason,
                 qint64 now);
    /// Writes the summaries of every interval that is over.
    void flush(qint64 now);
    /// Lines written so far (for tests and benchmarks).
    quint64 linesWritten() const;

    /// Returns `name` safe for one log line: control characters replaced, at most 64 characters.
    static QString printable(const QString& name);

private:
    struct Pending
    {
        qint64 intervalStart = 0;
        int suppressed = 0;
        QStringList names; ///< a few of the suppressed names, for the summary
        int moreNames = 0;
        QHash<QString, int> reasons;
    };
    struct KeyHash
    {
        std::size_t operator()(const QString& s) const { return qHash(s); }
    };
    void summarize(const QString& source, Pending& p);

    qint64 m_interval;
    mutable std::mutex m_mutex;
    LruMap<QString, Pending, KeyHash> m_sources;
    quint64 m_lines = 0;
    qint64 m_lastFlush = 0;
};
