#include "JobListModel.h"

#include "ServerErrorText.h"

#include "ApiClient.h"
#include "ClientLog.h"
#include "Clock.h"
#include "NotificationText.h"
#include "QuotaText.h"

#include <QJsonArray>

/// One user action over several jobs: counts answers until the last one is in.
struct JobListModel::Batch
{
    Action action;
    int pending = 0;
    int succeeded = 0;
    QStringList errors;
};

namespace {
const SystemClock& systemClock()
{
    static const SystemClock clock;
    return clock;
}
} // namespace

JobListModel::JobListModel(ApiClient* api, QObject* parent, const Clock* clock)
    : QAbstractListModel(parent), m_api(api), m_clock(clock ? clock : &systemClock()),
      m_thumbnails(16 * 1024 * 1024) // bytes: a few hundred scaled thumbnails
{
}

JobListModel::~JobListModel()
{
    // Deleting a pending reply cancels its call; its answer must not reach a dead model.
    for (const QPointer<ApiReply>& r : std::as_const(m_thumbnailReplies))
        delete r.data();
    delete m_listReply.data();
    delete m_quotaReply.data();
    for (const QPointer<ApiReply>& r : std::as_const(m_pricedReplies))
        delete r.data();
}

int JobListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

QVariant JobListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobInfo& j = m_jobs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return j.name;
    case IdRole:
        return j.id;
    case PagesRole:
        return j.pages;
    case ColorRole:
        return j.color;
    case MonochromeRole:
        return j.options.colorMode == QLatin1String("monochrome") || !j.color;
    case ColorModeRole:
        return j.options.colorMode;
    case DuplexRole:
        return j.options.isDuplex();
    case SidesRole:
        return j.options.sides;
    case CopiesRole:
        return j.options.copies;
    case SheetsRole:
        return j.sheets();
    case SubmittedRole:
        return j.submitted;
    case ExpiresRole:
        return j.expires;
    case ExpiringSoonRole:
        return m_warned.contains(j.id) ||
               (j.expires.isValid() && m_clock->now().secsTo(j.expires) <= m_expiryWarningSecs);
    case StateRole:
        return jobStateName(j.state);
    case Qt::ToolTipRole:
    case StateReasonRole:
        return NotificationText::stateReason(j);
    case PrinterRole:
        return j.printer;
    case StateReasonCodeRole:
        return j.stateReasonCode;
    case CostRole:
        return m_costs.value(j.id, -1);
    case CostTextRole:
        return m_costs.contains(j.id) ? QuotaText::money(m_costs.value(j.id), m_currency) : QString();
    case Qt::DecorationRole:
    case ThumbnailRole:
        if (const QImage* img = m_thumbnails.object(j.id))
            return *img;
        requestThumbnail(j.id);
        return QImage();
    default:
        return {};
    }
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    return {
        {IdRole, "jobId"},
        {NameRole, "name"},
        {PagesRole, "pages"},
        {ColorRole, "color"},
        {MonochromeRole, "monochrome"},
        {ColorModeRole, "colorMode"},
        {DuplexRole, "duplex"},
        {SidesRole, "sides"},
        {CopiesRole, "copies"},
        {SheetsRole, "sheets"},
        {SubmittedRole, "submitted"},
        {ExpiresRole, "expires"},
        {ExpiringSoonRole, "expiringSoon"},
        {StateRole, "state"},
        {StateReasonRole, "stateReason"},
        {PrinterRole, "printer"},
        {ThumbnailRole, "thumbnail"},
        {CostRole, "cost"},
        {CostTextRole, "costText"},
        {StateReasonCodeRole, "stateReasonCode"},
    };
}

int JobListModel::heldCount() const
{
    return static_cast<int>(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                                          [](const JobInfo& j) { return j.state == JobState::Held; }));
}

void JobListModel::setOwner(const QString& user)
{
    m_owner = user;
}

bool JobListModel::isLive(JobState state)
{
    return state == JobState::Held || state == JobState::Releasing || state == JobState::Printing;
}

void JobListModel::refresh()
{
    if (!m_api)
        return;
    refreshQuota();
    delete m_listReply.data(); // a newer answer replaces an older one still on its way
    m_listReply = m_api->jobs();
    setLoading(true);
    ApiReply* reply = m_listReply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        setLoading(false);
        if (!reply->ok()) {
            qCInfo(lcClientJobs) << "job list not fetched:" << reply->errorCode();
            setError(reply->errorMessage());
            return;
        }
        setError({});
        if (!setJobsFromJson(reply->json()))
            setError(tr("The server sent an answer this app does not understand. Try again later."));
    });
}

bool JobListModel::setJobsFromJson(const QJsonObject& answer)
{
    const QJsonValue v = answer.value(QLatin1String("jobs"));
    if (!v.isArray())
        return false;
    QList<JobInfo> jobs;
    for (const QJsonValue& j : v.toArray()) {
        rememberCost(j.toObject());
        jobs.append(JobInfo::fromJson(j.toObject()));
    }
    setJobs(jobs);
    return true;
}

