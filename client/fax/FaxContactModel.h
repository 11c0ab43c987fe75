#pragma once
#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>

class ApiClient;
class ApiReply;

/// The fax phone book as the server answers a search (GET /api/v1/fax/contacts?q=): my personal
/// entries and my departments', matched on name or digits. Each row shows the name, the number and,
/// for a department entry, the department. Add, change and delete go to the server and search again.
class FaxContactModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    /// Data roles (Qt::DisplayRole is "name  number", Qt::ToolTipRole adds the note).
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        NumberRole,
        ScopeRole,      ///< "personal" or "department"
        DepartmentRole, ///< the department's name for department entries
        NoteRole,
        ContactRole, ///< the whole contact JSON
    };

    /// Creates an empty book fetching through `api` (which must outlive it).
    explicit FaxContactModel(ApiClient* api, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Returns true while a search runs.
    bool isLoading() const { return !m_search.isNull(); }
    /// Returns the last search text.
    QString query() const { return m_query; }
    /// Returns the contact in `row`.
    QJsonObject contactAt(int row) const { return m_contacts.value(row); }

    /// Searches for `query` (empty: every entry), replacing an unfinished search.
    void search(const QString& query);
    /// Adds {name, number, scope, note}; ends with actionFinished().
    void add(const QJsonObject& contact);
    /// Changes entry `id`; ends with actionFinished().
    void update(qint64 id, const QJsonObject& contact);
    /// Deletes entry `id`; ends with actionFinished().
    void remove(qint64 id);

Q_SIGNALS:
    /// A search started or ended.
    void loadingChanged();
    /// A search failed; `message` says why.
    void searchFailed(const QString& message);
    /// An add, change or delete ended: `ok`, or `message` says why not.
    void actionFinished(bool ok, const QString& message);

private:
    void finishAction(ApiReply* reply);

    ApiClient* m_api;
    QList<QJsonObject> m_contacts;
    QPointer<ApiReply> m_search;
    QString m_query;
};
