#include "DeviceListModel.h"

#include "ApiClient.h"
#include "DeviceText.h"
#include "DevicesLog.h"
#include "ServerErrorText.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace {
qint64 idOf(const QJsonObject& device)
{
    return device.value(QLatin1String("id")).toVariant().toLongLong();
}

int attentionOf(const QJsonObject& device)
{
    return device.value(QLatin1String("attention")).toInt();
}

// The supplies with a forecast, one line each in the order of the bars.
QString forecastLines(const QJsonObject& device)
{
    QStringList lines;
    for (const QJsonValue& v : device.value(QLatin1String("supplies")).toArray())
        lines << DeviceText::forecast(v.toObject());
    return lines.join(QLatin1Char('\n'));
}
} // namespace

DeviceListModel::DeviceListModel(ApiClient* api, QObject* parent) : QAbstractTableModel(parent), m_api(api) {}

int DeviceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_devices.size());
}

int DeviceListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DeviceListModel::lessThan(const QJsonObject& a, const QJsonObject& b)
{
    const int aa = attentionOf(a);
    const int ab = attentionOf(b);
    if (aa != ab)
        return aa > ab;
    const int byName = QString::compare(a.value(QLatin1String("name")).toString(),
                                        b.value(QLatin1String("name")).toString(), Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    return idOf(a) < idOf(b);
}

QVariant DeviceListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_devices.size())
        return {};
    const QJsonObject& d = m_devices.at(index.row());
    switch (role) {
    case DeviceRole:
        return d;
    case IdRole:
        return idOf(d);
    case AttentionRole:
        return attentionOf(d);
    case LocationRole:
        return d.value(QLatin1String("location")).toString();
    case SuppliesRole:
        return d.value(QLatin1String("supplies")).toArray();
    case LowPercentRole:
        return m_lowPercent;
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case PrinterColumn: {
            const QString location = d.value(QLatin1String("location")).toString();
            const QString name = d.value(QLatin1String("name")).toString();
            return location.isEmpty() ? name : name + QLatin1Char('\n') + location;
        }
        case StateColumn: {
            const QString state = DeviceText::state(d);
            // Not answering says since when; a fault says which.
            const QString since = DeviceText::unreachableSince(d);
            if (!since.isEmpty())
                return state + QLatin1Char('\n') + since;
            const QString problems = DeviceText::problems(d);
            return problems.isEmpty() || problems == DeviceText::tr("not answering")
                       ? state
                       : state + QLatin1Char('\n') + problems;
        }
        case SuppliesColumn:
            return {}; // drawn by SupplyDelegate
        case ForecastColumn:
            return forecastLines(d);
        case PagesColumn: {
            const QString gap = DeviceText::counterGap(d);
            return gap.isEmpty() ? DeviceText::pageCount(d)
                                 : DeviceText::pageCount(d) + QLatin1Char('\n') + gap;
        }
        case LastSeenColumn:
            return DeviceText::lastSeen(d);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case PrinterColumn: {
            QStringList lines{d.value(QLatin1String("name")).toString()};
            for (const char* key : {"model", "serial", "location"}) {
                const QString v = d.value(QLatin1String(key)).toString();
                if (!v.isEmpty())
                    lines << v;
            }
            lines << DeviceText::attention(attentionOf(d));
            return lines.join(QLatin1Char('\n'));
        }
        case StateColumn: {
            const QString problems = DeviceText::problems(d);
            return problems.isEmpty() ? DeviceText::state(d)
                                      : DeviceText::state(d) + QStringLiteral(": ") + problems;
        }
        case SuppliesColumn:
        case ForecastColumn: {
            QStringList lines;
            for (const QJsonValue& v : d.value(QLatin1String("supplies")).toArray()) {
                const QJsonObject s = v.toObject();
                QStringList parts{DeviceText::supplyName(s) + QStringLiteral(": ") +
                                  DeviceText::level(s.value(QLatin1String("level")).toInt(-1))};
                for (const QString& p : {DeviceText::forecast(s), DeviceText::perDay(s)})
                    if (!p.isEmpty())
                        parts << p;
                lines << parts.join(QStringLiteral(", "));
            }
            return lines.join(QLatin1Char('\n'));
        }
        case PagesColumn:
            return DeviceText::counterGapExplained(d);
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == PrinterColumn) {
        // A coloured mark for what needs doing first: red, orange, yellow.
        switch (attentionOf(d)) {
        case 3:
            return QColor(0xd3, 0x2f, 0x2f);
        case 2:
            return QColor(0xef, 0x6c, 0x00);
        case 1:
            return QColor(0xf9, 0xa8, 0x25);
        default:
            return QColor(0x43, 0xa0, 0x47);
        }
    }
    if (role == Qt::ForegroundRole && column == StateColumn && attentionOf(d) >= 3)
        return QColor(0xc6, 0x28, 0x28);
    if (role == Qt::FontRole && column == PrinterColumn) {
        QFont f;
        f.setBold(attentionOf(d) >= 3);
        return f;
    }
    if (role == Qt::TextAlignmentRole && column == PagesColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QVariant DeviceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PrinterColumn:
        return tr("Printer");
    case StateColumn:
        return tr("State");
    case SuppliesColumn:
        return tr("Supplies");
    case ForecastColumn:
        return tr("Forecast");
    case PagesColumn:
        return tr("Pages");
    case LastSeenColumn:
        return tr("Last seen");
    default:
        return {};
    }
}

int DeviceListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_devices.size(); ++i)
        if (idOf(m_devices.at(i)) == id)
            return i;
    return -1;
}

QStringList DeviceListModel::locations() const
{
    QStringList out;
    for (const QJsonObject& d : m_devices) {
        const QString l = d.value(QLatin1String("location")).toString().trimmed();
        if (!l.isEmpty() && !out.contains(l))
            out << l;
    }
    std::sort(out.begin(), out.end(),
              [](const QString& a, const QString& b) { return QString::localeAwareCompare(a, b) < 0; });
    return out;
}

int DeviceListModel::attentionCount() const
{
    return static_cast<int>(std::count_if(m_devices.cbegin(), m_devices.cend(),
                                          [](const QJsonObject& d) { return attentionOf(d) > 0; }));
}

void DeviceListModel::setLowPercent(int percent)
{
    if (percent < 0 || percent == m_lowPercent)
        return;
    m_lowPercent = percent;
    if (!m_devices.isEmpty())
        Q_EMIT dataChanged(index(0, SuppliesColumn), index(rowCount() - 1, SuppliesColumn));
}

void DeviceListModel::setError(const QString& error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

void DeviceListModel::refresh()
{
    if (!m_api)
        return;
    delete m_fetch.data();
    ApiReply* reply = m_api->devices();
    m_fetch = reply;
    Q_EMIT loadingChanged();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_fetch == reply)
            m_fetch = nullptr;
        if (!reply->ok()) {
            qCInfo(lcClientDevices) << "devices not fetched:" << reply->errorCode();
            if (reply->errorCode() == QLatin1String("forbidden"))
                setError(tr("Only print admins see the printers' state. Sign in as a print admin."));
            else if (reply->httpStatus() == 404)
                setError(
                    tr("This print server does not monitor printers yet. Ask the print admin to update it."));
            else {
                const QString known = ServerErrorText::sentence(reply->errorCode(), reply->json());
                setError(tr("The printers could not be loaded: %1")
                             .arg(known.isEmpty() ? reply->errorMessage() : known));
            }
        } else if (!setDevicesFromJson(reply->json())) {
            setError(tr("The print server's answer was not understood. Ask the print admin to update it."));
        }
        Q_EMIT loadingChanged();
    });
}

void DeviceListModel::clear()
{
    delete m_fetch.data();
    beginResetModel();
    m_devices.clear();
    m_loaded = false;
    endResetModel();
    setError({});
    Q_EMIT loadingChanged();
}

bool DeviceListModel::setDevicesFromJson(const QJsonObject& answer)
{
    if (!answer.value(QLatin1String("devices")).isArray())
        return false;
    QList<QJsonObject> devices;
    for (const QJsonValue& v : answer.value(QLatin1String("devices")).toArray())
        if (v.isObject())
            devices << v.toObject();
    std::stable_sort(devices.begin(), devices.end(), &DeviceListModel::lessThan);
    beginResetModel();
    m_devices = devices;
    m_loaded = true;
    endResetModel();
    setError({});
    return true;
}

int DeviceListModel::insertPosition(const QJsonObject& device) const
{
    return static_cast<int>(
        std::lower_bound(m_devices.cbegin(), m_devices.cend(), device, &DeviceListModel::lessThan) -
        m_devices.cbegin());
}

void DeviceListModel::applyEvent(const QString& type, const QJsonObject& event)
{
    if (type != QLatin1String("device-changed"))
        return;
    // The contract's event carries the device under "device"; a bare device JSON is taken as well.
    const QJsonObject device = event.value(QLatin1String("device")).isObject()
                                   ? event.value(QLatin1String("device")).toObject()
                                   : event;
    const qint64 id = idOf(device);
    if (id <= 0)
        return;
    const int from = rowOf(id);
    if (from < 0) {
        const int at = insertPosition(device);
        beginInsertRows({}, at, at);
        m_devices.insert(at, device);
        endInsertRows();
        Q_EMIT deviceUpdated(id);
        return;
    }
    // Where it belongs among the others (the list without it stays sorted).
    QList<QJsonObject> others = m_devices;
    others.removeAt(from);
    const int to = static_cast<int>(
        std::lower_bound(others.cbegin(), others.cend(), device, &DeviceListModel::lessThan) -
        others.cbegin());
    if (to != from) {
        // Moved, not removed and inserted: a selected printer stays selected.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_devices.move(from, to);
        m_devices[to] = device;
        endMoveRows();
    } else {
        m_devices[from] = device;
    }
    Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
    Q_EMIT deviceUpdated(id);
}
