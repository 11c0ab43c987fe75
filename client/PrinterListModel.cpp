#include "PrinterListModel.h"

#include "ApiClient.h"
#include "ClientLog.h"

#include <QColor>
#include <QJsonArray>
#include <QPainter>
#include <QPixmap>

namespace {

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QPixmap statusDot(bool ok)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    p.drawEllipse(QRectF(2, 2, 10, 10));
    return pm;
}

} // namespace

PrinterListModel::PrinterListModel(ApiClient* api, QObject* parent) : QAbstractListModel(parent), m_api(api)
{
}

PrinterListModel::~PrinterListModel()
{
    delete m_reply.data();
}

int PrinterListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_printers.size());
}

QVariant PrinterListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject& p = m_printers.at(index.row());
    const bool canPrint = p.value(QLatin1String("canPrint")).toBool();
    switch (role) {
    case Qt::DisplayRole: {
        const QString location = str(p, "location");
        const QString first =
            location.isEmpty() ? str(p, "name") : tr("%1 - %2").arg(str(p, "name"), location);
        return first + QLatin1Char('\n') + statusText(p);
    }
    case Qt::DecorationRole:
        return statusDot(canPrint);
    case Qt::ToolTipRole:
        return str(p, "makeAndModel");
    case NameRole:
        return str(p, "name");
    case LocationRole:
        return str(p, "location");
    case CanPrintRole:
        return canPrint;
    case StatusTextRole:
        return statusText(p);
    case ColorRole:
        return p.value(QLatin1String("color")).toBool();
    case DuplexRole:
        return p.value(QLatin1String("duplex")).toBool();
    case ModelRole:
        return str(p, "makeAndModel");
    default:
        return {};
    }
}

Qt::ItemFlags PrinterListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // A printer that cannot print now is shown (with the reason) but cannot be chosen.
    if (!m_printers.at(index.row()).value(QLatin1String("canPrint")).toBool())
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> PrinterListModel::roleNames() const
{
    return {{NameRole, "name"},         {LocationRole, "location"}, {CanPrintRole, "canPrint"},
            {StatusTextRole, "status"}, {ColorRole, "color"},       {DuplexRole, "duplex"},
            {ModelRole, "makeAndModel"}};
}

QString PrinterListModel::describeFaults(const QStringList& faults)
{
    QStringList parts;
    for (const QString& f : faults) {
        if (f == QLatin1String("media-jam"))
            parts << tr("paper jam");
        else if (f == QLatin1String("media-empty") || f == QLatin1String("media-needed"))
            parts << tr("out of paper");
        else if (f == QLatin1String("toner-empty") || f == QLatin1String("marker-supply-empty"))
            parts << tr("out of toner");
        else if (f == QLatin1String("door-open") || f == QLatin1String("cover-open"))
            parts << tr("a door or cover is open");
        else if (f == QLatin1String("offline") || f == QLatin1String("shutdown"))
            parts << tr("offline");
        else if (f == QLatin1String("input-tray-missing"))
            parts << tr("a paper tray is missing");
        else if (f == QLatin1String("output-area-full"))
            parts << tr("the output tray is full");
        else if (f == QLatin1String("paused") || f == QLatin1String("stopped"))
            parts << tr("stopped");
        else
            parts << f;
    }
    return parts.join(tr(", "));
}

QString PrinterListModel::statusText(const QJsonObject& p) const
{
    if (p.value(QLatin1String("canPrint")).toBool())
        return tr("Ready");
    if (!p.value(QLatin1String("reachable")).toBool(true))
        return tr("Cannot print now: not reachable");
    QStringList faults;
    for (const QJsonValue& v : p.value(QLatin1String("faults")).toArray())
        faults << v.toString();
    if (faults.isEmpty())
        return tr("Cannot print now");
    return tr("Cannot print now: %1").arg(describeFaults(faults));
}

QString PrinterListModel::faultTextFor(const QString& name) const
{
    const int row = rowOf(name);
    if (row < 0)
        return {};
    const QJsonObject& p = m_printers.at(row);
    if (p.value(QLatin1String("canPrint")).toBool())
        return {};
    if (!p.value(QLatin1String("reachable")).toBool(true))
        return describeFaults({QStringLiteral("offline")});
    QStringList faults;
    for (const QJsonValue& v : p.value(QLatin1String("faults")).toArray())
        faults << v.toString();
    return describeFaults(faults);
}

int PrinterListModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_printers.size(); ++i) {
        if (str(m_printers.at(i), "name") == name)
            return i;
    }
    return -1;
}

void PrinterListModel::refresh()
{
    if (!m_api)
        return;
    delete m_reply.data();
    ApiReply* reply = m_api->printers();
    m_reply = reply;
    setLoading(true);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        setLoading(false);
        QString error;
        if (!reply->ok())
            error = reply->errorMessage();
        else if (!setPrintersFromJson(reply->json()))
            error = tr("The server sent an answer this app does not understand. Try again later.");
        if (error != m_error) {
            m_error = error;
            Q_EMIT errorStringChanged();
        }
    });
}

bool PrinterListModel::setPrintersFromJson(const QJsonObject& answer)
{
    const QJsonValue v = answer.value(QLatin1String("printers"));
    if (!v.isArray())
        return false;
    beginResetModel();
    m_printers.clear();
    for (const QJsonValue& p : v.toArray())
        m_printers.append(p.toObject());
    endResetModel();
    return true;
}

void PrinterListModel::applyEvent(const QString& type, const QJsonObject& event)
{
    if (type != QLatin1String("printer-changed"))
        return;
    const QJsonObject p = event.value(QLatin1String("printer")).toObject();
    if (str(p, "name").isEmpty())
        return;
    const int row = rowOf(str(p, "name"));
    if (row < 0) {
        beginInsertRows({}, rowCount(), rowCount());
        m_printers.append(p);
        endInsertRows();
        return;
    }
    m_printers[row] = p;
    Q_EMIT dataChanged(index(row), index(row));
}

void PrinterListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}
