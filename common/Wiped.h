#pragma once
#include <QByteArray>
#include <algorithm>
#include <cstddef>
#include <new>
#include <sodium.h>
#include <vector>

/// Memory that held a document's plaintext (a request body on its way to encryption, a decrypted
/// read) is overwritten before it is freed, so that a deleted job does not live on in the server's free
/// heap, where a later bug, a core dump or a debugger could find it (docs/architecture.md, "Encryption at
/// rest").

/// A deleter for `new char[n]` that wipes the n bytes first.
struct WipeDelete
{
    std::size_t size = 0;
    void operator()(char* p) const
    {
        if (!p)
            return;
        sodium_memzero(p, size);
        delete[] p;
    }
};

/// An allocator that wipes what it gives back (for containers such as Beast's basic_flat_buffer, whose
/// storage every received byte passes through).
template <class T> struct WipingAllocator
{
    using value_type = T;
    WipingAllocator() noexcept = default;
    template <class U> WipingAllocator(const WipingAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept
    {
        sodium_memzero(p, n * sizeof(T));
        ::operator delete(p);
    }
    template <class U> bool operator==(const WipingAllocator<U>&) const noexcept { return true; }
    template <class U> bool operator!=(const WipingAllocator<U>&) const noexcept { return false; }
};

/// A buffer that held plaintext, wiped when it is freed.
using WipedChars = std::vector<char, WipingAllocator<char>>;

/// Wipes a buffer on the stack when the scope ends (however it ends).
class WipeOnExit
{
public:
    WipeOnExit(void* data, std::size_t size) : m_data(data), m_size(size) {}
    ~WipeOnExit() { sodium_memzero(m_data, m_size); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

private:
    void* m_data;
    std::size_t m_size;
};

/// Appends `n` bytes to `bytes`, which holds plaintext. When it must grow, it moves to a buffer at least
/// twice as large and wipes the one it leaves: QByteArray's own growth frees its earlier buffers unwiped.
inline void appendWiping(QByteArray& bytes, const char* data, qsizetype n)
{
    if (bytes.size() + n > bytes.capacity() && !bytes.isEmpty() && !bytes.data_ptr()->isShared()) {
        QByteArray bigger;
        bigger.reserve(std::max(bytes.size() + n, 2 * bytes.capacity()));
        bigger.append(bytes.constData(), bytes.size());
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
        bytes = std::move(bigger);
    }
    bytes.append(data, n);
}

/// Wipes a QByteArray's bytes when the scope ends, unless another QByteArray still shares them (wiping
/// would then detach and wipe a copy). Declare it before anything that may take a shallow copy (a Poppler
/// document loaded from it), so that it runs after those are gone.
class WipeBytesOnExit
{
public:
    explicit WipeBytesOnExit(QByteArray& bytes) : m_bytes(bytes) {}
    ~WipeBytesOnExit()
    {
        if (!m_bytes.isEmpty() && !m_bytes.data_ptr()->isShared())
            sodium_memzero(m_bytes.data(), static_cast<std::size_t>(m_bytes.size()));
    }
    WipeBytesOnExit(const WipeBytesOnExit&) = delete;
    WipeBytesOnExit& operator=(const WipeBytesOnExit&) = delete;

private:
    QByteArray& m_bytes;
};
