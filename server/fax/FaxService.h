#pragma once
#include "Clock.h"
#include "EventBus.h"
#include "FaxGateway.h"
#include "FaxNumber.h"
#include "JobService.h"
#include "RenderBudget.h"
#include "SecretKey.h"
#include "Spool.h"
#include "Store.h"
#include "UploadGate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class DocumentConverter;
class FaxDispatcher;

/// One addressee of a send: a name for the sent list and the number as typed.
struct FaxRecipient
{
    QString name;
    QString number;
};

/// Outcome of a send (or a resend, or a forward by the inbox) as the REST API answers it.
struct FaxSendResult
{
    enum class Status {
        Ok,                ///< 202 {"faxes"}
        NotFound,          ///< 404: no such draft or fax of the caller's
        WrongState,        ///< 409 wrong-state: already sent / not failed or cancelled
        NoRecipients,      ///< 400 no-recipients
        TooManyRecipients, ///< 400 too-many-recipients
        InvalidNumber,     ///< 400 invalid-number with `number` and `reason`
        Gone,              ///< 410 gone: the document is past keep-days
        Disabled,          ///< 503 fax-disabled: no gateway configured
        Failed             ///< 500 storage
    };
    Status status = Status::Failed;
    QJsonArray faxes;  ///< Ok: the created faxes' JSON (docs/fax.md "Fax JSON")
    QString errorCode; ///< the contract's code for !Ok ("invalid-number", "wrong-state", ...)
    QString number;    ///< InvalidNumber: the number as typed
    QString reason;    ///< InvalidNumber: the FaxNumber error code
    QString message;   ///< an English sentence for logs and API "message"
};

/// Outcome of a draft upload or a cover upload.
struct FaxDraftResult
{
    IngestResult::Status status = IngestResult::Status::StorageError;
    QString error; ///< a sentence the user can act on
    QString code;  ///< the upload refusal code (docs/api.md), or "bad-cover"
    QJsonObject args;
    QJsonObject draft; ///< Ok / Duplicate: the draft's JSON
};

/// Outcome of actions that name a draft, a fax or a contact.
enum class FaxActionResult { Ok, NotFound, WrongState, Forbidden, Invalid, Failed };

/// PC-fax sending (docs/fax.md): drafts stored like held jobs (encrypted, owned), their cover page and
/// page previews, sending to recipients, resend, cancel, the sent list, the phone book and the dial
/// plan. Thread-safe. A draft or fax that is not the caller's is NotFound, like jobs.
class FaxService
{
public:
    struct Settings
    {
        QString gateway;                  ///< the configured gateway's name; empty: fax disabled
        qint64 draftHoldSecs = 24 * 3600; ///< an unsent draft is dropped after this
        int keepDays = 30;                ///< default of fax_settings 'keep-days'
        qint64 maxDocumentBytes = 512LL * 1024 * 1024;
        int maxRecipients = 50;
        qint64 maxCoverBytes = 16LL * 1024 * 1024;
        RenderBudget render; ///< page previews: the thumbnails' image-pixel, output and time limits
    };

    FaxService(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
               Settings settings);

    /// Office documents and text are converted to PDF through `converter` (none: refused).
    void setConverter(DocumentConverter* converter) { m_converter = converter; }
    /// Bounds how many uploads one person sends at once, with their print jobs (none: no bound).
    void setUploadGate(UploadGate* gate) { m_uploads = gate; }
    /// The dispatcher is woken after a send and asked to cancel faxes at the gateway.
    void setDispatcher(FaxDispatcher* dispatcher) { m_dispatcher = dispatcher; }
    const Settings& settings() const { return m_settings; }

    /// The dial plan from fax_settings ('outside-prefix', 'extension-digits').
    FaxDialPlan dialPlan();
    /// Days a sent document stays for resend: fax_settings 'keep-days', else the configured default.
    int keepDays();
    /// GET /api/v1/fax/settings: enabled, outsidePrefix, extensionDigits, maxRecipients, gateway.
    QJsonObject settingsJson();