void JobListModel::setJobs(const QList<JobInfo>& jobs)
{
    QSet<qint64> keep;
    for (const JobInfo& j : jobs) {
        if (isLive(j.state) && (m_owner.isEmpty() || j.owner == m_owner))
            keep.insert(j.id);
    }
    // Remove what is gone first, then update or insert, so rows that stay keep their selection.
    for (int row = static_cast<int>(m_jobs.size()) - 1; row >= 0; --row) {
        if (!keep.contains(m_jobs.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_warned.remove(m_jobs.at(row).id);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
    for (const JobInfo& j : jobs) {
        if (keep.contains(j.id))
            upsert(j);
    }
    m_thumbnailFailed.clear(); // a new list is a good moment to try failed thumbnails again
    emitHeldCountIfChanged();
}

void JobListModel::applyEvent(const QString& type, const QJsonObject& event)
{
    const QJsonObject o = event.value(QLatin1String("job")).toObject();
    if (o.isEmpty())
        return; // printer events and keep-alives do not change my jobs
    const JobInfo job = JobInfo::fromJson(o);
    if (job.id <= 0 || (!m_owner.isEmpty() && job.owner != m_owner))
        return;
    // Push events carry the job without its price: ask for the priced job (its cost may have changed).
    if (o.contains(QLatin1String("cost")))
        rememberCost(o);
    else if (isLive(job.state))
        requestPricedJob(job.id);
    if (type == QLatin1String("job-expiring"))
        m_warned.insert(job.id);
    // The server announces a thumbnail it rendered after the upload with job-changed.
    if (type == QLatin1String("job-changed") && !m_thumbnails.contains(job.id))
        m_thumbnailFailed.remove(job.id);
    if (isLive(job.state))
        upsert(job);
    else
        removeJob(job.id);
    emitHeldCountIfChanged();
}

void JobListModel::clear()
{
    beginResetModel();
    m_jobs.clear();
    m_warned.clear();
    m_costs.clear();
    m_quotas.clear();
    Q_EMIT quotaChanged();
    m_thumbnails.clear();
    m_thumbnailFailed.clear();
    endResetModel();
    setError({});
    emitHeldCountIfChanged();
}

JobInfo JobListModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row) : JobInfo();
}

int JobListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).id == id)
            return i;
    }
    return -1;
}

int JobListModel::insertPosition(const JobInfo& job) const
{
    // Newest first; the id breaks ties between jobs submitted in the same second.
    int row = 0;
    while (row < m_jobs.size()) {
        const JobInfo& other = m_jobs.at(row);
        if (other.submitted < job.submitted || (other.submitted == job.submitted && other.id < job.id))
            break;
        ++row;
    }
    return row;
}

