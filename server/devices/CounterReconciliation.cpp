#include "CounterReconciliation.h"

std::optional<CounterReconciliation::Result>
CounterReconciliation::compute(std::optional<qint64> firstCounter, qint64 counterNow,
                               qint64 releasedSinceFirst)
{
    if (!firstCounter || *firstCounter < 0 || counterNow < 0 || counterNow < *firstCounter)
        return std::nullopt;
    Result r;
    r.releasedPages = releasedSinceFirst;
    r.counterPages = counterNow - *firstCounter;
    r.gap = r.counterPages - r.releasedPages;
    return r;
}
