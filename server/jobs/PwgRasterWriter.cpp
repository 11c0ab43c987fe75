#include "PwgRasterWriter.h"

#include "PdfPageCost.h"
#include "PdfPageTree.h"
#include "PdfTableScan.h"
#include "Wiped.h"
#include "WipedImage.h"
#include <QDateTime>

#include "Log.h"

#include <QByteArray>
#include <QIODevice>
#include <QImage>
#include <poppler-qt6.h>

#include <cups/cups.h>
#include <cups/raster.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

namespace {

constexpr int MinDpi = 72;
constexpr int MaxDpi = 1200;
constexpr unsigned Mirrored = 0xffffffffU; // -1 in a PWG CrossFeedTransform / FeedTransform field

struct SinkContext
{
    const RasterSink* sink = nullptr;
    bool aborted = false;
};

ssize_t writeToSink(void* ctx, unsigned char* buffer, size_t length)
{
    auto* context = static_cast<SinkContext*>(ctx);
    if (context->aborted)
        return -1;
    if (!(*context->sink)(reinterpret_cast<const char*>(buffer), length)) {
        context->aborted = true;
        return -1;
    }
    return static_cast<ssize_t>(length);
}

struct RasterCloser
{
    void operator()(cups_raster_t* raster) const { cupsRasterClose(raster); }
};
using RasterPtr = std::unique_ptr<cups_raster_t, RasterCloser>;

int hundredthsOfMm(double points)
{
    return static_cast<int>(std::clamp(std::round(points * 2540.0 / 72.0), 1.0, 100000000.0));
}

} // namespace

