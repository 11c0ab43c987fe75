#include "HylaFaxGateway.h"

#include "HylaFaxClient.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <chrono>
#include <thread>

namespace {
Q_LOGGING_CATEGORY(lcHylaFaxGateway, "mps.server.fax", QtInfoMsg)

// hfaxd keeps a job this long after its time to send before failing it "Kill time expired"
// (JPARM LASTTIME, ddhhmm; the same as sendfax's default "now + 3 hours"). It must be set: the
// default job's kill time is relative to 1970.
const QString kLastTime = QStringLiteral("000300");
constexpr qint64 kMaxListing = 8 * 1024 * 1024;
constexpr qint64 kMaxSessionLog = 4 * 1024 * 1024;
constexpr int kNewestLogs = 4; // session logs searched for a call whose COMMID is not known yet

/*
 * Failure reasons from HylaFAX's status codes (STATUSCODE, and the text of STATUS). The codes and
 * texts are HylaFAX's own (faxd/STATUS.txt and faxd/ClassModem.c++ of HylaFAX 6.0 / HylaFAX+):
 *   000 Call successful                        001 Busy signal detected
 *   002 No carrier detected                    003 No answer from remote
 *   004 No local dialtone                      005 Invalid dialing command
 *   006 Unknown problem                        007 Carrier established, but Phase A failure
 *   008 Data connection established (wanted fax)   009 Glare - RING detected
 *   010 Blacklisted by modem                   011 Ringback detected, no answer without CED
 *   050-051 T.4 / procedure interrupt          100-199 Class 1 T.30 protocol failures, e.g.
 *   105 Failure to train modems, 126 No receiver protocol (T.30 T1 timeout), 122 Remote has no T.4
 *   receiver capability, 128 Remote fax disconnected prematurely, 131 Unable to transmit page
 *   (giving up after 3 attempts), 147 No response to PPS repeated 3 times
 *   200-299 Class 2 protocol failures (215/216/218 no answer, 261/264 remote cannot receive)
 *   314-323 document preparation failures      325 Kill time expired
 *   327 REJECT: Unable to convert dial string to canonical format
 *   328-332, 335, 336, 348 REJECT: the job was refused by faxq or its JobControl
 *   333 REJECT: Too many attempts to dial / "<last error>; too many attempts to dial"
 *   334 REJECT: Too many attempts to transmit / "<last error>; too many attempts to send"
 *   337-339, 342 Blocked/delayed (not failures)  344 Job interrupted by user
 *   345 Job aborted by request / Call aborted by user   350-351 Permission denied
 *   400-422 document/modem incompatibilities     9xx HylaFAX internal errors
 * 333 and 334 replace the code of the failure that led to them, so the first part of the text
 * ("Busy signal detected; too many attempts to dial") decides then.
 */
QString reasonForCode(int code)
{
    switch (code) {
    case 1:
        return QStringLiteral("busy");
    case 2:
    case 3:
    case 11:
    case 215:
    case 216:
    case 218:
        return QStringLiteral("no-answer");
    case 7:
    case 8:
    case 122:
    case 126:
    case 261:
    case 264:
        return QStringLiteral("not-a-fax");
    case 5:
    case 327:
        return QStringLiteral("invalid-number");
    case 10:
    case 314:
    case 315:
    case 316:
    case 317:
    case 318:
    case 319:
    case 320:
    case 321:
    case 322:
    case 323:
    case 326:
    case 328:
    case 329:
    case 330:
    case 331:
    case 332:
    case 335:
    case 336:
    case 347:
    case 348:
    case 350:
    case 351:
        return QStringLiteral("gateway-refused");
    default:
        break;
    }
    if (code == 4 || code == 9 || (code >= 50 && code <= 299) || (code >= 420 && code <= 422))
        return QStringLiteral("line-error");
    return QStringLiteral("unknown");
}

/// The code whose ClassModem/T.30 text starts `text` (for 333/334, whose own code hides it).
int codeForText(const QString& text)
{
    static const struct
    {
        const char* prefix;
        int code;
    } known[] = {
        {"Busy signal detected", 1},
        {"No carrier detected", 2},
        {"No answer from remote", 3},
        {"No local dialtone", 4},
        {"Invalid dialing command", 5},
        {"Carrier established, but Phase A failure", 7},
        {"Data connection established", 8},
        {"Glare", 9},
        {"Blacklisted by modem", 10},
        {"Ringback detected", 11},
        {"Remote has no T.4 receiver capability", 122},
        {"No receiver protocol", 126},
        {"Failure to train", 105},
        {"Remote fax disconnected prematurely", 128},
        {"Unable to transmit page", 131},
    };
    for (const auto& k : known)
        if (text.startsWith(QLatin1String(k.prefix), Qt::CaseInsensitive))
            return k.code;
    return -1;
}

QString reasonFor(int code, const QString& text)
{
    if (code == 333 || code == 334) {
        // The failure that used up the dials or tries decides; a protocol failure or a REJECT
        // without a known cause counts as no answer (dials) or a line error (tries).
        const int earlier = codeForText(text.section(QLatin1Char(';'), 0, 0).trimmed());
        if (earlier >= 0)
            return reasonForCode(earlier);
        return code == 333 ? QStringLiteral("no-answer") : QStringLiteral("line-error");
    }
    if (code == 0 || code == 999) {
        const int fromText = codeForText(text);
        if (fromText >= 0)
            return reasonForCode(fromText);
    }
    return reasonForCode(code);
}

/// What the job's session log (log/c<commid>) tells: the remote's CSI, whether the fax phase began,
/// and how long the call took.
struct SessionLog
{
    QString csi;
    bool connected = false;
    int durationSecs = 0;
};

SessionLog parseSessionLog(const QByteArray& data)
{
    SessionLog log;
    static const QRegularExpression csiRe(QStringLiteral("REMOTE CSI \"([^\"]*)\""));
    static const QRegularExpression timeRe(QStringLiteral("^\\w{3} +\\d+ (\\d\\d):(\\d\\d):(\\d\\d)"));
    int first = -1;
    int last = -1;
    const QString text = QString::fromUtf8(data);
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const auto t = timeRe.match(line);
        if (t.hasMatch()) {
            const int secs =
                t.captured(1).toInt() * 3600 + t.captured(2).toInt() * 60 + t.captured(3).toInt();
            if (first < 0)
                first = secs;
            last = secs;
        }
        const auto c = csiRe.match(line);
        if (c.hasMatch()) {
            log.csi = c.captured(1).trimmed();
            log.connected = true;
        }
        if (line.contains(QLatin1String("SEND training")) || line.contains(QLatin1String("REMOTE NSF")) ||
            line.contains(QLatin1String("SEND file")))
            log.connected = true;
    }
    if (first >= 0 && last >= 0) {
        int d = last - first;
        if (d < 0)
            d += 24 * 3600; // across midnight
        log.durationSecs = d;
    }
    return log;
}

