#include "PrinterClient.h"

#include "Log.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <algorithm>
#include <cups/cups.h>
#include <memory>

namespace {

struct HttpCloser
{
    void operator()(http_t* h) const { httpClose(h); }
};
struct IppDeleter
{
    void operator()(ipp_t* i) const { ippDelete(i); }
};
using HttpPtr = std::unique_ptr<http_t, HttpCloser>;
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

struct Target
{
    HttpPtr http;
    QByteArray uri;
    QByteArray resource;
    QString error;
};

Target connectTo(const QString& uri, int timeoutMs)
{
    Target t;
    t.uri = uri.toUtf8();
    char scheme[32], user[256], host[256], resource[1024];
    int port = 0;
    if (httpSeparateURI(HTTP_URI_CODING_ALL, t.uri.constData(), scheme, sizeof scheme, user, sizeof user,
                        host, sizeof host, &port, resource, sizeof resource) < HTTP_URI_STATUS_OK) {
        t.error = QStringLiteral("The printer address %1 is not a valid IPP URI.").arg(uri);
        return t;
    }
    const bool tls = qstrcmp(scheme, "ipps") == 0 || qstrcmp(scheme, "https") == 0;
    t.resource = resource;
    t.http.reset(httpConnect2(host, port, nullptr, AF_UNSPEC,
                              tls ? HTTP_ENCRYPTION_ALWAYS : HTTP_ENCRYPTION_IF_REQUESTED, 1, timeoutMs,
                              nullptr));
    if (!t.http)
        t.error = QStringLiteral("The printer at %1 cannot be reached.").arg(QString::fromUtf8(host));
    else
        httpSetTimeout(t.http.get(), 30.0, nullptr, nullptr);
    return t;
}

QStringList strings(ipp_t* ipp, const char* name)
{
    QStringList out;
    if (ipp_attribute_t* a = ippFindAttribute(ipp, name, IPP_TAG_ZERO)) {
        for (int i = 0; i < ippGetCount(a); ++i)
            if (const char* s = ippGetString(a, i, nullptr))
                out << QString::fromUtf8(s);
    }
    return out;
}

QList<int> integers(ipp_t* ipp, const char* name)
{
    QList<int> out;
    if (ipp_attribute_t* a = ippFindAttribute(ipp, name, IPP_TAG_ZERO))
        for (int i = 0; i < ippGetCount(a); ++i)
            out << ippGetInteger(a, i);
    return out;
}

QString stripSeverity(QString reason)
{
    for (const char* suffix : {"-error", "-warning", "-report"})
        if (reason.endsWith(QLatin1String(suffix)))
            return reason.left(reason.size() - static_cast<int>(qstrlen(suffix)));
    return reason;
}

} // namespace

QStringList PrinterStatus::blockingFaults() const
{
    static const QStringList blocking = {
        QStringLiteral("media-jam"),
        QStringLiteral("media-empty"),
        QStringLiteral("media-needed"),
        QStringLiteral("toner-empty"),
        QStringLiteral("marker-supply-empty"),
        QStringLiteral("door-open"),
        QStringLiteral("cover-open"),
        QStringLiteral("offline"),
        QStringLiteral("shutdown"),
        QStringLiteral("input-tray-missing"),
        QStringLiteral("output-area-full"),
        QStringLiteral("paused"),
    };
    QStringList out;
    if (!reachable) {
        out << QStringLiteral("offline");
        return out;
    }
    // Severity suffixes vary by vendor (ippeveprinter reports an empty tray as media-empty-report and a
    // waiting job as media-needed-warning): the condition itself decides, whatever the suffix.
    for (const QString& r : reasons) {
        const QString base = stripSeverity(r);
        if (blocking.contains(base) && !out.contains(base))
            out << base;
    }
    if (state == QLatin1String("stopped") && out.isEmpty())
        out << QStringLiteral("stopped");
    return out;
}

bool PrinterStatus::printsColor() const
{
    if (!colorModes.isEmpty())
        return colorModes.contains(QLatin1String("color"));
    return color;
}

QJsonObject PrinterStatus::capabilitiesJson() const
{
    if (!capabilitiesKnown)
        return {};
    return {{QStringLiteral("sides"), QJsonArray::fromStringList(sides)},
            {QStringLiteral("color"), printsColor()},
            {QStringLiteral("copiesMax"), copiesMax},
            {QStringLiteral("media"), QJsonArray::fromStringList(media)}};
}

