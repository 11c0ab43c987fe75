#pragma once
#include "Database.h"

#include <QList>
#include <QString>
#include <mutex>
#include <optional>

/// One received fax (fax_inbox). The mailbox is a user, a department, or neither ("unrouted": the
/// admins' shared mailbox).
struct FaxInboxRecord
{
    qint64 id = 0;
    qint64 mailboxUserId = 0;
    qint64 mailboxDepartmentId = 0;
    QString routedBy; ///< subaddress, did, default, unrouted
    QString fromNumber;
    QString fromName;
    QString tsi;
    QString did;
    QString subaddress;
    int pages = 0;
    bool partial = false;
    QString error;
    qint64 received = 0; ///< UTC seconds
    QString gateway;
    QString commid;
    QString spoolName;
    QByteArray wrappedKey;
    qint64 size = 0;     ///< the PDF's bytes
    qint64 tiffSize = 0; ///< the TIFF's bytes as received
    qint64 readAt = 0;   ///< 0: unread
    qint64 readBy = 0;
};

/// A routing rule (fax_routes): a DID or a sub-address (or the default) to a user or a department.
struct FaxRoute
{
    QString kind; ///< did, subaddress, default
    QString value;
    qint64 userId = 0;
    qint64 departmentId = 0;
};

/// A blocked sender (fax_blocked): global (userId 0) or one user's.
struct FaxBlock
{
    qint64 id = 0;
    qint64 userId = 0;
    QString number; ///< as entered; matched on its digits
    QString tsi;
    int hits = 0;
    qint64 lastHit = 0;
    qint64 created = 0;
};

/// The receiving side's tables (fax_inbox, fax_routes, fax_blocked, fax_gateway_tokens), over the
/// Store's connection and lock. The fax settings (fax_settings) are FaxStore's.
class FaxInboxStore
{
public:
    FaxInboxStore(Database& db, std::mutex& mutex) : m_db(db), m_mutex(mutex) {}

    // Gateway tokens (only hashes are stored)
    /// Gives gateway `name` the token whose hash is `tokenHash`, replacing its old one.
    [[nodiscard]] bool setGatewayToken(const QString& name, const QByteArray& tokenHash, qint64 now);
    /// The name of the gateway whose token hashes to `tokenHash`.
    std::optional<QString> gatewayByTokenHash(const QByteArray& tokenHash);

    // Routes
    /// Adds or replaces the route for (kind, value); exactly one of userId, departmentId is non-zero.
    [[nodiscard]] bool setRoute(const FaxRoute& route);
    /// Removes a route; false when there was none.
    [[nodiscard]] bool removeRoute(const QString& kind, const QString& value);
    std::optional<FaxRoute> route(const QString& kind, const QString& value);
    QList<FaxRoute> routes();

    // Blocked senders
    /// Adds a block (userId 0: global); returns its id, 0 on error.
    qint64 addBlock(qint64 userId, const QString& number, const QString& tsi, qint64 now);
    std::optional<FaxBlock> block(qint64 id);
    /// Blocks of one user (userId > 0), the global ones (0), or all (-1), by id.
    QList<FaxBlock> blocks(qint64 userId);
    [[nodiscard]] bool removeBlock(qint64 id);
    /// Counts a hit on a block (hits + 1, lastHit = now).
    void countHit(qint64 id, qint64 now);

    // Inbox
    /// The fax already stored for (gateway, commid), if any (deleted ones too: never stored twice).
    std::optional<qint64> idByCommid(const QString& gateway, const QString& commid);
    /// Stores a received fax whose spool file is already in place; sets `fax->id`. Returns false with
    /// `duplicate` set when (gateway, commid) is already stored.
    [[nodiscard]] bool insert(FaxInboxRecord* fax, bool* duplicate);
    /// A fax that is not deleted.
    std::optional<FaxInboxRecord> fax(qint64 id);
    /// Faxes in the given mailboxes (a user's own, departments, and with `unrouted` the admins'),
    /// newest first.
    QList<FaxInboxRecord> list(qint64 userId, const QList<qint64>& departmentIds, bool unrouted,
                               bool unreadOnly, int limit);
    /// Marks a fax read by `userId` at `now`, or unread (now 0).
    [[nodiscard]] bool setRead(qint64 id, qint64 userId, qint64 now);
    /// Deletes a fax: its key is forgotten at once (the file is then unreadable) and its spool name
    /// returned in `spoolName` for removal. False when there is no such live fax.
    [[nodiscard]] bool remove(qint64 id, QString* spoolName);

private:
    static FaxInboxRecord readFax(const Statement& s);

    Database& m_db;
    std::mutex& m_mutex;
};