    /// Receives a document as a draft of `owner` (same rules, converters and refusals as a job upload);
    /// a repeated `captureId` answers the first draft (Duplicate) without reading the body.
    FaxDraftResult upload(const UserRecord& owner, const QString& name, const QString& declaredFormat,
                          const ByteSource& source, const QString& captureId);
    /// Makes a draft from a PDF (the inbox's forward). Returns its id, 0 with `error`.
    qint64 createDraftFromPdf(const UserRecord& owner, const QString& name, const FaxByteSource& pdf,
                              QString* error);
    /// The draft's JSON if it is the user's and whole.
    std::optional<QJsonObject> draftJson(const UserRecord& user, qint64 draftId);
    /// Sets the draft's one-page cover PDF: BadDocument with code bad-cover when it is not a one-page
    /// PDF; code "not-found" (status BadDocument) when the draft is not the user's or not a draft.
    FaxDraftResult setCover(const UserRecord& user, qint64 draftId, const ByteSource& pdf);
    /// Removes the draft's cover page.
    FaxActionResult removeCover(const UserRecord& user, qint64 draftId);
    /// Deletes a draft never sent (its key destroyed, its files removed).
    FaxActionResult deleteDraft(const UserRecord& user, qint64 draftId);
    /// Page `page` (1-based, cover first) of the user's draft as a grey PNG `width` px wide (64-1700).
    /// Empty when there is no such draft or page. A page over Settings::render (its images, its size,
    /// or rendering longer than render.thumbnailMs) is not rendered: the thumbnails' placeholder, at
    /// `width`, stands for it.
    QByteArray pagePng(const UserRecord& user, qint64 draftId, int page, int width);

    /// Sends a draft: every number is checked against the dial plan first (one bad number sends
    /// nothing), then one queued fax per recipient is stored with the draft marked sent, in one
    /// transaction, and the dispatcher woken.
    FaxSendResult send(const UserRecord& owner, qint64 draftId, const QList<FaxRecipient>& recipients);
    /// Sends a failed or cancelled fax again (to `number` when not empty) as a new fax.
    FaxSendResult resend(const UserRecord& owner, qint64 faxId, const QString& number);
    /// Cancels a fax that has not ended (at the gateway through the dispatcher when it is there).
    FaxActionResult cancel(const UserRecord& owner, qint64 faxId);
    /// The user's faxes of the last 90 days, newest first.
    QJsonArray sentJson(const UserRecord& user, int limit);
    /// One of the user's faxes.
    std::optional<QJsonObject> faxJson(const UserRecord& user, qint64 faxId);

    /// The phone book: the user's entries and their department's, matched on name or digits.
    QJsonArray contactsJson(const UserRecord& user, const QString& query);
    /// Adds an entry (scope personal or department); Invalid with `errorCode`/`reason` on a bad number.
    FaxActionResult addContact(const UserRecord& user, const QJsonObject& body, QJsonObject* contact,
                               QString* errorCode, QString* reason);
    /// Changes an entry: personal ones by their owner, department ones by their creator, the
    /// department's heads and admins (else Forbidden); another's personal entry is NotFound.
    FaxActionResult updateContact(const UserRecord& user, qint64 id, const QJsonObject& body,
                                  QJsonObject* contact, QString* errorCode, QString* reason);
    FaxActionResult removeContact(const UserRecord& user, qint64 id);

    /// Drops unsent drafts past their hold time, destroys the keys of sent documents past keep-days
    /// and removes uploads that broke off (the server's sweep).
    void sweep();
    /// Start-up: drops drafts that were still arriving.
    void reconcile();

    /// A fax's JSON (docs/fax.md "Fax JSON").
    static QJsonObject faxJson(const FaxOutRecord& fax);
    /// Opens one part of a fax's document for reading: the decrypting reader and its size. Used by the
    /// dispatcher; false when the draft's key is gone.
    bool openParts(qint64 draftId, QList<FaxDocumentPart>* parts);
    /// Publishes `fax-status` for the fax to its owner.
    void publish(qint64 faxId);

private:
    std::optional<FaxDraftRecord> ownedDraft(const UserRecord& user, qint64 draftId);
    QJsonObject draftJson(const FaxDraftRecord& d) const;
    FaxDraftResult receive(const UserRecord& owner, const QString& name, const QString& declaredFormat,
                           const ByteSource& source, const QString& captureId, const QString& source_);
    /// Checks the contact body's name, number and note; Invalid with codes when they are not usable.
    bool readContact(const QJsonObject& body, FaxContactRecord* c, QString* errorCode, QString* reason);
    bool mayEditContact(const UserRecord& user, const FaxContactRecord& c);
    void removeDraftFiles(const FaxDraftRecord& d);

    Store& m_store;
    Spool& m_spool;
    SecretKey m_kek;
    EventBus& m_events;
    const Clock& m_clock;
    Settings m_settings;
    DocumentConverter* m_converter = nullptr;
    UploadGate* m_uploads = nullptr;
    FaxDispatcher* m_dispatcher = nullptr;
};
