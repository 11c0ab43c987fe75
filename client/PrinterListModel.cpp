#include "PrinterListModel.h"

#include "ApiClient.h"
#include "ClientLog.h"

#include <QColor>
#include <QJsonArray>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

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
    const bool canPrint = this->canPrint(p);
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
    case CapabilitiesRole:
        return p.value(QLatin1String("capabilities")).toObject();
    default:
        return {};
    }
}

Qt::ItemFlags PrinterListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // A printer that cannot print now is shown (with the reason) but cannot be chosen.
    if (!canPrint(m_printers.at(index.row())))
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

bool PrinterListModel::canPrint(const QJsonObject& p) const
{
    // State shown is state known: without the server nothing is known to be ready.
    return m_serverReachable && p.value(QLatin1String("canPrint")).toBool() && optionsProblem(p).isEmpty();
}

QString PrinterListModel::optionsProblem(const QJsonObject& p) const
{
    const Capabilities caps = Capabilities::fromJson(p.value(QLatin1String("capabilities")).toObject());
    for (const PrintOptions& o : m_required) {
        const QString problem = caps.unsupported(o);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QString PrinterListModel::statusText(const QJsonObject& p) const
{
    if (!m_serverReachable)
        return tr("Unknown: the print server cannot be reached");
    if (p.value(QLatin1String("canPrint")).toBool()) {
        const QString problem = optionsProblem(p);
        if (!problem.isEmpty())
            return tr("Ready, but %1: change the job's options first").arg(problem);
        return tr("Ready");
    }
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

PrinterListModel::Capabilities PrinterListModel::Capabilities::fromJson(const QJsonObject& c)
{
    Capabilities caps;
    for (const QJsonValue& v : c.value(QLatin1String("sides")).toArray())
        caps.sides << v.toString();
    caps.color = c.value(QLatin1String("color")).toBool(true);
    if (c.contains(QLatin1String("copiesMax")))
        caps.copiesMax = qBound(1, c.value(QLatin1String("copiesMax")).toInt(1), 999);
    return caps;
}

bool PrinterListModel::Capabilities::supportsSides(const QString& s) const
{
    return sides.isEmpty() || sides.contains(s) || s == QLatin1String("one-sided");
}

QString PrinterListModel::Capabilities::unsupported(const PrintOptions& o) const
{
    if (!supportsSides(o.sides))
        return PrinterListModel::tr("cannot print two-sided");
    if (!color && o.colorMode == QLatin1String("color"))
        return PrinterListModel::tr("cannot print in colour");
    if (o.copies > copiesMax)
        return PrinterListModel::tr("prints at most %n copies at a time", nullptr, copiesMax);
    return {};
}

PrinterListModel::Capabilities PrinterListModel::Capabilities::unite(const QList<Capabilities>& all)
{
    if (all.isEmpty())
        return {};
    Capabilities u;
    u.color = false;
    u.copiesMax = 1;
    bool anyUnknownSides = false;
    for (const Capabilities& c : all) {
        u.color = u.color || c.color;
        u.copiesMax = qMax(u.copiesMax, c.copiesMax);
        if (c.sides.isEmpty())
            anyUnknownSides = true;
        for (const QString& s : c.sides) {
            if (!u.sides.contains(s))
                u.sides << s;
        }
    }
    if (anyUnknownSides)
        u.sides.clear();
    else if (!u.sides.contains(QStringLiteral("one-sided")))
        u.sides.prepend(QStringLiteral("one-sided"));
    return u;
}

PrinterListModel::Capabilities PrinterListModel::capabilitiesOf(const QString& name) const
{
    const int row = rowOf(name);
    if (row < 0)
        return {};
    return Capabilities::fromJson(m_printers.at(row).value(QLatin1String("capabilities")).toObject());
}

PrinterListModel::Capabilities PrinterListModel::combinedCapabilities() const
{
    QList<Capabilities> all;
    for (const QJsonObject& p : m_printers)
        all << Capabilities::fromJson(p.value(QLatin1String("capabilities")).toObject());
    return Capabilities::unite(all);
}

void PrinterListModel::setRequiredOptions(const QList<PrintOptions>& options)
{
    m_required = options;
    if (!m_printers.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

bool PrinterListModel::anyReadyButUnableForOptions() const
{
    return m_serverReachable &&
           std::any_of(m_printers.cbegin(), m_printers.cend(), [this](const QJsonObject& p) {
               return p.value(QLatin1String("canPrint")).toBool() && !optionsProblem(p).isEmpty();
           });
}

void PrinterListModel::setServerReachable(bool reachable)
{
    if (m_serverReachable == reachable)
        return;
    m_serverReachable = reachable;
    if (!m_printers.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    Q_EMIT serverReachableChanged();
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
        if (!reply->ok()) {
            error = reply->errorMessage();
            const QString code = reply->errorCode();
            // No answer at all: what the printers are doing is not known any more.
            if (code == QLatin1String("unreachable") || code == QLatin1String("timeout") ||
                code == QLatin1String("tls-failed") || code == QLatin1String("unavailable") ||
                code == QLatin1String("server-error"))
                setServerReachable(false);
        } else {
            setServerReachable(true);
        }
        if (reply->ok() && !setPrintersFromJson(reply->json()))
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
