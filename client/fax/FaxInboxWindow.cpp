#include "FaxInboxWindow.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "FaxConfirm.h"
#include "FaxContactDialog.h"
#include "FaxContactModel.h"
#include "FaxForwardDialog.h"
#include "FaxInboxModel.h"
#include "FaxLog.h"
#include "FaxNumberCheck.h"
#include "FaxPagePreview.h"
#include "FaxText.h"
#include "WindowPlacement.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
qint64 idOf(const QJsonObject& fax)
{
    return fax.value(QLatin1String("id")).toVariant().toLongLong();
}
} // namespace

FaxInboxWindow::FaxInboxWindow(FaxInboxModel* model, ApiClient* api, QWidget* parent)
    : QMainWindow(parent), m_model(model), m_api(api)
{
    setObjectName(QStringLiteral("faxInboxWindow"));
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("inbox"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(FaxInboxModel::FromColumn, QHeaderView::Stretch);
    m_view->setMinimumWidth(480);

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("faxHeader"));
    m_header->setWordWrap(true);
    m_header->setMargin(4);
    m_preview = new FaxPagePreview(this);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(m_preview, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_empty);
    setCentralWidget(m_stack);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    statusBar()->addWidget(m_message, 1);

    auto make = [this](const QString& name, QStyle::StandardPixmap icon, const char* theme) {
        auto* a = new QAction(QIcon::fromTheme(QString::fromLatin1(theme), style()->standardIcon(icon)),
                              QString(), this);
        a->setObjectName(name);
        return a;
    };
    m_save = make(QStringLiteral("savePdf"), QStyle::SP_DialogSaveButton, "document-save-as");
    m_save->setShortcut(QKeySequence::SaveAs);
    m_print = make(QStringLiteral("print"), QStyle::SP_DialogApplyButton, "document-print");
    m_forward = make(QStringLiteral("forward"), QStyle::SP_ArrowForward, "mail-forward");
    m_addContact = make(QStringLiteral("addContact"), QStyle::SP_FileDialogNewFolder, "contact-new");
    m_block = make(QStringLiteral("block"), QStyle::SP_MessageBoxCritical, "action-unavailable");
    m_delete = make(QStringLiteral("delete"), QStyle::SP_TrashIcon, "edit-delete");
    m_delete->setShortcut(QKeySequence::Delete);
    m_refresh = make(QStringLiteral("refresh"), QStyle::SP_BrowserReload, "view-refresh");
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("inboxToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* a : {m_save, m_print, m_forward})
        m_toolBar->addAction(a);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_addContact);
    m_toolBar->addAction(m_block);
    m_toolBar->addAction(m_delete);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refresh);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_save, m_print, m_forward, m_addContact, m_block, m_delete});
    retranslate();

    connect(m_save, &QAction::triggered, this, &FaxInboxWindow::saveSelected);
    connect(m_print, &QAction::triggered, this, &FaxInboxWindow::printSelected);
    connect(m_forward, &QAction::triggered, this, &FaxInboxWindow::forwardSelected);
    connect(m_addContact, &QAction::triggered, this, &FaxInboxWindow::addSenderToPhoneBook);
    connect(m_block, &QAction::triggered, this, &FaxInboxWindow::blockSelected);
    connect(m_delete, &QAction::triggered, this, &FaxInboxWindow::deleteSelected);
    connect(m_refresh, &QAction::triggered, model, &FaxInboxModel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FaxInboxWindow::onCurrentChanged);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        // The list was fetched again: keep showing the fax that was open.
        const int row = m_model->rowOf(m_shownId);
        if (row >= 0)
            m_view->setCurrentIndex(m_model->index(row, 0));
        else
            onCurrentChanged();
        updateEmptyState();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &FaxInboxWindow::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &FaxInboxWindow::updateEmptyState);
    connect(model, &FaxInboxModel::loadingChanged, this, &FaxInboxWindow::updateEmptyState);
    connect(model, &FaxInboxModel::errorStringChanged, this, [this] {
        if (!m_model->errorString().isEmpty())
            showStatus(m_model->errorString());
        updateEmptyState();
    });
    connect(model, &FaxInboxModel::actionFinished, this,
            [this](bool ok, const QString& message) { showStatus(ok ? tr("Fax deleted.") : message); });
    resize(1100, 640);
    WindowPlacement::keepOnScreen(this);
    onCurrentChanged();
    updateEmptyState();
}

