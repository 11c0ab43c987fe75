#include "MyJobsWindow.h"

#include "ClientLog.h"
#include "ClientSettings.h"
#include "JobItemDelegate.h"
#include "JobOptionsDialog.h"
#include "JobUploader.h"
#include "PrinterListModel.h"
#include "ReleaseDialog.h"
#include "WindowPlacement.h"

#include <QAction>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

MyJobsWindow::MyJobsWindow(JobListModel* jobs, PrinterListModel* printers, JobUploader* uploader,
                           ClientSettings* settings, QWidget* parent)
    : QMainWindow(parent), m_jobs(jobs), m_printers(printers), m_uploader(uploader), m_settings(settings)
{
    setObjectName(QStringLiteral("myJobsWindow"));
    setWindowTitle(tr("My print jobs - MPS Secure Print"));
    setAcceptDrops(true);

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("jobs"));
    m_view->setModel(jobs);
    m_view->setItemDelegate(new JobItemDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setUniformItemSizes(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAlternatingRowColors(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(24);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyLabel);
    setCentralWidget(m_stack);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_user = new QLabel(this);
    m_live = new QLabel(this);
    m_quota = new QLabel(this);
    m_quota->setObjectName(QStringLiteral("quota"));
    m_quota->setContentsMargins(0, 0, 12, 0);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    statusBar()->addWidget(m_message, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_quota);
    statusBar()->addPermanentWidget(m_user);
    statusBar()->addPermanentWidget(m_live);
    setLive(false);

    createActions();

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MyJobsWindow::updateActions);
    connect(m_view, &QListView::doubleClicked, this, &MyJobsWindow::releaseSelected);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(jobs, signal, this, &MyJobsWindow::updateEmptyState);
    connect(jobs, &QAbstractItemModel::modelReset, this, &MyJobsWindow::updateEmptyState);
    connect(jobs, &QAbstractItemModel::dataChanged, this, &MyJobsWindow::updateActions);
    connect(jobs, &JobListModel::loadingChanged, this, &MyJobsWindow::updateEmptyState);
    connect(jobs, &JobListModel::errorStringChanged, this, [this] {
        if (!m_jobs->errorString().isEmpty())
            showStatus(m_jobs->errorString());
        updateEmptyState();
    });
    connect(jobs, &JobListModel::actionFinished, this, &MyJobsWindow::onActionFinished);
    connect(jobs, &JobListModel::quotaChanged, this, [this] {
        m_quota->setText(m_jobs->quotaText());
        m_quota->setToolTip(tr("What is left of your monthly print quota. Open Usage from the tray menu "
                               "for details."));
        m_quota->setVisible(!m_quota->text().isEmpty());
    });

    if (m_uploader) {
        connect(m_uploader, &JobUploader::progress, this,
                [this](const QString& name, int index, int count, qint64 sent, qint64 total) {
                    m_progress->setVisible(true);
                    m_progress->setFormat(count > 1 ? tr("%1 of %2: %p%").arg(index).arg(count) : tr("%p%"));
                    if (total > 0) {
                        m_progress->setRange(0, 1000);
                        m_progress->setValue(static_cast<int>(sent * 1000 / total));
                    } else {
                        m_progress->setRange(0, 0);
                    }
                    showStatus(tr("Sending %1...").arg(name));
                });
        connect(m_uploader, &JobUploader::finished, this, [this](int uploaded, const QStringList& errors) {
            m_progress->setVisible(false);
            if (uploaded > 0)
                showStatus(tr("%n document(s) added to your held jobs.", nullptr, uploaded));
            else
                showStatus({});
            showErrors(tr("Some documents were not added"), errors);
        });
    }

    resize(720, 520);
    if (m_settings)
        restoreGeometry(m_settings->value(ClientSettings::Key::MyJobsGeometry).toByteArray());
    WindowPlacement::keepOnScreen(this);
    updateActions();
    updateEmptyState();
}

MyJobsWindow::~MyJobsWindow() = default;

