#pragma once
#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Adds or changes one phone book entry: name, fax number (checked as typed), personal or my
/// department's shared book, and a note. The dialog only collects; the caller sends it.
class FaxContactDialog : public QDialog
{
    Q_OBJECT
public:
    /// Creates the dialog filled from `contact` (empty for a new entry), checking numbers with the
    /// dial plan `outsidePrefix`/`extensionDigits`. `departmentName` names my department (empty:
    /// only personal entries can be made).
    FaxContactDialog(const QJsonObject& contact, const QString& departmentName, const QString& outsidePrefix,
                     int extensionDigits, QWidget* parent = nullptr);

    /// Returns the entry as entered: {name, number (display form), scope, note}.
    QJsonObject contact() const;

private:
    void check();

    QLineEdit* m_name;
    QLineEdit* m_number;
    QLabel* m_hint;
    QComboBox* m_scope;
    QLineEdit* m_note;
    QDialogButtonBox* m_buttons;
    QString m_outsidePrefix;
    int m_extensionDigits;
    QString m_display;
};
