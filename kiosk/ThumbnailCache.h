#pragma once
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QQuickImageProvider>

/// First-page thumbnails of the signed-in user's jobs and their scanned pages, in memory only (the kiosk
/// stores no documents), served to QML as image://thumbnails/<job id>. Filled by JobModel; cleared at
/// sign-out.
class ThumbnailCache : public QQuickImageProvider
{
public:
    ThumbnailCache();

    /// Stores the thumbnail of job `id` from PNG bytes. Returns false when they are not an image.
    bool insert(qint64 id, const QByteArray& png);
    /// Stores `image` under `id` (scanned pages use negative ids, jobs positive ones).
    void insertImage(qint64 id, const QImage& image);
    /// Forgets the thumbnail under `id`.
    void remove(qint64 id);
    /// Returns true when job `id` has a thumbnail.
    bool contains(qint64 id) const;
    /// Forgets every thumbnail.
    void clear();

    /// QQuickImageProvider: `id` is the job id (anything after '?' is ignored).
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;

private:
    mutable QMutex m_mutex; // QML may load images on its own threads
    QHash<qint64, QImage> m_images;
};
