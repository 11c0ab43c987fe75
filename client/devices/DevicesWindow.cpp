#include "DevicesWindow.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "DeviceListModel.h"
#include "DeviceText.h"
#include "DevicesLog.h"
#include "EventStream.h"
#include "FaxText.h"
#include "OrderListModel.h"
#include "ServerErrorText.h"
#include "SupplyDelegate.h"
#include "SupplyHistoryView.h"
#include "WindowPlacement.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int DefaultOrderDays = 14;

qint64 idOf(const QJsonObject& o, const char* key = "id")
{
    return o.value(QLatin1String(key)).toVariant().toLongLong();
}

// The sentence for a failed call: ours for the server's code, else what the reply says.
QString failure(ApiReply* reply)
{
    if (reply->errorCode() == QLatin1String("forbidden"))
        return DevicesWindow::tr(
            "Only print admins see the printers and the order list. Sign in as a print admin.");
    if (reply->httpStatus() == 404 && reply->errorCode() == QLatin1String("not-found"))
        return DevicesWindow::tr(
            "This print server does not monitor printers yet. Ask the print admin to update it.");
    const QString known = ServerErrorText::sentence(reply->errorCode(), reply->json());
    return known.isEmpty() ? reply->errorMessage() : known;
}

QTreeView* makeView(QWidget* parent, const QString& name)
{
    auto* view = new QTreeView(parent);
    view->setObjectName(name);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionsMovable(false);
    return view;
}

QLabel* makeEmpty(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(24);
    return label;
}
} // namespace

DevicesWindow::DevicesWindow(ApiClient* api, EventStream* events, QWidget* parent)
    : QMainWindow(parent), m_api(api), m_devices(new DeviceListModel(api, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_orders(new OrderListModel(this))
{
    setObjectName(QStringLiteral("devicesWindow"));
    m_proxy->setSourceModel(m_devices);
    m_proxy->setFilterRole(DeviceListModel::LocationRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("devicesTabs"));
    m_tabs->addTab(makeDevicesTab(), QString());
    m_tabs->addTab(makeOrderTab(), QString());
    setCentralWidget(m_tabs);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0); // busy: no amount to show, only that something is on its way
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addWidget(m_message, 1);
    statusBar()->addPermanentWidget(m_busy);

    m_orderRefreshTimer.setSingleShot(true);
    m_orderRefreshTimer.setInterval(600);
    connect(&m_orderRefreshTimer, &QTimer::timeout, this, &DevicesWindow::refreshOrderList);

    connect(m_devices, &QAbstractItemModel::modelReset, this, [this] {
        updateLocations();
        updateDevicesState();
        updateDetail();
    });
    connect(m_devices, &QAbstractItemModel::rowsInserted, this, [this] {
        updateLocations();
        updateDevicesState();
    });
    connect(m_devices, &QAbstractItemModel::dataChanged, this, [this] {
        updateDevicesState();
        updateDetail();
    });
    connect(m_devices, &QAbstractItemModel::rowsMoved, this, &DevicesWindow::updateDevicesState);
    connect(m_devices, &DeviceListModel::loadingChanged, this, [this] {
        updateDevicesState();
        updateBusy();
    });
    connect(m_devices, &DeviceListModel::errorStringChanged, this, [this] {
        if (!m_devices->errorString().isEmpty())
            showStatus(m_devices->errorString());
        updateDevicesState();
    });
    connect(m_deviceView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DevicesWindow::updateDetail);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1 && !m_orderLoaded && !m_orderFetch)
            refreshOrderList();
    });
    if (events) {
        connect(events, &EventStream::eventReceived, this, &DevicesWindow::onEvent);
        // A reconnection replays what was missed; only a first connection or the server's refetch
        // fetches everything again.
        connect(events, &EventStream::refetchNeeded, this, [this] {
            if (isVisible())
                refresh();
        });
    }

    retranslate();
    resize(1280, 720);
    WindowPlacement::keepOnScreen(this);
}

