#pragma once
#include "JobInfo.h"

#include <QDialog>
#include <QList>

class PrinterListModel;
class QLabel;
class QListView;
class QPushButton;

/// Asks which printer to print the selected jobs at, from the server's printers, showing where each
/// one is and whether it can print now (those that cannot are shown with the reason, not choosable).
class ReleaseDialog : public QDialog
{
    Q_OBJECT
public:
    /// Creates the dialog for `jobCount` jobs over `printers` (which must outlive it), pre-selecting
    /// `preferred` (the printer used last) when it can print, else the first printer that can.
    /// Refreshes the printer list when created.
    /// `options` are the selected jobs' options: printers that cannot print them cannot be chosen.
    ReleaseDialog(PrinterListModel* printers, int jobCount, const QString& preferred,
                  QWidget* parent = nullptr, const QList<PrintOptions>& options = {});
    ~ReleaseDialog() override;

    /// Returns the chosen printer's name (empty when none).
    QString selectedPrinter() const;
    /// Selects the printer named `name` if it can print; returns false otherwise.
    bool selectPrinter(const QString& name);

private:
    void preselect();
    void updateState();

    PrinterListModel* m_printers;
    QString m_preferred;
    QListView* m_list;
    QLabel* m_status;
    QPushButton* m_printButton;
};
