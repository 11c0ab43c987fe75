#pragma once
#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

/// Test data locations and helpers.
namespace TestData {
/// A real multi-page PDF shipped by CUPS (/usr/share/cups/data).
QString cupsPdf(const char* name = "default-testpage.pdf");
QByteArray readFile(const QString& path);
/// A PDF 1.4 file of these objects (numbered from 1; object 1 is the catalogue) with a correct
/// cross-reference table, for tests that need a PDF of an exact make-up.
QByteArray pdfFromObjects(const QList<QByteArray>& objects);
/// A raster stream written with libcups, URF (`apple`) or PWG: `pages` pages of US letter at 100 dpi in
/// `colorSpace` ("sgray_8", "srgb_8"). Each line starts white; `fill(y, height, line, bytes)` may
/// change it. Empty when libcups refuses.
QByteArray letterRaster(
    bool apple, unsigned pages, const char* colorSpace,
    const std::function<void(unsigned y, unsigned height, unsigned char* line, unsigned bytes)>& fill);
/// The number after "`key`:" in /proc/self/`file` ("status" VmHWM in KiB, "io" rchar in bytes...);
/// -1 when there is none.
qint64 procSelfNumber(const char* file, const QByteArray& key);
} // namespace TestData