QWidget* DevicesWindow::makeDevicesTab()
{
    auto* tab = new QWidget(this);
    m_locationLabel = new QLabel(tab);
    m_location = new QComboBox(tab);
    m_location->setObjectName(QStringLiteral("locationFilter"));
    m_location->setEditable(true);
    m_location->setInsertPolicy(QComboBox::NoInsert);
    m_location->setMinimumContentsLength(18);
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_locationLabel->setBuddy(m_location);
    m_summary = new QLabel(tab);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_refresh = new QPushButton(tab);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_locationLabel);
    top->addWidget(m_location);
    top->addSpacing(16);
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);

    m_deviceView = makeView(tab, QStringLiteral("devices"));
    m_deviceView->setModel(m_proxy);
    m_deviceView->setItemDelegateForColumn(DeviceListModel::SuppliesColumn,
                                           new SupplyDelegate(SupplyDelegate::Mode::Bars, m_deviceView));
    m_deviceView->setItemDelegateForColumn(DeviceListModel::ForecastColumn,
                                           new SupplyDelegate(SupplyDelegate::Mode::Forecast, m_deviceView));
    QHeaderView* header = m_deviceView->header();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(DeviceListModel::SuppliesColumn, QHeaderView::Stretch);
    header->resizeSection(DeviceListModel::PrinterColumn, 180);
    header->resizeSection(DeviceListModel::StateColumn, 250);
    header->resizeSection(DeviceListModel::ForecastColumn, 200);
    header->resizeSection(DeviceListModel::PagesColumn, 140);
    header->resizeSection(DeviceListModel::LastSeenColumn, 130);

    m_detail = new QLabel(tab);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMargin(8);
    auto* detailScroll = new QScrollArea(tab);
    detailScroll->setObjectName(QStringLiteral("detailScroll"));
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    // Six lines of details in this font (Hangul lines are taller) before it scrolls.
    detailScroll->setMinimumHeight(m_detail->fontMetrics().lineSpacing() * 7 + 16);
    m_history = new SupplyHistoryView(tab);
    m_history->setFixedWidth(340);
    auto* bottom = new QWidget(tab);
    auto* bottomLayout = new QHBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(detailScroll, 1);
    bottomLayout->addWidget(m_history);
    auto* splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_deviceView);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_deviceEmpty = makeEmpty(tab, QStringLiteral("devicesEmpty"));
    m_deviceStack = new QStackedWidget(tab);
    m_deviceStack->addWidget(splitter);
    m_deviceStack->addWidget(m_deviceEmpty);

    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(m_deviceStack, 1);

    connect(m_location, &QComboBox::currentTextChanged, this, [this](const QString& text) {
        // The first entry is "all locations" in words, not a location.
        setLocationFilter(m_location->currentIndex() == 0 && text == m_location->itemText(0) ? QString()
                                                                                             : text);
    });
    connect(m_refresh, &QPushButton::clicked, this, &DevicesWindow::refresh);
    return tab;
}

