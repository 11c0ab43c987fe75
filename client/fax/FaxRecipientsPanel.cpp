#include "FaxRecipientsPanel.h"

#include "FaxConfirm.h"
#include "FaxContactDialog.h"
#include "FaxContactModel.h"
#include "FaxNumberCheck.h"
#include "FaxRecipientModel.h"
#include "FaxText.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

FaxRecipientsPanel::FaxRecipientsPanel(ApiClient* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_recipients(new FaxRecipientModel(this)),
      m_contacts(new FaxContactModel(api, this))
{
    setObjectName(QStringLiteral("faxRecipients"));
    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("recipientName"));
    m_nameLabel->setBuddy(m_name);
    m_numberLabel = new QLabel(this);
    m_number = new QLineEdit(this);
    m_number->setObjectName(QStringLiteral("recipientNumber"));
    m_numberLabel->setBuddy(m_number);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addRecipient"));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("numberHint"));
    m_hint->setWordWrap(true);

    m_recipientsLabel = new QLabel(this);
    m_recipientView = new QTableView(this);
    m_recipientView->setObjectName(QStringLiteral("recipients"));
    m_recipientView->setModel(m_recipients);
    m_recipientView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recipientView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recipientView->verticalHeader()->hide();
    m_recipientView->horizontalHeader()->setStretchLastSection(true);
    m_recipientView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_recipientView->setShowGrid(false);
    m_recipientView->setMinimumHeight(90);
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeRecipient"));
    m_saveContact = new QPushButton(this);
    m_saveContact->setObjectName(QStringLiteral("saveContact"));

    m_bookLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setClearButtonEnabled(true);
    m_contactView = new QListView(this);
    m_contactView->setObjectName(QStringLiteral("contacts"));
    m_contactView->setModel(m_contacts);
    m_contactView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_bookEmpty = new QLabel(this);
    m_bookEmpty->setWordWrap(true);
    m_bookEmpty->setAlignment(Qt::AlignCenter);
    m_bookEmpty->setMargin(12);
    auto* bookStack = new QStackedWidget(this);
    bookStack->addWidget(m_contactView);
    bookStack->addWidget(m_bookEmpty);
    m_useContact = new QPushButton(this);
    m_useContact->setObjectName(QStringLiteral("useContact"));
    m_newContact = new QPushButton(this);
    m_newContact->setObjectName(QStringLiteral("newContact"));
    m_editContact = new QPushButton(this);
    m_editContact->setObjectName(QStringLiteral("editContact"));
    m_deleteContact = new QPushButton(this);
    m_deleteContact->setObjectName(QStringLiteral("deleteContact"));

    auto* typed = new QGridLayout;
    typed->addWidget(m_nameLabel, 0, 0);
    typed->addWidget(m_name, 0, 1);
    typed->addWidget(m_numberLabel, 1, 0);
    typed->addWidget(m_number, 1, 1);
    typed->addWidget(m_add, 1, 2);
    typed->addWidget(m_hint, 2, 1, 1, 2);
    typed->setColumnStretch(1, 1);

    auto* recipientButtons = new QHBoxLayout;
    recipientButtons->addWidget(m_remove);
    recipientButtons->addWidget(m_saveContact);
    recipientButtons->addStretch(1);

    auto* bookButtons = new QHBoxLayout;
    bookButtons->addWidget(m_useContact);
    bookButtons->addStretch(1);
    bookButtons->addWidget(m_newContact);
    bookButtons->addWidget(m_editContact);
    bookButtons->addWidget(m_deleteContact);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(typed);
    layout->addWidget(m_recipientsLabel);
    layout->addWidget(m_recipientView, 2);
    layout->addLayout(recipientButtons);
    layout->addSpacing(6);
    layout->addWidget(m_bookLabel);
    layout->addWidget(m_search);
    layout->addWidget(bookStack, 3);
    layout->addLayout(bookButtons);

    retranslate();

    connect(m_number, &QLineEdit::textChanged, this, &FaxRecipientsPanel::checkTyped);
    connect(m_number, &QLineEdit::returnPressed, this, &FaxRecipientsPanel::addTyped);
    connect(m_name, &QLineEdit::returnPressed, m_number, qOverload<>(&QWidget::setFocus));
    connect(m_add, &QPushButton::clicked, this, &FaxRecipientsPanel::addTyped);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_recipientView->currentIndex();
        if (current.isValid())
            m_recipients->remove(current.row());
    });
    connect(m_saveContact, &QPushButton::clicked, this, &FaxRecipientsPanel::saveRecipientAsContact);
    connect(m_recipients, &FaxRecipientModel::changed, this, [this] {
        updateButtons();
        Q_EMIT recipientsChanged();
    });
    connect(m_recipientView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FaxRecipientsPanel::updateButtons);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(250);
    connect(&m_searchTimer, &QTimer::timeout, this, [this] { m_contacts->search(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        m_contacts->search(m_search->text());
    });
    connect(m_contactView, &QListView::doubleClicked, this,
            [this](const QModelIndex& i) { addContact(i.row()); });
    connect(m_contactView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FaxRecipientsPanel::updateButtons);
    connect(m_useContact, &QPushButton::clicked, this, [this] {
        if (m_contactView->currentIndex().isValid())
            addContact(m_contactView->currentIndex().row());
    });
    connect(m_newContact, &QPushButton::clicked, this, [this] { editContact({}); });
    connect(m_editContact, &QPushButton::clicked, this, [this] {
        if (m_contactView->currentIndex().isValid())
            editContact(m_contacts->contactAt(m_contactView->currentIndex().row()));
    });
    connect(m_deleteContact, &QPushButton::clicked, this, &FaxRecipientsPanel::deleteSelectedContact);
    auto showBook = [this, bookStack] {
        const bool empty = m_contacts->rowCount() == 0 && !m_contacts->isLoading();
        bookStack->setCurrentWidget(empty ? static_cast<QWidget*>(m_bookEmpty) : m_contactView);
        updateButtons();
    };
    connect(m_contacts, &QAbstractItemModel::modelReset, this, showBook);
    connect(m_contacts, &FaxContactModel::loadingChanged, this, showBook);
    connect(m_contacts, &FaxContactModel::searchFailed, this, &FaxRecipientsPanel::message);
    connect(m_contacts, &FaxContactModel::actionFinished, this,
            [this](bool ok, const QString& text) { Q_EMIT message(ok ? tr("Phone book saved.") : text); });
    checkTyped();
    showBook();
    m_contacts->search({});
}

