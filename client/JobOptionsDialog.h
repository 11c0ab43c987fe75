#pragma once
#include "JobInfo.h"
#include "PrinterListModel.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QSpinBox;

/// Lets the user change copies, one- or two-sided and colour of one or more held jobs. It starts from
/// the first job's options; changes() holds only what the user actually changed, so options left
/// alone stay as they are on every job.
class JobOptionsDialog : public QDialog
{
    Q_OBJECT
public:
    /// Creates the dialog for `jobCount` jobs, showing `initial` (the first job's options), offering
    /// only what `capabilities` (the printers' together) can do: no two-sided choice where no printer
    /// prints two-sided, no colour where none prints colour, copies up to the largest maximum.
    JobOptionsDialog(const PrintOptions& initial, int jobCount, QWidget* parent = nullptr,
                     const PrinterListModel::Capabilities& capabilities = {});

    /// Returns the changed options as PATCH /api/v1/jobs/{id} wants them ("copies", "sides",
    /// "colorMode"); empty when nothing changed.
    QJsonObject changes() const;

    /// Returns the options as they are now in the dialog.
    PrintOptions options() const;

private:
    PrintOptions m_initial;
    QSpinBox* m_copies;
    QComboBox* m_sides;
    QComboBox* m_color;
};