void MyJobsWindow::createActions()
{
    auto make = [this](const QString& name, const QString& text, QStyle::StandardPixmap icon,
                       const char* theme) {
        auto* a = new QAction(QIcon::fromTheme(QString::fromLatin1(theme), style()->standardIcon(icon)), text,
                              this);
        a->setObjectName(name);
        return a;
    };
    m_release = make(QStringLiteral("release"), QString(), QStyle::SP_DialogApplyButton, "document-print");
    m_options =
        make(QStringLiteral("options"), QString(), QStyle::SP_FileDialogDetailedView, "document-properties");
    m_delete = make(QStringLiteral("delete"), QString(), QStyle::SP_TrashIcon, "edit-delete");
    m_delete->setShortcut(QKeySequence::Delete);
    m_printFile = make(QStringLiteral("printFile"), QString(), QStyle::SP_DialogOpenButton, "document-open");
    m_printFile->setShortcut(QKeySequence::Open);
    m_refresh = make(QStringLiteral("refresh"), QString(), QStyle::SP_BrowserReload, "view-refresh");
    m_refresh->setShortcut(QKeySequence::Refresh);
    retranslate();

    connect(m_release, &QAction::triggered, this, &MyJobsWindow::releaseSelected);
    connect(m_options, &QAction::triggered, this, &MyJobsWindow::changeOptionsOfSelected);
    connect(m_delete, &QAction::triggered, this, &MyJobsWindow::deleteSelected);
    connect(m_printFile, &QAction::triggered, this, &MyJobsWindow::printFile);
    connect(m_refresh, &QAction::triggered, m_jobs, &JobListModel::refresh);

    auto* bar = addToolBar(QString());
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("jobsToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_release);
    bar->addAction(m_options);
    bar->addAction(m_delete);
    bar->addSeparator();
    bar->addAction(m_printFile);
    bar->addAction(m_refresh);
    m_view->addActions({m_release, m_options, m_delete});
}

void MyJobsWindow::retranslate()
{
    setWindowTitle(tr("My print jobs - MPS Secure Print"));
    m_release->setText(tr("&Print at a printer..."));
    m_release->setIconText(tr("Print"));
    m_release->setToolTip(tr("Print the selected jobs at a printer of your choice"));
    m_options->setText(tr("&Options..."));
    m_options->setIconText(tr("Options"));
    m_options->setToolTip(tr("Change copies, sides and colour of the selected jobs"));
    m_delete->setText(tr("&Delete"));
    m_delete->setIconText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected jobs without printing them"));
    m_printFile->setText(tr("Print a &file..."));
    m_printFile->setIconText(tr("Add a file"));
    m_printFile->setToolTip(tr("Add a PDF file or a picture to your held jobs"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setIconText(tr("Refresh"));
    if (m_toolBar)
        m_toolBar->setWindowTitle(tr("Jobs"));
}

void MyJobsWindow::changeEvent(QEvent* event)
{
    // The language was switched in Settings: every text again, without a restart.
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        setLive(m_isLive, m_liveDetail);
        setSignedInUser(m_signedInName);
        m_quota->setText(m_jobs->quotaText());
        showStatus({});
        updateEmptyState();
        if (m_jobs->rowCount() > 0)
            Q_EMIT m_jobs->dataChanged(m_jobs->index(0), m_jobs->index(m_jobs->rowCount() - 1));
    }
    QMainWindow::changeEvent(event);
}

QAction* MyJobsWindow::action(const QString& name) const
{
    for (QAction* a : {m_delete, m_options, m_release, m_printFile, m_refresh}) {
        if (a && a->objectName() == name)
            return a;
    }
    return nullptr;
}

QString MyJobsWindow::statusText() const
{
    return m_message->text();
}

QString MyJobsWindow::quotaText() const
{
    return m_quota->text();
}

QList<qint64> MyJobsWindow::selectedJobIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex& i : rows)
        ids << i.data(JobListModel::IdRole).toLongLong();
    return ids;
}

