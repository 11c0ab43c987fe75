#include "FaxDispatcher.h"

#include "FaxService.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFaxDispatch, "mps.server.fax.dispatch", QtInfoMsg)

namespace {

constexpr auto CancelWait = std::chrono::seconds(60);

QString tagOf(qint64 faxId)
{
    return QStringLiteral("mps-fax-%1").arg(faxId);
}

QString stateName(FaxGatewayStatus::State s, const QString& current)
{
    using S = FaxGatewayStatus::State;
    switch (s) {
    case S::Queued:
        return QStringLiteral("submitted");
    case S::Dialling:
        return QStringLiteral("dialling");
    case S::Sending:
        return QStringLiteral("sending");
    case S::Sent:
        return QStringLiteral("sent");
    case S::Failed:
        return QStringLiteral("failed");
    case S::Cancelled:
        return QStringLiteral("cancelled");
    case S::Unknown:
        break;
    }
    return current;
}

} // namespace

FaxDispatcher::FaxDispatcher(Store& store, FaxService& faxes, FaxGateway& gateway, const Clock& clock,
                             Settings settings)
    : m_store(store), m_faxes(faxes), m_gateway(gateway), m_clock(clock), m_settings(settings),
      m_gatewayName(gateway.name())
{
}

FaxDispatcher::~FaxDispatcher()
{
    stop();
}

void FaxDispatcher::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        return;
    m_running = true;
    m_thread = std::thread([this] { loop(); });
}

void FaxDispatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
        m_running = false;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    // Whoever still waits for a cancel is told it did not happen.
    std::lock_guard lock(m_mutex);
    for (auto& [id, done] : m_cancels)
        done.set_value(false);
    m_cancels.clear();
}

void FaxDispatcher::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_all();
}

void FaxDispatcher::loop()
{
    std::unique_lock lock(m_mutex);
    while (m_running) {
        m_woken = false;
        lock.unlock();
        runOnce();
        lock.lock();
        m_cv.wait_for(lock, std::chrono::seconds(std::max(1, m_settings.pollSecs)),
                      [this] { return !m_running || m_woken || !m_cancels.empty(); });
    }
}

bool FaxDispatcher::cancel(qint64 faxId)
{
    std::future<bool> result;
    {
        std::lock_guard lock(m_mutex);
        if (m_running && m_thread.get_id() != std::this_thread::get_id()) {
            m_cancels.emplace_back(faxId, std::promise<bool>());
            result = m_cancels.back().second.get_future();
        }
    }
    // No thread (tests, mps-admin) or on the dispatcher's own thread: cancel here.
    if (!result.valid())
        return cancelNow(faxId);
    m_cv.notify_all();
    if (result.wait_for(CancelWait) != std::future_status::ready)
        return false;
    return result.get();
}

void FaxDispatcher::runOnce()
{
    for (;;) {
        std::pair<qint64, std::promise<bool>> request;
        {
            std::lock_guard lock(m_mutex);
            if (m_cancels.empty())
                break;
            request = std::move(m_cancels.front());
            m_cancels.pop_front();
        }
        request.second.set_value(cancelNow(request.first));
    }
    for (const FaxOutRecord& f : m_store.fax().liveFaxes()) {
        if (f.state == QLatin1String("queued"))
            handOver(f);
        else
            poll(f);
    }
}

void FaxDispatcher::end(FaxOutRecord f, const QString& fromState, const QString& state,
                        const QString& reasonCode, const QString& reason)
{
    const qint64 now = m_clock.nowSecs();
    f.state = state;
    f.reasonCode = reasonCode;
    f.reason = reason;
    f.updated = now;
    f.finished = now;
    // Pages that went through are counted: all of a sent fax, those before the failure of a failed one.
    UsageRecord usage;
    const bool charge = state == QLatin1String("sent") || state == QLatin1String("failed");
    if (charge) {
        auto owner = m_store.userById(f.ownerId);
        usage.userId = f.ownerId;
        usage.department = owner ? owner->department : QString();
        usage.printer = m_gatewayName;
        usage.kind = QStringLiteral("fax-sent");
        usage.pages = state == QLatin1String("sent") && f.pagesSent == 0 ? f.pagesTotal : f.pagesSent;
        usage.at = now;
        usage.cost = 0;
    }
    if (!m_store.fax().finish(f, fromState, charge ? &usage : nullptr)) {
        qCWarning(lcFaxDispatch) << "fax" << f.id << "could not be ended as" << state
                                 << "(changed meanwhile)";
        return;
    }
    m_unreachableSince.erase(f.id);
    qCInfo(lcFaxDispatch).noquote() << "fax" << f.id << state
                                    << (reasonCode.isEmpty() ? QString() : reasonCode) << "after"
                                    << f.pagesSent << "of" << f.pagesTotal << "pages";
    m_faxes.publish(f.id);
}

bool FaxDispatcher::giveUpIfUnreachable(const FaxOutRecord& f, qint64 since, const QString& error)
{
    const qint64 limit = static_cast<qint64>(m_settings.gatewayRetryMinutes) * 60;
    if (m_clock.nowSecs() - since < limit) {
        qCInfo(lcFaxDispatch).noquote()
            << "fax" << f.id << ": gateway" << m_gatewayName << "not reached, trying again:" << error;
        return false;
    }
    end(f, f.state, QStringLiteral("failed"), QStringLiteral("gateway-unreachable"), error);
    return true;
}

