#pragma once
#include <QByteArray>
#include <QList>
#include <QString>

/// Incremental parser for a text/event-stream body (server-sent events, WHATWG HTML "Server-sent
/// events"): bytes go in as they arrive, in pieces of any size; whole events come out.
/// Memory is bounded: a line longer than MaxLineBytes or an event larger than MaxEventBytes is dropped.
class SseParser
{
public:
    /// One dispatched event.
    struct Event
    {
        QString type = QStringLiteral("message"); ///< the "event:" field, "message" when absent
        QByteArray data;                          ///< the "data:" lines joined with '\n'
        QString id;                               ///< the last "id:" seen on the stream
    };

    static constexpr qsizetype MaxLineBytes = 1024 * 1024;
    static constexpr qsizetype MaxEventBytes = 4 * 1024 * 1024;

    /// Consumes `bytes` and returns the events that they complete, in stream order.
    QList<Event> feed(const QByteArray& bytes);

    /// Forgets any partial line or event, e.g. when a new connection starts.
    void reset();

    /// Returns how many lines or events were dropped for being too large since the last reset().
    int droppedCount() const { return m_dropped; }

private:
    void processLine(const QByteArray& line, QList<Event>* out);

    QByteArray m_line;
    QByteArray m_type;
    QByteArray m_data;
    QString m_lastId;
    bool m_hasData = false;
    bool m_skipLineFeed = false; // the previous chunk ended in '\r': a leading '\n' belongs to it
    bool m_discardLine = false;  // inside a line that was too long
    bool m_discardEvent = false; // inside an event that grew too large
    int m_dropped = 0;
};
