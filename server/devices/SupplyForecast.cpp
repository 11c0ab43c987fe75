#include "SupplyForecast.h"

#include <cmath>

SupplyForecast::Result SupplyForecast::forecast(const QList<Sample>& samples, int levelNow, qint64 now,
                                                int windowDays, int refillPoints)
{
    // The samples in the window, from the last refill on.
    const qint64 from = now - static_cast<qint64>(windowDays) * 86400;
    QList<Sample> use;
    for (const Sample& s : samples) {
        if (s.at < from || s.at > now || s.level < 0)
            continue;
        if (!use.isEmpty() && s.level - use.last().level >= refillPoints)
            use.clear();
        use.append(s);
    }
    Result r;
    if (use.size() < 2 || use.last().at - use.first().at < 86400)
        return r;
    // Least squares over (days since the first sample, level).
    const double t0 = static_cast<double>(use.first().at);
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const Sample& s : use) {
        const double x = (static_cast<double>(s.at) - t0) / 86400.0;
        const double y = s.level;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double n = use.size();
    const double denominator = n * sxx - sx * sx;
    if (denominator <= 0)
        return r;
    const double slope = (n * sxy - sx * sy) / denominator;
    if (!(slope < 0))
        return r;
    r.perDay = -slope;
    if (levelNow >= 0)
        r.daysLeft = static_cast<int>(std::floor(levelNow / *r.perDay));
    return r;
}
