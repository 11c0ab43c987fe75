#pragma once
#include "JobInfo.h"

#include <QString>
#include <QStringList>
#include <cups/ipp.h>

/// The IPP face of MPS: the attributes of the "MPS Secure Print" printer and of its jobs.
/// Kept apart from request handling so that the mapping is unit-testable.
namespace IppAttributes {

/// What varies between installations.
struct PrinterIdentity
{
    QString name = QStringLiteral("MPS Secure Print");
    QString info = QStringLiteral("Secure print: release your jobs at any MFP");
    QString location;
    QString host = QStringLiteral("localhost");
    int port = 8631;
    bool plainAllowed = false; ///< also advertise ipp:// (loopback test set-ups)
    QString uuid;              ///< urn:uuid:...
};

/// Document formats the hold queue accepts.
const QStringList& supportedFormats();

/// Builds the static printer attributes (everything but state and counters). Caller owns the result.
ipp_t* buildPrinterAttributes(const PrinterIdentity& id);

/// Adds the dynamic printer attributes (state, up-time, job count) to `dst`.
void addPrinterState(ipp_t* dst, int queuedJobs, time_t startTime, time_t configTime);

/// The IPP job-state enum for a job.
ipp_jstate_t jobState(JobState s);
/// The job-state-reasons keyword for a job.
const char* jobStateReason(JobState s);

/// Builds the job's attributes into a new ipp_t (job group). Caller owns the result.
ipp_t* buildJobAttributes(const JobInfo& job, const QString& printerUri, time_t startTime);

/// The printer-uri-supported value that a request should use for job-uri ("ipps://host:port/ipp/print").
QString printerUri(const PrinterIdentity& id, bool tls);

} // namespace IppAttributes
