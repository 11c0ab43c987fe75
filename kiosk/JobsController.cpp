#include "JobsController.h"

#include "ApiClient.h"
#include "EventStream.h"
#include "JobModel.h"
#include "KioskController.h"
#include "KioskLog.h"
#include "KioskText.h"
#include "PrinterStatusController.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QQmlEngine>

JobsController::JobsController(KioskController* session)
    : QObject(session), m_session(session), m_jobs(new JobModel(session->client(), nullptr, this))
{
    connectModel();
    // The price on each job follows the copies, double-sided and black-and-white chosen.
    connect(this, &JobsController::optionsChanged, this, [this] {
        const PrinterStatusController* printer = m_session->printerStatus();
        m_jobs->setReleaseOptions(m_copies, m_duplex && printer->canDuplex(),
                                  m_mono && printer->canChooseColour());
    });
    connect(session->printerStatus(), &PrinterStatusController::printerChanged, this,
            &JobsController::fitOptionsToPrinter);
    connect(session->events(), &EventStream::eventReceived, this, &JobsController::onEvent);
    connect(session, &KioskController::screenChanged, this, &JobsController::cancelDelete);
    connect(session, &KioskController::sessionOpened, this, [this] {
        m_copies = 1;
        m_duplex = false;
        m_mono = false;
        Q_EMIT optionsChanged();
        m_jobs->refresh();
        fetchQuota();
    });
    connect(session, &KioskController::sessionClosed, this, [this] {
        m_jobs->clear();
        m_quota = {};
        if (m_quotaReply)
            m_quotaReply->abort();
        Q_EMIT quotaChanged();
        m_pendingReleases = 0;
    });
    connect(session, &KioskController::languageChanged, this, [this] {
        Q_EMIT quotaChanged();
        if (m_jobs->rowCount() > 0)
            Q_EMIT m_jobs->dataChanged(m_jobs->index(0), m_jobs->index(m_jobs->rowCount() - 1));
    });
}

JobsController* JobsController::create(QQmlEngine* qml, QJSEngine* js)
{
    Q_UNUSED(qml)
    Q_UNUSED(js)
    KioskController* session = KioskController::instance();
    Q_ASSERT(session);
    QJSEngine::setObjectOwnership(session->jobsController(), QJSEngine::CppOwnership);
    return session->jobsController();
}

void JobsController::connectModel()
{
    // A reconnection replays missed events (Last-Event-ID); the list is fetched again only on the first
    // connection or when the server says it cannot replay (refetch).
    connect(m_session->events(), &EventStream::refetchNeeded, m_jobs, &JobModel::refresh);
    connect(m_jobs, &JobModel::failed, this,
            [this](const QString& message) { m_session->setMessage(message, true); });
}

void JobsController::setThumbnailCache(ThumbnailCache* cache)
{
    // The model is recreated only here, before QML binds to it.
    delete m_jobs;
    m_jobs = new JobModel(m_session->client(), cache, this);
    connectModel();
}

void JobsController::setCopies(int copies)
{
    copies = qBound(1, copies, m_session->printerStatus()->copiesMax());
    if (copies == m_copies)
        return;
    m_copies = copies;
    Q_EMIT optionsChanged();
}

void JobsController::setDuplex(bool duplex)
{
    duplex = duplex && m_session->printerStatus()->canDuplex();
    if (duplex == m_duplex)
        return;
    m_duplex = duplex;
    Q_EMIT optionsChanged();
}

void JobsController::setMono(bool mono)
{
    mono = mono && m_session->printerStatus()->canChooseColour();
    if (mono == m_mono)
        return;
    m_mono = mono;
    Q_EMIT optionsChanged();
}

void JobsController::fitOptionsToPrinter()
{
    // Options chosen before are kept only where the printer can still do them.
    const PrinterStatusController* printer = m_session->printerStatus();
    if ((m_duplex && !printer->canDuplex()) || (m_mono && !printer->canChooseColour()) ||
        m_copies > printer->copiesMax()) {
        m_duplex = m_duplex && printer->canDuplex();
        m_mono = m_mono && printer->canChooseColour();
        m_copies = qMin(m_copies, printer->copiesMax());
        Q_EMIT optionsChanged();
    }
}

// -- quota

void JobsController::fetchQuota()
{
    ApiClient* client = m_session->client();
    if (!client || !m_session->inSession() || m_quotaReply)
        return;
    ApiReply* reply = client->usageQuota();
    m_quotaReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!m_session->inSession())
            return;
        if (!reply->ok()) {
            // A server without accounting, or a passing failure: the quota line just stays away.
            qCInfo(lcKioskJobs).noquote() << "quota not known:" << reply->errorCode();
            return;
        }
        applyQuota(reply->json());
    });
}

void JobsController::applyQuota(const QJsonObject& answer)
{
    if (answer == m_quota)
        return;
    m_quota = answer;
    Q_EMIT quotaChanged();
}

