#pragma once
#include <QList>
#include <QString>
#include <functional>

/// Source of a document's bytes for the gateway: fills `data` with up to `max` bytes, returns the
/// count, 0 at the end, -1 on a read error (the decrypting spool reader).
using FaxByteSource = std::function<qint64(char* data, qint64 max)>;

/// One document of a fax (the cover page, then the document), PDF.
struct FaxDocumentPart
{
    QString name;   ///< for logs and the gateway's file name
    qint64 size = 0; ///< exact byte count of the PDF
    FaxByteSource read;
};

/// What the dispatcher hands to a gateway: one fax to one number.
struct FaxSubmission
{
    QString tag;        ///< "mps-fax-<id>": finds the job again after a crash (findByTag)
    QString dialString; ///< FaxNumber::normalize's dialString (outside prefix and "#subaddress" included)
    QString senderName; ///< shown on the gateway (the user's display name)
    QList<FaxDocumentPart> parts;
    int maxDials = 3;
    int maxTries = 3;
};

/// A fax's state at the gateway.
struct FaxGatewayStatus
{
    enum class State { Queued, Dialling, Sending, Sent, Failed, Cancelled, Unknown };
    State state = State::Unknown;
    int pagesSent = 0;
    int pagesTotal = 0;
    QString remoteId;   ///< the remote's CSI/TSI, when known
    int durationSecs = 0;
    int attempts = 0;   ///< dial attempts so far
    QString reasonCode; ///< Failed: busy, no-answer, not-a-fax, line-error, invalid-number, gateway-refused, unknown
    QString reasonText; ///< the gateway's own words (English, for logs)
};

/// The driver boundary between MPS and a fax gateway (docs/fax.md). Every call blocks and is made
/// from the fax dispatcher's thread; implementations bound each call with a deadline.
class FaxGateway
{
public:
    virtual ~FaxGateway() = default;
    /// A short name for logs and the usage ledger ("hylafax").
    virtual QString name() const = 0;
    /// Hands one fax to the gateway. Returns false with `error` (and `retryable` true when the gateway
    /// could not be reached, false when it refused the fax); `nothingQueued`, when given, is then true
    /// when the gateway surely holds nothing of the fax that it could send (false when the answer to
    /// the final step was lost: findByTag tells later), so that it can be cancelled without asking.
    [[nodiscard]] virtual bool submit(const FaxSubmission& fax, QString* gatewayJobId, QString* error,
                                      bool* retryable, bool* nothingQueued = nullptr) = 0;
    /// The fax's current state. False with `error` when the gateway cannot be asked now.
    [[nodiscard]] virtual bool status(const QString& gatewayJobId, FaxGatewayStatus* out, QString* error) = 0;
    /// Stops and removes a fax that has not ended.
    [[nodiscard]] virtual bool cancel(const QString& gatewayJobId, QString* error) = 0;
    /// The gateway's job id of a fax submitted with `tag`, empty when there is none (crash recovery).
    /// False with `error` when the gateway cannot be asked now.
    [[nodiscard]] virtual bool findByTag(const QString& tag, QString* gatewayJobId, QString* error) = 0;
};