/// Splits "021234567#77" into the number and the T.30 sub-address (sendfax does the same).
void splitSubaddress(const QString& dialString, QString* number, QString* subaddress)
{
    const int hash = dialString.indexOf(QLatin1Char('#'));
    *number = hash < 0 ? dialString : dialString.left(hash);
    *subaddress = hash < 0 ? QString() : dialString.mid(hash + 1);
}

bool isJobId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^\\d{1,9}$"));
    return re.match(id).hasMatch();
}
} // namespace

HylaFaxGateway::HylaFaxGateway(Settings settings) : m_settings(std::move(settings)) {}

QString HylaFaxGateway::reasonCodeFor(int statusCode, const QString& statusText)
{
    return reasonFor(statusCode, statusText);
}

QString HylaFaxGateway::name() const
{
    return QStringLiteral("hylafax");
}

bool HylaFaxGateway::openSession(HylaFaxClient& client, QString* error) const
{
    if (client.connectToHost(m_settings.host, m_settings.port) &&
        client.login(m_settings.user, m_settings.password))
        return true;
    if (error)
        *error = QStringLiteral("HylaFAX gateway %1:%2: %3")
                     .arg(m_settings.host)
                     .arg(m_settings.port)
                     .arg(client.errorString());
    client.quit();
    return false;
}

