#include "QpdfDeviceSource.h"

#include <QIODevice>
#include <stdexcept>

QpdfDeviceSource::QpdfDeviceSource(QIODevice* device) : m_device(device) {}

qpdf_offset_t QpdfDeviceSource::findAndSkipNextEOL()
{
    qpdf_offset_t result = 0;
    char c = 0;
    for (;;) {
        const qpdf_offset_t here = m_device->pos();
        if (m_device->read(&c, 1) != 1)
            return m_device->pos();
        if (c == '\r' || c == '\n') {
            result = here;
            // Skip every following end-of-line character.
            while (m_device->read(&c, 1) == 1) {
                if (c != '\r' && c != '\n') {
                    m_device->seek(m_device->pos() - 1);
                    break;
                }
            }
            return result;
        }
    }
}

std::string const& QpdfDeviceSource::getName() const
{
    return m_name;
}

qpdf_offset_t QpdfDeviceSource::tell()
{
    return m_device->pos();
}

void QpdfDeviceSource::seek(qpdf_offset_t offset, int whence)
{
    qint64 to = offset;
    if (whence == SEEK_CUR)
        to = m_device->pos() + offset;
    else if (whence == SEEK_END)
        to = m_device->size() + offset;
    if (to < 0 || !m_device->seek(to))
        throw std::runtime_error("seek failed");
}

void QpdfDeviceSource::rewind()
{
    seek(0, SEEK_SET);
}

size_t QpdfDeviceSource::read(char* buffer, size_t length)
{
    last_offset = m_device->pos();
    const qint64 n = m_device->read(buffer, static_cast<qint64>(length));
    if (n < 0)
        throw std::runtime_error("read failed");
    return static_cast<size_t>(n);
}

void QpdfDeviceSource::unreadCh(char)
{
    m_device->seek(m_device->pos() - 1);
}
