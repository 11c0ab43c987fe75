#include "UsageWindow.h"

#include "WindowPlacement.h"

#include "ClientLog.h"
#include "ClientSettings.h"
#include "MemberUsageModel.h"
#include "PrinterUsageModel.h"
#include "QuotaGauge.h"
#include "QuotaText.h"
#include "TrendModel.h"
#include "UsageChartView.h"
#include "UsageController.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDate>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace {

const QColor CostColour(0x1f, 0x5f, 0xa8);
const QColor SavedColour(0x2e, 0x7d, 0x32);
constexpr int MaxMembersCharted = 12;

QLabel* errorLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    l->setVisible(false);
    return l;
}

QLabel* noteLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #555555;"));
    return l;
}

void showError(QLabel* label, const QStringList& errors)
{
    QStringList unique;
    for (const QString& e : errors) {
        if (!e.isEmpty() && !unique.contains(e))
            unique << e;
    }
    label->setText(unique.join(QLatin1Char('\n')));
    label->setVisible(!unique.isEmpty());
}

// A month on a chart axis: its short name, with the year where a year begins or the axis starts.
QString axisMonth(const QString& label, bool withYear, const QLocale& locale)
{
    const QDate d = QDate::fromString(label + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!d.isValid())
        return label;
    const QString month = locale.standaloneMonthName(d.month(), QLocale::ShortFormat);
    if (!withYear)
        return month;
    // The year on a line of its own: "Dec 2025" does not fit under a bar at 1366 pixels.
    return month + QStringLiteral("<br>") + QString::number(d.year());
}

QStringList axisMonths(const QList<UsageRow>& rows, const QLocale& locale)
{
    QStringList out;
    for (int i = 0; i < rows.size(); ++i)
        out << axisMonth(rows.at(i).label, i == 0 || rows.at(i).label.endsWith(QLatin1String("-01")), locale);
    return out;
}

QString share(double fraction, const QLocale& locale)
{
    return QuotaText::percent(static_cast<int>(fraction * 100 + 0.5), locale);
}

} // namespace

