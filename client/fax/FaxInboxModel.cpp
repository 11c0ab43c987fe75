#include "FaxInboxModel.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "FaxText.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>

namespace {
qint64 idOf(const QJsonObject& fax)
{
    return fax.value(QLatin1String("id")).toVariant().toLongLong();
}
} // namespace

FaxInboxModel::FaxInboxModel(ApiClient* api, QObject* parent) : QAbstractTableModel(parent), m_api(api)
{
    auto recount = [this] {
        const int n = unreadCount();
        if (n != m_lastUnread) {
            m_lastUnread = n;
            Q_EMIT unreadCountChanged(n);
        }
    };
    connect(this, &QAbstractItemModel::modelReset, this, recount);
    connect(this, &QAbstractItemModel::rowsInserted, this, recount);
    connect(this, &QAbstractItemModel::rowsRemoved, this, recount);
    connect(this, &QAbstractItemModel::dataChanged, this, recount);
}

int FaxInboxModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_faxes.size());
}

int FaxInboxModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FaxInboxModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_faxes.size())
        return {};
    const QJsonObject& f = m_faxes.at(index.row());
    const bool read = f.value(QLatin1String("read")).toBool();
    const bool partial = f.value(QLatin1String("partial")).toBool();
    switch (role) {
    case FaxRole:
        return f;
    case IdRole:
        return idOf(f);
    case ReadRole:
        return read;
    case Qt::FontRole:
        if (!read) {
            QFont font = QGuiApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (partial)
            return tr("Only part of this fax arrived: %1").arg(f.value(QLatin1String("error")).toString());
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case FromColumn: {
        QString from = f.value(QLatin1String("fromName")).toString().trimmed();
        if (from.isEmpty())
            from = f.value(QLatin1String("tsi")).toString().trimmed();
        if (from.isEmpty())
            from = tr("Unknown sender");
        return from;
    }
    case NumberColumn:
        return f.value(QLatin1String("fromNumber")).toString();
    case PagesColumn: {
        const int pages = f.value(QLatin1String("pages")).toInt();
        return partial ? tr("%1 (incomplete)").arg(pages) : QString::number(pages);
    }
    case ReceivedColumn:
        return FaxText::naturalDate(
            QDateTime::fromString(f.value(QLatin1String("received")).toString(), Qt::ISODate));
    case MailboxColumn:
        return FaxText::mailbox(f);
    default:
        return {};
    }
}

QVariant FaxInboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FromColumn:
        return tr("From");
    case NumberColumn:
        return tr("Fax number");
    case PagesColumn:
        return tr("Pages");
    case ReceivedColumn:
        return tr("Received");
    case MailboxColumn:
        return tr("Mailbox");
    default:
        return {};
    }
}

int FaxInboxModel::unreadCount() const
{
    int n = 0;
    for (const QJsonObject& f : m_faxes)
        if (!f.value(QLatin1String("read")).toBool())
            ++n;
    return n;
}

int FaxInboxModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_faxes.size(); ++i)
        if (idOf(m_faxes.at(i)) == id)
            return i;
    return -1;
}

void FaxInboxModel::refresh()
{
    if (m_fetch) {
        // Something changed while this fetch was under way: fetch once more when it ends.
        m_refetch = true;
        return;
    }
    ApiReply* reply = m_api->faxInbox();
    m_fetch = reply;
    Q_EMIT loadingChanged();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_fetch = nullptr;
        if (reply->ok()) {
            beginResetModel();
            m_faxes.clear();
            for (const QJsonValue& v : reply->json().value(QLatin1String("faxes")).toArray())
                m_faxes.append(v.toObject());
            endResetModel();
            m_error.clear();
            m_loaded = true;
        } else {
            m_error = FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage());
        }
        Q_EMIT errorStringChanged();
        Q_EMIT loadingChanged();
        if (m_refetch) {
            m_refetch = false;
            refresh();
        }
    });
}

void FaxInboxModel::clear()
{
    beginResetModel();
    m_faxes.clear();
    m_loaded = false;
    endResetModel();
}

void FaxInboxModel::setRow(int row, const QJsonObject& fax)
{
    m_faxes[row] = fax;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void FaxInboxModel::update(const QJsonObject& fax)
{
    const int row = rowOf(idOf(fax));
    if (row >= 0)
        setRow(row, fax);
}

void FaxInboxModel::applyEvent(const QString& type, const QJsonObject& event)
{
    if (type == QLatin1String("fax-received")) {
        const QJsonObject fax = event.value(QLatin1String("fax")).toObject();
        if (idOf(fax) <= 0 || rowOf(idOf(fax)) >= 0)
            return;
        beginInsertRows({}, 0, 0);
        m_faxes.prepend(fax);
        endInsertRows();
    } else if (type == QLatin1String("fax-inbox-changed")) {
        refresh();
    }
}

void FaxInboxModel::markRead(qint64 id, bool read)
{
    const int row = rowOf(id);
    if (row < 0 || m_faxes.at(row).value(QLatin1String("read")).toBool() == read)
        return;
    QJsonObject fax = m_faxes.at(row);
    fax.insert(QStringLiteral("read"), read);
    setRow(row, fax);
    ApiReply* reply = m_api->markFaxRead(id, read);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->ok())
            update(reply->json().value(QLatin1String("fax")).toObject());
    });
}

void FaxInboxModel::remove(qint64 id)
{
    ApiReply* reply = m_api->deleteInboxFax(id);
    connect(reply, &ApiReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        if (reply->ok() || reply->errorCode() == QLatin1String("not-found")) {
            const int row = rowOf(id);
            if (row >= 0) {
                beginRemoveRows({}, row, row);
                m_faxes.removeAt(row);
                endRemoveRows();
            }
            Q_EMIT actionFinished(true, {});
        } else {
            Q_EMIT actionFinished(
                false, FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()));
        }
    });
}