QWidget* DevicesWindow::makeOrderTab()
{
    auto* tab = new QWidget(this);
    m_daysLabel = new QLabel(tab);
    m_days = new QSpinBox(tab);
    m_days->setObjectName(QStringLiteral("orderDays"));
    m_days->setRange(1, 365);
    m_days->setValue(DefaultOrderDays);
    m_daysLabel->setBuddy(m_days);
    m_orderLocationLabel = new QLabel(tab);
    m_orderLocation = new QComboBox(tab);
    m_orderLocation->setObjectName(QStringLiteral("orderLocation"));
    m_orderLocation->setEditable(true);
    m_orderLocation->setInsertPolicy(QComboBox::NoInsert);
    m_orderLocation->setMinimumContentsLength(18);
    m_orderLocation->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_orderLocationLabel->setBuddy(m_orderLocation);
    m_orderRefresh = new QPushButton(tab);
    m_orderRefresh->setObjectName(QStringLiteral("orderRefresh"));
    m_export = new QPushButton(tab);
    m_export->setObjectName(QStringLiteral("exportCsv"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_daysLabel);
    top->addWidget(m_days);
    top->addSpacing(16);
    top->addWidget(m_orderLocationLabel);
    top->addWidget(m_orderLocation);
    top->addWidget(m_orderRefresh);
    top->addStretch(1);
    top->addWidget(m_export);

    m_orderView = makeView(tab, QStringLiteral("orders"));
    m_orderView->setModel(m_orders);
    QHeaderView* header = m_orderView->header();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(OrderListModel::PrintersColumn, QHeaderView::Stretch);
    header->resizeSection(OrderListModel::SupplyColumn, 340);
    header->resizeSection(OrderListModel::NeedNowColumn, 110);
    header->resizeSection(OrderListModel::NeedSoonColumn, 110);
    m_orderEmpty = makeEmpty(tab, QStringLiteral("ordersEmpty"));
    m_orderStack = new QStackedWidget(tab);
    m_orderStack->addWidget(m_orderView);
    m_orderStack->addWidget(m_orderEmpty);
    m_orderNote = new QLabel(tab);
    m_orderNote->setObjectName(QStringLiteral("orderNote"));
    m_orderNote->setWordWrap(true);

    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(m_orderStack, 1);
    layout->addWidget(m_orderNote);

    connect(m_days, &QSpinBox::valueChanged, this, [this] { m_orderRefreshTimer.start(); });
    connect(m_orderLocation, &QComboBox::currentTextChanged, this, [this] { m_orderRefreshTimer.start(); });
    connect(m_orderRefresh, &QPushButton::clicked, this, &DevicesWindow::refreshOrderList);
    connect(m_export, &QPushButton::clicked, this, &DevicesWindow::exportCsv);
    return tab;
}

void DevicesWindow::retranslate()
{
    setWindowTitle(tr("Devices - MPS"));
    m_tabs->setTabText(0, tr("Devices"));
    m_tabs->setTabText(1, tr("Order list"));
    m_locationLabel->setText(tr("&Location:"));
    m_location->setToolTip(
        tr("Shows the printers whose location starts with this text (a building or a floor)"));
    m_refresh->setText(tr("&Refresh"));
    m_daysLabel->setText(tr("&Days ahead:"));
    m_days->setToolTip(tr("Also order supplies forecast to run out within this many days"));
    m_orderLocationLabel->setText(tr("L&ocation:"));
    m_orderLocation->setToolTip(
        tr("Only printers whose location starts with this text (a building or a floor)"));
    m_orderRefresh->setText(tr("R&efresh"));
    m_export->setText(tr("&Export CSV..."));
    m_export->setToolTip(tr("Save this order list as a CSV file for the purchasing office"));
    const bool allFirst = m_location->count() > 0;
    if (allFirst)
        m_location->setItemText(0, tr("All locations"));
    if (m_orderLocation->count() > 0)
        m_orderLocation->setItemText(0, tr("All locations"));
    Q_EMIT m_devices->headerDataChanged(Qt::Horizontal, 0, DeviceListModel::ColumnCount - 1);
    Q_EMIT m_orders->headerDataChanged(Qt::Horizontal, 0, OrderListModel::ColumnCount - 1);
    updateLocations();
    updateDevicesState();
    updateOrderState();
    updateDetail();
}

void DevicesWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

QString DevicesWindow::statusText() const
{
    return m_message->text();
}

QString DevicesWindow::detailText() const
{
    return m_detail->text();
}

QString DevicesWindow::summaryText() const
{
    return m_summary->text();
}

void DevicesWindow::showStatus(const QString& text)
{
    m_message->setText(text);
}

void DevicesWindow::setLocationFilter(const QString& prefix)
{
    const QString p = prefix.trimmed();
    m_proxy->setFilterRegularExpression(
        p.isEmpty() ? QRegularExpression()
                    : QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(p),
                                         QRegularExpression::CaseInsensitiveOption));
    if (m_location->currentText() != prefix && !(p.isEmpty() && m_location->currentIndex() == 0)) {
        const QSignalBlocker block(m_location);
        m_location->setEditText(prefix);
    }
    updateDevicesState();
}

void DevicesWindow::setOrderQuery(int days, const QString& location)
{
    {
        const QSignalBlocker a(m_days);
        const QSignalBlocker b(m_orderLocation);
        m_days->setValue(days);
        m_orderLocation->setEditText(location);
    }
    refreshOrderList();
}

QString DevicesWindow::orderLocation() const
{
    const QString text = m_orderLocation->currentText().trimmed();
    return m_orderLocation->count() > 0 && text == m_orderLocation->itemText(0) ? QString() : text;
}

