#pragma once
#include "LruMap.h"

#include <QHash>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>
#include <mutex>

/// Logs refusals (sign-ins, malformed input from clients that have not signed in, a signed-in person's
/// refused uploads ...) without letting a flood fill the log: per source, the first refusals of an
/// interval (one, or Wording::fullPerInterval) are logged in full at once and the rest are counted and
/// summed up in one line when the interval is over (on that source's next refusal, or on flush()). The
/// wording of both lines is given at construction (signInWording(), inputWording(), uploadWording()).
/// Never logs a secret. Thread-safe; remembers at most `maxSources` sources.
class RefusalLog
{
public:
    /// How the two kinds of line read.
    struct Wording
    {
        QString first;      ///< the full line: %1 the source, %2 the reason, %3 the detail
        QString summary;    ///< the summary: %1 the source, %2 how many more, %3 the reasons counted
        bool names = false; ///< the summary ends with ", as" and a few of the names refused
        int fullPerInterval = 1; ///< refusals of one source told in full in each interval
    };
    /// Refused sign-ins (the detail says the route and the name as typed).
    static Wording signInWording();
    /// Refused requests before sign-in (the detail says header values and the like).
    static Wording inputWording();
    /// Refused uploads of one signed-in person (the source is the person's name, the detail the whole
    /// line): ten a minute in full, so that a person's few refusals all show, and a script's loop does not
    /// fill the log.
    static Wording uploadWording();

    /// Logs to `category` (e.g. mps.server.auth) at info level, worded as `wording`.
    RefusalLog(const QLoggingCategory& category, Wording wording, qint64 intervalSecs = 60,
               int maxSources = 10000);

    /// Records one refusal from `source` because of `reason` (a short English phrase with no client
    /// data in it), with `detail` shown only on a full line and, for a wording with names, `name` (as
    /// typed; quoted and cut short in the summary). `now` in seconds. Returns true when a full line was
    /// written for it.
    bool refused(const QString& source, const QString& reason, const QString& detail, qint64 now,
                 const QString& name = QString());
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
        int told = 0; ///< refusals told in full in this interval
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
    void write(const QString& line);
    /// `pattern` with %1, %2, %3 replaced by `args` in one pass (what the arguments hold is not read
    /// for markers), and a marker with no argument left out.
    static QString fill(const QString& pattern, const QStringList& args);

    const QLoggingCategory& m_category;
    const Wording m_wording;
    qint64 m_interval;
    mutable std::mutex m_mutex;
    LruMap<QString, Pending, KeyHash> m_sources;
    quint64 m_lines = 0;
    qint64 m_lastFlush = 0;
};
