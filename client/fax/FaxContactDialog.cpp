#include "FaxContactDialog.h"

#include "FaxNumberCheck.h"
#include "FaxText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

FaxContactDialog::FaxContactDialog(const QJsonObject& contact, const QString& departmentName,
                                   const QString& outsidePrefix, int extensionDigits, QWidget* parent)
    : QDialog(parent), m_outsidePrefix(outsidePrefix), m_extensionDigits(extensionDigits)
{
    setObjectName(QStringLiteral("faxContactDialog"));
    setWindowTitle(contact.isEmpty() || !contact.contains(QLatin1String("id"))
                       ? tr("New phone book entry")
                       : tr("Change phone book entry"));
    m_name = new QLineEdit(contact.value(QLatin1String("name")).toString(), this);
    m_name->setObjectName(QStringLiteral("contactName"));
    m_number = new QLineEdit(contact.value(QLatin1String("number")).toString(), this);
    m_number->setObjectName(QStringLiteral("contactNumber"));
    m_number->setPlaceholderText(tr("e.g. 02-123-4567"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("contactScope"));
    m_scope->addItem(tr("My own phone book"), QStringLiteral("personal"));
    if (!departmentName.isEmpty())
        m_scope->addItem(tr("Shared with %1").arg(departmentName), QStringLiteral("department"));
    m_scope->setCurrentIndex(qMax(0, m_scope->findData(contact.value(QLatin1String("scope")).toString())));
    // Where an entry lives is chosen once: moving it is deleting and adding.
    m_scope->setEnabled(!contact.contains(QLatin1String("id")));
    m_note = new QLineEdit(contact.value(QLatin1String("note")).toString(), this);
    m_note->setObjectName(QStringLiteral("contactNote"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Fax number:"), m_number);
    form->addRow(QString(), m_hint);
    form->addRow(tr("&Phone book:"), m_scope);
    form->addRow(tr("N&ote:"), m_note);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &FaxContactDialog::check);
    connect(m_number, &QLineEdit::textChanged, this, &FaxContactDialog::check);
    setMinimumWidth(440);
    check();
}

void FaxContactDialog::check()
{
    const auto result = FaxNumberCheck::check(m_number->text(), m_outsidePrefix, m_extensionDigits);
    m_display = result.ok ? result.display : QString();
    if (m_number->text().trimmed().isEmpty())
        m_hint->clear();
    else
        m_hint->setText(result.ok ? tr("Saved as %1").arg(result.display)
                                  : FaxText::numberError(result.errorCode, m_number->text()));
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(result.ok && !m_name->text().trimmed().isEmpty());
}

QJsonObject FaxContactDialog::contact() const
{
    QJsonObject c{{QStringLiteral("name"), m_name->text().trimmed()},
                  {QStringLiteral("number"), m_display},
                  {QStringLiteral("scope"), m_scope->currentData().toString()}};
    if (!m_note->text().trimmed().isEmpty())
        c.insert(QStringLiteral("note"), m_note->text().trimmed());
    return c;
}