bool HylaFaxGateway::findInSession(HylaFaxClient& client, const QString& tag, QString* jobId,
                                   QString* error) const
{
    jobId->clear();
    if (!client.expect(QStringLiteral("JOBFMT ") + HylaFaxClient::quoted(QStringLiteral("%j|%J")), 200,
                       299)) {
        if (error)
            *error = client.errorString();
        return false;
    }
    // sendq first: a job still under way wins over an old one with the same tag.
    for (const QString& queue : {QStringLiteral("sendq"), QStringLiteral("doneq")}) {
        QByteArray listing;
        if (!client.retrieve(QStringLiteral("LIST ") + queue, &listing, kMaxListing)) {
            if (error)
                *error = client.errorString();
            return false;
        }
        int best = -1;
        for (const QByteArray& raw : listing.split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            const int bar = line.indexOf(QLatin1Char('|'));
            if (bar <= 0 || line.mid(bar + 1) != tag)
                continue;
            bool ok = false;
            const int id = line.left(bar).toInt(&ok);
            if (ok && id > best)
                best = id;
        }
        if (best >= 0) {
            *jobId = QString::number(best);
            return true;
        }
    }
    return true;
}

bool HylaFaxGateway::submit(const FaxSubmission& fax, QString* gatewayJobId, QString* error, bool* retryable,
                            bool* nothingQueued)
{
    auto refuse = [&](const QString& message, bool transient, bool maybeQueued = false) {
        if (error)
            *error = message;
        if (retryable)
            *retryable = transient;
        if (nothingQueued)
            *nothingQueued = !maybeQueued;
        qCWarning(lcHylaFaxGateway) << "fax" << fax.tag << "not handed to HylaFAX:" << message;
        return false;
    };
    if (fax.parts.isEmpty())
        return refuse(QStringLiteral("a fax needs at least one document"), false);

    HylaFaxClient client(m_settings.timeoutMs);
    QString sessionError;
    if (!openSession(client, &sessionError))
        return refuse(sessionError, client.failureIsTransient());
    auto clientFailed = [&](const QString& step) {
        const QString message = QStringLiteral("%1: %2").arg(step, client.errorString());
        const bool transient = client.failureIsTransient();
        client.quit();
        return refuse(message, transient);
    };

    // Submitting is idempotent by tag: a job already there (an earlier attempt whose answer was
    // lost, or a crash after JSUBM) is that fax; never queue it twice.
    QString existing;
    if (!fax.tag.isEmpty()) {
        QString findError;
        if (!findInSession(client, fax.tag, &existing, &findError))
            return clientFailed(QStringLiteral("looking for an earlier submission"));
        if (!existing.isEmpty()) {
            qCInfo(lcHylaFaxGateway) << "fax" << fax.tag << "is already HylaFAX job" << existing;
            client.quit();
            *gatewayJobId = existing;
            return true;
        }
    }

    // Documents first: STOT files live as long as this session, and JPARM DOCUMENT links them.
    QStringList documents;
    for (const FaxDocumentPart& part : fax.parts) {
        QString path;
        if (!client.storeTemporary(QStringLiteral("PDF"), part.size, part.read, &path))
            return clientFailed(QStringLiteral("uploading %1").arg(part.name));
        documents << path;
    }

    HylaFaxClient::Reply reply;
    if (!client.expect(QStringLiteral("JNEW"), 200, 299, &reply))
        return clientFailed(QStringLiteral("creating the job"));
    static const QRegularExpression jobRe(QStringLiteral("jobid: (\\d+)"));
    const QString jobId = jobRe.match(reply.text()).captured(1);
    if (jobId.isEmpty())
        return clientFailed(QStringLiteral("hfaxd named no job id (%1)").arg(reply.text()));

    QString number;
    QString subaddress;
    splitSubaddress(fax.dialString, &number, &subaddress);
    const QString sender = fax.senderName.trimmed().isEmpty() ? m_settings.user : fax.senderName.trimmed();
    QStringList parameters = {
        QStringLiteral("FROMUSER ") + HylaFaxClient::quoted(sender),
        QStringLiteral("LASTTIME ") + kLastTime,
        QStringLiteral("MAXDIALS %1").arg(qBound(1, fax.maxDials, 99)),
        QStringLiteral("MAXTRIES %1").arg(qBound(1, fax.maxTries, 99)),
        QStringLiteral("DIALSTRING ") + HylaFaxClient::quoted(number),
        QStringLiteral("NOTIFY NONE"),
        QStringLiteral("JOBINFO ") + HylaFaxClient::quoted(fax.tag),
    };
    if (!subaddress.isEmpty())
        parameters << QStringLiteral("SUBADDR ") + HylaFaxClient::quoted(subaddress);
    for (const QString& document : documents)
        parameters << QStringLiteral("DOCUMENT ") + document;

    bool ok = true;
    bool submitting = false;
    QString failedStep;
    for (const QString& parameter : parameters) {
        if (!client.expect(QStringLiteral("JPARM ") + parameter, 200, 299)) {
            ok = false;
            failedStep = QStringLiteral("setting %1").arg(parameter.section(QLatin1Char(' '), 0, 0));
            break;
        }
    }
    if (ok && !client.expect(QStringLiteral("JSUBM ") + jobId, 200, 299)) {
        ok = false;
        submitting = true;
        failedStep = QStringLiteral("submitting job %1").arg(jobId);
    }
    if (!ok) {
        const QString message = QStringLiteral("%1: %2").arg(failedStep, client.errorString());
        const bool transient = client.failureIsTransient();
        // The half-made job is still suspended: remove it (best effort; hfaxd drops blank jobs too).
        HylaFaxClient::Reply ignored;
        (void)client.command(QStringLiteral("JDELE ") + jobId, &ignored);
        client.quit();
        // A JSUBM that was refused queued nothing; one whose answer never came may have.
        return refuse(message, transient, submitting && transient);
    }
    client.quit();
    qCInfo(lcHylaFaxGateway) << "fax" << fax.tag << "is HylaFAX job" << jobId << "with" << fax.parts.size()
                             << "document(s)";
    *gatewayJobId = jobId;
    if (retryable)
        *retryable = false;
    return true;
}

