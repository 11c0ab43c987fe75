#include "FaxDialog.h"

#include "FaxConfirm.h"
#include "FaxCoverPage.h"
#include "FaxLog.h"
#include "FaxPagePreview.h"
#include "FaxRecipientModel.h"
#include "FaxRecipientsPanel.h"
#include "FaxText.h"
#include "WindowPlacement.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

FaxDialog::FaxDialog(ApiClient* api, qint64 draftId, const QJsonObject& me, QWidget* parent)
    : QDialog(parent), m_controller(new FaxController(api, this)), m_me(me)
{
    build();
    m_controller->openDraft(draftId);
}

FaxDialog::FaxDialog(ApiClient* api, const QJsonObject& me, QWidget* parent)
    : QDialog(parent), m_controller(new FaxController(api, this)), m_me(me)
{
    build();
}

FaxDialog::~FaxDialog() = default;

void FaxDialog::build()
{
    setObjectName(QStringLiteral("faxDialog"));
    setWindowFlag(Qt::WindowMaximizeButtonHint, true);
    m_recipients = new FaxRecipientsPanel(m_controller->api(), this);
    m_preview = new FaxPagePreview(this);

    m_document = new QLabel(this);
    m_document->setObjectName(QStringLiteral("document"));
    m_document->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);

    // The cover page: "From" as colleagues know me, the rest typed.
    m_cover = new QGroupBox(this);
    m_cover->setObjectName(QStringLiteral("coverGroup"));
    m_cover->setCheckable(true);
    m_cover->setChecked(false);
    m_coverTo = new QLineEdit(this);
    m_coverTo->setObjectName(QStringLiteral("coverTo"));
    m_coverFrom = new QLineEdit(this);
    m_coverFrom->setObjectName(QStringLiteral("coverFrom"));
    const QString myName =
        m_me.value(QLatin1String("displayName")).toString(m_me.value(QLatin1String("name")).toString());
    const QString myDepartment = m_me.value(QLatin1String("departmentName"))
                                     .toString(m_me.value(QLatin1String("department")).toString());
    m_coverFrom->setText(
        myDepartment.isEmpty() ? myName : tr("%1, %2", "my name, my department").arg(myName, myDepartment));
    m_coverSubject = new QLineEdit(this);
    m_coverSubject->setObjectName(QStringLiteral("coverSubject"));
    m_coverNote = new QPlainTextEdit(this);
    m_coverNote->setObjectName(QStringLiteral("coverNote"));
    m_coverNote->setTabChangesFocus(true);
    m_coverPages = new QLabel(this);
    m_coverPages->setObjectName(QStringLiteral("coverPages"));
    m_coverToLabel = new QLabel(this);
    m_coverFromLabel = new QLabel(this);
    m_coverSubjectLabel = new QLabel(this);
    m_coverNoteLabel = new QLabel(this);
    auto* coverForm = new QFormLayout(m_cover);
    coverForm->addRow(m_coverToLabel, m_coverTo);
    coverForm->addRow(m_coverFromLabel, m_coverFrom);
    coverForm->addRow(m_coverSubjectLabel, m_coverSubject);
    coverForm->addRow(m_coverNoteLabel, m_coverNote);
    coverForm->addRow(QString(), m_coverPages);
    // A label handed to addRow() as a widget gets no buddy: without one its "&" shows as text.
    m_coverToLabel->setBuddy(m_coverTo);
    m_coverFromLabel->setBuddy(m_coverFrom);
    m_coverSubjectLabel->setBuddy(m_coverSubject);
    m_coverNoteLabel->setBuddy(m_coverNote);
    auto* coverTab = new QWidget(this);
    auto* coverLayout = new QVBoxLayout(coverTab);
    coverLayout->addWidget(m_cover, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("faxTabs"));
    m_tabs->addTab(m_recipients, QString());
    m_tabs->addTab(coverTab, QString());

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("faxStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("close"));
    m_close->setAutoDefault(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_document, 1);
    top->addWidget(m_progress);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_send);
    bottom->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    retranslate();

    connect(m_send, &QPushButton::clicked, this, &FaxDialog::send);
    connect(m_close, &QPushButton::clicked, this, &FaxDialog::reject);
    connect(m_controller, &FaxController::stateChanged, this, &FaxDialog::onStateChanged);
    connect(m_controller, &FaxController::draftChanged, this, &FaxDialog::onDraftChanged);
    connect(m_controller, &FaxController::settingsChanged, this, [this] {
        m_recipients->setDialPlan(m_controller->outsidePrefix(), m_controller->extensionDigits());
        m_recipients->setMaxRecipients(m_controller->maxRecipients());
        if (!m_controller->faxEnabled())
            setStatus(FaxText::serverError(QStringLiteral("fax-disabled"), {}), true);
        updateSend();
    });
    connect(m_controller, &FaxController::uploadProgress, this, [this](qint64 sent, qint64 total) {
        m_progress->setVisible(true);
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(static_cast<int>(sent * 1000 / total));
        } else {
            m_progress->setRange(0, 0);
        }
    });
    connect(m_controller, &FaxController::errorOccurred, this,
            [this](const QString& message, const QString& code, const QJsonObject& answer) {
                if (code == QLatin1String("invalid-number"))
                    m_recipients->markInvalid(answer.value(QLatin1String("number")).toString(), message);
                setStatus(message, true);
            });
    connect(m_controller, &FaxController::sent, this, [this](const QJsonArray& faxes) {
        setStatus(
            tr("Sent to the fax server: %n fax(es) queued. Sent faxes in the tray menu shows how they go.",
               nullptr, static_cast<int>(faxes.size())));
        Q_EMIT faxSent(faxes);
        accept();
    });
    connect(m_recipients, &FaxRecipientsPanel::recipientsChanged, this, [this] {
        if (!m_coverToEdited) {
            const QSignalBlocker block(m_coverTo);
            m_coverTo->setText(m_recipients->recipients()->summary());
        }
        updateCoverSoon();
        updateSend();
        // The hint or the error was about the recipients: they changed.
        if (m_controller->state() == FaxController::State::Ready)
            setStatus(m_recipients->recipients()->rowCount() == 0
                          ? tr("Add who the fax goes to, check the pages, then press Send fax.")
                          : QString());
    });
    connect(m_recipients, &FaxRecipientsPanel::message, this,
            [this](const QString& text) { setStatus(text); });
    connect(m_cover, &QGroupBox::toggled, this, &FaxDialog::setCoverEnabled);
    connect(m_coverTo, &QLineEdit::textEdited, this, [this] {
        m_coverToEdited = true;
        updateCoverSoon();
    });
    for (QLineEdit* edit : {m_coverFrom, m_coverSubject})
        connect(edit, &QLineEdit::textChanged, this, &FaxDialog::updateCoverSoon);
    connect(m_coverNote, &QPlainTextEdit::textChanged, this, &FaxDialog::updateCoverSoon);
    m_coverTimer.setSingleShot(true);
    m_coverTimer.setInterval(800);
    connect(&m_coverTimer, &QTimer::timeout, this, &FaxDialog::uploadCover);

    m_controller->loadSettings();
    resize(1100, 700);
    WindowPlacement::keepOnScreen(this);
    onStateChanged(m_controller->state());
}

