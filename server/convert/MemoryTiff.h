#pragma once
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <tiffio.h>

/// A TIFF held in memory and opened through libtiff's client I/O (TIFFClientOpenExt), so that fax and
/// scan pages are read or encoded without a plaintext copy on the disk. libtiff's first error goes into
/// errorString() instead of stderr; warnings are dropped. Closes the TIFF when destroyed. Not copyable:
/// libtiff keeps pointers to this object while the TIFF is open.
class MemoryTiff
{
public:
    /// An empty file, to be opened for writing, or `data` to be opened for reading.
    explicit MemoryTiff(QByteArray data = QByteArray());
    ~MemoryTiff();
    MemoryTiff(const MemoryTiff&) = delete;
    MemoryTiff& operator=(const MemoryTiff&) = delete;

    /// Opens the bytes with libtiff's `mode` ("r", "rm", "w" ...), reading or writing from the start;
    /// closes what was open first. `name` shows in libtiff's messages. Returns false with errorString().
    [[nodiscard]] bool open(const char* mode, const char* name);
    /// Closes the TIFF (a written one is flushed into data()).
    void close();
    /// The open TIFF, or nullptr.
    TIFF* handle() const { return m_tif; }
    /// The file's bytes as they stand (after close() for a written file).
    const QByteArray& data() const { return m_data; }
    /// libtiff's first error since this object was made, or empty.
    const QString& errorString() const { return m_error; }

    /// Encodes `bitmap` (rows of (columns + 7) / 8 bytes, most significant bit first, `bytes` long) as
    /// one CCITT G4 strip with `photometric` (PHOTOMETRIC_MINISWHITE: 1 = black) and returns the strip's
    /// raw bytes in `g4`, ready for a PDF /CCITTFaxDecode image with K -1. Returns false with libtiff's
    /// reason in `error` (possibly empty).
    [[nodiscard]] static bool encodeG4(const unsigned char* bitmap, size_t bytes, uint32_t columns,
                                       uint32_t rows, uint16_t photometric, QByteArray* g4, QString* error);

private:
    static tmsize_t readProc(thandle_t h, void* buf, tmsize_t n);
    static tmsize_t writeProc(thandle_t h, void* buf, tmsize_t n);
    static toff_t seekProc(thandle_t h, toff_t off, int whence);
    static int closeProc(thandle_t h);
    static toff_t sizeProc(thandle_t h);
    static int mapProc(thandle_t h, void** base, toff_t* size);
    static void unmapProc(thandle_t h, void* base, toff_t size);
    static int onError(TIFF* tif, void* userData, const char* module, const char* fmt, va_list ap);
    static int onWarning(TIFF* tif, void* userData, const char* module, const char* fmt, va_list ap);

    QByteArray m_data;
    qint64 m_pos = 0;
    TIFF* m_tif = nullptr;
    QString m_error;
};
