#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class ApiClient;
class ApiReply;

/// One fax being written: the draft on the server (uploaded from a file, made by printing to
/// "MPS Fax", or an inbox fax to forward), its cover page, its pages for the preview, and the send.
/// Also knows the server's fax settings (dial plan, recipient limit). Every call is asynchronous;
/// state() says where it stands and errorOccurred() says what went wrong, in the person's words.
class FaxController : public QObject
{
    Q_OBJECT
public:
    /// Where the fax stands.
    enum class State {
        Empty,      ///< no document yet
        Uploading,  ///< the file is going to the server
        Converting, ///< uploaded; the server converts and counts it
        Loading,    ///< fetching an existing draft
        Ready,      ///< a draft to send
        Covering,   ///< the cover page is being added or removed
        Sending,    ///< the send call is under way
        Sent,       ///< sent: the faxes are queued on the server
        Failed,     ///< the document could not be had (upload refused, draft gone)
    };
    Q_ENUM(State)

    /// Creates a controller with no draft that talks to `api` (which must outlive it).
    explicit FaxController(ApiClient* api, QObject* parent = nullptr);
    ~FaxController() override;

    /// Returns the API client.
    ApiClient* api() const { return m_api; }
    /// Returns where the fax stands.
    State state() const { return m_state; }
    /// Returns the draft's id (0 before there is one).
    qint64 draftId() const { return m_draft.value(QLatin1String("id")).toVariant().toLongLong(); }
    /// Returns the draft JSON (docs/fax.md).
    QJsonObject draft() const { return m_draft; }
    /// Returns the pages of the draft, the cover included.
    int pages() const { return m_draft.value(QLatin1String("pages")).toInt(); }
    /// Returns the pages of the document alone.
    int documentPages() const;
    /// Returns true when the draft carries a cover page.
    bool hasCover() const { return m_draft.value(QLatin1String("hasCover")).toBool(); }
    /// Returns the draft's document name.
    QString name() const { return m_draft.value(QLatin1String("name")).toString(m_name); }
    /// Returns the server's fax settings (enabled, outsidePrefix, extensionDigits, maxRecipients).
    QJsonObject settings() const { return m_settings; }
    /// Returns the outside-line prefix of the dial plan.
    QString outsidePrefix() const { return m_settings.value(QLatin1String("outsidePrefix")).toString(); }
    /// Returns the digits of an internal extension (4 unless the server says otherwise).
    int extensionDigits() const { return m_settings.value(QLatin1String("extensionDigits")).toInt(4); }
    /// Returns the most recipients one send may have (0: unknown).
    int maxRecipients() const { return m_settings.value(QLatin1String("maxRecipients")).toInt(); }
    /// Returns false when the server says faxing is not set up (true until it said so).
    bool faxEnabled() const { return m_settings.value(QLatin1String("enabled")).toBool(true); }
    /// Returns true once the draft was sent (or handed over for forwarding): nothing to delete.
    bool isSent() const { return m_state == State::Sent; }

    /// Fetches the server's fax settings (settingsChanged() follows).
    void loadSettings();
    /// Uploads the file at `path` as a new draft.
    void uploadFile(const QString& path);
    /// Takes over the existing draft `draftId` (printed to "MPS Fax"), fetching it.
    void openDraft(qint64 draftId);
    /// Adds (or replaces) the cover page with the one-page PDF `pdf`.
    void setCover(const QByteArray& pdf);
    /// Removes the cover page.
    void removeCover();
    /// Sends the draft to `recipients` ([{name, number}]).
    void send(const QJsonArray& recipients);
    /// Deletes the draft on the server (closing without sending). Nothing happens once sent.
    void discard();
    /// Fetches page `page` of the draft `width` pixels wide; the caller owns the reply.
    ApiReply* page(int page, int width) const;

Q_SIGNALS:
    /// state() changed.
    void stateChanged(FaxController::State state);
    /// The draft changed (uploaded, fetched, cover added or removed).
    void draftChanged();
    /// The server's fax settings arrived.
    void settingsChanged();
    /// Upload progress: `sent` of `total` bytes.
    void uploadProgress(qint64 sent, qint64 total);
    /// Something failed; `message` says what and what to do. `code` is the server's error code and
    /// `answer` its error answer (e.g. "number" of invalid-number).
    void errorOccurred(const QString& message, const QString& code, const QJsonObject& answer);
    /// The fax went out: `faxes` are the queued faxes, one per recipient.
    void sent(const QJsonArray& faxes);

private:
    void setState(State state);
    void adopt(ApiReply* reply, State onFailure);

    ApiClient* m_api;
    QJsonObject m_draft;
    QJsonObject m_settings;
    QString m_name;
    QPointer<ApiReply> m_upload;
    State m_state = State::Empty;
};
