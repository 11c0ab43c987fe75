#include "JobModel.h"

#include "ApiClient.h"
#include "KioskLog.h"
#include "KioskText.h"
#include "NaturalTime.h"
#include "ThumbnailCache.h"
#include "accounting/Money.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

JobModel::JobModel(ApiClient* client, ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_client(client), m_thumbnails(thumbnails)
{
}

int JobModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant JobModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& r = m_rows.at(index.row());
    const JobInfo& j = r.job;
    static const SystemClock wallClock;
    const QDateTime now = (m_clock ? m_clock : &wallClock)->now();
    switch (role) {
    case JobIdRole:
        return j.id;
    case NameRole:
        return j.name;
    case PagesRole:
        return j.pages;
    case SheetsRole:
        return j.sheets();
    case ColorRole:
        return j.color;
    case SubmittedRole:
        return NaturalTime::format(j.submitted, now);
    case CostRole: {
        const qint64 cost = priceWithOptions(r);
        return cost < 0 ? QString() : Money::format(cost, r.currency);
    }
    case ThumbnailRole:
        return r.thumbnailVersion > 0
                   ? QStringLiteral("image://thumbnails/%1?v=%2").arg(j.id).arg(r.thumbnailVersion)
                   : QString();
    case SelectedRole:
        return r.selected;
    case StateRole:
        return jobStateName(j.state);
    case StateTextRole:
        return KioskText::jobState(j);
    case SelectableRole:
        return j.state == JobState::Held;
    case FailedRole:
        return j.state == JobState::Held && !j.stateReason.isEmpty();
    case DetailsRole: {
        QStringList parts{QCoreApplication::translate("JobModel", "%n page(s)", nullptr, j.pages),
                          j.color ? QCoreApplication::translate("JobModel", "Colour")
                                  : QCoreApplication::translate("JobModel", "Black and white"),
                          NaturalTime::format(j.submitted, now)};
        if (const qint64 cost = priceWithOptions(r); cost >= 0)
            //: What printing the job here costs with its options, e.g. "₩400".
            parts << QCoreApplication::translate("JobModel", "%1 here").arg(Money::format(cost, r.currency));
        return parts.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> JobModel::roleNames() const
{
    return {{JobIdRole, "jobId"},           {NameRole, "name"},
            {PagesRole, "pages"},           {SheetsRole, "sheets"},
            {ColorRole, "color"},           {SubmittedRole, "submitted"},
            {ThumbnailRole, "thumbnail"},   {SelectedRole, "selected"},
            {StateRole, "jobState"},        {StateTextRole, "stateText"},
            {SelectableRole, "selectable"}, {FailedRole, "failed"},
            {DetailsRole, "details"},       {CostRole, "cost"}};
}

int JobModel::selectedCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return r.selected; }));
}

int JobModel::heldCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const Row& r) { return r.job.state == JobState::Held; }));
}

void JobModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void JobModel::refresh()
{
    if (!m_client)
        return;
    setLoading(true);
    ApiReply* reply = m_client->jobs();
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!reply->ok()) {
            qCWarning(lcKioskJobs).noquote() << "job list failed:" << reply->errorCode();
            Q_EMIT failed(KioskText::forReply(reply));
            return;
        }
        setJobsJson(reply->json().value(QLatin1String("jobs")).toArray());
        Q_EMIT refreshed();
    });
}

void JobModel::setJobs(const QList<JobInfo>& jobs)
{
    QList<Row> rows;
    for (const JobInfo& j : jobs) {
        Row r;
        r.job = j;
        rows << r;
    }
    replaceRows(rows);
}

void JobModel::setJobsJson(const QJsonArray& jobs)
{
    QList<Row> rows;
    for (const QJsonValue& v : jobs)
        rows << rowFromJson(v.toObject());
    replaceRows(rows);
}

void JobModel::setClock(const Clock* clock)
{
    m_clock = clock;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {SubmittedRole, DetailsRole});
}

void JobModel::setReleaseOptions(int copies, bool duplex, bool mono)
{
    copies = qMax(1, copies);
    if (m_optionsSet && copies == m_copies && duplex == m_duplex && mono == m_mono)
        return;
    m_optionsSet = true;
    m_copies = copies;
    m_duplex = duplex;
    m_mono = mono;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {CostRole, DetailsRole});
}

// The server prices a job with its own options at this printer (rates are server-side: a table by
// size x colour x sides). From that one number the kiosk can know exactly only what scales it: the
// number of copies (cost = impressions x price, impressions = pages x copies). Double-sided or black
// and white other than the job's own change the price per impression, unknown here: no price is
// shown then rather than a wrong one; the release answer carries the real one.
qint64 JobModel::priceWithOptions(const Row& r) const
{
    if (r.cost < 0 || !m_optionsSet)
        return r.cost;
    const PrintOptions& own = r.job.options;
    if (m_duplex != own.isDuplex())
        return -1;
    // Black and white changes the price only of a document with colour that the job prints in colour.
    const bool ownMono = own.colorMode == QLatin1String("monochrome");
    if (m_mono && !ownMono && r.job.color)
        return -1;
    const qint64 ownCopies = qMax(1, own.copies);
    if (m_copies == ownCopies)
        return r.cost;
    if (r.cost % ownCopies != 0)
        return -1;
    return r.cost / ownCopies * m_copies;
}