QList<qint64> MyJobsWindow::selectedHeldJobIds() const
{
    QList<qint64> ids;
    for (const qint64 id : selectedJobIds()) {
        if (m_jobs->jobAt(m_jobs->rowOf(id)).state == JobState::Held)
            ids << id;
    }
    return ids;
}

void MyJobsWindow::updateActions()
{
    const QList<qint64> all = selectedJobIds();
    const bool anyHeld = !selectedHeldJobIds().isEmpty();
    bool anyDeletable = false;
    for (const qint64 id : all)
        anyDeletable = anyDeletable || m_jobs->jobAt(m_jobs->rowOf(id)).state != JobState::Printing;
    m_delete->setEnabled(anyDeletable);
    m_options->setEnabled(anyHeld);
    m_release->setEnabled(anyHeld);
}

void MyJobsWindow::updateEmptyState()
{
    if (m_jobs->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
    } else {
        if (m_jobs->isLoading())
            m_emptyLabel->setText(tr("Loading your jobs..."));
        else if (!m_jobs->errorString().isEmpty())
            m_emptyLabel->setText(m_jobs->errorString());
        else
            m_emptyLabel->setText(
                tr("Nothing is waiting for you.\n\nPrint from any application to the printer "
                   "\"MPS Secure Print\", or drop PDF files and pictures here."));
        m_stack->setCurrentWidget(m_emptyLabel);
    }
    updateActions();
}

