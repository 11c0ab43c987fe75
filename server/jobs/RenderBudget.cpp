#include "RenderBudget.h"

#include <cmath>

qint64 RenderBudget::outputPixels(double widthPt, double heightPt, double dpi)
{
    if (!(widthPt > 0) || !(heightPt > 0) || !(dpi > 0))
        return 0;
    const double w = std::ceil(widthPt * dpi / 72.0);
    const double h = std::ceil(heightPt * dpi / 72.0);
    const double px = w * h;
    if (!std::isfinite(px) || px >= 9.0e18)
        return std::numeric_limits<qint64>::max();
    return static_cast<qint64>(px);
}

RenderBudget::Verdict RenderBudget::check(const PageCost& cost, double widthPt, double heightPt,
                                          double dpi) const
{
    if (cost.known && cost.imagePixels > maxImagePixels)
        return Verdict::TooManyImagePixels;
    if (outputPixels(widthPt, heightPt, dpi) > maxOutputPixels)
        return Verdict::TooManyOutputPixels;
    return Verdict::Fits;
}
