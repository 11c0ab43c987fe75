#pragma once
#include <QByteArray>
#include <QtGlobal>

/// Finds the end of an IPP request's attribute section (RFC 8010 3.1) in bytes as they arrive, counting
/// its attributes, without building anything: the limits are checked before libcups parses a byte and
/// before the sender is authenticated, so an oversized section costs no more than its first
/// `maxBytes` bytes of reading and a linear scan.
class IppSectionScanner
{
public:
    /// Where the scan stands.
    enum class State {
        NeedMore, ///< the section has not ended yet: feed more bytes
        Complete, ///< the section ends at sectionSize(); bytes after it are document data
        TooLarge, ///< the section is longer than maxBytes
        TooMany,  ///< the section holds more than maxAttributes attributes and values
        Malformed ///< not an IPP attribute section (bad lengths or tags)
    };

    /// Limits: bytes of the whole section (header included) and attribute/value entries in it.
    IppSectionScanner(qint64 maxBytes, int maxAttributes);

    /// Scans `data`, which holds everything received so far (the previous data plus new bytes at its
    /// end). Returns the state; once not NeedMore it does not change.
    State scan(const QByteArray& data);

    /// Complete: the size of the attribute section, header and end-of-attributes tag included.
    qint64 sectionSize() const { return m_sectionSize; }
    /// The attribute/value entries seen so far.
    int entries() const { return m_entries; }
    /// The request-id from the header (0 until 8 bytes were seen).
    int requestId() const { return m_requestId; }
    /// The IPP version from the header, as major * 10 + minor (0 until 8 bytes were seen).
    int version() const { return m_version; }

private:
    qint64 m_maxBytes;
    int m_maxAttributes;
    qint64 m_pos = 0; ///< the next unscanned entry starts here
    qint64 m_sectionSize = 0;
    int m_entries = 0;
    int m_requestId = 0;
    int m_version = 0;
    State m_state = State::NeedMore;
};
