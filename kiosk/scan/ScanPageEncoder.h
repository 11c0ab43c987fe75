#pragma once
#include "ScannedPage.h"

#include <QImage>

/// Encodes a scanned image for upload (docs/scan.md): JPEG quality 80 for colour and grey, 1-bit PNG
/// for black-and-white (a grey scan is thresholded when the scanner has no line-art mode), with a
/// thumbnail for the screen. Pure: runs in mps-scan-helper as each page is read.
class ScanPageEncoder
{
public:
    static constexpr int JpegQuality = 80;
    static constexpr int ThumbnailHeight = 220;

    /// Encodes `image` scanned at `resolution` dpi; `lineart` makes a 1-bit PNG. Returns a page with
    /// empty data when the image cannot be encoded.
    static ScannedPage encode(const QImage& image, int resolution, bool lineart);
};