void FaxInboxWindow::retranslate()
{
    setWindowTitle(tr("Fax inbox - MPS"));
    m_save->setText(tr("&Save as PDF..."));
    m_save->setIconText(tr("Save as PDF"));
    m_print->setText(tr("&Print"));
    m_print->setToolTip(tr("Hold the fax as a print job; release it at any MFP"));
    m_forward->setText(tr("&Forward..."));
    m_forward->setIconText(tr("Forward"));
    m_addContact->setText(tr("Add to &phone book..."));
    m_addContact->setIconText(tr("Add to phone book"));
    m_addContact->setToolTip(tr("Keep the sender's number in your phone book"));
    m_block->setText(tr("&Block sender"));
    m_block->setToolTip(tr("Faxes from this number are no longer received for you"));
    m_delete->setText(tr("&Delete"));
    m_refresh->setText(tr("&Refresh"));
    m_toolBar->setWindowTitle(tr("Faxes"));
    onCurrentChanged();
    updateEmptyState();
}

void FaxInboxWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

QAction* FaxInboxWindow::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

QString FaxInboxWindow::statusText() const
{
    return m_message->text();
}

void FaxInboxWindow::showStatus(const QString& text)
{
    m_message->setText(text);
}

QJsonObject FaxInboxWindow::selectedFax() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->faxAt(current.row()) : QJsonObject();
}

void FaxInboxWindow::selectFax(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

QString FaxInboxWindow::senderOf(const QJsonObject& fax) const
{
    const QString name = fax.value(QLatin1String("fromName")).toString().trimmed();
    const QString number = fax.value(QLatin1String("fromNumber")).toString().trimmed();
    if (name.isEmpty())
        return number.isEmpty() ? fax.value(QLatin1String("tsi")).toString() : number;
    return number.isEmpty() ? name : tr("%1 (%2)").arg(name, number);
}

void FaxInboxWindow::onCurrentChanged()
{
    const QJsonObject fax = selectedFax();
    updateActions();
    if (fax.isEmpty()) {
        m_shownId = 0;
        m_header->clear();
        m_preview->showMessage(m_model->rowCount() > 0 ? tr("Select a fax to see its pages.") : QString());
        return;
    }
    const qint64 id = idOf(fax);
    QString header =
        tr("<b>%1</b><br>Received %2 for %3, %n page(s).", nullptr, fax.value(QLatin1String("pages")).toInt())
            .arg(senderOf(fax).toHtmlEscaped(),
                 FaxText::naturalDate(
                     QDateTime::fromString(fax.value(QLatin1String("received")).toString(), Qt::ISODate))
                     .toHtmlEscaped(),
                 FaxText::mailbox(fax).toHtmlEscaped());
    if (fax.value(QLatin1String("partial")).toBool())
        header +=
            QStringLiteral("<br>") + tr("Only part of this fax arrived. Ask the sender to send it again.");
    m_header->setText(header);
    if (id == m_shownId)
        return;
    m_shownId = id;
    ApiClient* api = m_api;
    m_preview->setDocument([api, id](int page, int width) { return api->faxInboxPage(id, page, width); },
                           fax.value(QLatin1String("pages")).toInt());
    // Opening a fax is reading it; for a department mailbox, for everyone.
    m_model->markRead(id, true);
}

void FaxInboxWindow::updateActions()
{
    const bool any = !selectedFax().isEmpty();
    for (QAction* a : {m_save, m_print, m_forward, m_block, m_delete})
        a->setEnabled(any);
    // Only a sender with a number can be kept in the phone book.
    m_addContact->setEnabled(any && !selectedFax().value(QLatin1String("fromNumber")).toString().isEmpty());
}

void FaxInboxWindow::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    if (empty) {
        if (m_model->isLoading())
            m_empty->setText(tr("Loading..."));
        else if (!m_model->errorString().isEmpty())
            m_empty->setText(m_model->errorString());
        else
            m_empty->setText(
                tr("No faxes received.\n\nFaxes sent to your fax number or your department's arrive "
                   "here and are never printed by themselves. The tray tells you when one arrives."));
    }
    m_stack->setCurrentIndex(empty ? 1 : 0);
    updateActions();
}

void FaxInboxWindow::showAndRaise()
{
    m_model->refresh();
    WindowPlacement::bringToFront(this);
}

