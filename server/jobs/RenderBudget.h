#pragma once
#include <QtGlobal>

/// What rendering one PDF page may cost, and the check against it. Poppler decodes every image a page
/// draws at its full size, however small it ends up (a 40000 x 40000 image takes ~11 s for a 256 px
/// thumbnail), and holds the rendered page in memory: the image pixels and the output pixels are what
/// bound the time and memory, so both are checked before rendering; the time limit catches the rest
/// (pages of many thousands of operators) through Poppler's abort callback.
struct RenderBudget
{
    /// Source pixels of the images one page draws (each image counted once, soft masks included).
    qint64 maxImagePixels = 150'000'000;
    /// Pixels of the rendered page (width x height at the render resolution).
    qint64 maxOutputPixels = 160'000'000;
    /// Wall time for rendering one thumbnail, in milliseconds.
    int thumbnailMs = 5000;
    /// Wall time for rendering one page for the printer (PWG raster), in milliseconds.
    int rasterPageMs = 60000;

    /// What a page costs before rendering, as far as it can be told from its resources.
    struct PageCost
    {
        qint64 imagePixels = 0; ///< sum of width x height of the page's images
        int images = 0;         ///< how many images were counted
        bool known = false; ///< false: the page's resources could not be read (only the time limit applies)
    };

    /// Why a page does not fit, or Fits.
    enum class Verdict { Fits, TooManyImagePixels, TooManyOutputPixels };

    /// Checks a page of `widthPt` x `heightPt` points with `cost`, rendered at `dpi`. Returns Fits or the
    /// first limit it exceeds. A page whose cost is unknown fits on its output size alone.
    Verdict check(const PageCost& cost, double widthPt, double heightPt, double dpi) const;

    /// Returns the output pixels of a page of `widthPt` x `heightPt` points at `dpi` (saturating).
    static qint64 outputPixels(double widthPt, double heightPt, double dpi);
};
