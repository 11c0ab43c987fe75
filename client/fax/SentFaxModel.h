#pragma once
#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>

class ApiClient;
class ApiReply;

/// My sent faxes (GET /api/v1/fax/sent), newest first, kept live by the push channel's fax-status
/// events. Columns: document, recipient, number, pages, state (in words, FaxText::state), submitted.
/// Resend (failed or cancelled) and cancel (not yet ended) go to the server; the answer or the next
/// event updates the row.
class SentFaxModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    /// The columns.
    enum Column {
        DocumentColumn,
        RecipientColumn,
        NumberColumn,
        PagesColumn,
        StateColumn,
        SubmittedColumn,
        ColumnCount
    };
    /// Data roles besides the display ones.
    enum Role { FaxRole = Qt::UserRole + 1, IdRole, StateRole };

    /// Creates an empty list fetching through `api` (which must outlive it).
    explicit SentFaxModel(ApiClient* api, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Returns true while the list is fetched.
    bool isLoading() const { return !m_fetch.isNull(); }
    /// Returns why the last fetch failed (empty when it did not).
    QString errorString() const { return m_error; }
    /// Returns the fax in `row`.
    QJsonObject faxAt(int row) const { return m_faxes.value(row); }
    /// Returns the row of fax `id`, or -1.
    int rowOf(qint64 id) const;

    /// Returns true when fax `fax` may be sent again (failed or cancelled).
    static bool canResend(const QJsonObject& fax);
    /// Returns true when fax `fax` may still be cancelled (not yet ended).
    static bool canCancel(const QJsonObject& fax);

public Q_SLOTS:
    /// Fetches the list again.
    void refresh();
    /// Forgets every fax (signed out).
    void clear();
    /// Applies a push event: "fax-status" updates or adds its fax; other types are ignored.
    void applyEvent(const QString& type, const QJsonObject& event);
    /// Sends fax `id` again; ends with actionFinished().
    void resend(qint64 id);
    /// Cancels fax `id`; ends with actionFinished().
    void cancel(qint64 id);

Q_SIGNALS:
    /// A fetch started or ended.
    void loadingChanged();
    /// A fetch failed; errorString() says why.
    void errorStringChanged();
    /// A resend or cancel ended: `ok`, or `message` says why not.
    void actionFinished(bool ok, const QString& message);

private:
    void upsert(const QJsonObject& fax);

    ApiClient* m_api;
    QList<QJsonObject> m_faxes;
    QPointer<ApiReply> m_fetch;
    QString m_error;
};
