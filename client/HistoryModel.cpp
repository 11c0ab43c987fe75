#include "HistoryModel.h"

#include "QuotaText.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace {

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

bool finished(const QString& state)
{
    return state == QLatin1String("printed") || state == QLatin1String("deleted") ||
           state == QLatin1String("expired");
}

} // namespace

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime HistoryModel::endedAt(const QJsonObject& job)
{
    for (const char* key : {"finished", "completed", "ended"}) {
        const QDateTime t = QDateTime::fromString(str(job, key), Qt::ISODate);
        if (t.isValid())
            return t;
    }
    if (str(job, "state") == QLatin1String("expired"))
        return QDateTime::fromString(str(job, "expires"), Qt::ISODate);
    return QDateTime::fromString(str(job, "submitted"), Qt::ISODate);
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject& j = m_jobs.at(index.row());
    const QString state = str(j, "state");
    const bool printed = state == QLatin1String("printed");
    if (role == Qt::TextAlignmentRole && (index.column() == PagesColumn || index.column() == CostColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return str(j, "name");
    case StateColumn:
        if (printed)
            return tr("Printed");
        if (state == QLatin1String("deleted"))
            return tr("Deleted");
        return tr("Expired");
    case WhereColumn:
        return printed ? str(j, "printer") : QString();
    case WhenColumn:
        return QLocale().toString(endedAt(j).toLocalTime(), QLocale::ShortFormat);
    case PagesColumn: {
        const int copies =
            qMax(1, j.value(QLatin1String("options")).toObject().value(QLatin1String("copies")).toInt(1));
        return j.value(QLatin1String("pages")).toInt() * copies;
    }
    case CostColumn:
        if (!printed || !j.contains(QLatin1String("cost")))
            return QString();
        return QuotaText::money(j.value(QLatin1String("cost")).toInteger(), str(j, "currency"));
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Document");
    case StateColumn:
        return tr("What happened");
    case WhereColumn:
        return tr("Printer");
    case WhenColumn:
        return tr("When");
    case PagesColumn:
        return tr("Pages");
    case CostColumn:
        return tr("Cost");
    default:
        return {};
    }
}

bool HistoryModel::setJobsFromJson(const QJsonObject& answer, const QDateTime& now)
{
    const QJsonValue v = answer.value(QLatin1String("jobs"));
    if (!v.isArray())
        return false;
    const QDateTime since = now.addDays(-Days);
    QList<QJsonObject> jobs;
    for (const QJsonValue& value : v.toArray()) {
        const QJsonObject j = value.toObject();
        if (!finished(str(j, "state")))
            continue;
        const QDateTime ended = endedAt(j);
        if (!ended.isValid() || ended < since)
            continue;
        jobs.append(j);
    }
    std::stable_sort(jobs.begin(), jobs.end(),
                     [](const QJsonObject& a, const QJsonObject& b) { return endedAt(a) > endedAt(b); });
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
    return true;
}
