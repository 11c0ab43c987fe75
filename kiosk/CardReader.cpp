#include "CardReader.h"

#include "KioskLog.h"

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <QCoreApplication>

#include <array>
#include <mutex>
#include <vector>

namespace {

constexpr DWORD PollMs = 1000; // SCardCancel wakes us sooner on stop(); this bounds a lost wake-up
constexpr int RetryMs = 2000;

} // namespace

/// The blocking PC/SC loop. Emits through the CardReader (queued to its thread).
class CardReader::Worker : public QThread
{
public:
    Worker(CardReader* owner, QString readerName) : m_owner(owner), m_readerName(std::move(readerName)) {}

    void requestStop()
    {
        m_stop = true;
        std::lock_guard lock(m_mutex);
        if (m_context)
            SCardCancel(m_context);
    }

protected:
    void run() override
    {
        QString lastError;
        auto fail = [&](const QString& message) {
            // Report each distinct problem once, not on every retry.
            if (message != lastError) {
                lastError = message;
                qCWarning(lcKioskCard).noquote() << message;
                post(&CardReader::readerError, message);
            }
        };
        while (!m_stop) {
            SCARDCONTEXT ctx = 0;
            LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx);
            if (rv != SCARD_S_SUCCESS) {
                fail(QCoreApplication::translate("CardReader",
                                                 "The card reader service is not running. Sign in with your "
                                                 "ID and PIN, and tell the print admin."));
                sleepUnlessStopped(RetryMs);
                continue;
            }
            {
                std::lock_guard lock(m_mutex);
                m_context = ctx;
            }
            const QString reader = findReader(ctx);
            if (reader.isEmpty()) {
                fail(QCoreApplication::translate(
                    "CardReader",
                    "No card reader is connected. Sign in with your ID and PIN, and tell the print admin."));
                waitForReaders(ctx);
            } else {
                lastError.clear();
                watch(ctx, reader);
            }
            {
                std::lock_guard lock(m_mutex);
                m_context = 0;
            }
            SCardReleaseContext(ctx);
        }
    }

