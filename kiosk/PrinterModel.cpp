#include "PrinterModel.h"

#include "ApiClient.h"
#include "KioskLog.h"
#include "KioskText.h"

#include <QJsonArray>

#include <algorithm>

namespace {
int sharedPrefix(const QString& a, const QString& b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a.at(n).toCaseFolded() == b.at(n).toCaseFolded())
        ++n;
    return n;
}
} // namespace

PrinterModel::PrinterModel(ApiClient* client, QObject* parent) : QAbstractListModel(parent), m_client(client)
{
}

int PrinterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_printers.size());
}

QVariant PrinterModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QJsonObject& p = m_printers.at(index.row());
    switch (role) {
    case NameRole:
        return p.value(QLatin1String("name")).toString();
    case LocationRole:
        return p.value(QLatin1String("location")).toString();
    case StateTextRole:
        return KioskText::printerState(p);
    default:
        return {};
    }
}

QHash<int, QByteArray> PrinterModel::roleNames() const
{
    return {{NameRole, "name"}, {LocationRole, "location"}, {StateTextRole, "stateText"}};
}

void PrinterModel::refresh(qint64 ownId, const QString& ownLocation)
{
    if (!m_client)
        return;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged();
    }
    ApiReply* reply = m_client->printers();
    const quint64 generation = ++m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation, ownId, ownLocation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        m_loading = false;
        Q_EMIT loadingChanged();
        if (!reply->ok()) {
            qCWarning(lcKioskJobs).noquote() << "printer list failed:" << reply->errorCode();
            return;
        }
        QList<QJsonObject> printers;
        for (const QJsonValue& v : reply->json().value(QLatin1String("printers")).toArray())
            printers << v.toObject();
        setPrinters(printers, ownId, ownLocation);
    });
}

void PrinterModel::setPrinters(const QList<QJsonObject>& printers, qint64 ownId, const QString& ownLocation)
{
    QList<QJsonObject> working;
    for (const QJsonObject& p : printers) {
        if (p.value(QLatin1String("id")).toInteger() == ownId)
            continue;
        if (!p.value(QLatin1String("canPrint")).toBool() || !p.value(QLatin1String("reachable")).toBool(true))
            continue;
        working << p;
    }
    std::stable_sort(working.begin(), working.end(), [&](const QJsonObject& a, const QJsonObject& b) {
        const int na = sharedPrefix(a.value(QLatin1String("location")).toString(), ownLocation);
        const int nb = sharedPrefix(b.value(QLatin1String("location")).toString(), ownLocation);
        if (na != nb)
            return na > nb;
        return a.value(QLatin1String("name"))
                   .toString()
                   .localeAwareCompare(b.value(QLatin1String("name")).toString()) < 0;
    });
    beginResetModel();
    m_printers = working;
    endResetModel();
    Q_EMIT countChanged();
}

void PrinterModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_printers.clear();
    endResetModel();
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged();
    }
    Q_EMIT countChanged();
}

QStringList PrinterModel::names() const
{
    QStringList out;
    for (const QJsonObject& p : m_printers)
        out << p.value(QLatin1String("name")).toString();
    return out;
}