QString JobsController::quotaText() const
{
    return KioskText::quotaLeft(m_quota.value(QLatin1String("quotas")).toArray(),
                                m_quota.value(QLatin1String("currency")).toString());
}

bool JobsController::quotaLow() const
{
    for (const QJsonValue& v : m_quota.value(QLatin1String("quotas")).toArray()) {
        const QJsonObject q = v.toObject();
        if (!q.value(QLatin1String("limit")).isDouble())
            continue;
        const qint64 limit =
            q.value(QLatin1String("limit")).toInteger() + q.value(QLatin1String("allowance")).toInteger();
        if (q.value(QLatin1String("spent")).toInteger() * 10 >= limit * 9)
            return true;
    }
    return false;
}

// -- release and delete

void JobsController::printSelected()
{
    release(m_jobs->selectedIds(), false);
}

void JobsController::printAll()
{
    release(m_jobs->heldIds(), true);
}

void JobsController::release(const QList<qint64>& ids, bool thenSignOut)
{
    if (!m_session->inSession() || ids.isEmpty())
        return;
    const PrinterStatusController* printer = m_session->printerStatus();
    if (!printer->printerCanPrint()) {
        m_session->setMessage(
            QCoreApplication::translate(
                "KioskController",
                "%1 cannot print now (%2). Your jobs stay held: print them at one of the printers listed.")
                .arg(printer->printerName(), printer->printerFaultText()),
            true, QStringLiteral("printer-fault"));
        return;
    }
    QJsonObject options{{QStringLiteral("copies"), qMin(m_copies, printer->copiesMax())},
                        {QStringLiteral("sides"), m_duplex && printer->canDuplex()
                                                      ? QStringLiteral("two-sided-long-edge")
                                                      : QStringLiteral("one-sided")}};
    if (m_mono && printer->canChooseColour())
        options.insert(QStringLiteral("colorMode"), QStringLiteral("monochrome"));
    m_session->clearMessage();
    m_releaseFailed = false;
    m_pendingReleases += static_cast<int>(ids.size());
    m_session->setBusy(true);
    for (qint64 id : ids) {
        qCInfo(lcKioskJobs) << "release job" << id << "to" << printer->printerName();
        ApiReply* reply = m_session->client()->releaseJob(id, printer->printerName(), options);
        connect(reply, &ApiReply::finished, this, [this, reply, thenSignOut] {
            reply->deleteLater();
            if (!m_session->inSession())
                return;
            if (reply->ok()) {
                m_jobs->applyJob(reply->json().value(QLatin1String("job")).toObject());
            } else {
                // A refusal over a quota says what the job costs, what is left and what to do; the
                // job stays held (docs/accounting.md).
                m_releaseFailed = true;
                m_session->setMessage(KioskText::forReply(reply), true, reply->errorCode());
                m_jobs->refresh();
            }
            if (--m_pendingReleases > 0)
                return;
            m_session->setBusy(false);
            // Releases reserve their cost against the quota: show what is left now.
            fetchQuota();
            if (thenSignOut && !m_releaseFailed) {
                // "Print all" is the last thing people do: sign out soon, with the countdown showing.
                m_session->signOutSoon(AfterPrintAllSecs);
                m_session->setMessage(
                    QCoreApplication::translate(
                        "KioskController", "Your jobs are printing. You will be signed out in a moment."),
                    false);
            }
        });
    }
}

void JobsController::requestDelete()
{
    if (!m_session->inSession() || m_jobs->selectedCount() == 0)
        return;
    m_confirmingDelete = true;
    Q_EMIT confirmingDeleteChanged();
}

void JobsController::cancelDelete()
{
    m_confirmingDelete = false;
    Q_EMIT confirmingDeleteChanged();
}

void JobsController::confirmDelete()
{
    cancelDelete();
    if (!m_session->inSession())
        return;
    for (qint64 id : m_jobs->selectedIds()) {
        qCInfo(lcKioskJobs) << "delete job" << id;
        ApiReply* reply = m_session->client()->deleteJob(id);
        connect(reply, &ApiReply::finished, this, [this, reply, id] {
            reply->deleteLater();
            if (!m_session->inSession())
                return;
            if (reply->ok()) {
                m_jobs->removeJob(id);
            } else {
                m_session->setMessage(KioskText::forReply(reply), true, reply->errorCode());
                m_jobs->refresh();
            }
        });
    }
}

void JobsController::onEvent(const QString& type, const QJsonObject& data)
{
    if (!type.startsWith(QLatin1String("job-")))
        return;
    const QJsonObject job = data.value(QLatin1String("job")).toObject();
    if (type == QLatin1String("job-deleted") || type == QLatin1String("job-expired"))
        m_jobs->removeJob(job.value(QLatin1String("id")).toInteger());
    else
        m_jobs->applyJob(job);
    // A printed job is charged what the printer did; an aborted one releases its reservation.
    const QString state = job.value(QLatin1String("state")).toString();
    if (state == QLatin1String("printed") || state == QLatin1String("held"))
        fetchQuota();
}
