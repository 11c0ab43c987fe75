#include "ThumbnailCache.h"

ThumbnailCache::ThumbnailCache() : QQuickImageProvider(QQuickImageProvider::Image) {}

bool ThumbnailCache::insert(qint64 id, const QByteArray& png)
{
    QImage image;
    if (!image.loadFromData(png))
        return false;
    QMutexLocker lock(&m_mutex);
    m_images.insert(id, image);
    return true;
}

void ThumbnailCache::insertImage(qint64 id, const QImage& image)
{
    QMutexLocker lock(&m_mutex);
    m_images.insert(id, image);
}

void ThumbnailCache::remove(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_images.remove(id);
}

bool ThumbnailCache::contains(qint64 id) const
{
    QMutexLocker lock(&m_mutex);
    return m_images.contains(id);
}

void ThumbnailCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_images.clear();
}

QImage ThumbnailCache::requestImage(const QString& id, QSize* size, const QSize& requestedSize)
{
    QImage image;
    {
        QMutexLocker lock(&m_mutex);
        image = m_images.value(id.section(QLatin1Char('?'), 0, 0).toLongLong());
    }
    // QML asks for one side only (sourceSize.height) as often as for both.
    if (!image.isNull() && requestedSize.width() > 0 && requestedSize.height() > 0)
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    else if (!image.isNull() && requestedSize.height() > 0)
        image = image.scaledToHeight(requestedSize.height(), Qt::SmoothTransformation);
    else if (!image.isNull() && requestedSize.width() > 0)
        image = image.scaledToWidth(requestedSize.width(), Qt::SmoothTransformation);
    if (size)
        *size = image.size();
    return image;
}
