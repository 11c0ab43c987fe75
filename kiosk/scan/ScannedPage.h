#pragma once
#include <QByteArray>
#include <QImage>
#include <QMetaType>
#include <QSize>
#include <QString>

/// One scanned page, in memory only (nothing scanned is written to the kiosk's disk): the encoded
/// image as it is uploaded (JPEG for colour and grey, 1-bit PNG for black-and-white), a thumbnail
/// for the screen, and its size in pixels at `resolution` dpi.
struct ScannedPage
{
    QByteArray data;
    QString mimeType; ///< "image/jpeg" or "image/png"
    QImage thumbnail;
    QSize pixels;
    int resolution = 0;
};
Q_DECLARE_METATYPE(ScannedPage)
