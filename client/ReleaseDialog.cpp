#include "ReleaseDialog.h"

#include "PrinterListModel.h"

#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

ReleaseDialog::ReleaseDialog(PrinterListModel* printers, int jobCount, const QString& preferred,
                             QWidget* parent, const QList<PrintOptions>& options)
    : QDialog(parent), m_printers(printers), m_preferred(preferred)
{
    printers->setRequiredOptions(options);
    setWindowTitle(tr("Print at a printer"));
    auto* intro = new QLabel(tr("Choose the printer to print the %n selected job(s) at. Collect them there "
                                "right away: they come out as soon as you choose.",
                                nullptr, jobCount),
                             this);
    intro->setWordWrap(true);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("printers"));
    m_list->setModel(printers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(2);
    m_list->setIconSize(QSize(14, 14));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("releaseStatus"));
    m_status->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    m_printButton = buttons->addButton(tr("Print here"), QDialogButtonBox::AcceptRole);
    m_printButton->setObjectName(QStringLiteral("print"));
    auto* refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("refresh"));
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refresh, &QPushButton::clicked, printers, &PrinterListModel::refresh);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex& i) {
        if (i.data(PrinterListModel::CanPrintRole).toBool())
            accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(480, 380);

    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReleaseDialog::updateState);
    connect(printers, &PrinterListModel::loadingChanged, this, &ReleaseDialog::updateState);
    connect(printers, &PrinterListModel::errorStringChanged, this, &ReleaseDialog::updateState);
    connect(printers, &PrinterListModel::serverReachableChanged, this, [this] {
        if (!m_printers->isServerReachable())
            m_list->clearSelection();
        else if (selectedPrinter().isEmpty())
            preselect();
        updateState();
    });
    connect(printers, &QAbstractItemModel::dataChanged, this, &ReleaseDialog::updateState);
    connect(printers, &QAbstractItemModel::modelReset, this, [this] {
        if (selectedPrinter().isEmpty())
            preselect();
        updateState();
    });
    preselect();
    printers->refresh();
    updateState();
}

ReleaseDialog::~ReleaseDialog()
{
    m_printers->setRequiredOptions({});
}

QString ReleaseDialog::selectedPrinter() const
{
    const QModelIndexList sel = m_list->selectionModel()->selectedIndexes();
    if (sel.isEmpty() || !sel.first().data(PrinterListModel::CanPrintRole).toBool())
        return {};
    return sel.first().data(PrinterListModel::NameRole).toString();
}

bool ReleaseDialog::selectPrinter(const QString& name)
{
    const int row = m_printers->rowOf(name);
    if (row < 0 || !m_printers->index(row).data(PrinterListModel::CanPrintRole).toBool())
        return false;
    m_list->setCurrentIndex(m_printers->index(row));
    return true;
}

void ReleaseDialog::preselect()
{
    // The printer used last, else the first one that can print now: one click (or Enter) away.
    if (selectPrinter(m_preferred))
        return;
    for (int row = 0; row < m_printers->rowCount(); ++row) {
        if (selectPrinter(m_printers->index(row).data(PrinterListModel::NameRole).toString()))
            return;
    }
}

void ReleaseDialog::updateState()
{
    m_printButton->setEnabled(!selectedPrinter().isEmpty());
    if (!m_printers->isServerReachable())
        m_status->setText(tr("The print server cannot be reached, so whether a printer is ready is not "
                             "known. Check the network connection; the list updates when the server "
                             "answers again."));
    else if (!m_printers->errorString().isEmpty())
        m_status->setText(m_printers->errorString());
    else if (m_printers->isLoading() && m_printers->rowCount() == 0)
        m_status->setText(tr("Looking for printers..."));
    else if (m_printers->rowCount() == 0)
        m_status->setText(tr("No printers are set up yet. Ask the print admin."));
    else if (selectedPrinter().isEmpty() && m_printers->anyReadyButUnableForOptions())
        m_status->setText(tr("The printers that are ready cannot print the selected jobs as they are set up "
                             "(two-sided, colour or copies). Change that under Options, then print."));
    else
        m_status->setText(tr("Printers that cannot print now are greyed out; choose another one nearby."));
}