UsageWindow::UsageWindow(UsageController* controller, ClientSettings* settings, QWidget* parent)
    : QMainWindow(parent), m_controller(controller), m_settings(settings)
{
    setObjectName(QStringLiteral("usageWindow"));
    setWindowTitle(tr("Usage - MPS Secure Print"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_mineTab = buildMineTab();
    m_tabs->addTab(m_mineTab, tr("My usage"));
    m_deptTab = buildDepartmentTab();
    setCentralWidget(m_tabs);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    auto* refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refresh"));
    connect(refresh, &QPushButton::clicked, m_controller, &UsageController::refresh);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(refresh);

    connect(m_controller, &UsageController::mineChanged, this, &UsageWindow::updateMine);
    connect(m_controller, &UsageController::departmentsChanged, this, &UsageWindow::updateDepartments);
    connect(m_controller, &UsageController::departmentDataChanged, this, &UsageWindow::updateDepartmentData);
    connect(m_controller, &UsageController::stateChanged, this, &UsageWindow::updateState);
    connect(m_controller, &UsageController::exportFinished, this, [this](bool ok, const QString& message) {
        m_export->setEnabled(true);
        m_status->setText(message);
        m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #b71c1c;"));
    });

    resize(1100, 720);
    if (m_settings)
        restoreGeometry(m_settings->value(ClientSettings::Key::UsageGeometry).toByteArray());
    WindowPlacement::keepOnScreen(this);
    updateMine();
    updateDepartments();
    updateDepartmentData();
    updateState();
}

UsageWindow::~UsageWindow() = default;

QWidget* UsageWindow::buildMineTab()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    m_myHeading = new QLabel(content);
    QFont heading = m_myHeading->font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.25);
    m_myHeading->setFont(heading);
    layout->addWidget(m_myHeading);
    m_myError = errorLabel(content);
    m_myError->setObjectName(QStringLiteral("myError"));
    layout->addWidget(m_myError);

    auto* quotaBox = new QGroupBox(tr("Quota"), content);
    m_myGaugeLayout = new QVBoxLayout(quotaBox);
    m_myGaugeLayout->setSpacing(12);
    m_myNoQuota = noteLabel(quotaBox);
    m_myNoQuota->setObjectName(QStringLiteral("myNoQuota"));
    m_myGaugeLayout->addWidget(m_myNoQuota);
    layout->addWidget(quotaBox);

    auto* row = new QHBoxLayout;
    m_myTrendChart = new UsageChartView(content);
    m_myTrendChart->setObjectName(QStringLiteral("myTrendChart"));
    row->addWidget(m_myTrendChart, 3);
    auto* savedBox = new QGroupBox(tr("What you saved"), content);
    auto* savedLayout = new QVBoxLayout(savedBox);
    m_mySavings = new QLabel(savedBox);
    m_mySavings->setObjectName(QStringLiteral("mySavings"));
    m_mySavings->setWordWrap(true);
    m_mySavings->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_mySavings->setTextFormat(Qt::RichText);
    savedLayout->addWidget(m_mySavings);
    savedLayout->addStretch(1);
    savedBox->setMinimumWidth(280);
    row->addWidget(savedBox, 2);
    layout->addLayout(row, 1);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("mine"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

QWidget* UsageWindow::buildDepartmentTab()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    auto* controls = new QHBoxLayout;
    auto* deptLabel = new QLabel(tr("&Department:"), content);
    m_deptCombo = new QComboBox(content);
    m_deptCombo->setObjectName(QStringLiteral("departmentPicker"));
    m_deptCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_deptCombo->setMinimumContentsLength(12);
    deptLabel->setBuddy(m_deptCombo);
    auto* periodLabel = new QLabel(tr("&Month:"), content);
    m_periodCombo = new QComboBox(content);
    m_periodCombo->setObjectName(QStringLiteral("periodPicker"));
    m_periodCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    periodLabel->setBuddy(m_periodCombo);
    m_export = new QPushButton(tr("Export CSV..."), content);
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_export->setToolTip(tr("Save each member's usage in this month as a CSV file for the finance office"));
    controls->addWidget(deptLabel);
    controls->addWidget(m_deptCombo);
    controls->addSpacing(16);
    controls->addWidget(periodLabel);
    controls->addWidget(m_periodCombo);
    controls->addStretch(1);
    controls->addWidget(m_export);
    layout->addLayout(controls);

    m_deptError = errorLabel(content);
    m_deptError->setObjectName(QStringLiteral("departmentError"));
    layout->addWidget(m_deptError);

    auto* top = new QHBoxLayout;
    auto* quotaBox = new QGroupBox(tr("Department quota"), content);
    auto* quotaLayout = new QVBoxLayout(quotaBox);
    m_deptSummary = new QLabel(quotaBox);
    m_deptSummary->setObjectName(QStringLiteral("departmentSummary"));
    m_deptSummary->setWordWrap(true);
    m_deptGauge = new QuotaGauge(quotaBox);
    m_deptGauge->setObjectName(QStringLiteral("departmentGauge"));
    m_deptNoQuota = noteLabel(quotaBox);
    quotaLayout->addWidget(m_deptSummary);
    quotaLayout->addWidget(m_deptGauge);
    quotaLayout->addWidget(m_deptNoQuota);
    top->addWidget(quotaBox, 1);
    m_savingsBox = new QGroupBox(tr("Savings"), content);
    auto* savingsLayout = new QVBoxLayout(m_savingsBox);
    m_savings = new QLabel(m_savingsBox);
    m_savings->setObjectName(QStringLiteral("departmentSavings"));
    m_savings->setWordWrap(true);
    m_savings->setTextFormat(Qt::RichText);
    savingsLayout->addWidget(m_savings);
    top->addWidget(m_savingsBox, 1);
    layout->addLayout(top);

    auto* members = new QHBoxLayout;
    auto* membersBox = new QWidget(content);
    auto* membersLayout = new QVBoxLayout(membersBox);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    m_membersProxy = new QSortFilterProxyModel(this);
    m_membersProxy->setSourceModel(m_controller->members());
    m_membersProxy->setSortRole(MemberUsageModel::SortRole);
    m_membersProxy->setSortLocaleAware(true);
    m_membersView = new QTableView(membersBox);
    m_membersView->setObjectName(QStringLiteral("members"));
    m_membersView->setModel(m_membersProxy);
    m_membersView->setSortingEnabled(true);
    m_membersView->sortByColumn(MemberUsageModel::CostColumn, Qt::DescendingOrder);
    m_membersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_membersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_membersView->setAlternatingRowColors(true);
    m_membersView->verticalHeader()->setVisible(false);
    m_membersView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_membersView->horizontalHeader()->setSectionResizeMode(MemberUsageModel::NameColumn,
                                                            QHeaderView::Stretch);
    m_membersView->setMinimumHeight(160);
    m_membersEmpty = noteLabel(membersBox);
    m_membersEmpty->setObjectName(QStringLiteral("membersEmpty"));
    membersLayout->addWidget(m_membersView, 1);
    membersLayout->addWidget(m_membersEmpty);
    m_membersChart = new UsageChartView(content);
    m_membersChart->setObjectName(QStringLiteral("membersChart"));
    members->addWidget(membersBox, 11);
    members->addWidget(m_membersChart, 9);
    layout->addLayout(members, 2);

    auto* bottom = new QHBoxLayout;
    m_deptTrendChart = new UsageChartView(content);
    m_deptTrendChart->setObjectName(QStringLiteral("departmentTrendChart"));
    bottom->addWidget(m_deptTrendChart, 3);
    auto* printersBox = new QGroupBox(tr("Printers used"), content);
    auto* printersLayout = new QVBoxLayout(printersBox);
    m_printersSummary = new QLabel(printersBox);
    m_printersSummary->setObjectName(QStringLiteral("printersSummary"));
    m_printersSummary->setWordWrap(true);
    m_printersProxy = new QSortFilterProxyModel(this);
    m_printersProxy->setSourceModel(m_controller->printers());
    m_printersProxy->setSortRole(PrinterUsageModel::SortRole);
    m_printersView = new QTableView(printersBox);
    m_printersView->setObjectName(QStringLiteral("printers"));
    m_printersView->setModel(m_printersProxy);
    m_printersView->setSortingEnabled(true);
    m_printersView->sortByColumn(PrinterUsageModel::PagesColumn, Qt::DescendingOrder);
    m_printersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_printersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_printersView->verticalHeader()->setVisible(false);
    m_printersView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_printersView->horizontalHeader()->setSectionResizeMode(PrinterUsageModel::OwnerColumn,
                                                             QHeaderView::Stretch);
    printersLayout->addWidget(m_printersSummary);
    printersLayout->addWidget(m_printersView, 1);
    bottom->addWidget(printersBox, 2);
    layout->addLayout(bottom, 2);

    connect(m_deptCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingPickers)
            m_controller->setDepartment(m_deptCombo->currentData().toString());
    });
    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingPickers)
            m_controller->setPeriod(m_periodCombo->currentData().toString());
    });
    connect(m_export, &QPushButton::clicked, this, &UsageWindow::exportCsv);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("department"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

QList<QuotaGauge*> UsageWindow::myGauges() const
{
    return m_myGauges;
}

QString UsageWindow::statusText() const
{
    return m_status->text();
}

void UsageWindow::setDepartmentTabVisible(bool visible)
{
    const int index = m_tabs->indexOf(m_deptTab);
    if (visible && index < 0)
        m_tabs->addTab(m_deptTab, tr("Department"));
    else if (!visible && index >= 0)
        m_tabs->removeTab(index);
}

void UsageWindow::updateMine()
{
    const QLocale locale;
    const QString currency = m_controller->currency();
    const QString period = m_controller->currentPeriod();
    m_myHeading->setText(period.isEmpty()
                             ? tr("Your printing this month")
                             : tr("Your printing in %1").arg(QuotaText::periodName(period, locale)));
    setDepartmentTabVisible(m_controller->canReportOnDepartments());

    // One gauge per quota: mine first, then my departments'.
    const QList<QuotaState> quotas = m_controller->quotas();
    QList<QuotaState> limited;
    for (const QuotaState& q : quotas) {
        if (q.limit)
            limited << q;
    }
    while (m_myGauges.size() > limited.size())
        delete m_myGauges.takeLast();
    while (m_myGauges.size() < limited.size()) {
        auto* g = new QuotaGauge(m_myNoQuota->parentWidget());
        g->setObjectName(QStringLiteral("myGauge%1").arg(m_myGauges.size()));
        m_myGaugeLayout->insertWidget(static_cast<int>(m_myGauges.size()), g);
        m_myGauges << g;
    }
    for (int i = 0; i < limited.size(); ++i)
        m_myGauges.at(i)->setState(limited.at(i), currency);
    qint64 spent = 0;
    for (const QuotaState& q : quotas) {
        if (q.scope == QLatin1String("user"))
            spent = q.spent;
    }
    // "No quota" only once the server said so: not while asking, not when asking failed.
    m_myNoQuota->setVisible(limited.isEmpty() && !m_controller->currentPeriod().isEmpty() &&
                            m_controller->errorString(UsageController::Part::Quota).isEmpty());
    m_myNoQuota->setText(tr("You have no print quota: print what you need. You have spent %1 this month.")
                             .arg(QuotaText::money(spent, currency, locale)));

    // The 12-month trend, or what to do while it is empty.
    const QList<UsageRow> rows = m_controller->myTrend()->rows();
    if (m_controller->isLoading(UsageController::Part::MyTrend) && rows.isEmpty()) {
        m_myTrendChart->showMessage(tr("Loading your usage..."));
    } else if (!m_controller->errorString(UsageController::Part::MyTrend).isEmpty() && rows.isEmpty()) {
        m_myTrendChart->showMessage(m_controller->errorString(UsageController::Part::MyTrend));
    } else if (m_controller->myTrend()->isEmptyOfUsage()) {
        m_myTrendChart->showMessage(tr("Nothing printed in the last 12 months yet.\n\nPrint to \"MPS Secure "
                                       "Print\" and collect your jobs at any printer: your monthly cost "
                                       "appears here."));
    } else {
        QList<qint64> cost, saved;
        for (const UsageRow& r : rows) {
            cost << r.cost;
            saved << r.savedCost;
        }
        m_myTrendChart->setBars(tr("Your last 12 months"), axisMonths(rows, locale),
                                {{tr("Printed"), CostColour, cost}, {tr("Saved"), SavedColour, saved}},
                                currency, false);
    }

    // What I saved: this month (the trend's newest period) and the whole year.
    if (rows.isEmpty()) {
        m_mySavings->setText(tr("Nothing to show yet."));
    } else {
        const UsageRow& now = rows.last();
        qint64 yearCost = 0;
        int yearSheets = 0;
        for (const UsageRow& r : rows) {
            yearCost += r.savedCost;
            yearSheets += r.savedSheets;
        }
        QStringList lines;
        lines << tr("<b>This month: %1 and %Ln sheet(s) of paper saved</b>", nullptr, now.savedSheets)
                     .arg(QuotaText::money(now.savedCost, currency, locale));
        if (now.savedJobs > 0)
            lines << tr("Jobs you deleted or let expire instead of printing: %Ln, with %1 pages", nullptr,
                        now.savedJobs)
                         .arg(locale.toString(now.savedPages));
        else
            lines << tr("Sent something by mistake? Delete it in My jobs instead of printing it: it counts "
                        "as saved.");
        if (now.pages > 0) {
            lines << tr("Printed on both sides: %1 of your pages").arg(share(now.duplexShare, locale));
            lines << tr("Printed in black and white: %1 of your pages")
                         .arg(share(1.0 - now.colorShare, locale));
        }
        lines << tr("Last 12 months: %1 and %Ln sheet(s) saved", nullptr, yearSheets)
                     .arg(QuotaText::money(yearCost, currency, locale));
        m_mySavings->setText(lines.join(QStringLiteral("<br><br>")));
    }
    showError(m_myError, {m_controller->errorString(UsageController::Part::Quota),
                          m_controller->errorString(UsageController::Part::MyTrend)});
}

void UsageWindow::updateDepartments()
{
    setDepartmentTabVisible(m_controller->canReportOnDepartments());
    m_updatingPickers = true;
    m_deptCombo->clear();
    for (const UsageController::Department& d : m_controller->departments())
        m_deptCombo->addItem(
            d.name.isEmpty() || d.name == d.code ? d.code : tr("%1 (%2)").arg(d.name, d.code), d.code);
    m_deptCombo->setCurrentIndex(m_deptCombo->findData(m_controller->department()));
    // A head of one department has nothing to choose; an admin picks any.
    m_deptCombo->setEnabled(m_deptCombo->count() > 1);
    m_updatingPickers = false;
}

void UsageWindow::updateDepartmentData()
{
    const QLocale locale;
    const QString currency = m_controller->currency();
    const QString dept = m_controller->department();
    const QString deptName = m_controller->departmentName(dept);
    const QString period = m_controller->period();

    m_updatingPickers = true;
    const QStringList periods = m_controller->periods();
    if (m_periodCombo->count() != periods.size() ||
        (m_periodCombo->count() > 0 && m_periodCombo->itemData(0).toString() != periods.value(0))) {
        m_periodCombo->clear();
        for (const QString& p : periods)
            m_periodCombo->addItem(QuotaText::periodName(p, locale), p);
    }
    m_periodCombo->setCurrentIndex(m_periodCombo->findData(period));
    m_updatingPickers = false;

    const UsageRow totals = m_controller->departmentTotals();
    const int members = m_controller->members()->rowCount();
    m_deptSummary->setText(dept.isEmpty()
                               ? QString()
                               : tr("%1 in %2: %Ln member(s) printed %3 pages for %4.", nullptr, members)
                                     .arg(deptName, QuotaText::periodName(period, locale),
                                          locale.toString(totals.pages),
                                          QuotaText::money(totals.cost, currency, locale)));
    const auto quota = m_controller->departmentQuota();
    m_deptGauge->setVisible(quota.has_value());
    if (quota)
        m_deptGauge->setState(*quota, currency);
    m_deptNoQuota->setVisible(!quota && !dept.isEmpty());
    m_deptNoQuota->setText(tr("%1 has no quota this month. The print admin can set one.").arg(deptName));

    // Members: the table, or a sentence; the chart of the biggest spenders.
    QList<UsageRow> rows = m_controller->members()->rows();
    const bool loadingMembers = m_controller->isLoading(UsageController::Part::Members);
    m_membersView->setVisible(!rows.isEmpty());
    m_membersEmpty->setVisible(rows.isEmpty());
    if (dept.isEmpty())
        m_membersEmpty->setText(m_controller->departments().isEmpty() && !m_controller->isLoading()
                                    ? tr("There is no department you may report on. Ask the print admin to "
                                         "make you the head of your department.")
                                    : tr("Loading..."));
    else if (loadingMembers)
        m_membersEmpty->setText(tr("Loading the members of %1...").arg(deptName));
    else
        m_membersEmpty->setText(tr("Nobody in %1 printed in %2. Choose another month or department.")
                                    .arg(deptName, QuotaText::periodName(period, locale)));
    std::sort(rows.begin(), rows.end(), [](const UsageRow& a, const UsageRow& b) { return a.cost > b.cost; });
    if (rows.size() > MaxMembersCharted)
        rows = rows.mid(0, MaxMembersCharted);
    if (rows.isEmpty() ||
        std::all_of(rows.cbegin(), rows.cend(), [](const UsageRow& r) { return r.cost == 0; })) {
        m_membersChart->showMessage(loadingMembers ? tr("Loading...")
                                                   : tr("No printing to chart this month."));
    } else {
        // Horizontal bars run bottom-up: the biggest goes last so that it is drawn on top.
        QStringList names;
        QList<qint64> cost;
        const QFontMetrics metrics(QApplication::font());
        for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
            names << metrics.elidedText(it->name, Qt::ElideRight, 140);
            cost << it->cost;
        }
        m_membersChart->setBars(tr("Cost per member"), names, {{tr("Cost"), CostColour, cost}}, currency,
                                true);
    }

    const QList<UsageRow> trend = m_controller->departmentTrend()->rows();
    if (trend.isEmpty() || m_controller->departmentTrend()->isEmptyOfUsage()) {
        m_deptTrendChart->showMessage(
            m_controller->isLoading(UsageController::Part::DepartmentTrend)
                ? tr("Loading...")
                : tr("%1 has printed nothing in the last 12 months.").arg(deptName));
    } else {
        QList<qint64> cost, saved;
        for (const UsageRow& r : trend) {
            cost << r.cost;
            saved << r.savedCost;
        }
        // The month chosen above stands out.
        int chosen = -1;
        for (int i = 0; i < trend.size(); ++i) {
            if (trend.at(i).label == period)
                chosen = i;
        }
        m_deptTrendChart->setBars(tr("%1, last 12 months").arg(deptName), axisMonths(trend, locale),
                                  {{tr("Printed"), CostColour, cost}, {tr("Saved"), SavedColour, saved}},
                                  currency, false, chosen);
    }

    const int own = m_controller->printers()->ownPages();
    const int other = m_controller->printers()->otherPages();
    if (own + other == 0)
        m_printersSummary->setText(tr("No printer was used in this month."));
    else
        m_printersSummary->setText(
            tr("On %1's own printers: %2 pages (%3). On other departments' printers: %4 pages (%5).")
                .arg(deptName, locale.toString(own), share(double(own) / (own + other), locale),
                     locale.toString(other), share(double(other) / (own + other), locale)));
    updateSavings();
    showError(m_deptError, {m_controller->errorString(UsageController::Part::Departments),
                            m_controller->errorString(UsageController::Part::Members),
                            m_controller->errorString(UsageController::Part::DepartmentQuota),
                            m_controller->errorString(UsageController::Part::Printers),
                            m_controller->errorString(UsageController::Part::DepartmentTrend),
                            m_controller->errorString(UsageController::Part::Savings)});
    m_export->setEnabled(!dept.isEmpty());
}

