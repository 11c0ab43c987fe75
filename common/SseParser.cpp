#include "SseParser.h"

QList<SseParser::Event> SseParser::feed(const QByteArray& bytes)
{
    QList<Event> out;
    qsizetype start = 0;
    const qsizetype n = bytes.size();
    if (m_skipLineFeed && n > 0 && bytes.at(0) == '\n')
        start = 1;
    m_skipLineFeed = false;
    // Lines end in "\r\n", "\n" or "\r"; split without copying more than the unfinished tail.
    for (qsizetype i = start; i < n; ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            continue;
        if (!m_discardLine) {
            m_line.append(bytes.constData() + start, i - start);
            processLine(m_line, &out);
        }
        m_line.clear();
        m_discardLine = false;
        if (c == '\r') {
            if (i + 1 < n && bytes.at(i + 1) == '\n')
                ++i;
            else if (i + 1 == n)
                m_skipLineFeed = true;
        }
        start = i + 1;
    }
    if (start < n && !m_discardLine) {
        m_line.append(bytes.constData() + start, n - start);
        if (m_line.size() > MaxLineBytes) {
            m_line.clear();
            m_discardLine = true;
            m_discardEvent = true;
            ++m_dropped;
        }
    }
    return out;
}

void SseParser::reset()
{
    m_line.clear();
    m_type.clear();
    m_data.clear();
    m_lastId.clear();
    m_hasData = false;
    m_skipLineFeed = false;
    m_discardLine = false;
    m_discardEvent = false;
    m_dropped = 0;
}

void SseParser::processLine(const QByteArray& line, QList<Event>* out)
{
    // A blank line dispatches the event gathered so far (none if it had no data).
    if (line.isEmpty()) {
        if (m_hasData && !m_discardEvent) {
            Event e;
            if (!m_type.isEmpty())
                e.type = QString::fromUtf8(m_type);
            e.data = m_data;
            e.id = m_lastId;
            out->append(e);
        }
        m_type.clear();
        m_data.clear();
        m_hasData = false;
        m_discardEvent = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment, e.g. ": keep-alive"
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_type = value;
    } else if (field == "data") {
        if (m_discardEvent)
            return;
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
        if (m_data.size() > MaxEventBytes) {
            m_data.clear();
            m_discardEvent = true;
            ++m_dropped;
        }
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = QString::fromUtf8(value);
    }
    // "retry" and unknown fields are ignored: reconnection timing is the client's policy.
}
