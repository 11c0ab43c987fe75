#pragma once
#include <QDateTime>
#include <QJsonObject>
#include <QString>

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

/// What the API says about one job (the API type shared by the server, the client and the kiosk).
struct JobInfo
{
    qint64 id = 0;
    QString owner;
    QString name;          ///< the document name as printed (display only, never a path)
    QString documentFormat;
    qint64 size = 0;       ///< plaintext bytes
    int pages = 0;
    bool color = false;    ///< document has or asks for colour
    QString pageSize;      ///< PWG media name of the first page, e.g. iso_a4_210x297mm
    PrintOptions options;
    JobState state = JobState::Held;
    QString stateReason;   ///< last release failure or other note for the owner
    QString printer;       ///< where it was released (when releasing or later)
    QDateTime submitted;
    QDateTime expires;
    int impressionsCompleted = 0;

    /// Sheets of paper this job takes with its options (duplex halves them).
    int sheets() const;
    QJsonObject toJson() const;
    static JobInfo fromJson(const QJsonObject& o);
};
