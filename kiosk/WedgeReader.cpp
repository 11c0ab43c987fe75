#include "WedgeReader.h"

#include "KioskLog.h"

WedgeReader::WedgeReader(int maxGapMs, int minLength, QObject* parent)
    : QObject(parent), m_maxGapMs(maxGapMs), m_minLength(minLength)
{
}

bool WedgeReader::keyPressed(const QString& text, bool isEnter, qint64 nowMs)
{
    const bool inTime = !m_buffer.isEmpty() && nowMs - m_lastMs <= m_maxGapMs;
    if (isEnter) {
        const QString number = m_buffer;
        m_buffer.clear();
        if (inTime && number.size() >= m_minLength) {
            qCInfo(lcKioskCard) << "wedge reader card," << number.size() << "characters";
            Q_EMIT cardTyped(number);
            return true;
        }
        return false;
    }
    if (text.size() != 1 || !QStringLiteral("0123456789abcdefABCDEF").contains(text)) {
        m_buffer.clear();
        return false;
    }
    // A slow key starts a new number: people type slowly, readers do not.
    if (!inTime)
        m_buffer.clear();
    m_buffer += text;
    m_lastMs = nowMs;
    return true;
}