void DevicesWindow::updateLocations()
{
    // Each location and, before it, the building or floor it starts with ("Main building 3F East"
    // is also found under "Main building").
    const QStringList locations = m_devices->locations();
    for (QComboBox* box : {m_location, m_orderLocation}) {
        const QString current =
            box->count() > 0 && box->currentText() == box->itemText(0) ? QString() : box->currentText();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(tr("All locations"));
        box->addItems(locations);
        if (current.isEmpty())
            box->setCurrentIndex(0);
        else
            box->setEditText(current);
    }
}

void DevicesWindow::updateDevicesState()
{
    const int all = m_devices->rowCount();
    const int shown = m_proxy->rowCount();
    const bool empty = shown == 0;
    if (empty) {
        if (m_devices->isLoading())
            m_deviceEmpty->setText(tr("Loading the printers..."));
        else if (!m_devices->errorString().isEmpty())
            m_deviceEmpty->setText(m_devices->errorString());
        else if (all > 0)
            m_deviceEmpty->setText(tr("No printer's location starts with \"%1\". Choose another location.")
                                       .arg(m_location->currentText()));
        else if (m_devices->isLoaded())
            m_deviceEmpty->setText(
                tr("No printers are registered yet. Add them with mps-admin printer add."));
        else
            m_deviceEmpty->setText(QString());
    }
    m_deviceStack->setCurrentIndex(empty ? 1 : 0);
    if (all == 0) {
        m_summary->clear();
        return;
    }
    int attention = 0;
    for (int row = 0; row < shown; ++row)
        if (m_proxy->index(row, 0).data(DeviceListModel::AttentionRole).toInt() > 0)
            ++attention;
    const QString count =
        shown == all ? tr("%n printer(s)", nullptr, all) : tr("%1 of %n printer(s)", nullptr, all).arg(shown);
    m_summary->setText(attention > 0 ? tr("%1, %n need(s) attention", nullptr, attention).arg(count)
                                     : tr("%1, all fine").arg(count));
}

void DevicesWindow::updateOrderState()
{
    const bool empty = m_orders->rowCount() == 0;
    if (empty) {
        if (m_orderFetch)
            m_orderEmpty->setText(tr("Loading the order list..."));
        else if (!m_orderError.isEmpty())
            m_orderEmpty->setText(m_orderError);
        else if (m_orderLoaded)
            m_orderEmpty->setText(tr("Nothing to order: no supply is low or runs out within %n day(s).",
                                     nullptr, m_orders->days() > 0 ? m_orders->days() : m_days->value()));
        else
            m_orderEmpty->setText(QString());
    }
    m_orderStack->setCurrentIndex(empty ? 1 : 0);
    m_export->setEnabled(m_orderLoaded && !empty);
    if (m_orderLoaded && m_orders->lowPercent() > 0)
        m_orderNote->setText(
            tr("Needed now: supplies at or below %1%. Needed soon: supplies forecast to run out "
               "within %n day(s). Each printer is listed with its level.",
               nullptr, m_orders->days())
                .arg(m_orders->lowPercent()));
    else
        m_orderNote->clear();
}

void DevicesWindow::updateBusy()
{
    const bool busy = m_devices->isLoading() || m_orderFetch || m_exportFetch;
    m_busy->setVisible(busy);
    if (busy && m_message->text().isEmpty())
        showStatus(tr("Loading..."));
    else if (!busy && m_message->text() == tr("Loading..."))
        showStatus(QString());
}

