#pragma once
#include "JobInfo.h"
#include "Quota.h"

#include <QAbstractListModel>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSet>

#include <functional>

class ApiClient;
class ApiReply;
class Clock;

/// My live jobs (held, releasing, printing), newest first, as the server reports them and as its push
/// channel changes them. Fetches the list and first-page thumbnails itself through ApiClient
/// (asynchronously; thumbnails are cached in memory), and carries out the user's actions on them.
class JobListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int heldCount READ heldCount NOTIFY heldCountChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    /// The data of each job. Qt::DisplayRole is the name, Qt::DecorationRole the thumbnail (QImage),
    /// Qt::ToolTipRole why the last release failed (as StateReasonRole).
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64
        NameRole,                  ///< QString: document name
        PagesRole,                 ///< int
        ColorRole,                 ///< bool: the document has colour
        MonochromeRole,            ///< bool: it prints in black and white (asked for, or no colour in it)
        ColorModeRole,             ///< QString: auto, color, monochrome
        DuplexRole,                ///< bool: two-sided
        SidesRole,                 ///< QString: IPP sides keyword
        CopiesRole,                ///< int
        SheetsRole,                ///< int: sheets of paper with the chosen options
        SubmittedRole,             ///< QDateTime (UTC)
        ExpiresRole,               ///< QDateTime (UTC)
        ExpiringSoonRole,          ///< bool: the server warned, or it expires within the warning period
        StateRole,                 ///< QString: held, releasing, printing
        StateReasonRole,           ///< QString: why the last release failed and what to do, translated
                                   ///< (NotificationText::stateReason)
        PrinterRole,               ///< QString: where it is being printed
        ThumbnailRole,             ///< QImage: first page (null until fetched)
        CostRole,                  ///< qint64: estimated cost in minor units (-1 when the server sent none)
        CostTextRole,        ///< QString: the estimated cost for people ("₩2,400"; empty when unknown)
        StateReasonCodeRole, ///< QString: the reason's stable code ("printer-fault", "quota-exceeded", ...)
    };
    Q_ENUM(Role)

    /// What an action was.
    enum class Action { Delete, Update, Release };
    Q_ENUM(Action)

    /// Creates an empty model that fetches through `api` (may be null: then it only shows what it is
    /// given). `clock` decides "expiring soon" (default: the wall clock); it must outlive the model.
    explicit JobListModel(ApiClient* api = nullptr, QObject* parent = nullptr, const Clock* clock = nullptr);
    ~JobListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Returns true while the job list is being fetched.
    bool isLoading() const { return m_loading; }
    /// Returns the number of jobs waiting to be released (the tray icon's number).
    int heldCount() const;
    /// Returns why the last fetch failed, as a sentence; empty when it worked.
    QString errorString() const { return m_error; }
    /// Returns my quota states now (GET /usage/quota): mine first, then my departments'; empty when
    /// the server has none for me or does not count usage.
    QList<QuotaState> quotas() const { return m_quotas; }
    /// Returns the currency of costs and quotas.
    QString currency() const { return m_currency; }
    /// Returns "₩10,000 of ₩50,000 left this month" for the tightest of my quotas; empty without one.
    QString quotaText() const;

    /// Shows only jobs owned by `user` (events about others' jobs reach administrators too); empty for all.
    void setOwner(const QString& user);
    /// Sets how long before expiry a job counts as expiring soon (default 2 hours).
    void setExpiryWarning(qint64 secs) { m_expiryWarningSecs = secs; }

    /// Fetches the list again (GET /api/v1/jobs) and merges it, keeping rows that did not change;
    /// fetches my quota state too (refreshQuota()).
    void refresh();
    /// Fetches my quota state again (GET /api/v1/usage/quota); quotaChanged() follows.
    void refreshQuota();
    /// Replaces the list with the live jobs among `jobs`, merging like refresh().
    void setJobs(const QList<JobInfo>& jobs);
    /// Replaces the list with the jobs of a GET /api/v1/jobs answer ({"jobs": [...]}). Returns false
    /// when `answer` has no "jobs" array.
    bool setJobsFromJson(const QJsonObject& answer);
    /// Applies one push-channel event (`type` such as "job-held", `event` its JSON with "job").
    void applyEvent(const QString& type, const QJsonObject& event);
    /// Forgets every job and thumbnail (after signing out).
    void clear();

    /// Returns the job in `row` (a default JobInfo when out of range).
    JobInfo jobAt(int row) const;
    /// Returns the row of job `id`, or -1.
    int rowOf(qint64 id) const;

    /// Sets the thumbnail of job `id` (as a fetch does), scaled to at most thumbnailSize() pixels.
    void setThumbnail(qint64 id, const QImage& image);
    /// Returns the longest side, in pixels, of cached thumbnails.
    static int thumbnailSize() { return 160; }

    /// Deletes the jobs `ids` on the server; answers with actionFinished(Action::Delete, ...).
    void deleteJobs(const QList<qint64>& ids);
    /// Changes options of the jobs `ids` ({"copies", "sides", "colorMode"}); answers with actionFinished().
    void updateJobs(const QList<qint64>& ids, const QJsonObject& changes);
    /// Releases the jobs `ids` to `printer` (its name); answers with actionFinished(). A release the
    /// server refuses over a quota ("quota-exceeded") is explained in the user's language
    /// (QuotaText::refusal), with what the job costs and what is left.
    void releaseJobs(const QList<qint64>& ids, const QString& printer);

Q_SIGNALS:
    void loadingChanged();
    void heldCountChanged();
    void errorStringChanged();
    /// My quota state changed.
    void quotaChanged();
    /// An action on several jobs ended: `succeeded` of them worked; `errors` has one sentence per
    /// failure, naming the job.
    void actionFinished(JobListModel::Action action, int succeeded, const QStringList& errors);

private:
    struct Batch;

    static bool isLive(JobState state);
    void upsert(const JobInfo& job);
    void removeJob(qint64 id);
    int insertPosition(const JobInfo& job) const;
    void setLoading(bool loading);
    void setError(const QString& error);
    void requestThumbnail(qint64 id) const;
    void runBatch(Action action, const QList<qint64>& ids, const std::function<ApiReply*(qint64)>& call);
    void emitHeldCountIfChanged();
    void rememberCost(const QJsonObject& job);
    void requestPricedJob(qint64 id);

    QPointer<ApiClient> m_api;
    const Clock* m_clock;
    QList<JobInfo> m_jobs;
    QString m_owner;
    QString m_error;
    QSet<qint64> m_warned; // jobs the server said expire soon
    mutable QCache<qint64, QImage> m_thumbnails;
    mutable QHash<qint64, QPointer<ApiReply>> m_thumbnailReplies;
    mutable QSet<qint64> m_thumbnailFailed;
    QPointer<ApiReply> m_listReply;
    QPointer<ApiReply> m_quotaReply;
    QHash<qint64, QPointer<ApiReply>> m_pricedReplies; // GET /jobs/{id} for a price after a push event
    QHash<qint64, qint64> m_costs;                     // job id -> estimated cost, from the job JSON's "cost"
    QString m_currency = QStringLiteral("KRW");
    QList<QuotaState> m_quotas;
    qint64 m_expiryWarningSecs = 2 * 3600;
    int m_lastHeldCount = 0;
    bool m_loading = false;
};