void PrinterStatus::inheritCapabilities(const PrinterStatus& earlier)
{
    if (capabilitiesKnown || !earlier.capabilitiesKnown)
        return;
    sides = earlier.sides;
    color = earlier.color;
    colorModes = earlier.colorModes;
    copiesMax = earlier.copiesMax;
    media = earlier.media;
    capabilitiesKnown = true;
}

QJsonObject PrinterStatus::toJson() const
{
    QJsonArray sup;
    for (const SupplyLevel& s : supplies)
        sup.append(QJsonObject{{QStringLiteral("name"), s.name},
                               {QStringLiteral("type"), s.type},
                               {QStringLiteral("color"), s.color},
                               {QStringLiteral("level"), s.level}});
    QJsonObject o{
        {QStringLiteral("reachable"), reachable},
        {QStringLiteral("state"), reachable ? state : QStringLiteral("offline")},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
        {QStringLiteral("faults"), QJsonArray::fromStringList(blockingFaults())},
        {QStringLiteral("canPrint"), canPrint()},
        {QStringLiteral("makeAndModel"), makeAndModel},
        {QStringLiteral("color"), color},
        {QStringLiteral("duplex"), sides.size() > 1},
        {QStringLiteral("supplies"), sup},
        {QStringLiteral("error"), error},
        {QStringLiteral("checked"), QDateTime::fromSecsSinceEpoch(checkedAt, Qt::UTC).toString(Qt::ISODate)}};
    // Absent until the printer has answered once: the apps then offer what they always did.
    if (capabilitiesKnown)
        o.insert(QStringLiteral("capabilities"), capabilitiesJson());
    return o;
}

