#include "IppAttributes.h"

#include "DocumentFormat.h"

#include <QByteArray>
#include <QDateTime>
#include <cups/cups.h>
#include <vector>

namespace IppAttributes {

namespace {

struct MediaSize
{
    const char* name;
    int width; // hundredths of mm
    int length;
};
constexpr MediaSize Media[] = {
    {"iso_a4_210x297mm", 21000, 29700},   {"iso_a3_297x420mm", 29700, 42000},
    {"iso_a5_148x210mm", 14800, 21000},   {"iso_b5_176x250mm", 17600, 25000},
    {"na_letter_8.5x11in", 21590, 27940}, {"na_legal_8.5x14in", 21590, 35560},
};
constexpr int Margin = 423; // 1/6 inch, a common MFP printable margin

void addStrings(ipp_t* ipp, ipp_tag_t tag, const char* name, std::initializer_list<const char*> values)
{
    std::vector<const char*> v(values);
    ippAddStrings(ipp, IPP_TAG_PRINTER, tag, name, static_cast<int>(v.size()), nullptr, v.data());
}

ipp_t* mediaCol(const MediaSize& m, bool withSource)
{
    ipp_t* col = ippNew();
    ipp_t* size = ippNew();
    ippAddInteger(size, IPP_TAG_ZERO, IPP_TAG_INTEGER, "x-dimension", m.width);
    ippAddInteger(size, IPP_TAG_ZERO, IPP_TAG_INTEGER, "y-dimension", m.length);
    ippAddCollection(col, IPP_TAG_ZERO, "media-size", size);
    ippDelete(size);
    ippAddString(col, IPP_TAG_ZERO, IPP_TAG_KEYWORD, "media-size-name", nullptr, m.name);
    ippAddInteger(col, IPP_TAG_ZERO, IPP_TAG_INTEGER, "media-bottom-margin", Margin);
    ippAddInteger(col, IPP_TAG_ZERO, IPP_TAG_INTEGER, "media-left-margin", Margin);
    ippAddInteger(col, IPP_TAG_ZERO, IPP_TAG_INTEGER, "media-right-margin", Margin);
    ippAddInteger(col, IPP_TAG_ZERO, IPP_TAG_INTEGER, "media-top-margin", Margin);
    if (withSource)
        ippAddString(col, IPP_TAG_ZERO, IPP_TAG_KEYWORD, "media-source", nullptr, "auto");
    ippAddString(col, IPP_TAG_ZERO, IPP_TAG_KEYWORD, "media-type", nullptr, "stationery");
    return col;
}

void addMediaCols(ipp_t* ipp, const char* name, bool withSource, int count)
{
    ipp_attribute_t* attr = nullptr;
    for (int i = 0; i < count; ++i) {
        ipp_t* col = mediaCol(Media[i], withSource);
        if (!attr)
            attr = ippAddCollection(ipp, IPP_TAG_PRINTER, name, col);
        else
            ippSetCollection(ipp, &attr, ippGetCount(attr), col);
        ippDelete(col);
    }
}

} // namespace

const QStringList& supportedFormats()
{
    // Office documents and text are converted to PDF on the server (server/convert).
    static const QStringList f =
        QStringList{QStringLiteral("application/pdf"), QStringLiteral("image/pwg-raster"),
                    QStringLiteral("image/urf"), QStringLiteral("image/jpeg"),
                    QStringLiteral("application/octet-stream")} +
        DocumentFormat::convertibleMimeTypes();
    return f;
}

QString printerUri(const PrinterIdentity& id, bool tls)
{
    return QStringLiteral("%1://%2:%3/ipp/print")
        .arg(tls ? QStringLiteral("ipps") : QStringLiteral("ipp"), id.host)
        .arg(id.port);
}

ipp_t* buildPrinterAttributes(const PrinterIdentity& id)
{
    ipp_t* a = ippNew();
    const QByteArray name = id.name.toUtf8(), info = id.info.toUtf8(), location = id.location.toUtf8();
    const QByteArray ipps = printerUri(id, true).toUtf8(), ipp = printerUri(id, false).toUtf8();
    const QByteArray more = QStringLiteral("https://%1:%2/").arg(id.host).arg(id.port).toUtf8();
    const QByteArray icon =
        QStringLiteral("https://%1:%2/icons/printer.png").arg(id.host).arg(id.port).toUtf8();
    const QByteArray uuid = id.uuid.toUtf8();

    // Printer description
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_NAME, "printer-name", nullptr, name.constData());
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-info", nullptr, info.constData());
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-location", nullptr, location.constData());
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-make-and-model", nullptr, "MPS Secure Print");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-device-id", nullptr,
                 "MFG:MPS;MDL:Secure Print;CMD:PDF,PWGRaster,URF,JPEG;");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_URI, "printer-uuid", nullptr, uuid.constData());
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_URI, "printer-more-info", nullptr, more.constData());
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_URI, "printer-icons", nullptr, icon.constData());
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_URI, "printer-supply-info-uri", nullptr, more.constData());
    ippAddOutOfBand(a, IPP_TAG_PRINTER, IPP_TAG_UNKNOWN, "printer-geo-location");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-organization", nullptr, "");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-organizational-unit", nullptr, "");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-message-from-operator", nullptr, "");
    if (id.plainAllowed) {
        const char* uris[] = {ipps.constData(), ipp.constData()};
        ippAddStrings(a, IPP_TAG_PRINTER, IPP_TAG_URI, "printer-uri-supported", 2, nullptr, uris);
        addStrings(a, IPP_TAG_KEYWORD, "uri-security-supported", {"tls", "none"});
        addStrings(a, IPP_TAG_KEYWORD, "uri-authentication-supported", {"basic", "basic"});
    } else {
        ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_URI, "printer-uri-supported", nullptr, ipps.constData());
        ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "uri-security-supported", nullptr, "tls");
        ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "uri-authentication-supported", nullptr, "basic");
    }
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_CHARSET, "charset-configured", nullptr, "utf-8");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_CHARSET, "charset-supported", nullptr, "utf-8");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_LANGUAGE, "natural-language-configured", nullptr, "en");
    addStrings(a, IPP_TAG_LANGUAGE, "generated-natural-language-supported", {"en", "ko"});
    addStrings(a, IPP_TAG_KEYWORD, "ipp-versions-supported", {"1.1", "2.0"});
    addStrings(a, IPP_TAG_KEYWORD, "ipp-features-supported", {"ipp-everywhere"});
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "pdl-override-supported", nullptr, "attempted");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "compression-supported", nullptr, "none");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_URISCHEME, "reference-uri-schemes-supported", nullptr, "https");
    const int ops[] = {IPP_OP_PRINT_JOB,       IPP_OP_VALIDATE_JOB,
                       IPP_OP_CREATE_JOB,      IPP_OP_SEND_DOCUMENT,
                       IPP_OP_CANCEL_JOB,      IPP_OP_GET_JOB_ATTRIBUTES,
                       IPP_OP_GET_JOBS,        IPP_OP_GET_PRINTER_ATTRIBUTES,
                       IPP_OP_HOLD_JOB,        IPP_OP_RELEASE_JOB,
                       IPP_OP_CANCEL_MY_JOBS,  IPP_OP_CLOSE_JOB,
                       IPP_OP_IDENTIFY_PRINTER};
    ippAddIntegers(a, IPP_TAG_PRINTER, IPP_TAG_ENUM, "operations-supported", sizeof ops / sizeof *ops, ops);
    ippAddBoolean(a, IPP_TAG_PRINTER, "printer-is-accepting-jobs", 1);
    ippAddBoolean(a, IPP_TAG_PRINTER, "job-ids-supported", 1);
    ippAddBoolean(a, IPP_TAG_PRINTER, "multiple-document-jobs-supported", 0);
    ippAddBoolean(a, IPP_TAG_PRINTER, "preferred-attributes-supported", 0);
    ippAddBoolean(a, IPP_TAG_PRINTER, "page-ranges-supported", 1);
    ippAddBoolean(a, IPP_TAG_PRINTER, "color-supported", 1);
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "multiple-operation-time-out", 300);
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "multiple-operation-time-out-action", nullptr,
                 "abort-job");
    addStrings(a, IPP_TAG_KEYWORD, "overrides-supported", {"document-number", "pages"});
    addStrings(a, IPP_TAG_KEYWORD, "which-jobs-supported", {"completed", "not-completed", "all"});
    addStrings(a, IPP_TAG_KEYWORD, "identify-actions-default", {"display"});
    addStrings(a, IPP_TAG_KEYWORD, "identify-actions-supported", {"display"});
    addStrings(a, IPP_TAG_KEYWORD, "printer-get-attributes-supported", {"document-format"});
    addStrings(
        a, IPP_TAG_KEYWORD, "job-creation-attributes-supported",
        {"copies", "sides", "print-color-mode", "media", "media-col", "job-hold-until", "page-ranges"});
    addStrings(a, IPP_TAG_KEYWORD, "job-settable-attributes-supported", {"none"});
    addStrings(a, IPP_TAG_KEYWORD, "printer-settable-attributes-supported", {"none"});

    // Documents
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_MIMETYPE, "document-format-default", nullptr,
                 "application/octet-stream");
    std::vector<QByteArray> fmts;
    for (const QString& f : supportedFormats())
        fmts.push_back(f.toUtf8());
    std::vector<const char*> fp;
    for (const auto& f : fmts)
        fp.push_back(f.constData());
    ippAddStrings(a, IPP_TAG_PRINTER, IPP_TAG_MIMETYPE, "document-format-supported",
                  static_cast<int>(fp.size()), nullptr, fp.data());
    const int resolutions[] = {150, 300, 600};
    ippAddResolutions(a, IPP_TAG_PRINTER, "pwg-raster-document-resolution-supported", 3, IPP_RES_PER_INCH,
                      resolutions, resolutions);
    addStrings(a, IPP_TAG_KEYWORD, "pwg-raster-document-type-supported", {"black_1", "sgray_8", "srgb_8"});
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "pwg-raster-document-sheet-back", nullptr, "normal");
    addStrings(a, IPP_TAG_KEYWORD, "urf-supported",
               {"V1.4", "CP1", "DM1", "IS1", "MT1", "PQ4", "RS300", "SRGB24", "W8"});
    ippAddResolution(a, IPP_TAG_PRINTER, "printer-resolution-default", IPP_RES_PER_INCH, 300, 300);
    ippAddResolutions(a, IPP_TAG_PRINTER, "printer-resolution-supported", 3, IPP_RES_PER_INCH, resolutions,
                      resolutions);

    // Output and speed: a held job prints at whichever MFP its owner picks; these are the fleet's
    // nominal values (face-down output, 30 ppm) for clients that size their progress displays.
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "output-bin-default", nullptr, "face-down");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "output-bin-supported", nullptr, "face-down");
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "pages-per-minute", 30);
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "pages-per-minute-color", 30);

    // Job template
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "copies-default", 1);
    ippAddRange(a, IPP_TAG_PRINTER, "copies-supported", 1, 999);
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "sides-default", nullptr, "one-sided");
    addStrings(a, IPP_TAG_KEYWORD, "sides-supported",
               {"one-sided", "two-sided-long-edge", "two-sided-short-edge"});
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "print-color-mode-default", nullptr, "auto");
    addStrings(a, IPP_TAG_KEYWORD, "print-color-mode-supported", {"auto", "color", "monochrome"});
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "print-content-optimize-default", nullptr, "auto");
    addStrings(a, IPP_TAG_KEYWORD, "print-content-optimize-supported", {"auto"});
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "print-rendering-intent-default", nullptr, "auto");
    addStrings(a, IPP_TAG_KEYWORD, "print-rendering-intent-supported", {"auto"});
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_ENUM, "print-quality-default", IPP_QUALITY_NORMAL);
    const int qualities[] = {IPP_QUALITY_DRAFT, IPP_QUALITY_NORMAL, IPP_QUALITY_HIGH};
    ippAddIntegers(a, IPP_TAG_PRINTER, IPP_TAG_ENUM, "print-quality-supported", 3, qualities);
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_ENUM, "finishings-default", IPP_FINISHINGS_NONE);
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_ENUM, "finishings-supported", IPP_FINISHINGS_NONE);
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "number-up-default", 1);
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "number-up-supported", 1);
    ippAddOutOfBand(a, IPP_TAG_PRINTER, IPP_TAG_NOVALUE, "orientation-requested-default");
    const int orientations[] = {IPP_ORIENT_PORTRAIT, IPP_ORIENT_LANDSCAPE, IPP_ORIENT_REVERSE_LANDSCAPE,
                                IPP_ORIENT_REVERSE_PORTRAIT};
    ippAddIntegers(a, IPP_TAG_PRINTER, IPP_TAG_ENUM, "orientation-requested-supported", 4, orientations);
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "job-hold-until-default", nullptr, "indefinite");
    addStrings(a, IPP_TAG_KEYWORD, "job-hold-until-supported", {"no-hold", "indefinite"});
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "job-sheets-default", nullptr, "none");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "job-sheets-supported", nullptr, "none");
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "job-priority-default", 50);
    ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "job-priority-supported", 100);
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "multiple-document-handling-default", nullptr,
                 "separate-documents-collated-copies");
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "multiple-document-handling-supported", nullptr,
                 "separate-documents-collated-copies");
    ippAddRange(a, IPP_TAG_PRINTER, "job-k-octets-supported", 0, 512 * 1024);
    ippAddRange(a, IPP_TAG_PRINTER, "job-impressions-supported", 1, 100000);
    ippAddRange(a, IPP_TAG_PRINTER, "job-media-sheets-supported", 1, 100000);
    ippAddBoolean(a, IPP_TAG_PRINTER, "job-account-id-supported", 0);
    ippAddBoolean(a, IPP_TAG_PRINTER, "job-accounting-user-id-supported", 0);

    // Media
    constexpr int mediaCount = sizeof Media / sizeof *Media;
    std::vector<const char*> names;
    for (const auto& m : Media)
        names.push_back(m.name);
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "media-default", nullptr, Media[0].name);
    ippAddStrings(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "media-supported", mediaCount, nullptr, names.data());
    ippAddStrings(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "media-ready", 2, nullptr, names.data());
    addMediaCols(a, "media-col-database", false, mediaCount);
    addMediaCols(a, "media-col-ready", true, 2);
    {
        ipp_t* def = mediaCol(Media[0], true);
        ippAddCollection(a, IPP_TAG_PRINTER, "media-col-default", def);
        ippDelete(def);
    }
    addStrings(a, IPP_TAG_KEYWORD, "media-col-supported",
               {"media-bottom-margin", "media-left-margin", "media-right-margin", "media-size",
                "media-size-name", "media-source", "media-top-margin", "media-type"});
    {
        ipp_attribute_t* attr = nullptr;
        for (const auto& m : Media) {
            ipp_t* size = ippNew();
            ippAddInteger(size, IPP_TAG_ZERO, IPP_TAG_INTEGER, "x-dimension", m.width);
            ippAddInteger(size, IPP_TAG_ZERO, IPP_TAG_INTEGER, "y-dimension", m.length);
            if (!attr)
                attr = ippAddCollection(a, IPP_TAG_PRINTER, "media-size-supported", size);
            else
                ippSetCollection(a, &attr, ippGetCount(attr), size);
            ippDelete(size);
        }
    }
    for (const char* margin : {"media-bottom-margin-supported", "media-left-margin-supported",
                               "media-right-margin-supported", "media-top-margin-supported"})
        ippAddInteger(a, IPP_TAG_PRINTER, IPP_TAG_INTEGER, margin, Margin);
    addStrings(a, IPP_TAG_KEYWORD, "media-source-supported", {"auto"});
    addStrings(a, IPP_TAG_KEYWORD, "media-type-supported", {"stationery"});

    // Supplies: the secure spool is the one "supply" of a virtual printer.
    const char supply[] =
        "index=1;class=receptacleThatIsFilled;type=other;unit=percent;maxcapacity=100;level=100;";
    ippAddOctetString(a, IPP_TAG_PRINTER, "printer-supply", supply, static_cast<int>(sizeof supply - 1));
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-supply-description", nullptr, "Secure spool");

    // Events (pull notifications are not offered; these describe the defaults)
    ippAddString(a, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "notify-events-default", nullptr, "job-completed");
    return a;
}

