#include "JobOptionsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

JobOptionsDialog::JobOptionsDialog(const PrintOptions& initial, int jobCount, QWidget* parent,
                                   const PrinterListModel::Capabilities& capabilities)
    : QDialog(parent), m_initial(initial)
{
    setWindowTitle(tr("Print options"));
    auto* intro = new QLabel(tr("Change how the %n selected job(s) will print.", nullptr, jobCount), this);
    intro->setWordWrap(true);

    m_copies = new QSpinBox(this);
    m_copies->setObjectName(QStringLiteral("copies"));
    m_copies->setRange(1, qMax(capabilities.copiesMax, initial.copies));
    m_copies->setValue(initial.copies);

    m_sides = new QComboBox(this);
    m_sides->setObjectName(QStringLiteral("sides"));
    m_sides->addItem(tr("One-sided"), QStringLiteral("one-sided"));
    // What no printer can do is not offered (a job that has it already keeps it shown, to change it).
    if (capabilities.supportsSides(QStringLiteral("two-sided-long-edge")) ||
        initial.sides == QLatin1String("two-sided-long-edge"))
        m_sides->addItem(tr("Two-sided (long edge, like a book)"), QStringLiteral("two-sided-long-edge"));
    if (capabilities.supportsSides(QStringLiteral("two-sided-short-edge")) ||
        initial.sides == QLatin1String("two-sided-short-edge"))
        m_sides->addItem(tr("Two-sided (short edge, like a calendar)"),
                         QStringLiteral("two-sided-short-edge"));
    m_sides->setCurrentIndex(qMax(0, m_sides->findData(initial.sides)));

    m_color = new QComboBox(this);
    m_color->setObjectName(QStringLiteral("colorMode"));
    m_color->addItem(tr("As in the document"), QStringLiteral("auto"));
    if (capabilities.color || initial.colorMode == QLatin1String("color"))
        m_color->addItem(tr("Colour"), QStringLiteral("color"));
    m_color->addItem(tr("Black and white"), QStringLiteral("monochrome"));
    m_color->setCurrentIndex(qMax(0, m_color->findData(initial.colorMode)));

    auto* form = new QFormLayout;
    form->addRow(tr("&Copies:"), m_copies);
    form->addRow(tr("&Sides:"), m_sides);
    form->addRow(tr("C&olour:"), m_color);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

PrintOptions JobOptionsDialog::options() const
{
    PrintOptions o;
    o.copies = m_copies->value();
    o.sides = m_sides->currentData().toString();
    o.colorMode = m_color->currentData().toString();
    return o;
}

QJsonObject JobOptionsDialog::changes() const
{
    const PrintOptions now = options();
    QJsonObject c;
    if (now.copies != m_initial.copies)
        c.insert(QStringLiteral("copies"), now.copies);
    if (now.sides != m_initial.sides)
        c.insert(QStringLiteral("sides"), now.sides);
    if (now.colorMode != m_initial.colorMode)
        c.insert(QStringLiteral("colorMode"), now.colorMode);
    return c;
}
