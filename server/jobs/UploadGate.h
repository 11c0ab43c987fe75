#pragma once
#include <QString>

#include <atomic>
#include <map>
#include <mutex>

/// How many uploads one person may have arriving at the server at once: print jobs (REST and IPP) and
/// fax drafts together. An upload holds a handler thread while its body arrives and, for a PDF, a read
/// slot while qpdf reads it (PdfPageTree::ReadSlot): without a limit, one signed-in person with many
/// connections could hold most of both, and everyone else's requests would wait behind them. Past the
/// limit an upload is refused before a byte of it is read, code "too-many-uploads" (REST 429, IPP
/// server-error-busy); the tray's outbox and a desktop's cupsd send it again later by themselves.
class UploadGate
{
public:
    /// `perUser` uploads at once for one person; 0: no limit.
    explicit UploadGate(int perUser) : m_limit(perUser) {}
    UploadGate(const UploadGate&) = delete;
    UploadGate& operator=(const UploadGate&) = delete;

    void setLimit(int perUser) { m_limit = perUser; }
    int limit() const { return m_limit; }

    /// One upload's place while it lives (or none, when the person already had limit() arriving).
    class Pass
    {
    public:
        Pass() = default;
        Pass(Pass&& other) noexcept : m_gate(other.m_gate), m_userId(other.m_userId)
        {
            other.m_gate = nullptr;
        }
        Pass& operator=(Pass&&) = delete;
        Pass(const Pass&) = delete;
        Pass& operator=(const Pass&) = delete;
        ~Pass();
        explicit operator bool() const { return m_gate != nullptr; }

    private:
        friend class UploadGate;
        Pass(UploadGate* gate, qint64 userId) : m_gate(gate), m_userId(userId) {}
        UploadGate* m_gate = nullptr;
        qint64 m_userId = 0;
    };

    /// A place for one more upload of `userId`: an empty Pass when they already have limit() arriving.
    Pass enter(qint64 userId);
    /// How many uploads of `userId` are arriving now.
    int arriving(qint64 userId) const;

    /// The sentence of the refusal, for `limit` uploads at once.
    static QString refusal(int limit);

private:
    void leave(qint64 userId);

    std::atomic<int> m_limit;
    mutable std::mutex m_mutex;
    std::map<qint64, int> m_arriving; // users with at least one upload arriving
};
