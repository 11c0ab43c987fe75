#pragma once
#include <qpdf/InputSource.hh>

#include <string>

class QIODevice;

/// qpdf's view of a QIODevice (open, readable, seekable; the document starts at offset 0), so that qpdf
/// reads a document on demand (an encrypted spool file through SpoolDevice) without copying it into
/// memory. Read and seek failures are thrown as std::runtime_error, which qpdf's callers catch.
class QpdfDeviceSource : public InputSource
{
public:
    /// Reads `device`, which must outlive this source and not be read by anything else meanwhile.
    explicit QpdfDeviceSource(QIODevice* device);

    /// Returns the offset of the next end-of-line and moves past it and any following end-of-line bytes.
    qpdf_offset_t findAndSkipNextEOL() override;
    /// Returns a fixed name for qpdf's messages (never a path).
    std::string const& getName() const override;
    /// Returns the current offset.
    qpdf_offset_t tell() override;
    /// Moves to `offset` relative to `whence` (SEEK_SET, SEEK_CUR or SEEK_END).
    void seek(qpdf_offset_t offset, int whence) override;
    /// Moves to the start.
    void rewind() override;
    /// Reads up to `length` bytes; returns how many were read (0 at the end).
    size_t read(char* buffer, size_t length) override;
    /// Steps back one byte.
    void unreadCh(char ch) override;

private:
    QIODevice* m_device;
    std::string m_name = "document";
};