void DevicesWindow::updateDetail()
{
    const QModelIndex current = m_deviceView->currentIndex();
    const QJsonObject d =
        current.isValid() ? current.data(DeviceListModel::DeviceRole).toJsonObject() : QJsonObject();
    if (d.isEmpty()) {
        m_detail->setText(m_devices->rowCount() > 0
                              ? tr("Select a printer to see its details and open alerts.")
                              : QString());
        delete m_historyFetch.data();
        m_historyId = 0;
        m_history->showMessage(QString());
        return;
    }
    if (idOf(d) != m_historyId)
        fetchHistory(idOf(d));
    auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QStringList lines;
    QStringList head{QStringLiteral("<b>%1</b>").arg(esc(d.value(QLatin1String("name")).toString()))};
    for (const char* key : {"model", "serial", "location", "department"}) {
        const QString v = d.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            head << esc(v);
    }
    lines << head.join(QStringLiteral(" &middot; "));
    const QString since = DeviceText::unreachableSince(d);
    const QString problems = since.isEmpty() ? DeviceText::problems(d) : since;
    lines << (problems.isEmpty() ? esc(DeviceText::state(d))
                                 : tr("%1: %2").arg(esc(DeviceText::state(d)), esc(problems)));
    // Open alerts right under the state: what needs doing comes first.
    const qint64 id = idOf(d);
    QStringList open;
    for (const QJsonValue& v : std::as_const(m_alerts)) {
        const QJsonObject a = v.toObject();
        if (idOf(a, "printerId") == id &&
            a.value(QLatin1String("state")).toString() != QLatin1String("cleared"))
            open << esc(DeviceText::alertNotification(a).body);
    }
    if (!open.isEmpty())
        lines << QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                     .arg(tr("Open alerts: %1").arg(open.join(QLatin1Char(' '))));
    QStringList supplies;
    for (const QJsonValue& v : d.value(QLatin1String("supplies")).toArray()) {
        const QJsonObject s = v.toObject();
        QStringList parts{DeviceText::level(s.value(QLatin1String("level")).toInt(-1))};
        for (const QString& p : {DeviceText::forecast(s), DeviceText::perDay(s)})
            if (!p.isEmpty())
                parts << p;
        supplies << tr("%1: %2").arg(esc(DeviceText::supplyName(s)), esc(parts.join(QStringLiteral(", "))));
    }
    if (!supplies.isEmpty())
        lines << supplies.join(QStringLiteral("; "));
    const QString gap = DeviceText::counterGapExplained(d);
    lines << (gap.isEmpty() ? tr("Page counter: %1").arg(DeviceText::pageCount(d)) : esc(gap));
    lines << tr("Last seen: %1. Checked: %2. Address: %3 (%4).")
                 .arg(esc(DeviceText::lastSeen(d)),
                      esc(FaxText::naturalDate(
                          QDateTime::fromString(d.value(QLatin1String("checked")).toString(), Qt::ISODate))),
                      esc(d.value(QLatin1String("uri")).toString()),
                      esc(d.value(QLatin1String("protocol")).toString()));
    m_detail->setText(lines.join(QStringLiteral("<br>")));
}

void DevicesWindow::showAndRaise()
{
    refresh();
    if (m_tabs->currentIndex() == 1)
        refreshOrderList();
    WindowPlacement::bringToFront(this);
}

void DevicesWindow::refresh()
{
    if (!m_devices->isLoading())
        showStatus(QString());
    m_devices->refresh();
    fetchAlerts();
    updateBusy();
}

void DevicesWindow::fetchAlerts()
{
    if (!m_api)
        return;
    delete m_alertsFetch.data();
    ApiReply* reply = m_api->deviceAlerts();
    m_alertsFetch = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            // The list says what is wrong; the alerts only add to the details.
            qCInfo(lcClientDevices) << "device alerts not fetched:" << reply->errorCode();
            return;
        }
        m_alerts = reply->json().value(QLatin1String("alerts")).toArray();
        updateDetail();
    });
}

void DevicesWindow::refreshOrderList()
{
    if (!m_api)
        return;
    m_orderRefreshTimer.stop();
    delete m_orderFetch.data();
    ApiReply* reply = m_api->suppliesOrder(m_days->value(), orderLocation());
    m_orderFetch = reply;
    updateOrderState();
    updateBusy();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_orderFetch == reply)
            m_orderFetch = nullptr;
        if (!reply->ok()) {
            qCInfo(lcClientDevices) << "order list not fetched:" << reply->errorCode();
            m_orderError = tr("The order list could not be loaded: %1").arg(failure(reply));
            m_orders->clear();
            showStatus(m_orderError);
        } else if (!m_orders->setItemsFromJson(reply->json())) {
            m_orderError =
                tr("The print server's answer was not understood. Ask the print admin to update it.");
            m_orders->clear();
        } else {
            m_orderError.clear();
            m_orderLoaded = true;
        }
        updateOrderState();
        updateBusy();
        Q_EMIT orderListLoaded();
    });
}