void UsageWindow::updateSavings()
{
    const QLocale locale;
    const QJsonObject s = m_controller->savings();
    const QJsonObject base = s.value(QLatin1String("baseline")).toObject();
    const QJsonObject cmp = s.value(QLatin1String("compare")).toObject();
    if (base.isEmpty() || cmp.isEmpty()) {
        m_savings->setText(m_controller->isLoading(UsageController::Part::Savings)
                               ? tr("Loading...")
                               : tr("Nothing to compare yet."));
        return;
    }
    const QString baseName = QuotaText::periodName(m_controller->savingsBaseline(), locale);
    const QString cmpName = QuotaText::periodName(m_controller->period(), locale);
    struct Metric
    {
        QString name;
        const char* key;
        bool isShare;
    };
    const QList<Metric> metrics{{tr("Pages per person"), "pagesPerPerson", false},
                                {tr("Sheets per person"), "sheetsPerPerson", false},
                                {tr("Colour share"), "colorShare", true},
                                {tr("Jobs never printed"), "jobsNeverPrinted", false},
                                {tr("People who printed"), "people", false}};
    QString html =
        QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'></th>"
                       "<th align='right'>%1</th><th align='right'>%2</th><th align='right'>%3</th></tr>")
            .arg(baseName.toHtmlEscaped(), cmpName.toHtmlEscaped(), tr("Change").toHtmlEscaped());
    for (const Metric& m : metrics) {
        const double b = base.value(QLatin1String(m.key)).toDouble();
        const double c = cmp.value(QLatin1String(m.key)).toDouble();
        auto text = [&](double v) {
            return m.isShare ? share(v, locale) : locale.toString(v, 'f', v == std::floor(v) ? 0 : 1);
        };
        QString change = QStringLiteral("-");
        QString colour = QStringLiteral("#555555");
        if (b > 0) {
            const double pct = (c - b) / b * 100.0;
            change = tr("%1 %").arg(locale.toString(pct, 'f', 1));
            if (pct > 0)
                change.prepend(QLatin1Char('+'));
            // Less paper, colour and printing is the goal; fewer jobs never printed is neutral.
            if (qstrcmp(m.key, "people") != 0 && qstrcmp(m.key, "jobsNeverPrinted") != 0)
                colour = pct < 0 ? QStringLiteral("#2e7d32") : QStringLiteral("#b71c1c");
        }
        html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td>"
                               "<td align='right' style='color:%4'><b>%5</b></td></tr>")
                    .arg(m.name.toHtmlEscaped(), text(b), text(c), colour, change.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_savingsBox->setTitle(tr("Savings: %1 against %2").arg(cmpName, baseName));
    m_savings->setText(html);
}

