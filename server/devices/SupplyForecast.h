#pragma once
#include <QList>
#include <optional>

/// When a supply runs out, from its level history (docs/devices.md). Pure.
class SupplyForecast
{
public:
    struct Sample
    {
        qint64 at = 0; ///< epoch seconds
        int level = 0; ///< percent
    };
    struct Result
    {
        std::optional<double> perDay; ///< percent used per day; none when unknown or not falling
        std::optional<int> daysLeft;  ///< whole days until empty at that rate; none when unknown
    };

    /// The least-squares slope of level over time, over the samples of the last `windowDays` before
    /// `now` that follow the last refill (a rise of `refillPoints` or more between two samples).
    /// perDay needs two samples at least a day apart and a falling level; daysLeft = levelNow / perDay,
    /// rounded down (none when levelNow is unknown). `samples` must be in time order.
    static Result forecast(const QList<Sample>& samples, int levelNow, qint64 now, int windowDays = 30,
                           int refillPoints = 20);
};
