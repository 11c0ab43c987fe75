#pragma once
#include "RateTable.h"

#include <QJsonObject>

/// What one job did or would do to paper. An impression is one side of one sheet printed.
struct UsageCounts
{
    int pages = 0;
    int copies = 1;
    int impressions = 0;
    int colorImpressions = 0; ///< all or none: MPS knows colour per document, not per page
    int sheets = 0;
    bool duplex = false;
    SizeClass sizeClass = SizeClass::A4;

    /// Returns the counts of a job from its document and options (before printing):
    /// impressions = pages x copies; sheets = pages x copies simplex, ceil(pages / 2) x copies duplex;
    /// colour impressions = impressions when `color`, else 0. Negative inputs count as 0.
    static UsageCounts forJob(int pages, int copies, bool duplex, bool color, SizeClass sizeClass);

    /// Returns the counts from what the printer reported completed (job-impressions-completed), with
    /// the job's options: pages = impressions, copies = 1, sheets = ceil(impressions / 2) duplex.
    static UsageCounts fromImpressions(int impressions, bool duplex, bool color, SizeClass sizeClass);

    /// Returns {"pages", "copies", "impressions", "colorImpressions", "sheets", "duplex", "sizeClass"}
    /// ("sizeClass" is "a4", "a3" or "other").
    QJsonObject toJson() const;

    /// Returns the counts in `json` (the keys of toJson()); missing numbers are 0 (copies 1), an unknown
    /// size class is A4.
    static UsageCounts fromJson(const QJsonObject& json);

    bool operator==(const UsageCounts& other) const = default;
};

/// Returns what the counts cost at `rates`: mono impressions at the mono price, colour impressions at the
/// colour price, for the counts' size class and sides. Minor units.
qint64 costOf(const UsageCounts& counts, const RateTable& rates);

/// What duplex and mono saved against printing the same pages simplex and (if the document is colour) in
/// colour.
struct Savings
{
    int sheets = 0;
    qint64 cost = 0;
    bool operator==(const Savings& other) const = default;
};

/// Returns the sheets and cost `printed` saved against the same impressions printed simplex and, when
/// `documentColor` (or when they were printed in colour), in colour. Never negative: a table that
/// prices duplex above simplex saves nothing.
Savings savingsOf(const UsageCounts& printed, bool documentColor, const RateTable& rates);
