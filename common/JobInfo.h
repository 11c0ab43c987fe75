#pragma once
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// Lifecycle of a held job.
enum class JobState {
    Receiving, ///< being uploaded; never visible to anyone
    Held,      ///< waiting for its owner to release it
    Releasing, ///< queued or being sent to a printer
    Printing,  ///< accepted by the printer, being followed
    Printed,   ///< completed on the printer (terminal)
    Deleted,   ///< deleted by its owner or an admin before printing (terminal)
    Expired,   ///< not released within the hold time (terminal)
};

/// Returns the API name of a state ("held", "printed", ...), and back.
QString jobStateName(JobState s);
JobState jobStateFromName(const QString& name, bool* ok = nullptr);

/// Print options a user can change before release.
struct PrintOptions
{
    int copies = 1;
    QString sides = QStringLiteral("one-sided"); ///< IPP sides keyword
    QString colorMode = QStringLiteral("auto");  ///< IPP print-color-mode keyword (auto, color, monochrome)

    bool isDuplex() const { return sides != QLatin1String("one-sided"); }
    QJsonObject toJson() const;
    /// Reads the fields present in `o`; returns false and sets `error` for an invalid value.
    [[nodiscard]] bool mergeJson(const QJsonObject& o, QString* error);
};

/// Why a job is where it is (a release that failed, a deletion, expiry): a stable code with arguments,
/// which the apps translate, and the server's English sentence, which the IPP job-state-message, the
/// logs and apps older than the codes show. The factories are the catalogue of codes and their
/// arguments (docs/api.md); the server builds every reason through them.
struct StateReason
{
    QString code;     ///< "printer-fault", "deleted", ...; empty when there is no reason
    QJsonObject args; ///< the code's arguments, e.g. {"printer": "3F-East", "faults": ["media-jam"]}
    QString text;     ///< the English sentence; empty with the code when there is no reason

    /// Returns "`printer` cannot print now (paper jam)": `faults` are printer-state-reasons keywords
    /// (PrinterStatus::blockingFaults). `detail` replaces the fault words in the English sentence
    /// (why an unreachable printer could not be reached).
    static StateReason printerFault(const QString& printer, const QStringList& faults,
                                    const QString& detail = {});
    /// Returns "`printer` cannot print `format` documents" (a MIME type).
    static StateReason formatUnsupported(const QString& printer, const QString& format);
    /// Returns "the job's document could not be opened on the server".
    static StateReason documentUnreadable();
    /// Returns "`printer` stayed busy too long".
    static StateReason printerBusy(const QString& printer);
    /// Returns "`printer` refused or failed the job": `detail` is libcups' English explanation.
    static StateReason printerError(const QString& printer, const QString& detail);
    /// Returns "lost contact with `printer` while printing" (the job may have printed).
    static StateReason lostContact(const QString& printer);
    /// Returns "`printer` aborted (or canceled) the job" with its job-state-reasons; it was not charged.
    static StateReason printerEnded(const QString& printer, bool aborted, const QStringList& reasons);
    /// Returns "the release was interrupted" (found at start-up); `printer` may be empty.
    static StateReason releaseInterrupted(const QString& printer);
    /// Returns "deleted by `by`".
    static StateReason deleted(const QString& by);
    /// Returns "not released within the hold time".
    static StateReason expired();

    /// Returns printer fault keywords in English words ("paper jam, out of toner").
    static QString describeFaults(const QStringList& faults);
};

/// What the API says about one job (the API type shared by the server, the client and the kiosk).
struct JobInfo
{
    qint64 id = 0;
    QString owner;
    QString name; ///< the document name as printed (display only, never a path)
    QString documentFormat;
    qint64 size = 0; ///< plaintext bytes
    int pages = 0;
    bool color = false; ///< document has or asks for colour
    QString pageSize;   ///< PWG media name of the first page, e.g. iso_a4_210x297mm
    PrintOptions options;
    JobState state = JobState::Held;
    QString stateReason;     ///< last release failure or other note for the owner, in English
    QString stateReasonCode; ///< its stable code (StateReason); empty for jobs stored before codes existed
    QJsonObject stateReasonArgs; ///< the code's arguments
    QString printer;             ///< where it was released (when releasing or later)
    QDateTime submitted;
    QDateTime expires;
    int impressionsCompleted = 0;

    /// Sets stateReason, stateReasonCode and stateReasonArgs from one reason.
    void setReason(const StateReason& r);
    /// Sheets of paper this job takes with its options (duplex halves them).
    int sheets() const;
    QJsonObject toJson() const;
    static JobInfo fromJson(const QJsonObject& o);
};
