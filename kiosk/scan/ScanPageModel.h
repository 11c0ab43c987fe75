#pragma once
#include "ScannedPage.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class ThumbnailCache;

/// The pages of the scan under way, in the order they will be in the PDF, for the scan screen's
/// thumbnails (image://thumbnails/-<key>, served by ThumbnailCache). Pages live in memory only.
class ScanPageModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by ScanController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { NumberRole = Qt::UserRole + 1, ThumbnailRole, UploadedRole, KeyRole };
    Q_ENUM(Role)

    /// Creates an empty model putting thumbnails into `thumbnails` (may be null).
    explicit ScanPageModel(ThumbnailCache* thumbnails, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Appends `page`; returns its key (stable while the page exists).
    qint64 append(const ScannedPage& page);
    /// Removes the page at `row`.
    void removeAt(int row);
    /// Forgets every page and its thumbnail.
    void clear();
    /// The row of the page with `key`, or -1.
    int rowOf(qint64 key) const;
    qint64 keyAt(int row) const;
    const ScannedPage& pageAt(int row) const { return m_pages.at(row).page; }
    /// Marks the page with `key` as stored on the server (or not).
    void setUploaded(qint64 key, bool uploaded);
    bool isUploaded(int row) const { return m_pages.at(row).uploaded; }
    /// The encoded bytes of every page together.
    qint64 totalBytes() const;

Q_SIGNALS:
    void countChanged();

private:
    struct Entry
    {
        qint64 key;
        ScannedPage page;
        bool uploaded = false;
    };
    ThumbnailCache* m_thumbnails;
    QList<Entry> m_pages;
    qint64 m_nextKey = 1;
};
