#pragma once
#include "Clock.h"
#include "JobInfo.h"

#include <QJsonArray>

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class ApiClient;
class ThumbnailCache;

/// The signed-in user's jobs at the kiosk: held ones to release or delete, and the ones being
/// released with their progress. Fetches through ApiClient (refresh()) and follows the server's
/// job events (applyJob()); fetches each job's first-page thumbnail into the ThumbnailCache.
class JobModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("JobModel belongs to Kiosk.jobs")
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    Q_PROPERTY(int heldCount READ heldCount NOTIFY countChanged)
public:
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        NameRole,
        PagesRole,
        SheetsRole,
        ColorRole,
        SubmittedRole,
        ThumbnailRole,
        SelectedRole,
        StateRole,
        StateTextRole,
        SelectableRole,
        FailedRole,
        DetailsRole,
        CostRole,
    };
    Q_ENUM(Role)

    /// Creates an empty model fetching through `client` (may be set later).
    explicit JobModel(ApiClient* client = nullptr, ThumbnailCache* thumbnails = nullptr,
                      QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Returns true while the job list is being fetched.
    bool loading() const { return m_loading; }
    /// Returns how many jobs are selected.
    int selectedCount() const;
    /// Returns how many jobs are held (can be printed or deleted).
    int heldCount() const;

    /// Fetches the job list (GET /api/v1/jobs) and the missing thumbnails; emits refreshed() or
    /// failed(). Keeps the selection of jobs that are still there.
    void refresh();
    /// Forgets every job, selection and thumbnail (at sign-out).
    void clear();
    /// The options the kiosk will release with (its copies, double-sided and black-and-white
    /// choices): the price shown follows them where the server's estimate allows an exact answer.
    void setReleaseOptions(int copies, bool duplex, bool mono);
    /// Updates (or adds) the job from its JSON (a release answer or a job event).
    void applyJob(const QJsonObject& job);
    /// Removes job `id` (deleted or expired).
    void removeJob(qint64 id);
    /// Replaces the list with `jobs`, which carry no price (offline screen tests).
    void setJobs(const QList<JobInfo>& jobs);
    /// Replaces the list with the JSON array of GET /api/v1/jobs, prices ("cost", "currency") included.
    void setJobsJson(const QJsonArray& jobs);
    /// Reads times relative to `clock` ("Today 3:05 PM"); null: the wall clock. Not owned.
    void setClock(const Clock* clock);

    /// Selects or unselects the job in `row`; only held jobs can be selected.
    Q_INVOKABLE void setSelected(int row, bool selected);
    /// Selects every held job (true) or none (false).
    Q_INVOKABLE void selectAll(bool selected);
    /// Returns the ids of the selected jobs, in list order.
    QList<qint64> selectedIds() const;
    /// Returns the ids of every held job, in list order.
    QList<qint64> heldIds() const;
    /// Returns the job with `id` (a default JobInfo when none).
    JobInfo job(qint64 id) const;
    /// Returns the row of job `id`, or -1 when it is not in the list.
    int rowOf(qint64 id) const;

Q_SIGNALS:
    void loadingChanged();
    void countChanged();
    void selectionChanged();
    /// The job list was fetched.
    void refreshed();
    /// Fetching the job list failed; `message` is a sentence for the user.
    void failed(const QString& message);

private:
    struct Row
    {
        JobInfo job;
        qint64 cost = -1; ///< estimated price at this kiosk's printer in minor units; -1: not known
        QString currency;
        bool selected = false;
        int thumbnailVersion = 0; // bumps the image URL so QML reloads it
    };
    void fetchThumbnail(qint64 id);
    void replaceRows(const QList<Row>& rows);
    /// The job and its price from a job's JSON.
    static Row rowFromJson(const QJsonObject& json);
    /// The row's price with the kiosk's options, -1 when it cannot be known exactly here.
    qint64 priceWithOptions(const Row& r) const;
    void setLoading(bool loading);

    QPointer<ApiClient> m_client;
    ThumbnailCache* m_thumbnails;
    const Clock* m_clock = nullptr;
    QList<Row> m_rows;
    int m_copies = 1; ///< the kiosk's release options (setReleaseOptions)
    bool m_duplex = false;
    bool m_mono = false;
    bool m_optionsSet = false; ///< false: the jobs' own options, the server's price as it is
    bool m_loading = false;
    quint64 m_generation = 0; // answers from before clear() are dropped
};
