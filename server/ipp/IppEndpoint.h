#pragma once
#include "Authenticator.h"
#include "HttpServer.h"
#include "IppAttributes.h"

#include <QStringList>
#include <ctime>
#include <cups/ipp.h>

class JobService;
class Store;

/// The IPP Everywhere endpoint /ipp/print ("MPS Secure Print"): every job it accepts is held,
/// encrypted, for the authenticated user until released at an MFP.
class IppEndpoint
{
public:
    IppEndpoint(Store& store, JobService& jobs, Authenticator& auth, IppAttributes::PrinterIdentity identity,
                QStringList trustedUserHosts);
    ~IppEndpoint();

    /// What an IPP request may cost before it is parsed or its sender authenticated.
    struct Limits
    {
        qint64 maxAttributeBytes = 256 * 1024; ///< the attribute section, header included
        int maxAttributes = 2000;              ///< attribute and value entries in it
    };
    /// Sets the limits (defaults above). Call before serving.
    void setLimits(const Limits& limits);
    /// Writes the summaries of rate-limited refusal lines whose interval is over (`now` in seconds).
    static void flushLog(qint64 now);
    /// Refusal lines written so far (tests).
    static quint64 refusalLinesWritten();

    /// Handles one HTTP exchange for /ipp/print.
    void handle(HttpExchange& ex);
    /// The answer to a request for /ipp/print that is refused from its head alone (a large upload that
    /// waits for "100 Continue" without credentials: 401), before its body is read; see HttpHeadCheck.
    std::optional<HttpHeadAnswer> answerBeforeBody(const HttpExchange& ex) const;

private:
    struct Request;
    void process(Request& r);
    bool authenticate(Request& r, bool required);
    void getPrinterAttributes(Request& r);
    void printJob(Request& r);
    void validateJob(Request& r);
    void createJob(Request& r);
    void sendDocument(Request& r);
    void cancelJob(Request& r);
    void getJobAttributes(Request& r);
    void getJobs(Request& r);
    void holdOrReleaseJob(Request& r);
    void cancelMyJobs(Request& r);
    void closeJob(Request& r);
    bool validateJobTemplate(Request& r, JobInfo* meta, bool withDocumentFormat);
    bool ingestInto(Request& r, JobInfo meta, qint64 jobId);
    /// Looks up the job named by job-id/job-uri that the caller owns; sets an error status otherwise.
    std::optional<JobInfo> targetJob(Request& r);
    void addJobAttributes(Request& r, const JobInfo& job, cups_array_t* requested);
    /// The job's identity and state only: the answer to Print-Job, Create-Job and Send-Document.
    void addJobStatus(Request& r, const JobInfo& job);
    void respond(Request& r);

    Store& m_store;
    JobService& m_jobs;
    Authenticator& m_auth;
    IppAttributes::PrinterIdentity m_identity;
    QStringList m_trustedHosts;
    ipp_t* m_printerAttrs;
    time_t m_startTime;
    Limits m_limits;
};
