#pragma once
#include "Clock.h"
#include "FaxGateway.h"
#include "Store.h"

#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <thread>

class FaxService;

/// Hands queued faxes to the gateway and follows them to the end, on its own thread (docs/fax.md):
/// submits with decrypting readers (no plaintext on disk), polls live faxes every poll-seconds, stores
/// and publishes every change (fax-status), writes the 'fax-sent' ledger row once per fax, and fails a
/// fax with gateway-unreachable after gateway-retry-minutes without the gateway. A fax whose hand-over
/// began before a crash is looked up by its tag first and never submitted twice.
class FaxDispatcher
{
public:
    struct Settings
    {
        int pollSecs = 5;
        int maxDials = 3;
        int maxTries = 3;
        int gatewayRetryMinutes = 60;
    };

    /// `gateway` must outlive the dispatcher; every call to it is made from one thread at a time.
    FaxDispatcher(Store& store, FaxService& faxes, FaxGateway& gateway, const Clock& clock,
                  Settings settings);
    ~FaxDispatcher();

    /// Starts the dispatcher's thread (which runs a pass at once: crash recovery included).
    void start();
    /// Stops the thread after the call in progress.
    void stop();
    /// Asks for a pass now (a fax was queued).
    void wake();
    /// Cancels a fax that has not ended, at the gateway when it is there. Runs on the dispatcher's thread
    /// when it is started (this call waits for it), else on the caller's. True when the fax is cancelled
    /// (or had ended meanwhile); false when the gateway could not cancel it now.
    bool cancel(qint64 faxId);
    /// One pass: pending cancels, then every live fax (hand-over of queued ones, status of the others).
    /// The thread calls it every poll-seconds; tests call it directly.
    void runOnce();
    /// The gateway's name (the ledger's printer column).
    QString gatewayName() const { return m_gatewayName; }

private:
    void loop();
    void handOver(const FaxOutRecord& fax);
    void poll(const FaxOutRecord& fax);
    bool cancelNow(qint64 faxId);
    /// True (and the fax failed with gateway-unreachable) when the gateway has been away too long.
    bool giveUpIfUnreachable(const FaxOutRecord& fax, qint64 since, const QString& error);
    void end(FaxOutRecord fax, const QString& fromState, const QString& state, const QString& reasonCode,
             const QString& reason);

    Store& m_store;
    FaxService& m_faxes;
    FaxGateway& m_gateway;
    const Clock& m_clock;
    Settings m_settings;
    QString m_gatewayName;
    std::map<qint64, qint64>
        m_unreachableSince; ///< fax id -> first failed status call (dispatcher thread only)

    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_running = false;
    bool m_woken = false;
    std::deque<std::pair<qint64, std::promise<bool>>> m_cancels;
    std::thread m_thread;
};
