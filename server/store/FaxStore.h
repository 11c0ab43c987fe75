#pragma once
#include "Database.h"

#include <QList>
#include <QMap>
#include <QString>
#include <mutex>
#include <optional>

class LedgerStore;
struct UsageRecord;

/// A document uploaded for faxing (fax_drafts), with what only the server may see.
struct FaxDraftRecord
{
    qint64 id = 0;
    qint64 ownerId = 0;
    QString name;
    QString state; ///< receiving, draft, sent, gone
    int pages = 0; ///< cover included
    int documentPages = 0;
    qint64 size = 0; ///< the document's plaintext bytes (cover not included)
    QString spoolName;
    QByteArray wrappedKey;
    QString coverSpoolName;
    QByteArray coverWrappedKey;
    qint64 coverSize = 0;
    QString captureId;
    QString source; ///< upload, forward
    qint64 created = 0;
    qint64 expires = 0; ///< draft: dropped after; sent: document key destroyed after (keep-days)

    bool hasCover() const { return !coverSpoolName.isEmpty(); }
};

/// One fax to one number (fax_out).
struct FaxOutRecord
{
    qint64 id = 0;
    qint64 draftId = 0;
    qint64 ownerId = 0;
    QString name; ///< the draft's name
    QString recipientName;
    QString number;     ///< display form
    QString dialString; ///< what the gateway dials
    QString state;      ///< queued, submitted, dialling, sending, sent, failed, cancelled
    QString reasonCode;
    QString reason;
    int pagesSent = 0;
    int pagesTotal = 0;
    QString remoteId;
    int durationSecs = 0;
    int attempts = 0;
    QString gateway;      ///< set when the hand-over to this gateway began (crash recovery looks it up)
    QString gatewayJobId; ///< the gateway's id once it accepted the fax
    qint64 submitted = 0;
    qint64 updated = 0;
    qint64 finished = 0; ///< 0 while live
    qint64 resendOf = 0;
    int chargedPages = 0;

    /// True for sent, failed and cancelled.
    bool isFinal() const;
};

/// A phone book entry (fax_contacts): personal (userId) or a department's (departmentId).
struct FaxContactRecord
{
    qint64 id = 0;
    qint64 userId = 0;
    qint64 departmentId = 0;
    QString department; ///< the department's code
    QString name;
    QString number;
    QString note;
    qint64 createdBy = 0;
    qint64 created = 0;
};

/// The outbound fax tables (fax_settings, fax_drafts, fax_out, fax_contacts) over the Store's
/// connection and lock (Store::fax()). docs/fax.md.
class FaxStore
{
public:
    FaxStore(Database& db, std::mutex& mutex, LedgerStore& ledger)
        : m_db(db), m_mutex(mutex), m_ledger(ledger)
    {
    }

    // Settings ('outside-prefix', 'extension-digits', 'keep-days'; written by mps-admin fax settings)
    /// The stored value of `key`, or `fallback` when it was never set.
    QString setting(const QString& key, const QString& fallback = QString());
    [[nodiscard]] bool setSetting(const QString& key, const QString& value);
    /// Forgets a setting (its default applies again).
    [[nodiscard]] bool clearSetting(const QString& key);

    // Drafts
    /// Creates an invisible draft in state receiving; returns its id, 0 on failure (also when the owner
    /// already has a draft from `captureId`).
    qint64 createReceivingDraft(qint64 ownerId, const QString& name, const QString& captureId,
                                const QString& source, qint64 now);
    /// The owner's draft that came from `captureId`, whatever its state.
    std::optional<FaxDraftRecord> draftByCaptureId(qint64 ownerId, const QString& captureId);
    /// Makes a received draft whole (state draft).
    [[nodiscard]] bool commitDraft(qint64 id, const QString& spoolName, const QByteArray& wrappedKey,
                                   int pages, qint64 size, qint64 expires);
    /// Removes a draft that never became whole.
    void discardReceivingDraft(qint64 id);
    std::optional<FaxDraftRecord> draft(qint64 id);
    /// Sets (or with an empty spool name removes) a draft's cover page; only in state draft. Returns
    /// false when the draft is not a draft any more. `previousSpoolName` gets the replaced cover's file.
    [[nodiscard]] bool setCover(qint64 id, const QString& spoolName, const QByteArray& wrappedKey,
                                qint64 size, QString* previousSpoolName);
    /// Deletes a draft that was never sent (its key with it); false when it is not in state draft.
    [[nodiscard]] bool deleteDraft(qint64 id);
    /// Drafts in `state` whose expiry is at or before `when`.
    QList<FaxDraftRecord> draftsExpiring(const QString& state, qint64 when);
    /// Receiving drafts created before `before` (uploads that broke off).
    QList<qint64> staleReceivingDrafts(qint64 before);
    /// Destroys a sent draft's keys (state gone); false while it still has a live fax.
    [[nodiscard]] bool markDraftGone(qint64 id);
    /// Drops every receiving draft (start-up); returns how many.
    int discardAllReceivingDrafts();

    // Sent faxes
    /// In one transaction: moves the draft from draft to sent (its document kept until `keepUntil`) and
    /// inserts one queued fax per row of `faxes` (ids filled in). False (nothing changed) when the draft
    /// is not in state draft.
    [[nodiscard]] bool sendDraft(qint64 draftId, qint64 keepUntil, QList<FaxOutRecord>* faxes);
    /// Inserts one more queued fax of a sent draft (a resend); fills in its id.
    [[nodiscard]] bool insertFax(FaxOutRecord* fax);
    std::optional<FaxOutRecord> fax(qint64 id);
    /// The owner's faxes submitted since `since`, newest first.
    QList<FaxOutRecord> faxesForOwner(qint64 ownerId, qint64 since, int limit);
    /// Faxes that have not ended, oldest first.
    QList<FaxOutRecord> liveFaxes();
    /// Records the start of a hand-over to `gateway` (before submit: crash recovery looks for the tag).
    [[nodiscard]] bool markHandingOver(qint64 id, const QString& gateway, qint64 now);
    /// Undoes markHandingOver for a fax still queued when the gateway holds nothing of it (a hand-over
    /// that failed before anything was queued there). Returns false on a database error.
    [[nodiscard]] bool clearHandingOver(qint64 id);
    /// Stores a live fax's progress (state, pages, remote, attempts, gateway id) if it is still in
    /// `fromState` (compare-and-set); false when someone else changed it.
    [[nodiscard]] bool updateLive(const FaxOutRecord& fax, const QString& fromState);
    /// Ends a live fax (sent, failed, cancelled) in `fromState` and, when `usage` has pages and none
    /// were charged yet, writes its ledger row, in one transaction. False when it was not in `fromState`.
    [[nodiscard]] bool finish(const FaxOutRecord& fax, const QString& fromState, const UsageRecord* usage);

    // Contacts
    /// The user's personal entries and their department's, matched on name or on digits of the number.
    QList<FaxContactRecord> contacts(qint64 userId, qint64 departmentId, const QString& query);
    std::optional<FaxContactRecord> contact(qint64 id);
    [[nodiscard]] bool addContact(FaxContactRecord* contact);
    [[nodiscard]] bool updateContact(const FaxContactRecord& contact);
    [[nodiscard]] bool removeContact(qint64 id);

private:
    static FaxDraftRecord readDraft(const Statement& s);
    static FaxOutRecord readFax(const Statement& s);
    static FaxContactRecord readContact(const Statement& s);

    Database& m_db;
    std::mutex& m_mutex;
    LedgerStore& m_ledger;
};