void DevicesWindow::exportCsv()
{
    QString name = tr("supplies-order-%1").arg(QDate::currentDate().toString(Qt::ISODate));
    const QString location = orderLocation();
    if (!location.isEmpty())
        name += QLatin1Char('-') + location;
    // No characters a file system refuses, from a location people typed.
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    auto* dialog = new QFileDialog(this, tr("Export the order list"),
                                   QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                       .filePath(name + QStringLiteral(".csv")));
    dialog->setObjectName(QStringLiteral("exportCsvDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setNameFilters({tr("CSV files (*.csv)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &DevicesWindow::exportCsvTo);
    dialog->open();
}

void DevicesWindow::exportCsvTo(const QString& path)
{
    if (path.isEmpty() || !m_api)
        return;
    delete m_exportFetch.data();
    ApiReply* reply = m_api->suppliesOrderCsv(m_days->value(), orderLocation());
    m_exportFetch = reply;
    showStatus(tr("Exporting the order list..."));
    updateBusy();
    connect(reply, &ApiReply::finished, this, [this, reply, path] {
        reply->deleteLater();
        if (m_exportFetch == reply)
            m_exportFetch = nullptr;
        QString message;
        bool ok = false;
        if (!reply->ok()) {
            qCInfo(lcClientDevices) << "order list CSV not fetched:" << reply->errorCode();
            message = tr("The order list was not exported: %1").arg(failure(reply));
        } else {
            // The server's bytes as they are (UTF-8), so that spreadsheets read Hangul.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(reply->data()) != reply->data().size() ||
                !file.commit()) {
                qCWarning(lcClientDevices) << "order list CSV not written:" << file.errorString();
                message = tr("The order list could not be saved as %1 (%2). Choose another folder.")
                              .arg(QDir::toNativeSeparators(path), file.errorString());
            } else {
                ok = true;
                message = tr("Saved %1.").arg(QDir::toNativeSeparators(path));
            }
        }
        showStatus(message);
        updateBusy();
        Q_EMIT exportFinished(ok, message);
    });
}

void DevicesWindow::clear()
{
    delete m_orderFetch.data();
    delete m_alertsFetch.data();
    delete m_exportFetch.data();
    delete m_historyFetch.data();
    m_historyId = 0;
    m_devices->clear();
    m_orders->clear();
    m_alerts = {};
    m_orderLoaded = false;
    m_orderError.clear();
    showStatus(QString());
    updateOrderState();
    updateBusy();
}

void DevicesWindow::onEvent(const QString& type, const QJsonObject& data)
{
    if (type == QLatin1String("device-changed")) {
        m_devices->applyEvent(type, data);
        // Levels moved: the order list follows once the changes settle.
        if (m_orderLoaded && m_tabs->currentIndex() == 1)
            m_orderRefreshTimer.start();
    } else if (type == QLatin1String("device-alert")) {
        const QJsonObject alert = data.value(QLatin1String("alert")).toObject();
        const qint64 id = idOf(alert);
        QJsonArray alerts;
        for (const QJsonValue& v : std::as_const(m_alerts))
            if (idOf(v.toObject()) != id)
                alerts.append(v);
        if (alert.value(QLatin1String("state")).toString() != QLatin1String("cleared"))
            alerts.append(alert);
        m_alerts = alerts;
        updateDetail();
    }
}

void DevicesWindow::fetchHistory(qint64 id)
{
    if (!m_api)
        return;
    delete m_historyFetch.data();
    m_historyId = id;
    m_history->showMessage(tr("Loading..."));
    ApiReply* reply = m_api->device(id);
    m_historyFetch = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        if (id != m_historyId)
            return;
        if (!reply->ok()) {
            qCInfo(lcClientDevices) << "history of printer" << id << "not fetched:" << reply->errorCode();
            m_history->showMessage(failure(reply));
            return;
        }
        // {"device": {..., "history"}}; a device at the top level is taken as well.
        const QJsonObject answer = reply->json();
        const QJsonObject device = answer.value(QLatin1String("device")).isObject()
                                       ? answer.value(QLatin1String("device")).toObject()
                                       : answer;
        const QJsonObject history = device.value(QLatin1String("history")).isObject()
                                        ? device.value(QLatin1String("history")).toObject()
                                        : answer.value(QLatin1String("history")).toObject();
        m_history->setHistory(history, device.value(QLatin1String("supplies")).toArray());
    });
}