JobModel::Row JobModel::rowFromJson(const QJsonObject& json)
{
    Row r;
    r.job = JobInfo::fromJson(json);
    // docs/accounting.md: "cost" in minor units of "currency", estimated at this kiosk's printer.
    const QJsonValue cost = json.value(QLatin1String("cost"));
    const QString currency = json.value(QLatin1String("currency")).toString();
    if (cost.isDouble() && cost.toDouble() >= 0 && !currency.isEmpty()) {
        r.cost = cost.toInteger();
        r.currency = currency;
    }
    return r;
}

void JobModel::replaceRows(const QList<Row>& rows)
{
    const QList<qint64> wasSelected = selectedIds();
    QHash<qint64, int> versions;
    for (const Row& r : std::as_const(m_rows))
        versions.insert(r.job.id, r.thumbnailVersion);
    beginResetModel();
    m_rows.clear();
    for (Row r : rows) {
        r.selected = r.job.state == JobState::Held && wasSelected.contains(r.job.id);
        r.thumbnailVersion =
            versions.value(r.job.id, m_thumbnails && m_thumbnails->contains(r.job.id) ? 1 : 0);
        m_rows << r;
    }
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT selectionChanged();
    for (const Row& r : std::as_const(m_rows))
        if (r.thumbnailVersion == 0)
            fetchThumbnail(r.job.id);
}

void JobModel::fetchThumbnail(qint64 id)
{
    if (!m_client || !m_thumbnails)
        return;
    ApiReply* reply = m_client->thumbnail(id);
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, id, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (reply->httpStatus() == 202) {
            // Still being rendered: the job's next event (job-changed) fetches it again.
            qCDebug(lcKioskJobs) << "thumbnail for job" << id << "is being prepared";
            return;
        }
        if (!reply->ok() || !m_thumbnails->insert(id, reply->data())) {
            qCInfo(lcKioskJobs) << "no thumbnail for job" << id << reply->errorCode();
            return;
        }
        const int row = rowOf(id);
        if (row < 0)
            return;
        m_rows[row].thumbnailVersion++;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, {ThumbnailRole});
    });
}

void JobModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (m_thumbnails)
        m_thumbnails->clear();
    setLoading(false);
    Q_EMIT countChanged();
    Q_EMIT selectionChanged();
}

void JobModel::applyJob(const QJsonObject& json)
{
    const Row incoming = rowFromJson(json);
    const JobInfo& j = incoming.job;
    if (j.id <= 0)
        return;
    if (j.state == JobState::Deleted || j.state == JobState::Expired) {
        removeJob(j.id);
        return;
    }
    const int row = rowOf(j.id);
    if (row < 0) {
        // A new job (printed meanwhile from a desktop) goes on top, like the server's newest-first list.
        beginInsertRows({}, 0, 0);
        m_rows.prepend(incoming);
        endInsertRows();
        Q_EMIT countChanged();
        fetchThumbnail(j.id);
        return;
    }
    Row& r = m_rows[row];
    const bool wasHeld = r.job.state == JobState::Held;
    r.job = j;
    // Events without a price keep the one the list had.
    if (incoming.cost >= 0) {
        r.cost = incoming.cost;
        r.currency = incoming.currency;
    }
    if (j.state != JobState::Held)
        r.selected = false;
    // A thumbnail the server was still rendering (202) is announced by an event on its job.
    const bool fetchAgain = r.thumbnailVersion == 0;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
    if (fetchAgain)
        fetchThumbnail(j.id);
    if (wasHeld != (j.state == JobState::Held))
        Q_EMIT countChanged();
    Q_EMIT selectionChanged();
}

void JobModel::removeJob(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    Q_EMIT selectionChanged();
}

void JobModel::setSelected(int row, bool selected)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row& r = m_rows[row];
    selected = selected && r.job.state == JobState::Held;
    if (r.selected == selected)
        return;
    r.selected = selected;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {SelectedRole});
    Q_EMIT selectionChanged();
}

void JobModel::selectAll(bool selected)
{
    for (int row = 0; row < m_rows.size(); ++row)
        setSelected(row, selected);
}

QList<qint64> JobModel::selectedIds() const
{
    QList<qint64> ids;
    for (const Row& r : m_rows)
        if (r.selected)
            ids << r.job.id;
    return ids;
}

QList<qint64> JobModel::heldIds() const
{
    QList<qint64> ids;
    for (const Row& r : m_rows)
        if (r.job.state == JobState::Held)
            ids << r.job.id;
    return ids;
}

JobInfo JobModel::job(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? JobInfo{} : m_rows.at(row).job;
}

int JobModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).job.id == id)
            return i;
    return -1;
}