bool HylaFaxGateway::status(const QString& gatewayJobId, FaxGatewayStatus* out, QString* error)
{
    *out = FaxGatewayStatus();
    if (!isJobId(gatewayJobId)) {
        if (error)
            *error = QStringLiteral("not a HylaFAX job id: %1").arg(gatewayJobId);
        return false;
    }
    HylaFaxClient client(m_settings.timeoutMs);
    if (!openSession(client, error))
        return false;
    HylaFaxClient::Reply reply;
    if (!client.command(QStringLiteral("JOB ") + gatewayJobId, &reply)) {
        if (error)
            *error = client.errorString();
        client.quit();
        return false;
    }
    if (reply.code >= 500) {
        // Neither in sendq nor in doneq: removed at the gateway (by an administrator or faxqclean).
        client.quit();
        out->state = FaxGatewayStatus::State::Failed;
        out->reasonCode = QStringLiteral("unknown");
        out->reasonText = QStringLiteral("HylaFAX no longer has job %1 (%2)").arg(gatewayJobId, reply.text());
        return true;
    }
    if (reply.code >= 300) {
        if (error)
            *error = QStringLiteral("JOB %1: %2 %3").arg(gatewayJobId).arg(reply.code).arg(reply.text());
        client.quit();
        return false;
    }

    QHash<QString, QString> values;
    for (const QString& name :
         {QStringLiteral("STATE"), QStringLiteral("STATUS"), QStringLiteral("STATUSCODE"),
          QStringLiteral("NPAGES"), QStringLiteral("TOTPAGES"), QStringLiteral("TOTDIALS"),
          QStringLiteral("TOTTRIES"), QStringLiteral("COMMID")}) {
        if (!client.expect(QStringLiteral("JPARM ") + name, 200, 299, &reply)) {
            if (error)
                *error = QStringLiteral("reading job %1: %2").arg(gatewayJobId, client.errorString());
            client.quit();
            return false;
        }
        values.insert(name, reply.text().trimmed());
    }
    const QString state = values.value(QStringLiteral("STATE")).toUpper();
    const QString statusText = values.value(QStringLiteral("STATUS"));
    const int statusCode = values.value(QStringLiteral("STATUSCODE")).toInt();
    const QString commId = values.value(QStringLiteral("COMMID"));
    out->pagesSent = values.value(QStringLiteral("NPAGES")).toInt();
    out->pagesTotal = values.value(QStringLiteral("TOTPAGES")).toInt();
    out->attempts = values.value(QStringLiteral("TOTDIALS")).toInt();
    out->reasonText = statusText;

    const bool active = state == QLatin1String("ACTIVE");
    const bool ended = state == QLatin1String("DONE") || state == QLatin1String("FAILED");
    SessionLog session;
    static const QRegularExpression commRe(QStringLiteral("^[0-9]{1,12}$"));
    if ((active || ended) && commRe.match(commId).hasMatch()) {
        // The remote's CSI and the call's length are only in the session log (best effort).
        QByteArray log;
        if (client.retrieve(QStringLiteral("RETR log/c") + commId, &log, kMaxSessionLog))
            session = parseSessionLog(log);
        else
            qCDebug(lcHylaFaxGateway) << "no session log for job" << gatewayJobId << client.errorString();
    } else if (active) {
        // faxsend writes the COMMID into the job only after the first page: until then, look for
        // the call among the newest session logs (one per modem at most is active).
        QByteArray names;
        if (client.retrieve(QStringLiteral("NLST log"), &names, kMaxListing)) {
            static const QRegularExpression nameRe(QStringLiteral("(?:^|/)c(\\d{1,12})$"));
            QList<qint64> ids;
            for (const QByteArray& raw : names.split('\n')) {
                const auto m = nameRe.match(QString::fromUtf8(raw).trimmed());
                if (m.hasMatch())
                    ids << m.captured(1).toLongLong();
            }
            std::sort(ids.begin(), ids.end(), std::greater<>());
            const QByteArray marker = QStringLiteral("SEND FAX: JOB %1 ").arg(gatewayJobId).toUtf8();
            for (int i = 0; i < ids.size() && i < kNewestLogs; ++i) {
                QByteArray log;
                if (!client.retrieve(QStringLiteral("RETR log/c%1").arg(ids[i], 9, 10, QLatin1Char('0')),
                                     &log, kMaxSessionLog))
                    break;
                if (log.contains(marker)) {
                    session = parseSessionLog(log);
                    break;
                }
            }
        }
    }
    client.quit();
    out->remoteId = session.csi;

    if (state == QLatin1String("DONE")) {
        out->state = FaxGatewayStatus::State::Sent;
        out->durationSecs = session.durationSecs;
        out->reasonText.clear();
    } else if (state == QLatin1String("FAILED")) {
        out->durationSecs = session.durationSecs;
        if (statusCode == 344 || statusCode == 345) {
            out->state = FaxGatewayStatus::State::Cancelled;
            out->reasonCode = QStringLiteral("cancelled");
        } else {
            out->state = FaxGatewayStatus::State::Failed;
            out->reasonCode = reasonCodeFor(statusCode, statusText);
        }
    } else if (active) {
        out->state = out->pagesSent > 0 || session.connected ? FaxGatewayStatus::State::Sending
                                                             : FaxGatewayStatus::State::Dialling;
    } else if (state == QLatin1String("SUSPENDED") || state == QLatin1String("PENDING") ||
               state == QLatin1String("SLEEPING") || state == QLatin1String("BLOCKED") ||
               state == QLatin1String("READY")) {
        out->state = FaxGatewayStatus::State::Queued;
    } else {
        out->state = FaxGatewayStatus::State::Unknown;
    }
    return true;
}