void addPrinterState(ipp_t* dst, int queuedJobs, time_t startTime, time_t configTime)
{
    const time_t now = time(nullptr);
    ippAddInteger(dst, IPP_TAG_PRINTER, IPP_TAG_ENUM, "printer-state", IPP_PSTATE_IDLE);
    ippAddString(dst, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "printer-state-reasons", nullptr, "none");
    ippAddString(dst, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-state-message", nullptr, "Ready to hold jobs");
    ippAddInteger(dst, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "printer-up-time",
                  static_cast<int>(now - startTime + 1));
    ippAddDate(dst, IPP_TAG_PRINTER, "printer-current-time", ippTimeToDate(now));
    ippAddInteger(dst, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "queued-job-count", queuedJobs);
    ippAddInteger(dst, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "printer-state-change-time", 1);
    ippAddDate(dst, IPP_TAG_PRINTER, "printer-state-change-date-time", ippTimeToDate(startTime));
    ippAddInteger(dst, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "printer-config-change-time",
                  static_cast<int>(configTime - startTime + 1));
    ippAddDate(dst, IPP_TAG_PRINTER, "printer-config-change-date-time", ippTimeToDate(configTime));
}

ipp_jstate_t jobState(JobState s)
{
    switch (s) {
    case JobState::Receiving:
    case JobState::Held:
        return IPP_JSTATE_HELD;
    case JobState::Releasing:
        return IPP_JSTATE_PENDING;
    case JobState::Printing:
        return IPP_JSTATE_PROCESSING;
    case JobState::Printed:
        return IPP_JSTATE_COMPLETED;
    case JobState::Deleted:
        return IPP_JSTATE_CANCELED;
    case JobState::Expired:
        return IPP_JSTATE_ABORTED;
    }
    return IPP_JSTATE_HELD;
}

const char* jobStateReason(JobState s)
{
    switch (s) {
    case JobState::Receiving:
        return "job-incoming";
    case JobState::Held:
        return "job-hold-until-specified";
    case JobState::Releasing:
        return "job-queued";
    case JobState::Printing:
        return "job-printing";
    case JobState::Printed:
        return "job-completed-successfully";
    case JobState::Deleted:
        return "job-canceled-by-user";
    case JobState::Expired:
        return "aborted-by-system";
    }
    return "none";
}

ipp_t* buildJobAttributes(const JobInfo& job, const QString& printerUri, time_t startTime)
{
    ipp_t* a = ippNew();
    const QByteArray puri = printerUri.toUtf8();
    const QByteArray juri = (printerUri + QLatin1Char('/') + QString::number(job.id)).toUtf8();
    const time_t created = static_cast<time_t>(job.submitted.toSecsSinceEpoch());
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "job-id", static_cast<int>(job.id));
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_URI, "job-uri", nullptr, juri.constData());
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_URI, "job-printer-uri", nullptr, puri.constData());
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_NAME, "job-name", nullptr, job.name.toUtf8().constData());
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_NAME, "job-originating-user-name", nullptr,
                 job.owner.toUtf8().constData());
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_ENUM, "job-state", jobState(job.state));
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_KEYWORD, "job-state-reasons", nullptr, jobStateReason(job.state));
    const QByteArray message =
        job.stateReason.isEmpty()
            ? (job.state == JobState::Held ? QByteArray("Held for secure release at an MFP") : QByteArray())
            : job.stateReason.toUtf8();
    if (!message.isEmpty())
        ippAddString(a, IPP_TAG_JOB, IPP_TAG_TEXT, "job-state-message", nullptr, message.constData());
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "job-printer-up-time",
                  static_cast<int>(time(nullptr) - startTime + 1));
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "time-at-creation", static_cast<int>(created - startTime));
    ippAddDate(a, IPP_TAG_JOB, "date-time-at-creation", ippTimeToDate(created));
    const bool done =
        job.state == JobState::Printed || job.state == JobState::Deleted || job.state == JobState::Expired;
    if (done) {
        ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "time-at-completed",
                      static_cast<int>(time(nullptr) - startTime));
    } else {
        ippAddOutOfBand(a, IPP_TAG_JOB, IPP_TAG_NOVALUE, "time-at-completed");
    }
    ippAddOutOfBand(a, IPP_TAG_JOB, IPP_TAG_NOVALUE, "time-at-processing");
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "job-k-octets",
                  static_cast<int>((job.size + 1023) / 1024));
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "job-impressions", job.pages);
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "job-impressions-completed", job.impressionsCompleted);
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "job-media-sheets", job.sheets());
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "number-of-documents", job.size > 0 ? 1 : 0);
    ippAddInteger(a, IPP_TAG_JOB, IPP_TAG_INTEGER, "copies", job.options.copies);
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_KEYWORD, "sides", nullptr, job.options.sides.toUtf8().constData());
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_KEYWORD, "print-color-mode", nullptr,
                 job.options.colorMode.toUtf8().constData());
    ippAddString(a, IPP_TAG_JOB, IPP_TAG_KEYWORD, "job-hold-until", nullptr, "indefinite");
    if (!job.documentFormat.isEmpty())
        ippAddString(a, IPP_TAG_JOB, IPP_TAG_MIMETYPE, "document-format", nullptr,
                     job.documentFormat.toUtf8().constData());
    return a;
}

} // namespace IppAttributes
