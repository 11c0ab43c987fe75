#pragma once
#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>
#include <QString>

/// The recipients of one fax being written: (name, number) rows, numbers already checked, in the
/// order they were added. Columns: name, number (display form). A number is in the list once.
class FaxRecipientModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// One recipient.
    struct Recipient
    {
        QString name;
        QString number;       ///< display form, e.g. 02-123-4567 (what the server is sent)
        QString dial;         ///< what the gateway dials, for comparing
        qint64 contactId = 0; ///< the phone book entry it came from, 0 when typed
    };
    /// The columns.
    enum Column { NameColumn, NumberColumn, ColumnCount };

    /// Creates an empty list.
    explicit FaxRecipientModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Adds `recipient`; returns false (and changes nothing) when its number is already listed.
    bool add(const Recipient& recipient);
    /// Removes the row `row`.
    void remove(int row);
    /// Removes every recipient.
    void clear();
    /// Returns the recipient in `row`.
    Recipient at(int row) const { return m_rows.value(row); }
    /// Returns every recipient.
    QList<Recipient> recipients() const { return m_rows; }
    /// Returns the recipients as the send call wants them: [{"name", "number"}].
    QJsonArray toJson() const;
    /// Returns the names (or numbers, for unnamed rows) joined for a cover page's "To" line.
    QString summary(int maxNames = 3) const;

Q_SIGNALS:
    /// The list changed (added, removed, cleared).
    void changed();

private:
    QList<Recipient> m_rows;
};