bool PwgRasterWriter::write(QIODevice* pdf, const RasterOptions& options, const RasterSink& sink)
{
    m_pagesWritten = 0;
    m_error.clear();

    if (!pdf || !pdf->isReadable())
        return fail(tr("The document could not be read."));
    if (!sink)
        return fail(tr("There is nowhere to send the printer data."));
    if (options.dpi < MinDpi || options.dpi > MaxDpi)
        return fail(tr("The print resolution of %1 dpi is not supported.").arg(options.dpi));

    const QString sides = options.sides.isEmpty() ? QStringLiteral("one-sided") : options.sides;
    if (sides != QLatin1String("one-sided") && sides != QLatin1String("two-sided-long-edge") &&
        sides != QLatin1String("two-sided-short-edge"))
        return fail(tr("The two-sided setting \"%1\" is not supported.").arg(sides));
    const QString sheetBack = options.sheetBack.isEmpty() ? QStringLiteral("normal") : options.sheetBack;
    if (sheetBack != QLatin1String("normal") && sheetBack != QLatin1String("flipped") &&
        sheetBack != QLatin1String("rotated") && sheetBack != QLatin1String("manual-tumble"))
        return fail(tr("The printer's back-side setting \"%1\" is not supported.").arg(sheetBack));
    const bool duplex = sides != QLatin1String("one-sided");
    const bool tumble = sides == QLatin1String("two-sided-short-edge");

    // A fixed media is looked up once; libcups may hand back thread-local storage, so keep a copy.
    QByteArray fixedName;
    pwg_media_t fixedMedia{};
    if (!options.mediaName.isEmpty()) {
        fixedName = options.mediaName.toLatin1();
        const pwg_media_t* media = pwgMediaForPWG(fixedName.constData());
        if (!media)
            return fail(tr("The paper size \"%1\" is not known.").arg(options.mediaName));
        fixedMedia = *media;
        fixedMedia.pwg = fixedName.constData();
        fixedMedia.legacy = nullptr;
        fixedMedia.ppd = nullptr;
    }

    if (PdfTableScan::scan(pdf) > PdfTableScan::MaxEntries || !pdf->seek(0))
        return fail(tableTooLarge());
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdf);
    if (!doc)
        return fail(tr("The document is not a valid PDF file."));
    if (doc->isLocked())
        return fail(PdfPageTree::refusal(PdfPageTree::End::Locked));
    // The pages Poppler can load, not the page tree's /Count (checkBudget() checked the tree).
    const int pages = PdfPageTree::loadablePages(*doc);
    if (pages > PdfPageTree::MaxPages)
        return fail(tooManyPages());
    if (pages <= 0)
        return fail(tr("The PDF file has no pages."));
    doc->setRenderHint(Poppler::Document::Antialiasing);
    doc->setRenderHint(Poppler::Document::TextAntialiasing);

    SinkContext context{&sink};
    RasterPtr raster(cupsRasterOpenIO(writeToSink, &context, CUPS_RASTER_WRITE_PWG));
    if (!raster)
        return fail(context.aborted ? tr("Sending the document to the printer was interrupted.")
                                    : tr("The printer data could not be prepared."));

    const char* rasterType = options.color ? "srgb_8" : "sgray_8";
    const QByteArray sidesName = sides.toLatin1();
    const int channels = options.color ? 3 : 1;
    std::vector<unsigned char, WipingAllocator<unsigned char>> line; // a line of the page's picture

    for (int index = 0; index < pages; ++index) {
        const int number = index + 1;
        std::unique_ptr<Poppler::Page> page = doc->page(index);
        const QSizeF sizePt = page ? page->pageSizeF() : QSizeF();
        if (!page || !(sizePt.width() > 0) || !(sizePt.height() > 0))
            return fail(tr("Page %1 of the document could not be read.").arg(number));

        // Media: the requested one, or the nearest standard size of this page, always portrait.
        pwg_media_t media = fixedMedia;
        QByteArray pageMediaName;
        if (options.mediaName.isEmpty()) {
            const pwg_media_t* found =
                pwgMediaForSize(hundredthsOfMm(std::min(sizePt.width(), sizePt.height())),
                                hundredthsOfMm(std::max(sizePt.width(), sizePt.height())));
            if (!found)
                return fail(tr("Page %1 has a paper size the printer cannot be sent.").arg(number));
            media = *found;
            pageMediaName = QByteArray(found->pwg);
            media.pwg = pageMediaName.constData();
            media.legacy = nullptr;
            media.ppd = nullptr;
        }

        cups_page_header2_t header;
        if (!cupsRasterInitPWGHeader(&header, &media, rasterType, options.dpi, options.dpi,
                                     sidesName.constData(), nullptr))
            return fail(tr("The printer data for page %1 could not be prepared.").arg(number));
        header.cupsInteger[CUPS_RASTER_PWG_TotalPageCount] = static_cast<unsigned>(pages);

        // Back sides are turned the way the printer asks for ("pwg-raster-document-sheet-back").
        bool mirrorX = false, mirrorY = false;
        if (duplex && index % 2 == 1) {
            if (sheetBack == QLatin1String("flipped")) {
                (tumble ? mirrorX : mirrorY) = true;
            } else if ((sheetBack == QLatin1String("rotated") && !tumble) ||
                       (sheetBack == QLatin1String("manual-tumble") && tumble)) {
                mirrorX = mirrorY = true;
            }
        }
        header.cupsInteger[CUPS_RASTER_PWG_CrossFeedTransform] = mirrorX ? Mirrored : 1;
        header.cupsInteger[CUPS_RASTER_PWG_FeedTransform] = mirrorY ? Mirrored : 1;

        // Turn a landscape page onto portrait media (and back), and shrink a page that does not fit.
        const unsigned width = header.cupsWidth;
        const unsigned height = header.cupsHeight;
        const bool turn = (sizePt.width() > sizePt.height()) != (width > height) &&
                          sizePt.width() != sizePt.height() && width != height;
        const double pageW = (turn ? sizePt.height() : sizePt.width()) * options.dpi / 72.0;
        const double pageH = (turn ? sizePt.width() : sizePt.height()) * options.dpi / 72.0;
        const double scale = std::min({1.0, width / pageW, height / pageH});
        // Poppler asks between drawing operators whether to stop: past the page's time limit it does.
        struct AbortState
        {
            qint64 deadline;
            bool aborted = false;
        } abortState{QDateTime::currentMSecsSinceEpoch() + m_budget.rasterPageMs};
        QImage image = page->renderToImage(
            options.dpi * scale, options.dpi * scale, -1, -1, -1, -1,
            turn ? Poppler::Page::Rotate270 : Poppler::Page::Rotate0, nullptr, nullptr,
            [](const QVariant& closure) {
                auto* st = static_cast<AbortState*>(closure.value<void*>());
                if (QDateTime::currentMSecsSinceEpoch() <= st->deadline)
                    return false;
                st->aborted = true;
                return true;
            },
            QVariant::fromValue(static_cast<void*>(&abortState)));
        const WipeImageOnExit wipeRendered(image);
        if (abortState.aborted)
            return fail(tr("Page %1 of the document takes too long to prepare for this printer. Print it on "
                           "a printer that takes PDF, or print a simpler version of the document.")
                            .arg(number));
        if (image.isNull())
            return fail(tr("Page %1 of the document could not be rendered.").arg(number));
        if (image.format() != QImage::Format_RGB32 && image.format() != QImage::Format_ARGB32 &&
            image.format() != QImage::Format_ARGB32_Premultiplied)
            replaceWiping(image, image.convertToFormat(QImage::Format_RGB32));

        if (!cupsRasterWriteHeader2(raster.get(), &header))
            return fail(context.aborted
                            ? tr("Sending the document to the printer was interrupted.")
                            : tr("The printer data for page %1 could not be written.").arg(number));

        // Centre the rendered page on the media; white outside it.
        const int offsetX = (static_cast<int>(width) - image.width()) / 2;
        const int offsetY = (static_cast<int>(height) - image.height()) / 2;
        const int fromX = std::max(0, offsetX);
        const int toX = std::min(static_cast<int>(width), offsetX + image.width());
        line.resize(header.cupsBytesPerLine);
        for (unsigned row = 0; row < height; ++row) {
            const int y = static_cast<int>(mirrorY ? height - 1 - row : row);
            std::memset(line.data(), 0xff, line.size());
            const int sourceY = y - offsetY;
            if (sourceY >= 0 && sourceY < image.height()) {
                const QRgb* source = reinterpret_cast<const QRgb*>(image.constScanLine(sourceY));
                for (int x = fromX; x < toX; ++x) {
                    const QRgb pixel = source[x - offsetX];
                    const int outX = mirrorX ? static_cast<int>(width) - 1 - x : x;
                    unsigned char* out =
                        line.data() + static_cast<size_t>(outX) * static_cast<size_t>(channels);
                    if (channels == 3) {
                        out[0] = static_cast<unsigned char>(qRed(pixel));
                        out[1] = static_cast<unsigned char>(qGreen(pixel));
                        out[2] = static_cast<unsigned char>(qBlue(pixel));
                    } else {
                        out[0] = static_cast<unsigned char>(qGray(pixel));
                    }
                }
            }
            if (cupsRasterWritePixels(raster.get(), line.data(), header.cupsBytesPerLine) !=
                header.cupsBytesPerLine)
                return fail(context.aborted
                                ? tr("Sending the document to the printer was interrupted.")
                                : tr("The printer data for page %1 could not be written.").arg(number));
        }
        ++m_pagesWritten;
        qCDebug(lcRelease) << "Rasterised page" << number << "of" << pages << "on" << media.pwg << "at"
                           << options.dpi << "dpi";
    }

    qCInfo(lcRelease) << "Wrote" << m_pagesWritten << "pages of PWG raster at" << options.dpi << "dpi,"
                      << (options.color ? "sRGB" : "sGray");
    return true;
}

