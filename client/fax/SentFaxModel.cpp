#include "SentFaxModel.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "FaxText.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPalette>

SentFaxModel::SentFaxModel(ApiClient* api, QObject* parent) : QAbstractTableModel(parent), m_api(api) {}

int SentFaxModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_faxes.size());
}

int SentFaxModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SentFaxModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_faxes.size())
        return {};
    const QJsonObject& f = m_faxes.at(index.row());
    const QString state = f.value(QLatin1String("state")).toString();
    if (role == FaxRole)
        return f;
    if (role == IdRole)
        return f.value(QLatin1String("id")).toVariant().toLongLong();
    if (role == StateRole)
        return state;
    if (role == Qt::ForegroundRole && index.column() == StateColumn && state == QLatin1String("failed"))
        return QBrush(QColor(0xb0, 0x20, 0x20));
    if (role == Qt::FontRole && index.column() == StateColumn && !FaxText::isFinal(state)) {
        QFont font = QGuiApplication::font();
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole && index.column() == StateColumn)
        return FaxText::state(f);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DocumentColumn:
        return f.value(QLatin1String("name")).toString();
    case RecipientColumn:
        return f.value(QLatin1String("recipientName")).toString();
    case NumberColumn:
        return f.value(QLatin1String("number")).toString();
    case PagesColumn: {
        const int total = f.value(QLatin1String("pagesTotal")).toInt();
        return total > 0 ? QVariant(total) : QVariant();
    }
    case StateColumn:
        return FaxText::stateBrief(f);
    case SubmittedColumn:
        return FaxText::naturalDate(
            QDateTime::fromString(f.value(QLatin1String("submitted")).toString(), Qt::ISODate));
    default:
        return {};
    }
}

QVariant SentFaxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DocumentColumn:
        return tr("Document");
    case RecipientColumn:
        return tr("Recipient");
    case NumberColumn:
        return tr("Fax number");
    case PagesColumn:
        return tr("Pages");
    case StateColumn:
        return tr("State");
    case SubmittedColumn:
        return tr("Sent at");
    default:
        return {};
    }
}

int SentFaxModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_faxes.size(); ++i)
        if (m_faxes.at(i).value(QLatin1String("id")).toVariant().toLongLong() == id)
            return i;
    return -1;
}

bool SentFaxModel::canResend(const QJsonObject& fax)
{
    const QString state = fax.value(QLatin1String("state")).toString();
    return state == QLatin1String("failed") || state == QLatin1String("cancelled");
}

bool SentFaxModel::canCancel(const QJsonObject& fax)
{
    return !fax.isEmpty() && !FaxText::isFinal(fax.value(QLatin1String("state")).toString());
}

void SentFaxModel::refresh()
{
    if (m_fetch)
        return;
    ApiReply* reply = m_api->sentFaxes();
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
        } else {
            m_error = FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage());
        }
        Q_EMIT errorStringChanged();
        Q_EMIT loadingChanged();
    });
}

void SentFaxModel::clear()
{
    beginResetModel();
    m_faxes.clear();
    endResetModel();
}

void SentFaxModel::upsert(const QJsonObject& fax)
{
    const qint64 id = fax.value(QLatin1String("id")).toVariant().toLongLong();
    if (id <= 0)
        return;
    const int row = rowOf(id);
    if (row >= 0) {
        m_faxes[row] = fax;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // A fax sent from elsewhere (another dialog, the capture path, a resend): newest first.
    beginInsertRows({}, 0, 0);
    m_faxes.prepend(fax);
    endInsertRows();
}

void SentFaxModel::applyEvent(const QString& type, const QJsonObject& event)
{
    if (type == QLatin1String("fax-status"))
        upsert(event.value(QLatin1String("fax")).toObject());
}

void SentFaxModel::resend(qint64 id)
{
    ApiReply* reply = m_api->resendFax(id);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->ok()) {
            upsert(reply->json().value(QLatin1String("fax")).toObject());
            Q_EMIT actionFinished(true, {});
        } else {
            Q_EMIT actionFinished(
                false, FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()));
        }
    });
}

void SentFaxModel::cancel(qint64 id)
{
    ApiReply* reply = m_api->cancelFax(id);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->ok()) {
            upsert(reply->json().value(QLatin1String("fax")).toObject());
            Q_EMIT actionFinished(true, {});
        } else {
            Q_EMIT actionFinished(
                false, FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()));
        }
    });
}