void MyJobsWindow::setLive(bool live, const QString& detail)
{
    m_isLive = live;
    m_liveDetail = detail;
    m_live->setText(live ? tr("\u25cf Live") : tr("\u25cb Offline"));
    m_live->setStyleSheet(live ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #9e9e9e;"));
    m_live->setToolTip(
        live ? tr("Changes to your jobs appear here as they happen.")
             : (detail.isEmpty() ? tr("Not connected to the print server; trying again.") : detail));
}

void MyJobsWindow::setSignedInUser(const QString& name)
{
    m_signedInName = name;
    m_user->setText(name.isEmpty() ? QString() : tr("Signed in as %1").arg(name));
}

void MyJobsWindow::showStatus(const QString& text)
{
    m_message->setText(text);
}

void MyJobsWindow::showErrors(const QString& title, const QStringList& errors)
{
    if (errors.isEmpty())
        return;
    // One box at a time, not modal, so that the tray app never waits on it.
    if (m_errorBox)
        m_errorBox->close();
    m_errorBox =
        new QMessageBox(QMessageBox::Warning, title, errors.join(QLatin1Char('\n')), QMessageBox::Ok, this);
    m_errorBox->button(QMessageBox::Ok)->setText(tr("OK"));
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->setObjectName(QStringLiteral("errorBox"));
    m_errorBox->open();
}

void MyJobsWindow::deleteSelected()
{
    QList<qint64> ids;
    for (const qint64 id : selectedJobIds()) {
        if (m_jobs->jobAt(m_jobs->rowOf(id)).state != JobState::Printing)
            ids << id;
    }
    if (ids.isEmpty())
        return;
    const QString text =
        ids.size() == 1 ? tr("Delete %1? It will not be printed, and it cannot be brought back.")
                              .arg(m_jobs->jobAt(m_jobs->rowOf(ids.first())).name)
                        : tr("Delete %n jobs? They will not be printed, and they cannot be brought back.",
                             nullptr, static_cast<int>(ids.size()));
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete jobs"), text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirm"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    cancel->setText(tr("Cancel"));
    box->setDefaultButton(cancel);
    connect(yes, &QPushButton::clicked, this, [this, ids] {
        showStatus(tr("Deleting..."));
        m_jobs->deleteJobs(ids);
    });
    box->open();
}

void MyJobsWindow::changeOptionsOfSelected()
{
    const QList<qint64> ids = selectedHeldJobIds();
    if (ids.isEmpty())
        return;
    const JobInfo first = m_jobs->jobAt(m_jobs->rowOf(ids.first()));
    auto* dialog = new JobOptionsDialog(first.options, static_cast<int>(ids.size()), this,
                                        m_printers ? m_printers->combinedCapabilities()
                                                   : PrinterListModel::Capabilities());
    dialog->setObjectName(QStringLiteral("optionsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        const QJsonObject changes = dialog->changes();
        if (changes.isEmpty())
            return;
        showStatus(tr("Saving..."));
        m_jobs->updateJobs(ids, changes);
    });
    dialog->open();
}

void MyJobsWindow::releaseSelected()
{
    const QList<qint64> ids = selectedHeldJobIds();
    if (ids.isEmpty())
        return;
    const QString preferred = m_settings ? m_settings->lastPrinter() : QString();
    QList<PrintOptions> options;
    for (const qint64 id : ids)
        options << m_jobs->jobAt(m_jobs->rowOf(id)).options;
    auto* dialog = new ReleaseDialog(m_printers, static_cast<int>(ids.size()), preferred, this, options);
    dialog->setObjectName(QStringLiteral("releaseDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        const QString printer = dialog->selectedPrinter();
        if (printer.isEmpty())
            return;
        if (m_settings)
            m_settings->setValue(ClientSettings::Key::LastPrinter, printer);
        m_pendingReleasePrinter = printer;
        showStatus(tr("Sending to %1...").arg(printer));
        m_jobs->releaseJobs(ids, printer);
    });
    dialog->open();
}

void MyJobsWindow::printFile()
{
    auto* dialog = new QFileDialog(this, tr("Print a file"),
                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->setObjectName(QStringLiteral("printFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({tr("Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt "
                               "*.ods *.odp *.rtf *.txt "
                               "*.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)"),
                            tr("All files (*)")});
    connect(dialog, &QFileDialog::filesSelected, this, &MyJobsWindow::uploadFiles);
    dialog->open();
}

void MyJobsWindow::uploadFiles(const QStringList& paths)
{
    if (!m_uploader || paths.isEmpty())
        return;
    m_uploader->enqueue(paths);
}

void MyJobsWindow::showAndRaise()
{
    WindowPlacement::bringToFront(this);
}

void MyJobsWindow::onActionFinished(JobListModel::Action action, int succeeded, const QStringList& errors)
{
    switch (action) {
    case JobListModel::Action::Delete:
        showStatus(succeeded > 0 ? tr("%n job(s) deleted.", nullptr, succeeded) : QString());
        showErrors(tr("Some jobs were not deleted"), errors);
        break;
    case JobListModel::Action::Update:
        showStatus(succeeded > 0 ? tr("Options of %n job(s) changed.", nullptr, succeeded) : QString());
        showErrors(tr("Some options were not changed"), errors);
        break;
    case JobListModel::Action::Release:
        showStatus(succeeded > 0 ? tr("%n job(s) sent to %1. Collect them there.", nullptr, succeeded)
                                       .arg(m_pendingReleasePrinter)
                                 : QString());
        showErrors(tr("Some jobs were not sent to the printer"), errors);
        break;
    }
}

void MyJobsWindow::closeEvent(QCloseEvent* event)
{
    if (m_settings)
        m_settings->setValue(ClientSettings::Key::MyJobsGeometry, saveGeometry());
    // Accepting only hides the window: the tray app goes on running (quitOnLastWindowClosed is off).
    event->accept();
}

void MyJobsWindow::dragEnterEvent(QDragEnterEvent* event)
{
    // Judged by the names only: reading the files happens after the drop, not while the mouse moves.
    const QMimeDatabase db;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QMimeType m = db.mimeTypeForFile(url.toLocalFile(), QMimeDatabase::MatchExtension);
        if (m.inherits(QStringLiteral("application/pdf")) || m.name().startsWith(QLatin1String("image/")) ||
            JobUploader::serverConverts(m, QFileInfo(url.toLocalFile()).suffix())) {
            event->acceptProposedAction();
            return;
        }
    }
    event->ignore();
}

void MyJobsWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return event->ignore();
    event->acceptProposedAction();
    qCInfo(lcClientUi) << paths.size() << "files dropped on My jobs";
    uploadFiles(paths);
}
