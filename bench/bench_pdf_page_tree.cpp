// What checking a PDF's page tree (PdfPageTree, docs/server.md "Documents"; issue 14 bounded work) adds
// to its intake: qpdf opens the document and reads page 1's colour either way; the check walks every
// page object too; intake does all of it under an AllocationBudget (PdfPageTree::check(QIODevice*)),
// whose operator new counts each block.
//
//     python3 bench/mkpdf.py --size 1MiB one.pdf
//     python3 bench/mkpdf.py --size 50MiB --page-bytes 1MiB fifty.pdf
//     build/tests/bench_pdf_page_tree one.pdf fifty.pdf       # best of 20 rounds of 10 each
//
// Also a made-up flat tree of 10,000 one-line pages (PdfPageTree::MaxPages), read from memory.
#include "PdfColour.h"
#include "PdfPageTree.h"
#include "QpdfDeviceSource.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <chrono>
#include <cstdio>
#include <qpdf/QPDF.hh>

namespace {

QByteArray flatTree(int pages)
{
    QByteArray out("%PDF-1.4\n");
    QList<qsizetype> offsets;
    auto add = [&](const QByteArray& body) {
        offsets.append(out.size());
        out += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    add("<< /Type /Catalog /Pages 2 0 R >>");
    QByteArray kids;
    for (int i = 0; i < pages; ++i)
        kids += QByteArray::number(3 + i) + " 0 R ";
    add("<< /Type /Pages /Count " + QByteArray::number(pages) + " /Kids [" + kids + "] >>");
    for (int i = 0; i < pages; ++i)
        add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype o : offsets)
        out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

enum class Mode {
    OpenAndColour, ///< qpdf's open and page 1's colour check
    Tree,          ///< the same and the page tree check
    Budgeted,      ///< the same under an AllocationBudget, as intake does
};

/// Best of 20 rounds of 10: milliseconds per document.
double measure(QIODevice* device, Mode mode, int* pages)
{
    double best = 1e9;
    for (int round = 0; round < 20; ++round) {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < 10; ++i) {
            device->seek(0);
            if (mode == Mode::Budgeted) {
                PdfColour::Verdict colour = PdfColour::Verdict::Unknown;
                *pages = PdfPageTree::check(device, &colour).pages;
                continue;
            }
            QPDF pdf;
            pdf.setSuppressWarnings(true);
            pdf.setAttemptRecovery(true);
            pdf.processInputSource(std::make_shared<QpdfDeviceSource>(device));
            if (mode == Mode::Tree)
                *pages = PdfPageTree::check(pdf).pages;
            (void)PdfColour::firstPage(pdf);
        }
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count() / 10);
    }
    return best;
}

void report(const QString& name, QIODevice* device)
{
    int pages = 0;
    const double before = measure(device, Mode::OpenAndColour, &pages);
    const double after = measure(device, Mode::Tree, &pages);
    const double budgeted = measure(device, Mode::Budgeted, &pages);
    std::printf(
        "%-28s %6d pages  open + colour %8.3f ms  + tree check %8.3f ms  (+%.3f ms)  budgeted %8.3f ms "
        "(+%.3f ms)\n",
        qPrintable(name), pages, before, after, after - before, budgeted, budgeted - after);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    for (int i = 1; i < argc; ++i) {
        QFile file(QString::fromLocal8Bit(argv[i]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        report(file.fileName(), &file);
    }
    QBuffer flat;
    flat.setData(flatTree(PdfPageTree::MaxPages));
    flat.open(QIODevice::ReadOnly);
    report(QStringLiteral("flat tree (in memory)"), &flat);
    return 0;
}