int PwgRasterWriter::pagesWritten() const
{
    return m_pagesWritten;
}

QString PwgRasterWriter::errorString() const
{
    return m_error;
}

bool PwgRasterWriter::fail(const QString& error)
{
    m_error = error;
    qCWarning(lcRelease) << "PWG raster output failed after" << m_pagesWritten << "pages:" << error;
    return false;
}

QString PwgRasterWriter::tooManyPages()
{
    return PdfPageTree::refusal(PdfPageTree::End::TooManyPages);
}

QString PwgRasterWriter::tableTooLarge()
{
    return tr("The PDF file declares more objects than this server reads (%L1). Save it again as a new PDF "
              "and print that.")
        .arg(PdfTableScan::MaxEntries);
}

int PwgRasterWriter::checkBudget(QIODevice* pdf, const RasterOptions& options, const RenderBudget& budget,
                                 QString* why)
{
    if (!pdf->seek(0))
        return 0; // write() reports unreadable documents
    // Poppler would size its object table from the file's numbers (PdfTableScan): not opened at all.
    if (PdfTableScan::scan(pdf) > PdfTableScan::MaxEntries) {
        if (why)
            *why = tableTooLarge();
        return 1;
    }
    if (!pdf->seek(0))
        return 0;
    // Poppler walks the page tree without bounds and parses whole object streams: qpdf checks both first
    // (PdfPageTree), here as well as at intake, since the document may have been stored by an older
    // server.
    {
        PdfPageCost tree(pdf);
        switch (const PdfPageTree::End end = tree.checkTree().end) {
        case PdfPageTree::End::TooManyPages:
        case PdfPageTree::End::TooDeep:
        case PdfPageTree::End::TooMuchWork:
        case PdfPageTree::End::TooMuchData:
        case PdfPageTree::End::TooCostly:
            if (why)
                *why = PdfPageTree::refusal(end);
            return 1;
        case PdfPageTree::End::Done:
        case PdfPageTree::End::Walking:
        case PdfPageTree::End::Locked:
        case PdfPageTree::End::Unreadable:
            break; // write() reports these
        }
    }
    if (!pdf->seek(0))
        return 0;
    std::vector<QSizeF> sizes;
    {
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdf);
        if (!doc || doc->isLocked())
            return 0;
        const int pages = std::min(PdfPageTree::loadablePages(*doc), PdfPageTree::MaxPages);
        for (int i = 0; i < pages; ++i) {
            std::unique_ptr<Poppler::Page> page = doc->page(i);
            sizes.push_back(page ? page->pageSizeF() : QSizeF());
        }
    }
    if (!pdf->seek(0))
        return 0;
    // The media the page is placed on bounds what is rendered; without one, the page's own size.
    QSizeF mediaPt;
    if (!options.mediaName.isEmpty()) {
        const QByteArray name = options.mediaName.toLatin1();
        if (const pwg_media_t* m = pwgMediaForPWG(name.constData()))
            mediaPt = QSizeF(m->width * 72.0 / 2540.0, m->length * 72.0 / 2540.0);
    }
    PdfPageCost costs(pdf);
    for (int i = 0; i < static_cast<int>(sizes.size()); ++i) {
        const QSizeF size = mediaPt.isValid() ? mediaPt : sizes[static_cast<size_t>(i)];
        const RenderBudget::PageCost cost = costs.page(i);
        if (costs.exceeded()) {
            *why = PdfPageTree::refusal(PdfPageTree::End::TooCostly);
            return i + 1;
        }
        switch (budget.check(cost, size.width(), size.height(), options.dpi)) {
        case RenderBudget::Verdict::Fits:
            continue;
        case RenderBudget::Verdict::TooManyImagePixels:
            *why = tr("Page %1 holds images too large to prepare for this printer (which does not take PDF). "
                      "Print it on a printer that takes PDF, or scan or export it at a lower resolution.")
                       .arg(i + 1);
            return i + 1;
        case RenderBudget::Verdict::TooManyOutputPixels:
            *why = tr("Page %1 is too large to prepare for this printer (which does not take PDF). Print it "
                      "on a printer that takes PDF.")
                       .arg(i + 1);
            return i + 1;
        }
    }
    return 0;
}
