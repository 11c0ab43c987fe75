#pragma once
#include <QtGlobal>
#include <optional>

/// Pages a printer counted against the pages MPS released there (docs/devices.md). Pure.
class CounterReconciliation
{
public:
    struct Result
    {
        qint64 releasedPages = 0; ///< impressions MPS released since the first counter sample
        qint64 counterPages = 0;  ///< counter now - first counter sample
        qint64 gap = 0;           ///< counterPages - releasedPages (copies, direct prints, reports)
    };
    /// None when there is no first sample, the counter is unknown now (-1), or it went backwards
    /// (a replaced board: nothing can be said).
    static std::optional<Result> compute(std::optional<qint64> firstCounter, qint64 counterNow,
                                         qint64 releasedSinceFirst);
};
