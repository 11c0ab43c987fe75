#pragma once
#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>

class ApiClient;
class ApiReply;

/// Every printer the monitor watches (GET /api/v1/devices, admins only): state and faults in words,
/// supplies (drawn as bars by SupplyDelegate), forecast, page counter and counter gap, last seen.
/// Rows stay sorted by "needs attention" (attention 3..0), then name, also as device-changed push
/// events move a printer up or down.
class DeviceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The columns.
    enum Column {
        PrinterColumn,
        StateColumn,
        SuppliesColumn,
        ForecastColumn,
        PagesColumn,
        LastSeenColumn,
        ColumnCount
    };
    /// Data roles besides the display ones.
    enum Role {
        DeviceRole = Qt::UserRole + 1, ///< QJsonObject: the device JSON
        IdRole,                        ///< qint64
        AttentionRole,                 ///< int 0..3
        LocationRole,                  ///< QString
        SuppliesRole,                  ///< QJsonArray of supplies
        LowPercentRole,                ///< int: at or below this a level is low
    };

    /// Creates an empty list fetching through `api` (may be null: then it shows what it is given).
    explicit DeviceListModel(ApiClient* api, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Returns true while the list is fetched.
    bool isLoading() const { return !m_fetch.isNull(); }
    /// Returns true once a fetch succeeded.
    bool isLoaded() const { return m_loaded; }
    /// Returns why the last fetch failed, as a sentence to act on (empty when it did not).
    QString errorString() const { return m_error; }
    /// Returns the device in `row`.
    QJsonObject deviceAt(int row) const { return m_devices.value(row); }
    /// Returns the row of device `id`, or -1.
    int rowOf(qint64 id) const;
    /// Returns the locations of the printers, sorted, without duplicates or empty ones.
    QStringList locations() const;
    /// Returns how many printers need attention (attention > 0).
    int attentionCount() const;
    /// Sets the level at or below which a supply is shown as low (the server's low-percent, default 15).
    void setLowPercent(int percent);
    /// Returns the low level.
    int lowPercent() const { return m_lowPercent; }

    /// Returns whether device `a` comes before `b`: attention first, then name.
    static bool lessThan(const QJsonObject& a, const QJsonObject& b);

public Q_SLOTS:
    /// Fetches the list again.
    void refresh();
    /// Forgets every printer (signed out).
    void clear();
    /// Replaces the list with the devices of a GET /api/v1/devices answer; false without "devices".
    bool setDevicesFromJson(const QJsonObject& answer);
    /// Applies a push event: "device-changed" ({"device": {...}}) replaces or adds that printer and
    /// moves it to its place.
    void applyEvent(const QString& type, const QJsonObject& event);

Q_SIGNALS:
    /// isLoading() changed.
    void loadingChanged();
    /// errorString() changed.
    void errorStringChanged();
    /// A device was replaced by a push event (its row may have moved).
    void deviceUpdated(qint64 id);

private:
    void setError(const QString& error);
    int insertPosition(const QJsonObject& device) const;

    QPointer<ApiClient> m_api;
    QPointer<ApiReply> m_fetch;
    QList<QJsonObject> m_devices;
    QString m_error;
    int m_lowPercent = 15;
    bool m_loaded = false;
};