void UsageWindow::updateState()
{
    const bool loading = m_controller->isLoading();
    if (loading) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Loading..."));
    } else if (m_status->text() == tr("Loading...")) {
        m_status->setText(
            tr("Updated at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    }
    updateMine();
    if (m_controller->canReportOnDepartments())
        updateDepartmentData();
}

void UsageWindow::closeEvent(QCloseEvent* event)
{
    if (m_settings)
        m_settings->setValue(ClientSettings::Key::UsageGeometry, saveGeometry());
    // Accepting only hides the window: the tray app goes on running.
    event->accept();
}

void UsageWindow::showAndRaise()
{
    m_controller->refresh();
    WindowPlacement::bringToFront(this);
}

void UsageWindow::exportCsv()
{
    const QString dept = m_controller->department();
    if (dept.isEmpty())
        return;
    const QString name = QStringLiteral("usage-%1-%2.csv").arg(dept, m_controller->period());
    auto* dialog = new QFileDialog(
        this, tr("Export CSV"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setNameFilters({tr("CSV files (*.csv)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &UsageWindow::exportCsvTo);
    dialog->open();
}

void UsageWindow::exportCsvTo(const QString& path)
{
    if (path.isEmpty())
        return;
    m_export->setEnabled(false);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Exporting..."));
    m_controller->exportCsv(path);
}
