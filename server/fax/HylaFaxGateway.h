#pragma once
#include "FaxGateway.h"

class HylaFaxClient;

#include <QString>

/// The HylaFAX+ driver: speaks hfaxd's client protocol (HylaFaxClient) to a HylaFAX+ server that owns
/// the modems. Each call opens one short session (connect, USER/PASS, the commands, QUIT), bounded by
/// `timeoutMs` per step. The tag of a submission is stored in the job's JOBINFO parameter so that
/// findByTag() can find the job again after a crash. See docs/fax.md.
class HylaFaxGateway : public FaxGateway
{
public:
    /// Where and as whom to reach hfaxd.
    struct Settings
    {
        QString host = "127.0.0.1";
        quint16 port = 4559;
        QString user = "mps";
        QString password; ///< empty: hfaxd admits the host without a password (hosts.hfaxd)
        int timeoutMs = 15000;
    };

    /// A driver talking to the hfaxd of `settings`; nothing is connected until the first call.
    explicit HylaFaxGateway(Settings settings);

    /// "hylafax".
    QString name() const override;
    /// Uploads each part (STOT, streamed), creates the job (JNEW, JPARM ..., JSUBM) and returns its id.
    /// `retryable` is true when hfaxd could not be reached or did not answer in time, false when it
    /// refused a command. `nothingQueued` is false only when JSUBM's answer did not come.
    [[nodiscard]] bool submit(const FaxSubmission& fax, QString* gatewayJobId, QString* error,
                              bool* retryable, bool* nothingQueued = nullptr) override;
    /// Reads the job's state, pages, dials, remote id and status text and maps them (see the .cpp).
    [[nodiscard]] bool status(const QString& gatewayJobId, FaxGatewayStatus* out, QString* error) override;
    /// Kills (JKILL) a job that is still queued or active; true as well when it has already ended.
    [[nodiscard]] bool cancel(const QString& gatewayJobId, QString* error) override;
    /// Looks through hfaxd's send and done queues for a job whose JOBINFO is `tag`.
    [[nodiscard]] bool findByTag(const QString& tag, QString* gatewayJobId, QString* error) override;

    /// The reasonCode (docs/fax.md) of a failed HylaFAX job from its STATUSCODE and STATUS text:
    /// busy, no-answer, not-a-fax, line-error, invalid-number, gateway-refused or unknown.
    static QString reasonCodeFor(int statusCode, const QString& statusText);

private:
    /// Connects and logs in; false with `error` (the client tells whether it was transient).
    bool openSession(HylaFaxClient& client, QString* error) const;
    /// The newest job tagged `tag` (sendq before doneq) in an open session; empty when none.
    bool findInSession(HylaFaxClient& client, const QString& tag, QString* jobId, QString* error) const;

    Settings m_settings;
};
