// Fuzzes the REST API's JSON request bodies: server/http/JsonBody::read (body streamed in pieces,
// size limit, "an empty body is an empty object") and the validators of the main bodies that need
// no server: a job's print options (PATCH /api/v1/jobs/{id}, release) through PrintOptions::mergeJson
// and OptionSupport::check, JobInfo, and the accounting bodies (rate table, period, quota, counts).
// The first input byte picks the piece size and the size limit; the rest is the body.
// Oracles: JsonBody answers exactly one of: an object (no response sent) or a 400/413 refusal; a rate
// table that was accepted survives toJson/fromJson unchanged; merged options that were accepted
// pass mergeJson again from their own JSON.
#include "FuzzExchange.h"
#include "FuzzSupport.h"
#include "JobInfo.h"
#include "JsonBody.h"
#include "OptionSupport.h"
#include "Period.h"
#include "PrinterClient.h"
#include "Quota.h"
#include "RateTable.h"
#include "UsageCounts.h"

#include <QJsonArray>
#include <cstdlib>

namespace {
PrinterStatus* g_printer = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    g_printer = new PrinterStatus;
    g_printer->reachable = true;
    g_printer->state = QStringLiteral("idle");
    g_printer->formats = {QStringLiteral("application/pdf"), QStringLiteral("image/pwg-raster")};
    g_printer->sides = {QStringLiteral("one-sided"), QStringLiteral("two-sided-long-edge")};
    g_printer->colorModes = {QStringLiteral("monochrome")};
    g_printer->copiesMax = 99;
    g_printer->media = {QStringLiteral("iso_a4_210x297mm")};
    g_printer->capabilitiesKnown = true;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    FuzzExchange ex;
    ex.m_method = "PATCH";
    ex.m_path = QStringLiteral("/api/v1/jobs/1");
    ex.m_headers = {{"Content-Type", "application/json"}};
    ex.m_pieceBytes = data[0] % 16 + 1 + (data[0] & 0x80 ? 8192 : 0);
    const qint64 maxBytes = (data[0] & 0x40) ? 64 : 256 * 1024;
    ex.m_body = FuzzSupport::bytes(data + 1, size - 1);

    const std::optional<QJsonObject> body = JsonBody::read(ex, maxBytes);
    if (body.has_value() == ex.responded())
        abort(); // either an object or an answer, never both or neither
    if (!body) {
        if (ex.m_status != 400 && ex.m_status != 413)
            abort();
        return 0;
    }

    // Print options, as PATCH /jobs/{id} and POST /jobs/{id}/release read them.
    PrintOptions options;
    QString error;
    const QJsonObject optionsJson = body->value(QStringLiteral("options")).isObject()
                                        ? body->value(QStringLiteral("options")).toObject()
                                        : *body;
    if (options.mergeJson(optionsJson, &error)) {
        PrintOptions again;
        if (!again.mergeJson(options.toJson(), &error) || again.toJson() != options.toJson())
            abort();
        (void)OptionSupport::check(options, *g_printer, QStringLiteral("MFP"), true);
        (void)OptionSupport::fromUnsupported({QStringLiteral("sides"), QStringLiteral("copies")}, options,
                                             *g_printer, QStringLiteral("MFP"));
    } else if (error.isEmpty()) {
        abort(); // a refusal says why
    }

    const JobInfo job = JobInfo::fromJson(*body);
    (void)job.toJson();

    if (const auto rates = RateTable::fromJson(*body)) {
        const auto again = RateTable::fromJson(rates->toJson());
        if (!again || again->toJson() != rates->toJson())
            abort();
    }
    if (const auto period = Period::fromJson(*body))
        (void)period->toJson();
    (void)QuotaState::fromJson(*body).toJson();
    (void)UsageCounts::fromJson(*body).toJson();
    return 0;
}
