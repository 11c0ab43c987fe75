#pragma once
#include <QObject>
#include <QString>

/// Recognises keyboard-wedge card readers: USB readers that "type" the card number and then Enter.
///
/// Feed it every key press of the idle screen with its time; a run of hex digits typed faster than
/// a person types (each within maxGapMs() of the previous one), at least minLength() long and ended
/// by Enter, is a card: cardTyped() reports it. Anything slower starts over.
class WedgeReader : public QObject
{
    Q_OBJECT
public:
    /// Creates a reader accepting keys at most `maxGapMs` apart and numbers of `minLength` or more.
    explicit WedgeReader(int maxGapMs = 200, int minLength = 4, QObject* parent = nullptr);

    /// Handles one key press (`text` as typed, `isEnter` for Return/Enter) at `nowMs` (a monotonic
    /// clock in milliseconds). Returns true when the key belonged to a card number.
    bool keyPressed(const QString& text, bool isEnter, qint64 nowMs);
    /// Forgets a partly typed number.
    void reset() { m_buffer.clear(); }

    int maxGapMs() const { return m_maxGapMs; }
    int minLength() const { return m_minLength; }

Q_SIGNALS:
    /// A card number was typed by a wedge reader (digits or hex as typed, not normalised).
    void cardTyped(const QString& number);

private:
    QString m_buffer;
    qint64 m_lastMs = 0;
    int m_maxGapMs;
    int m_minLength;
};
