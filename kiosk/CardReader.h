#pragma once
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

/// A PC/SC (pcsc-lite) contactless card reader watched on its own thread.
///
/// Waits for a card (SCardGetStatusChange), connects, sends GET DATA (FF CA 00 00 00) and reports
/// the UID as uppercase hex through cardTapped(); cardRemoved() follows when the card leaves. When the
/// PC/SC service or the reader is missing it reports readerError() once and keeps retrying, so a
/// reader plugged in later, or a restarted pcscd, just works. Signals arrive on the owner's thread.
class CardReader : public QObject
{
    Q_OBJECT
public:
    /// Creates a stopped reader.
    explicit CardReader(QObject* parent = nullptr);
    /// Stops the thread and waits for it.
    ~CardReader() override;

    /// Watches only the reader whose name starts with `name`; empty (the default) takes the first one.
    void setReaderName(const QString& name) { m_readerName = name; }

    /// Starts watching in the background; no effect when running.
    void start();
    /// Stops watching and waits (at most about a second) for the thread to end.
    void stop();
    /// Returns true between start() and stop().
    bool isRunning() const;

Q_SIGNALS:
    /// A card was placed; `uid` is its UID as uppercase hex in the reader's byte order.
    void cardTapped(const QString& uid);
    /// The card was taken away.
    void cardRemoved();
    /// The reader or a card failed; `message` is a sentence for the user (translated).
    void readerError(const QString& message);
    /// A reader is (again) being watched.
    void readerReady(const QString& readerName);

private:
    class Worker;
    QString m_readerName;
    Worker* m_thread = nullptr;
};