FaxRecipientsPanel::~FaxRecipientsPanel() = default;

void FaxRecipientsPanel::retranslate()
{
    m_nameLabel->setText(tr("&Name:"));
    m_name->setPlaceholderText(tr("Who receives it, e.g. Seocho-gu Office"));
    m_numberLabel->setText(tr("Fax &number:"));
    m_number->setPlaceholderText(tr("e.g. 02-123-4567"));
    m_add->setText(tr("&Add"));
    m_add->setToolTip(tr("Add this name and number to the recipients"));
    m_recipientsLabel->setText(tr("Recipients:"));
    m_remove->setText(tr("&Remove"));
    m_saveContact->setText(tr("Add to &phone book..."));
    m_bookLabel->setText(tr("Phone book:"));
    m_search->setPlaceholderText(tr("Search by name or number"));
    m_bookEmpty->setText(
        m_search->text().trimmed().isEmpty()
            ? tr("Your phone book is empty. Add a recipient and choose \"Add to phone book\", "
                 "or choose \"New...\".")
            : tr("No entry matches. Check the spelling, or search by part of the number."));
    m_useContact->setText(tr("Add to recipients"));
    m_newContact->setText(tr("New..."));
    m_editContact->setText(tr("Change..."));
    m_deleteContact->setText(tr("Delete"));
    checkTyped();
}

void FaxRecipientsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FaxRecipientsPanel::setDialPlan(const QString& outsidePrefix, int extensionDigits)
{
    m_outsidePrefix = outsidePrefix;
    m_extensionDigits = extensionDigits > 0 ? extensionDigits : 4;
    checkTyped();
}

void FaxRecipientsPanel::setMaxRecipients(int max)
{
    m_maxRecipients = max;
    updateButtons();
}

void FaxRecipientsPanel::setDepartmentName(const QString& name)
{
    m_departmentName = name;
}

QString FaxRecipientsPanel::numberHint() const
{
    return m_hint->text();
}

void FaxRecipientsPanel::checkTyped()
{
    const QString typed = m_number->text();
    if (typed.trimmed().isEmpty()) {
        m_hint->setText(tr("Type the number as you would dial it from a desk phone, without the outside-line "
                           "digit."));
        m_hint->setStyleSheet(QString());
        m_hintIsError = false;
        m_add->setEnabled(false);
        return;
    }
    const auto result = FaxNumberCheck::check(typed, m_outsidePrefix, m_extensionDigits);
    m_hintIsError = !result.ok;
    if (result.ok)
        m_hint->setText(tr("Will be sent to %1").arg(result.display));
    else
        m_hint->setText(FaxText::numberError(result.errorCode, typed));
    m_hint->setStyleSheet(result.ok ? QString() : QStringLiteral("color: #b02020;"));
    m_add->setEnabled(result.ok);
}