void JobListModel::upsert(const JobInfo& job)
{
    const int row = rowOf(job.id);
    if (row < 0) {
        const int at = insertPosition(job);
        beginInsertRows({}, at, at);
        m_jobs.insert(at, job);
        endInsertRows();
        return;
    }
    m_jobs[row] = job;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void JobListModel::removeJob(qint64 id)
{
    const int row = rowOf(id);
    m_warned.remove(id);
    m_costs.remove(id);
    m_thumbnails.remove(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
}

void JobListModel::setThumbnail(qint64 id, const QImage& image)
{
    if (image.isNull())
        return;
    QImage scaled = image;
    if (image.width() > thumbnailSize() || image.height() > thumbnailSize())
        scaled =
            image.scaled(thumbnailSize(), thumbnailSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_thumbnails.insert(id, new QImage(scaled), qMax<qsizetype>(1, scaled.sizeInBytes()));
    const int row = rowOf(id);
    if (row >= 0) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, {Qt::DecorationRole, ThumbnailRole});
    }
}

void JobListModel::requestThumbnail(qint64 id) const
{
    if (!m_api || m_thumbnailReplies.contains(id) || m_thumbnailFailed.contains(id))
        return;
    ApiReply* reply = m_api->thumbnail(id);
    m_thumbnailReplies.insert(id, reply);
    auto* self = const_cast<JobListModel*>(this); // a cache fill, not a change of the model's content
    connect(reply, &ApiReply::finished, self, [self, reply, id] {
        reply->deleteLater();
        self->m_thumbnailReplies.remove(id);
        if (reply->httpStatus() == 202) {
            // Still being rendered on the server: asked again when the job's event (job-changed)
            // arrives, or with the next list.
            qCDebug(lcClientJobs) << "thumbnail for job" << id << "is being prepared";
            self->m_thumbnailFailed.insert(id);
            return;
        }
        const QImage img = reply->ok() ? QImage::fromData(reply->data()) : QImage();
        if (img.isNull()) {
            qCInfo(lcClientJobs) << "no thumbnail for job" << id << reply->errorCode();
            self->m_thumbnailFailed.insert(id);
            return;
        }
        self->setThumbnail(id, img);
    });
}

void JobListModel::deleteJobs(const QList<qint64>& ids)
{
    runBatch(Action::Delete, ids, [this](qint64 id) { return m_api->deleteJob(id); });
}

void JobListModel::updateJobs(const QList<qint64>& ids, const QJsonObject& changes)
{
    runBatch(Action::Update, ids, [this, changes](qint64 id) { return m_api->updateJob(id, changes); });
}

void JobListModel::releaseJobs(const QList<qint64>& ids, const QString& printer)
{
    runBatch(Action::Release, ids, [this, printer](qint64 id) { return m_api->releaseJob(id, printer); });
}

void JobListModel::runBatch(Action action, const QList<qint64>& ids,
                            const std::function<ApiReply*(qint64)>& call)
{
    auto batch = std::make_shared<Batch>();
    batch->action = action;
    if (!m_api || ids.isEmpty()) {
        if (!ids.isEmpty())
            batch->errors.append(tr("You are not signed in. Sign in and try again."));
        Q_EMIT actionFinished(action, 0, batch->errors);
        return;
    }
    batch->pending = static_cast<int>(ids.size());
    for (const qint64 id : ids) {
        const QString name = jobAt(rowOf(id)).name;
        ApiReply* reply = call(id);
        connect(reply, &ApiReply::finished, this, [this, reply, batch, id, name] {
            reply->deleteLater();
            if (reply->ok()) {
                ++batch->succeeded;
                if (batch->action == Action::Delete)
                    removeJob(id);
                else
                    applyEvent(QString(), reply->json());
            } else {
                qCInfo(lcClientJobs) << "action" << batch->action << "on job" << id
                                     << "failed:" << reply->errorCode();
                // Over a quota: the amounts in this app's language and what the person can do.
                // In this app's language with what the person can do (a quota refusal with its amounts,
                // an option the printer cannot do); the server's English only for unknown codes.
                QString why = ServerErrorText::sentence(reply->errorCode(), reply->json());
                if (why.isEmpty())
                    why = reply->errorMessage();
                batch->errors.append(tr("%1: %2").arg(name.isEmpty() ? tr("Job %1").arg(id) : name, why));
            }
            emitHeldCountIfChanged();
            if (--batch->pending == 0) {
                // Releasing spends (or reserves) quota: what is left has changed.
                if (batch->action == Action::Release)
                    refreshQuota();
                Q_EMIT actionFinished(batch->action, batch->succeeded, batch->errors);
            }
        });
    }
}

void JobListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void JobListModel::setError(const QString& error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

void JobListModel::emitHeldCountIfChanged()
{
    const int n = heldCount();
    if (n == m_lastHeldCount)
        return;
    m_lastHeldCount = n;
    Q_EMIT heldCountChanged();
}

void JobListModel::requestPricedJob(qint64 id)
{
    if (!m_api || m_pricedReplies.contains(id))
        return;
    ApiReply* reply = m_api->job(id);
    m_pricedReplies.insert(id, reply);
    connect(reply, &ApiReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        m_pricedReplies.remove(id);
        const QJsonObject job = reply->json().value(QLatin1String("job")).toObject();
        if (!reply->ok() || !job.contains(QLatin1String("cost")) || rowOf(id) < 0)
            return; // gone meanwhile, or a server that does not price jobs
        rememberCost(job);
        const QModelIndex i = index(rowOf(id));
        Q_EMIT dataChanged(i, i, {CostRole, CostTextRole});
    });
}

void JobListModel::rememberCost(const QJsonObject& job)
{
    const qint64 id = job.value(QLatin1String("id")).toInteger();
    const QJsonValue cost = job.value(QLatin1String("cost"));
    if (id <= 0)
        return;
    if (!cost.isDouble()) {
        m_costs.remove(id);
        return;
    }
    m_costs.insert(id, cost.toInteger());
    const QString currency = job.value(QLatin1String("currency")).toString();
    if (!currency.isEmpty())
        m_currency = currency;
}

void JobListModel::refreshQuota()
{
    if (!m_api)
        return;
    delete m_quotaReply.data();
    m_quotaReply = m_api->usageQuota();
    ApiReply* reply = m_quotaReply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            // A server without accounting, or a passing outage: the job list works without it.
            qCInfo(lcClientJobs) << "quota not fetched:" << reply->errorCode();
            return;
        }
        const QJsonObject answer = reply->json();
        const QString currency = answer.value(QLatin1String("currency")).toString();
        if (!currency.isEmpty())
            m_currency = currency;
        m_quotas.clear();
        for (const QJsonValue& v : answer.value(QLatin1String("quotas")).toArray())
            m_quotas << QuotaState::fromJson(v.toObject());
        Q_EMIT quotaChanged();
    });
}

QString JobListModel::quotaText() const
{
    // The quota with the least left is the one that stops a release first.
    std::optional<QuotaState> tightest;
    for (const QuotaState& q : m_quotas) {
        if (q.limit && (!tightest || q.remaining().value_or(0) < tightest->remaining().value_or(0)))
            tightest = q;
    }
    if (!tightest)
        return {};
    const QString text = QuotaText::remainingShort(*tightest, m_currency);
    if (tightest->scope == QLatin1String("department"))
        return tr("%1 (%2)").arg(text,
                                 tightest->subjectName.isEmpty() ? tightest->subject : tightest->subjectName);
    return text;
}
