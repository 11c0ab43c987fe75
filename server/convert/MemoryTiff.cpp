#include "MemoryTiff.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>

MemoryTiff::MemoryTiff(QByteArray data) : m_data(std::move(data)) {}

MemoryTiff::~MemoryTiff()
{
    close();
}

bool MemoryTiff::open(const char* mode, const char* name)
{
    close();
    m_pos = 0;
    TIFFOpenOptions* opts = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(opts, onError, this);
    TIFFOpenOptionsSetWarningHandlerExtR(opts, onWarning, nullptr);
    m_tif = TIFFClientOpenExt(name, mode, this, readProc, writeProc, seekProc, closeProc, sizeProc, mapProc,
                              unmapProc, opts);
    TIFFOpenOptionsFree(opts);
    return m_tif != nullptr;
}

void MemoryTiff::close()
{
    if (m_tif)
        TIFFClose(m_tif);
    m_tif = nullptr;
}

bool MemoryTiff::encodeG4(const unsigned char* bitmap, size_t bytes, uint32_t columns, uint32_t rows,
                          uint16_t photometric, QByteArray* g4, QString* error)
{
    // Written by libtiff into memory, then read back to take the one strip's raw bytes.
    MemoryTiff file;
    if (!file.open("w", "page")) {
        *error = file.errorString();
        return false;
    }
    TIFF* w = file.handle();
    TIFFSetField(w, TIFFTAG_IMAGEWIDTH, columns);
    TIFFSetField(w, TIFFTAG_IMAGELENGTH, rows);
    TIFFSetField(w, TIFFTAG_BITSPERSAMPLE, 1);
    TIFFSetField(w, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(w, TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX4);
    TIFFSetField(w, TIFFTAG_PHOTOMETRIC, photometric);
    TIFFSetField(w, TIFFTAG_FILLORDER, FILLORDER_MSB2LSB);
    TIFFSetField(w, TIFFTAG_ROWSPERSTRIP, rows);
    // libtiff's encoder does not change the caller's rows (it takes a non-const pointer only by habit).
    if (TIFFWriteEncodedStrip(w, 0, const_cast<unsigned char*>(bitmap), static_cast<tmsize_t>(bytes)) < 0 ||
        !TIFFWriteDirectory(w)) {
        *error = file.errorString();
        return false;
    }
    file.close();
    if (!file.open("rm", "page") || TIFFNumberOfStrips(file.handle()) != 1) {
        *error = file.errorString();
        return false;
    }
    const tmsize_t size = static_cast<tmsize_t>(TIFFGetStrileByteCount(file.handle(), 0));
    g4->resize(static_cast<qsizetype>(std::max<tmsize_t>(size, 0)));
    if (size <= 0 || TIFFReadRawStrip(file.handle(), 0, g4->data(), size) != size) {
        *error = file.errorString();
        return false;
    }
    return true;
}

tmsize_t MemoryTiff::readProc(thandle_t h, void* buf, tmsize_t n)
{
    auto* f = static_cast<MemoryTiff*>(h);
    const qint64 count = std::clamp<qint64>(f->m_data.size() - f->m_pos, 0, static_cast<qint64>(n));
    if (count > 0)
        std::memcpy(buf, f->m_data.constData() + f->m_pos, static_cast<size_t>(count));
    f->m_pos += count;
    return static_cast<tmsize_t>(count);
}

tmsize_t MemoryTiff::writeProc(thandle_t h, void* buf, tmsize_t n)
{
    auto* f = static_cast<MemoryTiff*>(h);
    if (f->m_pos + n > f->m_data.size())
        f->m_data.resize(static_cast<qsizetype>(f->m_pos + n));
    std::memcpy(f->m_data.data() + f->m_pos, buf, static_cast<size_t>(n));
    f->m_pos += n;
    return n;
}

toff_t MemoryTiff::seekProc(thandle_t h, toff_t off, int whence)
{
    auto* f = static_cast<MemoryTiff*>(h);
    const qint64 base = whence == SEEK_CUR ? f->m_pos : whence == SEEK_END ? f->m_data.size() : 0;
    const qint64 target = base + static_cast<qint64>(off);
    if (target < 0)
        return static_cast<toff_t>(-1);
    f->m_pos = target;
    return static_cast<toff_t>(target);
}

int MemoryTiff::closeProc(thandle_t)
{
    return 0;
}

toff_t MemoryTiff::sizeProc(thandle_t h)
{
    return static_cast<toff_t>(static_cast<MemoryTiff*>(h)->m_data.size());
}

int MemoryTiff::mapProc(thandle_t, void**, toff_t*)
{
    return 0;
}

void MemoryTiff::unmapProc(thandle_t, void*, toff_t) {}

int MemoryTiff::onError(TIFF*, void* userData, const char*, const char* fmt, va_list ap)
{
    char text[512];
    std::vsnprintf(text, sizeof text, fmt, ap);
    auto* self = static_cast<MemoryTiff*>(userData);
    if (self->m_error.isEmpty())
        self->m_error = QString::fromLocal8Bit(text);
    return 1;
}

int MemoryTiff::onWarning(TIFF*, void*, const char*, const char*, va_list)
{
    return 1;
}
