#include "HistoryWindow.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "ClientLog.h"
#include "HistoryModel.h"
#include "WindowPlacement.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

HistoryWindow::HistoryWindow(ApiClient* api, QWidget* parent) : QDialog(parent), m_api(api)
{
    setObjectName(QStringLiteral("historyWindow"));
    m_model = new HistoryModel(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("history"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(HistoryModel::NameColumn, QHeaderView::Stretch);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("historyEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* refreshButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    refreshButton->setObjectName(QStringLiteral("refresh"));
    refreshButton->setIcon(
        QIcon::fromTheme(QStringLiteral("view-refresh"), style()->standardIcon(QStyle::SP_BrowserReload)));
    connect(refreshButton, &QPushButton::clicked, this, &HistoryWindow::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(m_intro);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);
    resize(760, 480);
    WindowPlacement::keepOnScreen(this);
    retranslate();
    refresh();
}

HistoryWindow::~HistoryWindow()
{
    delete m_reply.data();
}

void HistoryWindow::retranslate()
{
    setWindowTitle(tr("History - MPS Secure Print"));
    m_intro->setText(tr("What became of your print jobs in the last %n days.", nullptr, HistoryModel::Days));
    if (auto* refreshButton = findChild<QPushButton*>(QStringLiteral("refresh")))
        refreshButton->setText(tr("Refresh"));
    if (auto* close = findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Close))
        close->setText(tr("Close"));
    updateState();
}

void HistoryWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, HistoryModel::ColumnCount - 1);
        if (m_model->rowCount() > 0)
            Q_EMIT m_model->dataChanged(
                m_model->index(0, 0), m_model->index(m_model->rowCount() - 1, HistoryModel::ColumnCount - 1));
    }
    QDialog::changeEvent(event);
}

void HistoryWindow::refresh()
{
    if (!m_api)
        return;
    delete m_reply.data();
    ApiReply* reply = m_api->jobs(true);
    m_reply = reply;
    m_loading = true;
    updateState();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_loading = false;
        m_error.clear();
        if (!reply->ok()) {
            qCInfo(lcClientJobs) << "history not fetched:" << reply->errorCode();
            m_error = reply->errorMessage();
        } else if (!m_model->setJobsFromJson(reply->json())) {
            m_error = tr("The server sent an answer this app does not understand. Try again later.");
        }
        updateState();
    });
}

void HistoryWindow::updateState()
{
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    if (m_loading)
        m_empty->setText(tr("Loading..."));
    else if (!m_error.isEmpty())
        m_empty->setText(m_error);
    else
        m_empty->setText(tr("Nothing yet in the last %n days.\n\nJobs you print, delete or leave to expire "
                            "are listed here, with where and when they printed and what they cost.",
                            nullptr, HistoryModel::Days));
    m_stack->setCurrentWidget(m_empty);
}
