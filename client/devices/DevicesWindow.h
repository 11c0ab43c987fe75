#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class ApiClient;
class ApiReply;
class DeviceListModel;
class EventStream;
class OrderListModel;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class SupplyHistoryView;

/// "Devices" (print admins only, docs/devices.md): tab "Devices" lists every printer with its state,
/// faults in words, supply bars in each supply's colour, forecast, page counter and counter gap and
/// when it was last seen, sorted by what needs attention first and filtered by location; the selected
/// printer's details and open alerts below. It follows device-changed events of the push channel.
/// Tab "Order list": the consolidated supplies order list for some days ahead and a location, with
/// "Export CSV...". Closing the window only hides it.
class DevicesWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Creates the window fetching through `api` and following `events` (may be null); neither is
    /// owned, both must outlive it.
    DevicesWindow(ApiClient* api, EventStream* events, QWidget* parent = nullptr);

    /// Returns the printers.
    DeviceListModel* deviceModel() const { return m_devices; }
    /// Returns the printers as shown (filtered by location).
    QSortFilterProxyModel* deviceProxy() const { return m_proxy; }
    /// Returns the printers' list.
    QTreeView* deviceView() const { return m_deviceView; }
    /// Returns the order list.
    OrderListModel* orderModel() const { return m_orders; }
    /// Returns the order list's view.
    QTreeView* orderView() const { return m_orderView; }
    /// Returns the tabs (0 Devices, 1 Order list).
    QTabWidget* tabs() const { return m_tabs; }
    /// Returns the status bar's message.
    QString statusText() const;
    /// Returns the text of the selected printer's details (empty when none is selected).
    QString detailText() const;
    /// Returns the printers' summary line ("12 printers, 3 need attention").
    QString summaryText() const;
    /// Returns the selected printer's supply history chart.
    SupplyHistoryView* supplyHistory() const { return m_history; }
    /// Returns the open alerts last fetched.
    QJsonArray alerts() const { return m_alerts; }

    /// Shows only printers whose location starts with `prefix` (empty: all).
    void setLocationFilter(const QString& prefix);
    /// Sets the order list's days ahead and location prefix, and fetches it.
    void setOrderQuery(int days, const QString& location);

public Q_SLOTS:
    /// Fetches the printers, their alerts and (when on its tab) the order list, and brings the
    /// window to the front.
    void showAndRaise();
    /// Fetches the printers and their open alerts again.
    void refresh();
    /// Fetches the order list for the days and location chosen.
    void refreshOrderList();
    /// Asks where, then saves the order list as CSV.
    void exportCsv();
    /// Saves the order list (the server's CSV for the days and location chosen) at `path` without asking.
    void exportCsvTo(const QString& path);
    /// Forgets everything shown (signed out).
    void clear();

Q_SIGNALS:
    /// A CSV export ended; `message` says how (saved where, or why not).
    void exportFinished(bool ok, const QString& message);
    /// An order list answer arrived (or failed).
    void orderListLoaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* makeDevicesTab();
    QWidget* makeOrderTab();
    void retranslate();
    void onEvent(const QString& type, const QJsonObject& data);
    void fetchAlerts();
    void updateLocations();
    void updateDevicesState();
    void updateOrderState();
    void updateBusy();
    void updateDetail();
    void showStatus(const QString& text);
    void fetchHistory(qint64 id);
    QString orderLocation() const;

    ApiClient* m_api;
    DeviceListModel* m_devices;
    QSortFilterProxyModel* m_proxy;
    OrderListModel* m_orders;
    QTabWidget* m_tabs;
    // Devices tab
    QLabel* m_locationLabel;
    QComboBox* m_location;
    QLabel* m_summary;
    QPushButton* m_refresh;
    QStackedWidget* m_deviceStack;
    QTreeView* m_deviceView;
    QLabel* m_deviceEmpty;
    QLabel* m_detail;
    SupplyHistoryView* m_history;
    // Order list tab
    QLabel* m_daysLabel;
    QSpinBox* m_days;
    QLabel* m_orderLocationLabel;
    QComboBox* m_orderLocation;
    QPushButton* m_orderRefresh;
    QPushButton* m_export;
    QStackedWidget* m_orderStack;
    QTreeView* m_orderView;
    QLabel* m_orderEmpty;
    QLabel* m_orderNote;
    // Status bar
    QLabel* m_message;
    QProgressBar* m_busy;

    QPointer<ApiReply> m_orderFetch;
    QPointer<ApiReply> m_alertsFetch;
    QPointer<ApiReply> m_historyFetch;
    qint64 m_historyId = 0;
    QPointer<ApiReply> m_exportFetch;
    QJsonArray m_alerts;
    QString m_orderError;
    QTimer m_orderRefreshTimer; // device changes and typing settle before the order list is fetched again
    bool m_orderLoaded = false;
};
