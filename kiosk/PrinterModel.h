#pragma once
#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class ApiClient;

/// Nearby working printers to release at instead when this kiosk's printer cannot print: every
/// printer that can print now, other than this one, nearest first by location (the longest shared
/// location prefix, "3F-East" is near "3F-West"), then by name. Fetches GET /api/v1/printers.
class PrinterModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PrinterModel belongs to Kiosk.alternatives")
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { NameRole = Qt::UserRole + 1, LocationRole, StateTextRole };
    Q_ENUM(Role)

    explicit PrinterModel(ApiClient* client = nullptr, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }

    /// Fetches the printers and keeps the working ones other than `ownId`, nearest to
    /// `ownLocation` first.
    void refresh(qint64 ownId, const QString& ownLocation);
    /// Sets the list from printer JSON objects (as in GET /api/v1/printers); for refresh() and tests.
    void setPrinters(const QList<QJsonObject>& printers, qint64 ownId, const QString& ownLocation);
    /// Empties the list.
    void clear();
    /// Returns the printer names in list order.
    QStringList names() const;

Q_SIGNALS:
    void loadingChanged();
    void countChanged();

private:
    QPointer<ApiClient> m_client;
    QList<QJsonObject> m_printers;
    bool m_loading = false;
    quint64 m_generation = 0;
};