void FaxDialog::retranslate()
{
    setWindowTitle(tr("Send fax - MPS"));
    m_tabs->setTabText(0, tr("Recipients"));
    m_tabs->setTabText(1, tr("Cover page"));
    m_cover->setTitle(tr("Add a cover page"));
    m_coverToLabel->setText(tr("&To:"));
    m_coverFromLabel->setText(tr("&From:"));
    m_coverSubjectLabel->setText(tr("&Subject:"));
    m_coverNoteLabel->setText(tr("&Note:"));
    m_coverTo->setPlaceholderText(tr("The recipients' names"));
    m_coverSubject->setPlaceholderText(tr("e.g. Signed contract for review"));
    m_send->setText(tr("&Send fax"));
    m_close->setText(m_controller->isSent() ? tr("Close") : tr("Cancel"));
    onDraftChanged();
}

void FaxDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

QString FaxDialog::statusText() const
{
    return m_status->text();
}

void FaxDialog::setStatus(const QString& text, bool error)
{
    m_statusIsError = error && !text.isEmpty();
    m_status->setText(text);
    m_status->setStyleSheet(m_statusIsError ? QStringLiteral("color: #b02020;") : QString());
}

void FaxDialog::uploadFile(const QString& path)
{
    m_controller->uploadFile(path);
}

QJsonObject FaxDialog::coverFields() const
{
    return {{QStringLiteral("to"), m_coverTo->text()},
            {QStringLiteral("from"), m_coverFrom->text()},
            {QStringLiteral("subject"), m_coverSubject->text()},
            {QStringLiteral("note"), m_coverNote->toPlainText()}};
}

void FaxDialog::onStateChanged(FaxController::State state)
{
    using State = FaxController::State;
    m_progress->setVisible(state == State::Uploading || state == State::Converting);
    if (state == State::Converting)
        m_progress->setRange(0, 0);
    switch (state) {
    case State::Empty:
        m_preview->showMessage(
            tr("No document yet. Choose \"Send fax...\" in the tray menu and pick a file, or "
               "print to \"MPS Fax\" from any program."));
        break;
    case State::Uploading:
        setStatus(tr("Sending %1 to the server...").arg(m_controller->name()));
        m_preview->showMessage(tr("The pages appear here once the document is on the server."));
        break;
    case State::Converting:
        setStatus(tr("Preparing %1 for faxing...").arg(m_controller->name()));
        break;
    case State::Loading:
        setStatus(tr("Opening the printed document..."));
        break;
    case State::Covering:
        setStatus(tr("Updating the cover page..."));
        break;
    case State::Sending:
        setStatus(tr("Sending the fax..."));
        break;
    case State::Ready:
        if (!m_statusIsError)
            setStatus(m_recipients->recipients()->rowCount() == 0
                          ? tr("Add who the fax goes to, check the pages, then press Send fax.")
                          : QString());
        if (m_sendAfterCover) {
            m_sendAfterCover = false;
            if (!m_statusIsError)
                send();
        }
        break;
    case State::Failed:
        m_preview->showMessage(tr("There is no document to fax. Close this window and try again with another "
                                  "file."));
        break;
    case State::Sent:
        break;
    }
    m_close->setText(m_controller->isSent() ? tr("Close") : tr("Cancel"));
    updateSend();
}