bool FaxRecipientsPanel::addTyped()
{
    const auto result = FaxNumberCheck::check(m_number->text(), m_outsidePrefix, m_extensionDigits);
    if (!result.ok) {
        checkTyped();
        if (m_number->text().trimmed().isEmpty())
            m_hint->setText(FaxText::numberError(QStringLiteral("empty")));
        return false;
    }
    if (m_maxRecipients > 0 && m_recipients->rowCount() >= m_maxRecipients) {
        Q_EMIT message(FaxText::serverError(QStringLiteral("too-many-recipients"),
                                            {{QStringLiteral("maxRecipients"), m_maxRecipients}}));
        return false;
    }
    if (!m_recipients->add({m_name->text().trimmed(), result.display, result.dialString, 0})) {
        Q_EMIT message(tr("%1 is already a recipient.").arg(result.display));
        return false;
    }
    m_name->clear();
    m_number->clear();
    m_name->setFocus();
    return true;
}

void FaxRecipientsPanel::addContact(int row)
{
    const QJsonObject c = m_contacts->contactAt(row);
    if (c.isEmpty())
        return;
    const QString number = c.value(QLatin1String("number")).toString();
    const auto result = FaxNumberCheck::check(number, m_outsidePrefix, m_extensionDigits);
    if (!result.ok) {
        Q_EMIT message(FaxText::numberError(result.errorCode, number));
        return;
    }
    if (m_maxRecipients > 0 && m_recipients->rowCount() >= m_maxRecipients) {
        Q_EMIT message(FaxText::serverError(QStringLiteral("too-many-recipients"),
                                            {{QStringLiteral("maxRecipients"), m_maxRecipients}}));
        return;
    }
    if (!m_recipients->add({c.value(QLatin1String("name")).toString(), result.display, result.dialString,
                            c.value(QLatin1String("id")).toVariant().toLongLong()}))
        Q_EMIT message(tr("%1 is already a recipient.").arg(result.display));
}

void FaxRecipientsPanel::search(const QString& text)
{
    m_search->setText(text);
    m_searchTimer.stop();
    m_contacts->search(text);
}

void FaxRecipientsPanel::markInvalid(const QString& number, const QString& sentence)
{
    for (int row = 0; row < m_recipients->rowCount(); ++row) {
        if (m_recipients->at(row).number == number || m_recipients->at(row).dial == number) {
            m_recipientView->selectRow(row);
            break;
        }
    }
    Q_EMIT message(sentence);
}

void FaxRecipientsPanel::updateButtons()
{
    const bool recipient = m_recipientView->currentIndex().isValid();
    m_remove->setEnabled(recipient);
    m_saveContact->setEnabled(recipient &&
                              m_recipients->at(m_recipientView->currentIndex().row()).contactId == 0);
    const bool contact = m_contactView->currentIndex().isValid();
    m_useContact->setEnabled(contact);
    m_editContact->setEnabled(contact);
    m_deleteContact->setEnabled(contact);
    // The empty-book sentence depends on whether something was searched for.
    m_bookEmpty->setText(
        m_search->text().trimmed().isEmpty()
            ? tr("Your phone book is empty. Add a recipient and choose \"Add to phone book\", "
                 "or choose \"New...\".")
            : tr("No entry matches. Check the spelling, or search by part of the number."));
}

void FaxRecipientsPanel::editContact(const QJsonObject& contact)
{
    QPointer<FaxContactDialog> dialog =
        new FaxContactDialog(contact, m_departmentName, m_outsidePrefix, m_extensionDigits, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, contact] {
        if (!dialog)
            return;
        const QJsonObject entered = dialog->contact();
        if (contact.contains(QLatin1String("id")))
            m_contacts->update(contact.value(QLatin1String("id")).toVariant().toLongLong(), entered);
        else
            m_contacts->add(entered);
    });
    dialog->open();
}

void FaxRecipientsPanel::saveRecipientAsContact()
{
    const QModelIndex current = m_recipientView->currentIndex();
    if (!current.isValid())
        return;
    const auto r = m_recipients->at(current.row());
    editContact({{QStringLiteral("name"), r.name},
                 {QStringLiteral("number"), r.number},
                 {QStringLiteral("scope"), QStringLiteral("personal")}});
}

void FaxRecipientsPanel::deleteSelectedContact()
{
    const QModelIndex current = m_contactView->currentIndex();
    if (!current.isValid())
        return;
    const QJsonObject c = m_contacts->contactAt(current.row());
    const QString text =
        c.value(QLatin1String("scope")).toString() == QLatin1String("department")
            ? tr("Delete %1 (%2) from the shared phone book of %3? Everyone in the department "
                 "loses it.")
                  .arg(c.value(QLatin1String("name")).toString(), c.value(QLatin1String("number")).toString(),
                       c.value(QLatin1String("department")).toString())
            : tr("Delete %1 (%2) from your phone book?")
                  .arg(c.value(QLatin1String("name")).toString(),
                       c.value(QLatin1String("number")).toString());
    const qint64 id = c.value(QLatin1String("id")).toVariant().toLongLong();
    FaxConfirm::ask(this, QStringLiteral("confirmDeleteContact"), tr("Delete phone book entry"), text,
                    tr("Delete"), [this, id] { m_contacts->remove(id); });
}
