#include "ScanPageModel.h"

#include "ThumbnailCache.h"

ScanPageModel::ScanPageModel(ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_thumbnails(thumbnails)
{
}

int ScanPageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_pages.size());
}

QVariant ScanPageModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_pages.size())
        return {};
    const Entry& e = m_pages.at(index.row());
    switch (role) {
    case NumberRole:
        return index.row() + 1;
    case ThumbnailRole:
        // Scanned pages use the negative ids of the thumbnail cache; jobs the positive ones.
        return m_thumbnails ? QStringLiteral("image://thumbnails/%1").arg(-e.key) : QString();
    case UploadedRole:
        return e.uploaded;
    case KeyRole:
        return e.key;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScanPageModel::roleNames() const
{
    return {
        {NumberRole, "number"}, {ThumbnailRole, "thumbnail"}, {UploadedRole, "uploaded"}, {KeyRole, "key"}};
}

qint64 ScanPageModel::append(const ScannedPage& page)
{
    const qint64 key = m_nextKey++;
    if (m_thumbnails)
        m_thumbnails->insertImage(-key, page.thumbnail);
    const int row = static_cast<int>(m_pages.size());
    beginInsertRows({}, row, row);
    m_pages.append({key, page, false});
    endInsertRows();
    Q_EMIT countChanged();
    return key;
}

void ScanPageModel::removeAt(int row)
{
    if (row < 0 || row >= m_pages.size())
        return;
    if (m_thumbnails)
        m_thumbnails->remove(-m_pages.at(row).key);
    beginRemoveRows({}, row, row);
    m_pages.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    // The page numbers after it moved up.
    if (row < m_pages.size())
        Q_EMIT dataChanged(index(row), index(static_cast<int>(m_pages.size()) - 1), {NumberRole});
}

void ScanPageModel::clear()
{
    if (m_pages.isEmpty())
        return;
    beginResetModel();
    if (m_thumbnails)
        for (const Entry& e : std::as_const(m_pages))
            m_thumbnails->remove(-e.key);
    m_pages.clear();
    endResetModel();
    Q_EMIT countChanged();
}

int ScanPageModel::rowOf(qint64 key) const
{
    for (int i = 0; i < m_pages.size(); ++i)
        if (m_pages.at(i).key == key)
            return i;
    return -1;
}

qint64 ScanPageModel::keyAt(int row) const
{
    return row >= 0 && row < m_pages.size() ? m_pages.at(row).key : 0;
}

void ScanPageModel::setUploaded(qint64 key, bool uploaded)
{
    const int row = rowOf(key);
    if (row < 0 || m_pages[row].uploaded == uploaded)
        return;
    m_pages[row].uploaded = uploaded;
    Q_EMIT dataChanged(index(row), index(row), {UploadedRole});
}

qint64 ScanPageModel::totalBytes() const
{
    qint64 total = 0;
    for (const Entry& e : m_pages)
        total += e.page.data.size();
    return total;
}