void FaxDialog::onDraftChanged()
{
    const int pages = m_controller->pages();
    const QString name = m_controller->name();
    if (m_controller->draftId() > 0 && pages > 0) {
        m_document->setText(
            m_controller->hasCover()
                ? tr("<b>%1</b>: %n page(s) with the cover page", nullptr, pages).arg(name.toHtmlEscaped())
                : tr("<b>%1</b>: %n page(s)", nullptr, pages).arg(name.toHtmlEscaped()));
    } else if (!name.isEmpty()) {
        m_document->setText(tr("<b>%1</b>").arg(name.toHtmlEscaped()));
    } else {
        m_document->setText(tr("No document yet."));
    }
    m_coverPages->setText(tr("The cover page says %n page(s) in all, itself included.", nullptr,
                             m_controller->documentPages() + 1));
    if (m_controller->state() == FaxController::State::Ready && pages > 0) {
        FaxController* controller = m_controller;
        m_preview->setDocument([controller](int page, int width) { return controller->page(page, width); },
                               pages);
        // A cover that was asked for before the document had arrived goes up now.
        if (m_cover->isChecked() && !m_controller->hasCover() && !m_coverTimer.isActive())
            updateCoverSoon();
    }
    updateSend();
}

void FaxDialog::setCoverEnabled(bool on)
{
    if (m_cover->isChecked() != on) {
        m_cover->setChecked(on); // comes back here through toggled()
        return;
    }
    if (on) {
        m_tabs->setCurrentIndex(1);
        uploadCover();
    } else {
        m_coverTimer.stop();
        m_controller->removeCover();
    }
}

void FaxDialog::updateCoverSoon()
{
    if (m_cover->isChecked())
        m_coverTimer.start();
}

void FaxDialog::uploadCover()
{
    m_coverTimer.stop();
    if (!m_cover->isChecked() || m_controller->draftId() <= 0 ||
        m_controller->state() == FaxController::State::Loading ||
        m_controller->state() == FaxController::State::Uploading ||
        m_controller->state() == FaxController::State::Converting)
        return;
    if (m_controller->state() == FaxController::State::Covering) {
        // One cover at a time: this one follows when the previous has gone up.
        m_coverTimer.start();
        return;
    }
    FaxCoverPage::Fields fields;
    fields.to = m_coverTo->text();
    QStringList numbers;
    for (const auto& r : m_recipients->recipients()->recipients())
        numbers << r.number;
    fields.toNumbers = numbers.join(QStringLiteral(", "));
    fields.from = m_coverFrom->text();
    fields.subject = m_coverSubject->text();
    fields.note = m_coverNote->toPlainText();
    fields.pages = m_controller->documentPages() + 1;
    const QByteArray pdf = FaxCoverPage::render(fields);
    if (pdf.isEmpty()) {
        setStatus(tr("The cover page could not be drawn. Send without it or try again."), true);
        return;
    }
    m_controller->setCover(pdf);
}

void FaxDialog::updateSend()
{
    const bool ready = m_controller->state() == FaxController::State::Ready ||
                       m_controller->state() == FaxController::State::Covering;
    m_send->setEnabled(ready && m_controller->faxEnabled());
}

void FaxDialog::send()
{
    if (m_controller->isSent())
        return;
    // A number typed but not yet added is what the person means to send to.
    if (m_recipients->recipients()->rowCount() == 0 && !m_recipients->addTyped()) {
        setStatus(FaxText::serverError(QStringLiteral("no-recipients"), {}), true);
        return;
    }
    // The cover must show what is being sent: the latest text goes up first.
    if (m_cover->isChecked() && (m_coverTimer.isActive() || !m_controller->hasCover() ||
                                 m_controller->state() == FaxController::State::Covering)) {
        m_sendAfterCover = true;
        setStatus({});
        if (m_controller->state() != FaxController::State::Covering)
            uploadCover();
        return;
    }
    if (m_controller->state() != FaxController::State::Ready)
        return;
    setStatus({});
    const QJsonArray recipients = m_recipients->recipients()->toJson();
    qCInfo(lcClientFax) << "sending draft" << m_controller->draftId() << "to" << recipients.size()
                        << "recipient(s)";
    m_controller->send(recipients);
}

void FaxDialog::reject()
{
    if (m_closing || m_controller->isSent() || m_controller->draftId() <= 0) {
        m_controller->discard();
        QDialog::reject();
        return;
    }
    FaxConfirm::ask(
        this, QStringLiteral("confirmDiscard"), tr("Discard fax"),
        tr("Close without sending? %1 is deleted from the server and not faxed.").arg(m_controller->name()),
        tr("Discard"), [this] {
            m_closing = true;
            m_controller->discard();
            QDialog::reject();
        });
}
