// mps-server's free() and realloc(): every heap block is wiped before malloc takes it back (a block
// malloc mapped for itself is unmapped instead, which leaves nothing of it in the process).
//
// Our own buffers of plaintext (a body read ahead, a document kept for inspection, a rendered page) are
// wiped by their owners (common/Wiped.h). The libraries that read a document keep buffers of their own
// and free them as they are: Poppler's stream buffers (1 KiB of the document each, a dozen per
// opening), qpdf's lines, QIODevice's read buffer, libpng's rows. glibc's M_PERTURB would fill freed
// blocks, but it skips the thread cache (blocks of up to 1,032 bytes) and also fills every new block,
// which made untouched capacity resident (test_bounded_work: 6 costly PDFs at once grew
// the server by 874 MiB, over its bound of 762 MiB). So mps-server defines
// free() and realloc() itself: the program's definitions come first in the dynamic linker's search, so
// every library it loads, and the C library itself, frees through them. malloc() stays glibc's.
//
// Only in mps-server (server/CMakeLists.txt); not in sanitizer builds, whose runtime owns free().
#include <malloc.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define MPS_NO_WIPE_ON_FREE 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MPS_NO_WIPE_ON_FREE 1
#endif

#ifndef MPS_NO_WIPE_ON_FREE

extern "C" {

// glibc's own entry points (exported by libc.so.6 for programs that wrap its allocator).
void* __libc_malloc(size_t size) noexcept;
void* __libc_realloc(void* block, size_t size) noexcept;
void __libc_free(void* block) noexcept;

} // extern "C"

namespace {

// Whether glibc mapped this block for it alone (a large one: mmap, not the heap). Such a block goes back
// to the system when freed or shrunk (munmap, mremap), and the kernel zeroes its pages before any
// process has them again, so nothing of it stays in this process to wipe. Wiping it would instead make
// every page of it resident, pages never touched too: libcups callocs a line buffer of the size a PWG
// raster page header declares, up to 4 GiB, before the header can be refused, and wiping that
// untouched block on free took the server to 4 GB of memory and 17 s of CPU for a 3.6 KB upload.
// glibc keeps the chunk's size word right before the block, its bit 1 set for a mapped chunk
// (IS_MMAPPED in malloc/malloc.c; malloc_usable_size reads the same word).
bool mappedAlone(void* block) noexcept
{
    constexpr size_t IsMmapped = 0x2;
    size_t sizeWord = 0;
    ::memcpy(&sizeWord, static_cast<const char*>(block) - sizeof(size_t), sizeof sizeWord);
    return (sizeWord & IsMmapped) != 0;
}

} // namespace

extern "C" {

void free(void* block) noexcept
{
    if (block && !mappedAlone(block))
        ::explicit_bzero(block, ::malloc_usable_size(block));
    __libc_free(block);
}

void* realloc(void* block, size_t size) noexcept
{
    if (!block)
        return __libc_malloc(size);
    if (size == 0) { // as glibc: frees the block, returns null
        free(block);
        return nullptr;
    }
    // A mapped block leaves nothing behind whatever glibc does with it: it moves its pages (mremap), or
    // unmaps what it no longer needs, or copies it and unmaps the old one.
    if (mappedAlone(block))
        return __libc_realloc(block, size);
    const size_t usable = ::malloc_usable_size(block);
    if (size <= usable) {
        // Shrinks in place; the tail glibc may split off and take back is wiped first.
        ::explicit_bzero(static_cast<char*>(block) + size, usable - size);
        return __libc_realloc(block, size);
    }
    // Grows: glibc would move the block and take the old one back unwiped.
    void* grown = __libc_malloc(size);
    if (!grown)
        return nullptr; // the block stays as it was, as realloc() promises
    ::memcpy(grown, block, usable);
    free(block);
    return grown;
}

} // extern "C"

#endif
