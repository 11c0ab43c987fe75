#pragma once
#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>

class ApiClient;
class ApiReply;

/// My fax inbox (GET /api/v1/fax/inbox): my own mailbox and my departments', newest first. Columns:
/// from, number, pages, received (natural dates), mailbox. Unread rows are bold, partial receptions
/// marked. Follows the push channel (fax-received adds, fax-inbox-changed fetches again) and counts
/// the unread faxes for the tray menu.
class FaxInboxModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
public:
    /// The columns.
    enum Column { FromColumn, NumberColumn, PagesColumn, ReceivedColumn, MailboxColumn, ColumnCount };
    /// Data roles besides the display ones.
    enum Role { FaxRole = Qt::UserRole + 1, IdRole, ReadRole };

    /// Creates an empty inbox fetching through `api` (which must outlive it).
    explicit FaxInboxModel(ApiClient* api, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Returns true while the inbox is fetched.
    bool isLoading() const { return !m_fetch.isNull(); }
    /// Returns true once a fetch succeeded (the list is what the server holds).
    bool isLoaded() const { return m_loaded; }
    /// Returns why the last fetch failed (empty when it did not).
    QString errorString() const { return m_error; }
    /// Returns the number of unread faxes.
    int unreadCount() const;
    /// Returns the fax in `row`.
    QJsonObject faxAt(int row) const { return m_faxes.value(row); }
    /// Returns the row of fax `id`, or -1.
    int rowOf(qint64 id) const;

public Q_SLOTS:
    /// Fetches the inbox again.
    void refresh();
    /// Forgets every fax (signed out).
    void clear();
    /// Applies a push event: "fax-received" adds its fax, "fax-inbox-changed" fetches again.
    void applyEvent(const QString& type, const QJsonObject& event);
    /// Marks fax `id` read or unread on the server (the row follows at once).
    void markRead(qint64 id, bool read = true);
    /// Deletes fax `id` on the server; ends with actionFinished().
    void remove(qint64 id);
    /// Replaces the row of `fax` (an answer of the server) if it is listed.
    void update(const QJsonObject& fax);

Q_SIGNALS:
    /// A fetch started or ended.
    void loadingChanged();
    /// A fetch failed; errorString() says why.
    void errorStringChanged();
    /// The number of unread faxes changed.
    void unreadCountChanged(int count);
    /// A delete ended: `ok`, or `message` says why not.
    void actionFinished(bool ok, const QString& message);

private:
    void setRow(int row, const QJsonObject& fax);

    ApiClient* m_api;
    QList<QJsonObject> m_faxes;
    QPointer<ApiReply> m_fetch;
    QString m_error;
    bool m_loaded = false;
    bool m_refetch = false;
    int m_lastUnread = 0;
};
