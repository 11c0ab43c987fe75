#include "ScanPageEncoder.h"

#include <QBuffer>

ScannedPage ScanPageEncoder::encode(const QImage& image, int resolution, bool lineart)
{
    ScannedPage page;
    page.pixels = image.size();
    page.resolution = resolution;
    // Text stays sharp with a plain threshold; dithering would turn grey areas into noise.
    QImage encoded = !lineart || image.format() == QImage::Format_Mono
                         ? image
                         : image.convertToFormat(QImage::Format_Grayscale8)
                               .convertToFormat(QImage::Format_Mono, Qt::ThresholdDither | Qt::MonoOnly);
    // The dots per metre travel with the image, so that a viewer knows its size on paper.
    const int dpm = qRound(resolution / 0.0254);
    encoded.setDotsPerMeterX(dpm);
    encoded.setDotsPerMeterY(dpm);
    QBuffer buffer(&page.data);
    buffer.open(QIODevice::WriteOnly);
    page.mimeType = lineart ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
    const bool saved = lineart ? encoded.save(&buffer, "PNG") : encoded.save(&buffer, "JPEG", JpegQuality);
    if (!saved)
        page.data.clear();
    page.thumbnail =
        encoded.scaledToHeight(qBound(1, image.height(), ThumbnailHeight), Qt::SmoothTransformation);
    if (page.thumbnail.format() == QImage::Format_Mono)
        page.thumbnail = page.thumbnail.convertToFormat(QImage::Format_Grayscale8);
    return page;
}
