#pragma once
#include "Clock.h"
#include "EventBus.h"
#include "FaxInboxStore.h"
#include "JobService.h"
#include "SecretKey.h"
#include "Spool.h"
#include "Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

class FaxService;

/// What the gateway says about one received call (docs/fax.md "Receiving").
struct FaxIntake
{
    QString gateway;    ///< the gateway's name (from its token)
    QString commid;     ///< HylaFAX+'s communication id: one call, stored once
    QString caller;     ///< caller number (CALLID1, NMBR)
    QString callerName; ///< caller name (CALLID2, NAME)
    QString did;        ///< dialled number (CALLID3, NDID)
    QString error;      ///< the reception's error; not empty for a partial reception
};

/// Outcome of FaxInbox::receive.
struct FaxIntakeResult
{
    enum class Status { Stored, Duplicate, Blocked, BadDocument, StorageError };
    Status status = Status::StorageError;
    qint64 id = 0;
    QString routedTo; ///< Stored: user, department or unrouted
    QString routedBy; ///< Stored: subaddress, did, default or unrouted
    QString error;    ///< BadDocument / StorageError: a sentence
};

/// Outcome of an inbox action requested by a user.
enum class FaxInboxResult { Ok, NotFound, Invalid, Forbidden, Failed };

/// The fax inbox (docs/fax.md): intake from the gateway (token, dedupe, junk block, routing, TIFF to
/// PDF, encrypted storage like a job, push events), and what a user does with received faxes: list,
/// PDF, page images, read/unread, delete, print as a held job, forward, block the sender. A user sees
/// their own mailbox and their department's; admins also the "unrouted" mailbox. Any other fax is
/// NotFound. Thread-safe.
class FaxInbox
{
public:
    struct Settings
    {
        qint64 maxTiffBytes = 64LL * 1024 * 1024;
    };

    FaxInbox(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
             JobService& jobs, Settings settings);

    /// Forwarding sends through `fax` (none: forward answers that faxing is disabled).
    void setFaxService(FaxService* fax) { m_fax = fax; }
    const Settings& settings() const { return m_settings; }

    /// The gateway a bearer token belongs to (`mps-admin fax gateway-token NAME`).
    std::optional<QString> gatewayForToken(const QByteArray& token);
    /// Takes one received fax: once per (gateway, commid); a blocked sender is only counted; otherwise
    /// it is routed, made into a PDF, stored encrypted (the whole fax or nothing) and announced.
    FaxIntakeResult receive(const FaxIntake& intake, const QByteArray& tiff);

    /// The faxes `user` may see, newest first.
    QList<FaxInboxRecord> list(const UserRecord& user, bool unreadOnly, int limit);
    /// One fax `user` may see.
    std::optional<FaxInboxRecord> faxFor(const UserRecord& user, qint64 id);
    /// The inbox fax JSON of docs/fax.md.
    QJsonObject toJson(const FaxInboxRecord& fax);
    /// The fax's PDF, decrypted into `pdf`.
    FaxInboxResult pdf(const UserRecord& user, qint64 id, QByteArray* pdf);
    /// Page `page` (1-based) as a grey PNG `width` pixels wide (64-1700).
    FaxInboxResult pagePng(const UserRecord& user, qint64 id, int page, int width, QByteArray* png);
    /// Marks the fax read or unread; members of a shared mailbox hear fax-inbox-changed.
    FaxInboxResult setRead(const UserRecord& user, qint64 id, bool read, FaxInboxRecord* fax);
    /// Deletes the fax for everyone who shares its mailbox: its key is destroyed, its file removed.
    FaxInboxResult remove(const UserRecord& user, qint64 id);
    /// Makes the fax's PDF a held print job of `user` (never printed by itself).
    IngestResult print(const UserRecord& user, qint64 id);
    /// Makes a draft of the fax's PDF and sends it to `recipients` through the fax service. Fills
    /// `faxes` (Ok) or `errorCode`/`message` (and for invalid-number `number`/`reason`); returns the HTTP
    /// status to answer.
    int forward(const UserRecord& user, qint64 id, const QJsonArray& recipients, QJsonObject* answer);
    /// Adds the fax's sender (number, else TSI) to `user`'s block list.
    FaxInboxResult blockSender(const UserRecord& user, qint64 id, FaxBlock* block);

    /// The user's own blocked senders (admins: also the global ones).
    QList<FaxBlock> blocked(const UserRecord& user);
    /// Adds a block to the user's list, or (admins, `global`) to the global list. Invalid: neither a
    /// number nor a TSI; Forbidden: a global block by a non-admin.
    FaxInboxResult addBlock(const UserRecord& user, const QString& number, const QString& tsi, bool global,
                            FaxBlock* block);
    /// Removes one of the user's blocks (admins: also global ones).
    FaxInboxResult removeBlock(const UserRecord& user, qint64 id);
    /// The JSON of a blocked sender.
    static QJsonObject blockJson(const FaxBlock& block);

    /// Digits of a caller number in one national form (0 + area code ...), for comparing numbers.
    static QString numberKey(const QString& number);

private:
    bool maySee(const UserRecord& user, const FaxInboxRecord& fax) const;
    /// Decrypts a stored fax's PDF into memory.
    bool readPdf(const FaxInboxRecord& fax, QByteArray* pdf);
    /// The user ids whose inbox shows `fax` (the user, the department's members, or the admins).
    QList<qint64> audience(const FaxInboxRecord& fax);
    /// The block that stops this caller for the mailbox user `userId` (0: global only), if any.
    std::optional<FaxBlock> matchBlock(qint64 userId, const QString& caller, const QString& tsi);

    Store& m_store;
    Spool& m_spool;
    SecretKey m_kek;
    EventBus& m_events;
    const Clock& m_clock;
    JobService& m_jobs;
    Settings m_settings;
    FaxService* m_fax = nullptr;
};