private:
    // Signals are emitted on the owner's thread, so every receiver (also a lambda without a
    // context object) runs there and never on this one.
    template <typename Signal, typename... Args> void post(Signal signal, const Args&... args)
    {
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, signal, args...] { (owner->*signal)(args...); }, Qt::QueuedConnection);
    }

    void sleepUnlessStopped(int ms)
    {
        for (int waited = 0; waited < ms && !m_stop; waited += 100)
            msleep(100);
    }

    QString findReader(SCARDCONTEXT ctx)
    {
        DWORD len = 0;
        if (SCardListReaders(ctx, nullptr, nullptr, &len) != SCARD_S_SUCCESS || len == 0)
            return {};
        std::vector<char> buf(len);
        if (SCardListReaders(ctx, nullptr, buf.data(), &len) != SCARD_S_SUCCESS)
            return {};
        // A multi-string: names separated by NUL, ended by an empty one.
        for (const char* p = buf.data(); *p; p += qstrlen(p) + 1) {
            const QString name = QString::fromLocal8Bit(p);
            if (m_readerName.isEmpty() || name.startsWith(m_readerName))
                return name;
        }
        return {};
    }

    void waitForReaders(SCARDCONTEXT ctx)
    {
        SCARD_READERSTATE rs{};
        rs.szReader = "\\\\?PnP?\\Notification";
        rs.dwCurrentState = SCARD_STATE_UNAWARE;
        const LONG rv = SCardGetStatusChange(ctx, PollMs, &rs, 1);
        if (rv != SCARD_S_SUCCESS && rv != static_cast<LONG>(SCARD_E_TIMEOUT))
            sleepUnlessStopped(RetryMs); // no PnP support or no service: poll
    }

    void watch(SCARDCONTEXT ctx, const QString& reader)
    {
        const QByteArray name = reader.toLocal8Bit();
        qCInfo(lcKioskCard).noquote() << "watching card reader" << reader;
        post(&CardReader::readerReady, reader);
        SCARD_READERSTATE rs{};
        rs.szReader = name.constData();
        rs.dwCurrentState = SCARD_STATE_UNAWARE;
        bool present = false;
        DWORD events = 0; // pcsc-lite counts insertions and removals in the high word
        while (!m_stop) {
            const LONG rv = SCardGetStatusChange(ctx, PollMs, &rs, 1);
            if (rv == static_cast<LONG>(SCARD_E_TIMEOUT))
                continue;
            if (rv != SCARD_S_SUCCESS) {
                if (rv != static_cast<LONG>(SCARD_E_CANCELLED))
                    qCInfo(lcKioskCard).noquote()
                        << "reader" << reader << "lost:" << pcsc_stringify_error(rv);
                return; // re-establish: the service restarted or the reader went away
            }
            const DWORD state = rs.dwEventState;
            rs.dwCurrentState = state & ~SCARD_STATE_CHANGED;
            if (state & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE))
                return;
            const bool now = (state & SCARD_STATE_PRESENT) != 0;
            const DWORD counter = state >> 16;
            if (now && present && counter != events) {
                // Another card replaced the first one between two looks at the reader.
                post(&CardReader::cardRemoved);
                present = false;
            }
            events = counter;
            if (now && !present) {
                present = true;
                if (state & SCARD_STATE_MUTE) {
                    post(&CardReader::readerError,
                         QCoreApplication::translate(
                             "CardReader", "The card could not be read. Take it away and tap it again."));
                    continue;
                }
                QString uid = readUid(ctx, name);
                if (uid.isEmpty() && !m_stop) {
                    // A card still settling on the antenna (or just swapped) can fail one exchange.
                    msleep(150);
                    uid = readUid(ctx, name);
                }
                if (uid.isEmpty())
                    post(&CardReader::readerError,
                         QCoreApplication::translate(
                             "CardReader", "The card could not be read. Take it away and tap it again."));
                else
                    post(&CardReader::cardTapped, uid);
            } else if (!now && present) {
                present = false;
                post(&CardReader::cardRemoved);
            }
        }
    }

    static QString readUid(SCARDCONTEXT ctx, const QByteArray& reader)
    {
        SCARDHANDLE card = 0;
        DWORD protocol = 0;
        LONG rv = SCardConnect(ctx, reader.constData(), SCARD_SHARE_SHARED,
                               SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
        if (rv != SCARD_S_SUCCESS) {
            qCInfo(lcKioskCard) << "connect failed:" << pcsc_stringify_error(rv);
            return {};
        }
        const std::array<BYTE, 5> getData{0xFF, 0xCA, 0x00, 0x00, 0x00};
        std::array<BYTE, 258> resp{};
        DWORD respLen = resp.size();
        const SCARD_IO_REQUEST* pci = protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
        rv = SCardTransmit(card, pci, getData.data(), getData.size(), nullptr, resp.data(), &respLen);
        SCardDisconnect(card, SCARD_LEAVE_CARD);
        if (rv != SCARD_S_SUCCESS || respLen < 3 || resp[respLen - 2] != 0x90 || resp[respLen - 1] != 0x00) {
            qCInfo(lcKioskCard) << "GET DATA failed:" << pcsc_stringify_error(rv) << "length" << respLen;
            return {};
        }
        const QByteArray uid(reinterpret_cast<const char*>(resp.data()), static_cast<int>(respLen - 2));
        qCInfo(lcKioskCard) << "card tapped," << uid.size() << "byte UID";
        return QString::fromLatin1(uid.toHex().toUpper());
    }

    CardReader* m_owner;
    QString m_readerName;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    SCARDCONTEXT m_context = 0;
};

CardReader::CardReader(QObject* parent) : QObject(parent) {}

CardReader::~CardReader()
{
    stop();
}

void CardReader::start()
{
    if (m_thread)
        return;
    m_thread = new Worker(this, m_readerName);
    m_thread->start();
}

void CardReader::stop()
{
    if (!m_thread)
        return;
    m_thread->requestStop();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

bool CardReader::isRunning() const
{
    return m_thread && m_thread->isRunning();
}
