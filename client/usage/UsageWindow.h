#pragma once
#include <QMainWindow>
#include <QPointer>

class ClientSettings;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QVBoxLayout;
class QuotaGauge;
class UsageChartView;
class UsageController;

/// "Usage": for everyone, my spending this period against my quota, my 12-month trend and what I
/// saved; for department heads and admins also a department tab: pick the department (admins any)
/// and the period, each member's pages, cost and quota use (sortable table and bar chart), the
/// department against its quota, its trend, the MFPs used (own department's or others'), savings
/// against a baseline, and "Export CSV..." for the finance office. Shows what it is fetching and says
/// what to do when there is nothing to show. Closing it only hides it.
class UsageWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Creates the window over `controller`; `settings` keeps its geometry (may be null). Neither is
    /// owned; both must outlive it.
    explicit UsageWindow(UsageController* controller, ClientSettings* settings = nullptr,
                         QWidget* parent = nullptr);
    ~UsageWindow() override;

    /// Returns the controller the window shows.
    UsageController* controller() const { return m_controller; }
    /// Returns the tabs ("mine", "department").
    QTabWidget* tabs() const { return m_tabs; }
    /// Returns the gauges of my quotas, mine first.
    QList<QuotaGauge*> myGauges() const;
    /// Returns the department's quota gauge.
    QuotaGauge* departmentGauge() const { return m_deptGauge; }
    /// Returns the members table (its model is a sorting proxy over MemberUsageModel).
    QTableView* membersView() const { return m_membersView; }
    /// Returns the department picker (null for people who may not report on departments).
    QComboBox* departmentPicker() const { return m_deptCombo; }
    /// Returns the period picker of the department tab.
    QComboBox* periodPicker() const { return m_periodCombo; }
    /// Returns the text in the status bar's message area.
    QString statusText() const;

public Q_SLOTS:
    /// Fetches everything again and shows the window in front.
    void showAndRaise();
    /// Opens a file dialog and saves the chosen department's members report as CSV.
    void exportCsv();
    /// Saves the members report as CSV at `path`, without asking.
    void exportCsvTo(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildMineTab();
    QWidget* buildDepartmentTab();
    void updateMine();
    void updateDepartments();
    void updateDepartmentData();
    void updateState();
    void updateSavings();
    void setDepartmentTabVisible(bool visible);

    UsageController* m_controller;
    ClientSettings* m_settings;
    QTabWidget* m_tabs;
    QWidget* m_mineTab = nullptr;
    QWidget* m_deptTab = nullptr;
    QLabel* m_myHeading = nullptr;
    QVBoxLayout* m_myGaugeLayout = nullptr;
    QLabel* m_myNoQuota = nullptr;
    QList<QuotaGauge*> m_myGauges;
    UsageChartView* m_myTrendChart = nullptr;
    QLabel* m_mySavings = nullptr;
    QLabel* m_myError = nullptr;
    QComboBox* m_deptCombo = nullptr;
    QComboBox* m_periodCombo = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_deptError = nullptr;
    QLabel* m_deptSummary = nullptr;
    QuotaGauge* m_deptGauge = nullptr;
    QLabel* m_deptNoQuota = nullptr;
    QTableView* m_membersView = nullptr;
    QSortFilterProxyModel* m_membersProxy = nullptr;
    QLabel* m_membersEmpty = nullptr;
    UsageChartView* m_membersChart = nullptr;
    UsageChartView* m_deptTrendChart = nullptr;
    QTableView* m_printersView = nullptr;
    QSortFilterProxyModel* m_printersProxy = nullptr;
    QLabel* m_printersSummary = nullptr;
    QGroupBox* m_savingsBox = nullptr;
    QLabel* m_savings = nullptr;
    QLabel* m_status = nullptr;
    bool m_updatingPickers = false;
};
