#include "IppSectionScanner.h"

namespace {

constexpr int HeaderSize = 8;   // version-number, operation-id, request-id
constexpr quint8 EndTag = 0x03; // end-of-attributes-tag
constexpr quint8 FirstValueTag = 0x10;
constexpr quint8 ExtensionTag = 0x7F; // followed by a 4-byte tag

quint16 be16(const QByteArray& d, qint64 at)
{
    return static_cast<quint16>((static_cast<quint8>(d[at]) << 8) | static_cast<quint8>(d[at + 1]));
}

} // namespace

IppSectionScanner::IppSectionScanner(qint64 maxBytes, int maxAttributes)
    : m_maxBytes(std::max<qint64>(HeaderSize + 1, maxBytes)), m_maxAttributes(std::max(1, maxAttributes))
{
}

IppSectionScanner::State IppSectionScanner::scan(const QByteArray& data)
{
    if (m_state != State::NeedMore)
        return m_state;
    const qint64 size = data.size();
    if (m_pos == 0) {
        if (size < HeaderSize)
            return m_state;
        m_version = static_cast<quint8>(data[0]) * 10 + static_cast<quint8>(data[1]);
        m_requestId = static_cast<int>(
            (quint32(static_cast<quint8>(data[4])) << 24) | (quint32(static_cast<quint8>(data[5])) << 16) |
            (quint32(static_cast<quint8>(data[6])) << 8) | quint32(static_cast<quint8>(data[7])));
        m_pos = HeaderSize;
    }
    // One entry at a time; an entry whose declared end lies beyond the limit is refused before its
    // bytes are read.
    while (m_pos < size) {
        const quint8 tag = static_cast<quint8>(data[m_pos]);
        if (tag == EndTag) {
            m_sectionSize = m_pos + 1;
            return m_state = State::Complete;
        }
        if (tag == 0)
            return m_state = State::Malformed;
        if (tag < FirstValueTag) { // a group delimiter (operation, job, printer ... attributes)
            ++m_pos;
            continue;
        }
        const qint64 tagLen = tag == ExtensionTag ? 5 : 1;
        if (m_pos + tagLen + 2 > size)
            break;
        const qint64 nameLen = be16(data, m_pos + tagLen);
        const qint64 valueLenAt = m_pos + tagLen + 2 + nameLen;
        if (valueLenAt + 2 > m_maxBytes)
            return m_state = State::TooLarge;
        if (valueLenAt + 2 > size)
            break;
        const qint64 end = valueLenAt + 2 + be16(data, valueLenAt);
        if (end > m_maxBytes)
            return m_state = State::TooLarge;
        if (end > size)
            break;
        if (++m_entries > m_maxAttributes)
            return m_state = State::TooMany;
        m_pos = end;
    }
    if (size >= m_maxBytes)
        return m_state = State::TooLarge;
    return m_state;
}