bool HylaFaxGateway::cancel(const QString& gatewayJobId, QString* error)
{
    if (!isJobId(gatewayJobId)) {
        if (error)
            *error = QStringLiteral("not a HylaFAX job id: %1").arg(gatewayJobId);
        return false;
    }
    HylaFaxClient client(m_settings.timeoutMs);
    if (!openSession(client, error))
        return false;
    auto failed = [&](const QString& step) {
        if (error)
            *error = QStringLiteral("%1 job %2: %3").arg(step, gatewayJobId, client.errorString());
        client.quit();
        return false;
    };
    // Reads the job's state afresh from disk; empty when the job is gone.
    auto readState = [&](QString* state) {
        HylaFaxClient::Reply reply;
        if (!client.command(QStringLiteral("JOB ") + gatewayJobId, &reply))
            return false;
        if (reply.code >= 500) {
            state->clear();
            return true;
        }
        if (!client.expect(QStringLiteral("JPARM STATE"), 200, 299, &reply))
            return false;
        *state = reply.text().trimmed().toUpper();
        return true;
    };
    auto ended = [](const QString& s) { return s == QLatin1String("DONE") || s == QLatin1String("FAILED"); };

    QString state;
    if (!readState(&state))
        return failed(QStringLiteral("looking up"));
    if (state.isEmpty() || ended(state)) {
        client.quit();
        return true; // nothing left to stop
    }
    HylaFaxClient::Reply reply;
    if (!client.command(QStringLiteral("JKILL ") + gatewayJobId, &reply))
        return failed(QStringLiteral("killing"));
    if (reply.code >= 300) {
        // 504 "already done" when it ended meanwhile; anything else is a refusal.
        const int code = reply.code;
        const QString text = reply.text();
        if (!readState(&state))
            return failed(QStringLiteral("checking"));
        if (!state.isEmpty() && !ended(state)) {
            if (error)
                *error = QStringLiteral("HylaFAX refused to kill job %1: %2 %3")
                             .arg(gatewayJobId)
                             .arg(code)
                             .arg(text);
            client.quit();
            return false;
        }
    }

    // faxq moves a killed job to doneq (FAILED "Job aborted by request"), at once when it was
    // waiting, after the call is torn down when it was active. Remove it from there.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_settings.timeoutMs);
    while (true) {
        if (!readState(&state))
            return failed(QStringLiteral("checking"));
        if (state.isEmpty())
            break;
        // JDELE fails (504 "Job file lock failed") while faxq still holds the job: try again.
        if ((ended(state) || state == QLatin1String("SUSPENDED")) &&
            client.command(QStringLiteral("JDELE ") + gatewayJobId, &reply) && reply.code < 300)
            break;
        if (std::chrono::steady_clock::now() >= deadline) {
            qCInfo(lcHylaFaxGateway) << "HylaFAX job" << gatewayJobId << "killed; not removed yet:" << state
                                     << reply.text();
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    client.quit();
    qCInfo(lcHylaFaxGateway) << "HylaFAX job" << gatewayJobId << "cancelled";
    return true;
}

bool HylaFaxGateway::findByTag(const QString& tag, QString* gatewayJobId, QString* error)
{
    gatewayJobId->clear();
    if (tag.isEmpty())
        return true;
    HylaFaxClient client(m_settings.timeoutMs);
    if (!openSession(client, error))
        return false;
    QString findError;
    const bool ok = findInSession(client, tag, gatewayJobId, &findError);
    client.quit();
    if (!ok && error)
        *error = QStringLiteral("listing HylaFAX's jobs: %1").arg(findError);
    return ok;
}
