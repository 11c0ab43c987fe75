#include "TestData.h"

#include <QFile>
#include <algorithm>
#include <cups/raster.h>
#include <vector>

namespace {

ssize_t appendToByteArray(void* ctx, unsigned char* buffer, size_t length)
{
    static_cast<QByteArray*>(ctx)->append(reinterpret_cast<const char*>(buffer),
                                          static_cast<qsizetype>(length));
    return static_cast<ssize_t>(length);
}

} // namespace

namespace TestData {

QString cupsPdf(const char* name)
{
    return QStringLiteral("/usr/share/cups/data/") + QString::fromLatin1(name);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

qint64 procSelfNumber(const char* file, const QByteArray& key)
{
    const QByteArray prefix = key + ':';
    for (const QByteArray& line : readFile(QStringLiteral("/proc/self/") + QLatin1String(file)).split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QByteArray pdfFromObjects(const QList<QByteArray>& objects)
{
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QByteArray letterRaster(
    bool apple, unsigned pages, const char* colorSpace,
    const std::function<void(unsigned y, unsigned height, unsigned char* line, unsigned bytes)>& fill)
{
    QByteArray out;
    cups_raster_t* raster =
        cupsRasterOpenIO(appendToByteArray, &out, apple ? CUPS_RASTER_WRITE_APPLE : CUPS_RASTER_WRITE_PWG);
    if (!raster)
        return {};
    pwg_media_t* letter = pwgMediaForPWG("na_letter_8.5x11in");
    for (unsigned page = 0; page < pages; ++page) {
        cups_page_header2_t header;
        cupsRasterInitPWGHeader(&header, letter, colorSpace, 100, 100, "one-sided", nullptr);
        header.cupsInteger[CUPS_RASTER_PWG_TotalPageCount] = pages;
        if (!cupsRasterWriteHeader2(raster, &header)) {
            cupsRasterClose(raster);
            return {};
        }
        std::vector<unsigned char> line(header.cupsBytesPerLine);
        for (unsigned y = 0; y < header.cupsHeight; ++y) {
            std::fill(line.begin(), line.end(), 0xff);
            fill(y, header.cupsHeight, line.data(), header.cupsBytesPerLine);
            cupsRasterWritePixels(raster, line.data(), header.cupsBytesPerLine);
        }
    }
    cupsRasterClose(raster);
    return out;
}
} // namespace TestData