void FaxDispatcher::handOver(const FaxOutRecord& queued)
{
    FaxOutRecord f = queued;
    const QString tag = tagOf(f.id);
    QString error;
    // A hand-over that began before a crash may have reached the gateway: look for it first.
    if (!f.gateway.isEmpty()) {
        QString found;
        if (!m_gateway.findByTag(tag, &found, &error)) {
            giveUpIfUnreachable(f, f.submitted, error);
            return;
        }
        if (!found.isEmpty()) {
            f.state = QStringLiteral("submitted");
            f.gatewayJobId = found;
            f.updated = m_clock.nowSecs();
            if (m_store.fax().updateLive(f, QStringLiteral("queued"))) {
                qCInfo(lcFaxDispatch).noquote()
                    << "fax" << f.id << "found at the gateway as" << found << "(hand-over interrupted)";
                m_faxes.publish(f.id);
            }
            return;
        }
    }
    if (!m_store.fax().markHandingOver(f.id, m_gatewayName, m_clock.nowSecs()))
        return; // cancelled meanwhile
    f.gateway = m_gatewayName;

    FaxSubmission sub;
    sub.tag = tag;
    sub.dialString = f.dialString;
    auto owner = m_store.userById(f.ownerId);
    sub.senderName = owner ? owner->shownName() : QString();
    sub.maxDials = m_settings.maxDials;
    sub.maxTries = m_settings.maxTries;
    if (!m_faxes.openParts(f.draftId, &sub.parts)) {
        end(f, QStringLiteral("queued"), QStringLiteral("failed"), QStringLiteral("unknown"),
            QStringLiteral("The document could not be read from the spool."));
        return;
    }
    QString jobId;
    bool retryable = false;
    bool nothingQueued = false;
    const bool ok = m_gateway.submit(sub, &jobId, &error, &retryable, &nothingQueued);
    sub.parts.clear(); // closes the spool files
    if (!ok) {
        // A fax the gateway surely does not hold is queued here only again: its sender can cancel it
        // while the gateway is away.
        if (retryable && nothingQueued && !m_store.fax().clearHandingOver(f.id))
            qCWarning(lcFaxDispatch) << "fax" << f.id << "could not be marked as not handed over";
        if (retryable)
            giveUpIfUnreachable(f, f.submitted, error);
        else
            end(f, QStringLiteral("queued"), QStringLiteral("failed"), QStringLiteral("gateway-refused"),
                error);
        return;
    }
    f.state = QStringLiteral("submitted");
    f.gatewayJobId = jobId;
    f.updated = m_clock.nowSecs();
    if (!m_store.fax().updateLive(f, QStringLiteral("queued"))) {
        // Cancelled while it was being handed over: take it back from the gateway.
        QString cancelError;
        if (!m_gateway.cancel(jobId, &cancelError))
            qCWarning(lcFaxDispatch).noquote() << "fax" << f.id << "cancelled during hand-over but job"
                                               << jobId << "could not be removed:" << cancelError;
        return;
    }
    qCInfo(lcFaxDispatch).noquote() << "fax" << f.id << "submitted to" << m_gatewayName << "as" << jobId;
    m_faxes.publish(f.id);
}

void FaxDispatcher::poll(const FaxOutRecord& live)
{
    FaxGatewayStatus st;
    QString error;
    if (!m_gateway.status(live.gatewayJobId, &st, &error)) {
        const qint64 now = m_clock.nowSecs();
        const qint64 since = m_unreachableSince.emplace(live.id, now).first->second;
        giveUpIfUnreachable(live, since, error);
        return;
    }
    m_unreachableSince.erase(live.id);
    FaxOutRecord f = live;
    f.state = stateName(st.state, live.state);
    f.pagesSent = st.pagesSent;
    if (st.pagesTotal > 0)
        f.pagesTotal = st.pagesTotal;
    if (!st.remoteId.isEmpty())
        f.remoteId = st.remoteId;
    f.durationSecs = st.durationSecs;
    f.attempts = st.attempts;
    if (f.state == QLatin1String("sent")) {
        f.pagesSent = st.pagesSent > 0 ? st.pagesSent : f.pagesTotal;
        return end(f, live.state, f.state, QString(), QString());
    }
    if (f.state == QLatin1String("failed"))
        return end(f, live.state, f.state,
                   st.reasonCode.isEmpty() ? QStringLiteral("unknown") : st.reasonCode, st.reasonText);
    if (f.state == QLatin1String("cancelled"))
        return end(f, live.state, f.state, QStringLiteral("cancelled"), st.reasonText);
    const bool changed = f.state != live.state || f.pagesSent != live.pagesSent ||
                         f.pagesTotal != live.pagesTotal || f.remoteId != live.remoteId ||
                         f.attempts != live.attempts || f.durationSecs != live.durationSecs;
    if (!changed)
        return;
    f.updated = m_clock.nowSecs();
    if (m_store.fax().updateLive(f, live.state))
        m_faxes.publish(f.id);
}

bool FaxDispatcher::cancelNow(qint64 faxId)
{
    auto f = m_store.fax().fax(faxId);
    if (!f)
        return false;
    if (f->isFinal())
        return true;
    QString jobId = f->gatewayJobId;
    QString error;
    // A hand-over that was interrupted may have reached the gateway.
    if (jobId.isEmpty() && !f->gateway.isEmpty() && !m_gateway.findByTag(tagOf(faxId), &jobId, &error)) {
        qCWarning(lcFaxDispatch).noquote() << "fax" << faxId << "cannot be cancelled now:" << error;
        return false;
    }
    if (!jobId.isEmpty() && !m_gateway.cancel(jobId, &error)) {
        qCWarning(lcFaxDispatch).noquote()
            << "fax" << faxId << "cannot be cancelled at the gateway:" << error;
        return false;
    }
    end(*f, f->state, QStringLiteral("cancelled"), QStringLiteral("cancelled"),
        QStringLiteral("Cancelled by the sender"));
    return true;
}