void FaxInboxWindow::saveSelected()
{
    const QJsonObject fax = selectedFax();
    if (fax.isEmpty())
        return;
    // A name people recognise: who sent it and when, no characters a file system refuses.
    QString base =
        tr("Fax from %1 %2")
            .arg(senderOf(fax),
                 QDateTime::fromString(fax.value(QLatin1String("received")).toString(), Qt::ISODate)
                     .toLocalTime()
                     .toString(QStringLiteral("yyyy-MM-dd HHmm")));
    base.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    auto* dialog = new QFileDialog(this, tr("Save fax as PDF"),
                                   QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                       .filePath(base + QStringLiteral(".pdf")));
    dialog->setObjectName(QStringLiteral("saveFaxDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setNameFilters({tr("PDF documents (*.pdf)")});
    connect(dialog, &QFileDialog::fileSelected, this, &FaxInboxWindow::saveSelectedTo);
    dialog->open();
}

void FaxInboxWindow::saveSelectedTo(const QString& path)
{
    const QJsonObject fax = selectedFax();
    if (fax.isEmpty() || path.isEmpty())
        return;
    showStatus(tr("Saving..."));
    ApiReply* reply = m_api->faxInboxPdf(idOf(fax));
    connect(reply, &ApiReply::finished, this, [this, reply, path] {
        reply->deleteLater();
        if (!reply->ok()) {
            showStatus(FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()));
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(reply->data()) != reply->data().size() ||
            !file.commit()) {
            showStatus(tr("%1 could not be saved: %2. Choose another folder.")
                           .arg(QDir::toNativeSeparators(path), file.errorString()));
            return;
        }
        showStatus(tr("Saved as %1.").arg(QDir::toNativeSeparators(path)));
    });
}

void FaxInboxWindow::printSelected()
{
    const QJsonObject fax = selectedFax();
    if (fax.isEmpty())
        return;
    ApiReply* reply = m_api->printInboxFax(idOf(fax));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            showStatus(FaxText::serverError(reply->errorCode(), reply->json(), reply->errorMessage()));
            return;
        }
        showStatus(tr("Held as a print job: release it at any MFP with your card."));
    });
}

void FaxInboxWindow::forwardSelected()
{
    const QJsonObject fax = selectedFax();
    if (fax.isEmpty())
        return;
    auto* dialog = new FaxForwardDialog(m_api, fax, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FaxForwardDialog::forwarded, this, [this](const QJsonArray& faxes) {
        showStatus(tr("Forwarded: %n fax(es) queued. Sent faxes shows how they go.", nullptr,
                      static_cast<int>(faxes.size())));
        Q_EMIT forwarded();
    });
    dialog->open();
}

void FaxInboxWindow::addSenderToPhoneBook()
{
    const QJsonObject fax = selectedFax();
    const QString number = fax.value(QLatin1String("fromNumber")).toString();
    if (number.isEmpty())
        return;
    const auto checked = FaxNumberCheck::check(number);
    auto* dialog =
        new FaxContactDialog({{QStringLiteral("name"), fax.value(QLatin1String("fromName")).toString()},
                              {QStringLiteral("number"), checked.ok ? checked.display : number},
                              {QStringLiteral("scope"), QStringLiteral("personal")}},
                             QString(), QString(), 4, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto* book = new FaxContactModel(m_api, this);
        connect(book, &FaxContactModel::actionFinished, this, [this, book](bool ok, const QString& message) {
            showStatus(ok ? tr("Added to your phone book.") : message);
            book->deleteLater();
        });
        book->add(dialog->contact());
    });
    dialog->open();
}

void FaxInboxWindow::blockSelected()
{
    const QJsonObject fax = selectedFax();
    if (fax.isEmpty())
        return;
    const qint64 id = idOf(fax);
    const QString sender = senderOf(fax);
    FaxConfirm::ask(
        this, QStringLiteral("confirmBlock"), tr("Block sender"),
        tr("Block %1? Faxes from this sender will no longer reach you; they are not stored.").arg(sender),
        tr("Block"), [this, id, sender] {
            ApiReply* reply = m_api->blockInboxSender(id);
            connect(reply, &ApiReply::finished, this, [this, reply, sender] {
                reply->deleteLater();
                showStatus(reply->ok() ? tr("Faxes from %1 are blocked.").arg(sender)
                                       : FaxText::serverError(reply->errorCode(), reply->json(),
                                                              reply->errorMessage()));
            });
        });
}

void FaxInboxWindow::deleteSelected()
{
    const QJsonObject fax = selectedFax();
    if (fax.isEmpty())
        return;
    const qint64 id = idOf(fax);
    const bool shared =
        fax.value(QLatin1String("mailbox")).toObject().value(QLatin1String("type")).toString() ==
        QLatin1String("department");
    FaxConfirm::ask(this, QStringLiteral("confirmDelete"), tr("Delete fax"),
                    shared ? tr("Delete the fax from %1 for everyone in %2? It cannot be brought back.")
                                 .arg(senderOf(fax), FaxText::mailbox(fax))
                           : tr("Delete the fax from %1? It cannot be brought back.").arg(senderOf(fax)),
                    tr("Delete"), [this, id] { m_model->remove(id); });
}