PrinterStatus PrinterClient::query(const QString& uri, int timeoutMs)
{
    PrinterStatus st;
    st.checkedAt = QDateTime::currentSecsSinceEpoch();
    Target t = connectTo(uri, timeoutMs);
    if (!t.http) {
        st.error = t.error;
        return st;
    }
    ipp_t* req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, t.uri.constData());
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, "mps-server");
    static const char* const wanted[] = {"printer-state",
                                         "printer-state-reasons",
                                         "document-format-supported",
                                         "pwg-raster-document-type-supported",
                                         "pwg-raster-document-resolution-supported",
                                         "sides-supported",
                                         "color-supported",
                                         "print-color-mode-supported",
                                         "copies-supported",
                                         "media-supported",
                                         "printer-make-and-model",
                                         "marker-names",
                                         "marker-levels",
                                         "marker-types",
                                         "marker-colors",
                                         "printer-supply",
                                         "printer-supply-description",
                                         "printer-impressions-completed"};
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  sizeof wanted / sizeof *wanted, nullptr, wanted);
    IppPtr resp(cupsDoRequest(t.http.get(), req, t.resource.constData()));
    if (!resp || ippGetStatusCode(resp.get()) > IPP_STATUS_OK_CONFLICTING) {
        st.error =
            QStringLiteral("The printer did not answer: %1").arg(QString::fromUtf8(cupsLastErrorString()));
        return st;
    }
    ipp_t* r = resp.get();
    st.reachable = true;
    switch (ippGetInteger(ippFindAttribute(r, "printer-state", IPP_TAG_ENUM), 0)) {
    case IPP_PSTATE_PROCESSING:
        st.state = QStringLiteral("processing");
        break;
    case IPP_PSTATE_STOPPED:
        st.state = QStringLiteral("stopped");
        break;
    default:
        st.state = QStringLiteral("idle");
        break;
    }
    st.reasons = strings(r, "printer-state-reasons");
    st.reasons.removeAll(QStringLiteral("none"));
    st.formats = strings(r, "document-format-supported");
    st.rasterTypes = strings(r, "pwg-raster-document-type-supported");
    if (ipp_attribute_t* a =
            ippFindAttribute(r, "pwg-raster-document-resolution-supported", IPP_TAG_RESOLUTION)) {
        for (int i = 0; i < ippGetCount(a); ++i) {
            int y = 0;
            ipp_res_t units;
            st.rasterResolutions << ippGetResolution(a, i, &y, &units);
        }
    }
    st.sides = strings(r, "sides-supported");
    st.color = ippGetBoolean(ippFindAttribute(r, "color-supported", IPP_TAG_BOOLEAN), 0);
    st.colorModes = strings(r, "print-color-mode-supported");
    if (ipp_attribute_t* a = ippFindAttribute(r, "copies-supported", IPP_TAG_ZERO)) {
        int upper = 1;
        if (ippGetValueTag(a) == IPP_TAG_RANGE)
            ippGetRange(a, 0, &upper);
        else if (ippGetValueTag(a) == IPP_TAG_INTEGER)
            upper = ippGetInteger(a, 0);
        st.copiesMax = std::max(1, upper);
    }
    st.media = strings(r, "media-supported");
    if (st.sides.isEmpty())
        st.sides << QStringLiteral("one-sided"); // sides-supported absent: the printer prints one side
    st.capabilitiesKnown = true;
    st.makeAndModel = strings(r, "printer-make-and-model").value(0);
    if (ipp_attribute_t* a = ippFindAttribute(r, "printer-impressions-completed", IPP_TAG_INTEGER))
        st.impressionsCompleted = ippGetInteger(a, 0);
    const QStringList names = strings(r, "marker-names");
    const QList<int> levels = integers(r, "marker-levels");
    const QStringList types = strings(r, "marker-types");
    const QStringList colors = strings(r, "marker-colors");
    for (int i = 0; i < names.size(); ++i)
        st.supplies << SupplyLevel{names[i], types.value(i), colors.value(i), levels.value(i, -1)};
    // PWG 5100.13 printer-supply: "type=toner;maxcapacity=100;level=40;colorantname=black;..."
    if (st.supplies.isEmpty()) {
        const QStringList descriptions = strings(r, "printer-supply-description");
        if (ipp_attribute_t* a = ippFindAttribute(r, "printer-supply", IPP_TAG_STRING)) {
            // The descriptions are parallel to printer-supply; a printer whose two lists disagree in
            // length (ippeveprinter after its /supplies page was given only some supplies) cannot be
            // paired by position, so its supplies are named by type and colour instead.
            const bool paired = descriptions.size() == ippGetCount(a);
            for (int i = 0; i < ippGetCount(a); ++i) {
                int len = 0;
                const auto* data = static_cast<const char*>(ippGetOctetString(a, i, &len));
                QMap<QString, QString> kv;
                for (const QString& part :
                     QString::fromUtf8(data, len).split(QLatin1Char(';'), Qt::SkipEmptyParts))
                    kv.insert(part.section(QLatin1Char('='), 0, 0), part.section(QLatin1Char('='), 1));
                const int max = kv.value(QStringLiteral("maxcapacity")).toInt();
                const int level = kv.value(QStringLiteral("level"), QStringLiteral("-1")).toInt();
                SupplyLevel sl;
                const QString colorant = kv.value(QStringLiteral("colorantname"));
                sl.name = paired ? descriptions.at(i)
                                 : (colorant.isEmpty() || colorant == QLatin1String("unknown")
                                        ? kv.value(QStringLiteral("type"))
                                        : colorant + QLatin1Char(' ') + kv.value(QStringLiteral("type")));
                sl.type = kv.value(QStringLiteral("type"));
                sl.color = kv.value(QStringLiteral("colorantname"));
                sl.level = (max > 0 && level >= 0) ? level * 100 / max : level;
                st.supplies << sl;
            }
        }
    }
    return st;
}

