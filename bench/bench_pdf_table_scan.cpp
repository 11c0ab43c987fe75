// How fast PdfTableScan reads a PDF as it arrives (docs/server.md "Documents"; issue 14 bounded work):
// the time per MiB for three kinds of content, fed in the 256 KiB pieces the server's intake reads.
//
//     build/tests/bench_pdf_table_scan [MiB]      # default 64 MiB of each kind, best of 10 passes
//
// Kinds: "image" (an uncompressed grey image: white with dark runs, as bench/mkpdf.py writes),
// "random" (random bytes, as compressed streams look), "objects" (small objects, ~21,000 in a MiB).
#include "PdfTableScan.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <chrono>
#include <cstdio>

namespace {

QByteArray content(const char* kind, qsizetype bytes)
{
    QByteArray out("%PDF-1.7\n");
    QRandomGenerator random(36);
    if (qstrcmp(kind, "objects") == 0) {
        for (int i = 1; out.size() < bytes; ++i)
            out += QByteArray::number(i) + " 0 obj\n<< /Type /Foo /Value " + QByteArray::number(i) +
                   " >>\nendobj\n";
        return out;
    }
    out += "1 0 obj\n<< /Length " + QByteArray::number(bytes) + " >>\nstream\n";
    const qsizetype start = out.size();
    out.resize(start + bytes);
    char* p = out.data() + start;
    for (qsizetype i = 0; i < bytes; ++i) {
        if (qstrcmp(kind, "random") == 0)
            p[i] = static_cast<char>(random.generate() & 0xff);
        else
            p[i] = (i % 1700) < 1500 || (i / 7) % 3 ? '\xff' : static_cast<char>(0x20 + (i % 64));
    }
    out += "\nendstream\nendobj\n";
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype mib = argc > 1 ? QByteArray(argv[1]).toLongLong() : 64;
    std::printf("kind     MiB   best ms   ms/MiB   MiB/s   largest\n");
    for (const char* kind : {"image", "random", "objects"}) {
        const QByteArray pdf = content(kind, mib * 1024 * 1024);
        double best = 1e300;
        qint64 largest = 0;
        for (int pass = 0; pass < 10; ++pass) {
            const auto t0 = std::chrono::steady_clock::now();
            PdfTableScan scan;
            for (qsizetype at = 0; at < pdf.size(); at += 256 * 1024)
                scan.feed(pdf.constData() + at, std::min<qsizetype>(256 * 1024, pdf.size() - at));
            scan.finish();
            best = std::min(
                best,
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            largest = scan.largest();
        }
        const double size = pdf.size() / 1048576.0;
        std::printf("%-8s %5.0f %9.1f %8.3f %7.0f %9lld\n", kind, size, best, best / size, size / best * 1000,
                    static_cast<long long>(largest));
    }
    return 0;
}
