#include "SentFaxWindow.h"

#include "FaxText.h"
#include "SentFaxModel.h"
#include "WindowPlacement.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

SentFaxWindow::SentFaxWindow(SentFaxModel* model, QWidget* parent) : QMainWindow(parent), m_model(model)
{
    setObjectName(QStringLiteral("sentFaxWindow"));
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("sentFaxes"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // The state says the most; the short columns take what their text needs.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(SentFaxModel::DocumentColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(SentFaxModel::StateColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(SentFaxModel::DocumentColumn, 220);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setWordWrap(true);
    m_detail->setMargin(6);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* listPage = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_detail);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(listPage);
    m_stack->addWidget(m_empty);
    setCentralWidget(m_stack);
    m_message = new QLabel(this);
    statusBar()->addWidget(m_message, 1);

    auto make = [this](const QString& name, QStyle::StandardPixmap icon, const char* theme) {
        auto* a = new QAction(QIcon::fromTheme(QString::fromLatin1(theme), style()->standardIcon(icon)),
                              QString(), this);
        a->setObjectName(name);
        return a;
    };
    m_resend = make(QStringLiteral("resend"), QStyle::SP_BrowserReload, "mail-send");
    m_cancel = make(QStringLiteral("cancel"), QStyle::SP_DialogCancelButton, "process-stop");
    m_refresh = make(QStringLiteral("refresh"), QStyle::SP_BrowserReload, "view-refresh");
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_sendFax = make(QStringLiteral("sendFax"), QStyle::SP_FileIcon, "document-send");
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("sentToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_resend);
    m_toolBar->addAction(m_cancel);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_sendFax);
    m_toolBar->addAction(m_refresh);
    retranslate();

    connect(m_resend, &QAction::triggered, this, &SentFaxWindow::resendSelected);
    connect(m_cancel, &QAction::triggered, this, &SentFaxWindow::cancelSelected);
    connect(m_refresh, &QAction::triggered, model, &SentFaxModel::refresh);
    connect(m_sendFax, &QAction::triggered, this, &SentFaxWindow::sendFaxRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SentFaxWindow::updateActions);
    connect(model, &QAbstractItemModel::dataChanged, this, &SentFaxWindow::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &SentFaxWindow::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SentFaxWindow::updateEmptyState);
    connect(model, &SentFaxModel::loadingChanged, this, &SentFaxWindow::updateEmptyState);
    connect(model, &SentFaxModel::errorStringChanged, this, [this] {
        m_message->setText(m_model->errorString());
        updateEmptyState();
    });
    connect(model, &SentFaxModel::actionFinished, this, [this](bool ok, const QString& message) {
        m_message->setText(ok ? QString() : message);
        updateActions();
    });
    resize(900, 480);
    WindowPlacement::keepOnScreen(this);
    updateEmptyState();
}

void SentFaxWindow::retranslate()
{
    setWindowTitle(tr("Sent faxes - MPS"));
    m_resend->setText(tr("Send &again"));
    m_resend->setToolTip(tr("Send the selected fax again (faxes not sent or cancelled)"));
    m_cancel->setText(tr("&Cancel fax"));
    m_cancel->setToolTip(tr("Stop the selected fax before it is sent"));
    m_refresh->setText(tr("&Refresh"));
    m_sendFax->setText(tr("&New fax..."));
    m_toolBar->setWindowTitle(tr("Faxes"));
    updateEmptyState();
}

void SentFaxWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

QAction* SentFaxWindow::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

QString SentFaxWindow::detailText() const
{
    return m_detail->text();
}

QString SentFaxWindow::statusText() const
{
    return m_message->text();
}

QJsonObject SentFaxWindow::selectedFax() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->faxAt(current.row()) : QJsonObject();
}

void SentFaxWindow::updateActions()
{
    const QJsonObject fax = selectedFax();
    m_resend->setEnabled(SentFaxModel::canResend(fax));
    m_cancel->setEnabled(SentFaxModel::canCancel(fax));
    if (fax.isEmpty()) {
        m_detail->setText(m_model->rowCount() > 0 ? tr("Select a fax to see how it went.") : QString());
        return;
    }
    QString to = fax.value(QLatin1String("recipientName")).toString();
    to = to.isEmpty() ? fax.value(QLatin1String("number")).toString()
                      : tr("%1 (%2)").arg(to, fax.value(QLatin1String("number")).toString());
    m_detail->setText(
        tr("%1 to %2: %3").arg(fax.value(QLatin1String("name")).toString(), to, FaxText::state(fax)));
}

void SentFaxWindow::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    if (empty) {
        if (m_model->isLoading())
            m_empty->setText(tr("Loading..."));
        else if (!m_model->errorString().isEmpty())
            m_empty->setText(m_model->errorString());
        else
            m_empty->setText(
                tr("No faxes sent in the last 90 days.\n\nPrint to \"MPS Fax\" from any program, or "
                   "choose \"New fax...\" above to send a document."));
    }
    m_stack->setCurrentIndex(empty ? 1 : 0);
    updateActions();
}

void SentFaxWindow::showAndRaise()
{
    m_model->refresh();
    WindowPlacement::bringToFront(this);
}

void SentFaxWindow::resendSelected()
{
    const QJsonObject fax = selectedFax();
    if (!SentFaxModel::canResend(fax))
        return;
    m_message->setText(tr("Sending again..."));
    m_model->resend(fax.value(QLatin1String("id")).toVariant().toLongLong());
}

void SentFaxWindow::cancelSelected()
{
    const QJsonObject fax = selectedFax();
    if (!SentFaxModel::canCancel(fax))
        return;
    m_message->setText(tr("Cancelling..."));
    m_model->cancel(fax.value(QLatin1String("id")).toVariant().toLongLong());
}