PrinterClient::SendResult PrinterClient::printJob(const QString& uri, const QString& jobName,
                                                  const QString& userName, const QString& format,
                                                  const PrintOptions& options, const Producer& producer)
{
    SendResult res;
    Target t = connectTo(uri, 10000);
    if (!t.http) {
        res.kind = SendResult::Kind::Unreachable;
        res.error = t.error;
        return res;
    }
    IppPtr req(ippNewRequest(IPP_OP_PRINT_JOB));
    ipp_t* r = req.get();
    ippAddString(r, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, t.uri.constData());
    ippAddString(r, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr,
                 userName.toUtf8().constData());
    ippAddString(r, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nullptr, jobName.toUtf8().constData());
    ippAddString(r, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nullptr,
                 format.toUtf8().constData());
    if (options.copies > 1)
        ippAddInteger(r, IPP_TAG_JOB, IPP_TAG_INTEGER, "copies", options.copies);
    ippAddString(r, IPP_TAG_JOB, IPP_TAG_KEYWORD, "sides", nullptr, options.sides.toUtf8().constData());
    ippAddString(r, IPP_TAG_JOB, IPP_TAG_KEYWORD, "print-color-mode", nullptr,
                 options.colorMode.toUtf8().constData());

    if (cupsSendRequest(t.http.get(), r, t.resource.constData(), CUPS_LENGTH_VARIABLE) !=
        HTTP_STATUS_CONTINUE) {
        res.kind = SendResult::Kind::Unreachable;
        res.error = QStringLiteral("The printer refused the connection: %1")
                        .arg(QString::fromUtf8(cupsLastErrorString()));
        return res;
    }
    bool writeFailed = false;
    const Writer write = [&](const char* data, size_t len) {
        if (cupsWriteRequestData(t.http.get(), data, len) != HTTP_STATUS_CONTINUE) {
            writeFailed = true;
            return false;
        }
        return true;
    };
    const bool produced = producer(write);
    IppPtr resp(cupsGetResponse(t.http.get(), t.resource.constData()));
    const ipp_status_t status = resp ? ippGetStatusCode(resp.get()) : cupsLastError();
    if (status == IPP_STATUS_ERROR_BUSY || status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE ||
        status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS) {
        res.kind = SendResult::Kind::Busy;
        res.error = QStringLiteral("The printer is busy.");
        return res;
    }
    if (!produced && !writeFailed) {
        res.kind = SendResult::Kind::Failed;
        res.error = QStringLiteral("The document could not be read from the spool.");
        return res;
    }
    if (!resp || status > IPP_STATUS_OK_CONFLICTING) {
        res.kind = resp ? SendResult::Kind::Refused : SendResult::Kind::Unreachable;
        if (resp) {
            for (ipp_attribute_t* a = ippFirstAttribute(resp.get()); a; a = ippNextAttribute(resp.get()))
                if (ippGetGroupTag(a) == IPP_TAG_UNSUPPORTED_GROUP && ippGetName(a))
                    res.unsupported << QString::fromUtf8(ippGetName(a));
            // Some printers name nothing: an attributes-or-values refusal is still about our options.
            if (res.unsupported.isEmpty() && status == IPP_STATUS_ERROR_ATTRIBUTES_OR_VALUES)
                res.unsupported << QStringLiteral("sides") << QStringLiteral("print-color-mode")
                                << QStringLiteral("copies");
        }
        res.error =
            QStringLiteral("The printer refused the job: %1").arg(QString::fromUtf8(cupsLastErrorString()));
        return res;
    }
    res.kind = SendResult::Kind::Ok;
    res.remoteJobId = ippGetInteger(ippFindAttribute(resp.get(), "job-id", IPP_TAG_INTEGER), 0);
    return res;
}

PrinterClient::RemoteJob PrinterClient::jobStatus(const QString& uri, int remoteJobId)
{
    RemoteJob rj;
    Target t = connectTo(uri, 5000);
    if (!t.http)
        return rj;
    rj.reachable = true;
    ipp_t* req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, t.uri.constData());
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", remoteJobId);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, "mps-server");
    static const char* const wanted[] = {"job-state", "job-state-reasons", "job-impressions-completed"};
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nullptr, wanted);
    IppPtr resp(cupsDoRequest(t.http.get(), req, t.resource.constData()));
    if (!resp) {
        rj.reachable = false;
        return rj;
    }
    if (ippGetStatusCode(resp.get()) > IPP_STATUS_OK_CONFLICTING)
        return rj;
    rj.known = true;
    rj.state = ippGetInteger(ippFindAttribute(resp.get(), "job-state", IPP_TAG_ENUM), 0);
    rj.reasons = strings(resp.get(), "job-state-reasons");
    rj.impressions =
        ippGetInteger(ippFindAttribute(resp.get(), "job-impressions-completed", IPP_TAG_INTEGER), 0);
    return rj;
}

bool PrinterClient::cancelJob(const QString& uri, int remoteJobId)
{
    Target t = connectTo(uri, 5000);
    if (!t.http)
        return false;
    ipp_t* req = ippNewRequest(IPP_OP_CANCEL_JOB);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, t.uri.constData());
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", remoteJobId);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, "mps-server");
    IppPtr resp(cupsDoRequest(t.http.get(), req, t.resource.constData()));
    return resp && ippGetStatusCode(resp.get()) <= IPP_STATUS_OK_CONFLICTING;
}
