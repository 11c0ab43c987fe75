#include "DocumentInspector.h"
#include "PdfColour.h"
#include "RenderBudget.h"
#include "TestData.h"

#include <QBuffer>
#include <QFile>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>
#include <zlib.h>

namespace {

using Verdict = PdfColour::Verdict;

/// The PDFs made by tests/unit/data/pdfcolour/make.sh (Ghostscript's pdfwrite).
QByteArray fixture(const QString& name)
{
    QFile f(QStringLiteral(MPS_SOURCE_DIR "/tests/unit/data/pdfcolour/") + name + QStringLiteral(".pdf"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

/// A PDF drawn with QPainter on QPdfWriter, which writes every colour as RGB (rg/RG), black included.
QByteArray qtPdf(const QColor& text, const QColor& block, bool image = false)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
    QPainter painter(&writer);
    painter.setPen(text);
    painter.drawText(QPointF(72, 100), QStringLiteral("Printed text"));
    painter.fillRect(QRect(72, 200, 150, 150), block);
    if (image) {
        QImage img(40, 40, QImage::Format_RGB32);
        img.fill(QColor(200, 30, 30));
        painter.drawImage(QRect(72, 400, 100, 100), img);
    }
    painter.end();
    return pdf;
}

/// A one-page PDF whose content stream is `content`, Flate-compressed, with a correct cross-reference table.
QByteArray handMadePdf(const QByteArray& content)
{
    const QByteArray deflated = qCompress(content).mid(4); // zlib stream without Qt's length prefix
    QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(deflated.size()) + " /Filter /FlateDecode >>\nstream\n" +
            deflated + "\nendstream",
    };
    return TestData::pdfFromObjects(objects);
}

Verdict classify(const QByteArray& pdf)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    return PdfColour::firstPage(&buffer);
}

/// What the render after the acknowledgement decides for page 1 (DocumentInspector::render).
bool renderedColour(const QByteArray& pdf)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    const DocumentInfo info = DocumentInspector::inspect(&buffer, QStringLiteral("application/pdf"), false);
    buffer.seek(0);
    return DocumentInspector::render(&buffer, QStringLiteral("application/pdf"), info.widthPt, info.heightPt,
                                     RenderBudget())
        .color;
}

} // namespace

class TestPdfColour : public QObject
{
    Q_OBJECT

private slots:
    // First, while the process's peak memory is low. An /Indexed colour space's lookup stream is read
    // only as far as its entries: the whole stream was decoded before (a 1 MB PDF took 2.1 GB and 8 s
    // of the server at intake).
    void paletteLookupIsReadOnlyAsFarAsItsEntries()
    {
        // Entry 0 red, then 256 MiB of zeros, deflated a MiB at a time (~256 KB).
        QByteArray lookup;
        {
            z_stream z{};
            QVERIFY(deflateInit(&z, 9) == Z_OK);
            QByteArray block(1 << 20, '\0');
            block[0] = '\xff';
            QByteArray out(1 << 16, Qt::Uninitialized);
            for (int i = 0; i < 256; ++i) {
                z.next_in = reinterpret_cast<Bytef*>(block.data());
                z.avail_in = static_cast<uInt>(block.size());
                const int flush = i == 255 ? Z_FINISH : Z_NO_FLUSH;
                do {
                    z.next_out = reinterpret_cast<Bytef*>(out.data());
                    z.avail_out = static_cast<uInt>(out.size());
                    deflate(&z, flush);
                    lookup.append(out.constData(), out.size() - static_cast<qsizetype>(z.avail_out));
                } while (z.avail_out == 0);
                block[0] = '\0';
            }
            deflateEnd(&z);
        }
        const QByteArray content = "/CS0 cs 0 sc 0 0 100 100 re f\n";
        const QByteArray pdf = TestData::pdfFromObjects({
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /ColorSpace << /CS0 "
            "[/Indexed "
            "/DeviceRGB 255 5 0 R] >> >> /Contents 4 0 R >>",
            "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
            "<< /Length " + QByteArray::number(lookup.size()) + " /Filter /FlateDecode >>\nstream\n" +
                lookup + "\nendstream",
        });
        const qint64 before = TestData::procSelfNumber("status", "VmHWM");
        QCOMPARE(PdfColour::name(classify(pdf)), PdfColour::name(Verdict::Colour));
        const qint64 grew = TestData::procSelfNumber("status", "VmHWM") - before;
        QVERIFY2(grew < 64 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grew)));
    }

    void fixtures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Verdict>("expected");
        QTest::newRow("grey text, grey fill, DeviceGray inline image") << "grey" << Verdict::Mono;
        QTest::newRow("grey image XObject") << "grey-image-xobject" << Verdict::Mono;
        QTest::newRow("text and fill in RGB greys") << "rgb-black-text" << Verdict::Mono;
        QTest::newRow("CMYK black and grey") << "cmyk" << Verdict::Mono;
        QTest::newRow("red RGB text") << "colour-text" << Verdict::Colour;
        QTest::newRow("CMYK red fill") << "cmyk-colour" << Verdict::Colour;
        QTest::newRow("Indexed palette of greys") << "indexed-grey" << Verdict::Mono;
        // An image whose pixels could be colour: only the render tells.
        QTest::newRow("Indexed palette with colours") << "indexed-colour" << Verdict::Unknown;
        QTest::newRow("RGB inline image") << "rgb-image" << Verdict::Unknown;
        QTest::newRow("RGB image XObject") << "rgb-image-xobject" << Verdict::Unknown;
        // Page 1 decides, as the render does.
        QTest::newRow("colour on page 2 only") << "colour-on-page-2" << Verdict::Mono;
        QTest::newRow("colour set but never painted") << "unused-colour" << Verdict::Mono;
    }

    void fixtures()
    {
        QFETCH(QString, name);
        QFETCH(Verdict, expected);
        const QByteArray pdf = fixture(name);
        QVERIFY2(!pdf.isEmpty(), qPrintable(name));
        const Verdict got = classify(pdf);
        QCOMPARE(PdfColour::name(got), PdfColour::name(expected));
        // Whatever the content decides, the price must not change once the thumbnail is rendered.
        if (got != Verdict::Unknown)
            QCOMPARE(renderedColour(pdf), got == Verdict::Colour);
    }

    void qtWriter_data()
    {
        QTest::addColumn<QColor>("text");
        QTest::addColumn<QColor>("block");
        QTest::addColumn<bool>("image");
        QTest::addColumn<Verdict>("expected");
        QTest::newRow("black text, grey block")
            << QColor(Qt::black) << QColor(Qt::gray) << false << Verdict::Mono;
        QTest::newRow("black text, red block")
            << QColor(Qt::black) << QColor(Qt::red) << false << Verdict::Colour;
        QTest::newRow("blue text") << QColor(Qt::blue) << QColor(Qt::white) << false << Verdict::Colour;
        QTest::newRow("near-grey within the tolerance")
            << QColor(Qt::black) << QColor(120, 125, 130) << false << Verdict::Mono;
        QTest::newRow("RGB image") << QColor(Qt::black) << QColor(Qt::white) << true << Verdict::Unknown;
    }

    void qtWriter()
    {
        QFETCH(QColor, text);
        QFETCH(QColor, block);
        QFETCH(bool, image);
        QFETCH(Verdict, expected);
        const QByteArray pdf = qtPdf(text, block, image);
        const Verdict got = classify(pdf);
        QCOMPARE(PdfColour::name(got), PdfColour::name(expected));
        if (got != Verdict::Unknown)
            QCOMPARE(renderedColour(pdf), got == Verdict::Colour);
    }

    void handMade()
    {
        // The builder itself: a small grey page and a small red one are told apart.
        QCOMPARE(classify(handMadePdf("0.5 G 10 10 m 500 800 l S\n")), Verdict::Mono);
        QCOMPARE(classify(handMadePdf("1 0 0 RG 10 10 m 500 800 l S\n")), Verdict::Colour);
    }

    void nestedPageTree()
    {
        // Page 1 is found by walking the first /Kids down the tree, and takes the /Resources its
        // parent node gives it (a form that strokes in red): colour. With the grey page first: mono.
        const QByteArray red = "1 0 0 RG 10 10 m 500 800 l S\n";
        const QByteArray form = "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length " +
                                QByteArray::number(red.size()) + " >>\nstream\n" + red + "\nendstream";
        const QByteArray draw = "/Fm0 Do\n";
        const QByteArray grey = "0.5 G 10 10 m 500 800 l S\n";
        auto pdf = [&](const QByteArray& rootKids) {
            return TestData::pdfFromObjects({
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [" + rootKids + "] /Count 2 >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [5 0 R] /Count 1 /Resources << /XObject << /Fm0 7 0 R "
                ">> >> >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 8 0 R >>",
                "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>",
                "<< /Length " + QByteArray::number(draw.size()) + " >>\nstream\n" + draw + "\nendstream",
                form,
                "<< /Length " + QByteArray::number(grey.size()) + " >>\nstream\n" + grey + "\nendstream",
            });
        };
        QCOMPARE(PdfColour::name(classify(pdf("3 0 R 4 0 R"))), PdfColour::name(Verdict::Colour));
        QCOMPARE(PdfColour::name(classify(pdf("4 0 R 3 0 R"))), PdfColour::name(Verdict::Mono));
    }

    void contentOverTheLimitIsLeftToTheRender()
    {
        // 20 MB of strokes (past the 8 MiB content limit) before a red one: not decoded whole, not judged.
        QByteArray content = QByteArray("10 10 m 500 800 l S\n").repeated(1'000'000);
        content += "1 0 0 RG 10 10 m 500 800 l S\n";
        QCOMPARE(PdfColour::name(classify(handMadePdf(content))), PdfColour::name(Verdict::Unknown));
    }

    // The text render mode as Poppler takes it: the low bits of an integer; a number that is not an
    // integer (8.4e9 does not fit one) is ignored. fuzz_ipp_request found the conversion of 8.4e9 to int.
    void textRenderMode_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<int>("verdict");
        QTest::newRow("fill") << QByteArray("0") << int(Verdict::Colour);
        QTest::newRow("invisible") << QByteArray("3") << int(Verdict::Mono);
        QTest::newRow("11-is-3") << QByteArray("11") << int(Verdict::Mono);
        QTest::newRow("8400000000-ignored") << QByteArray("8400000000") << int(Verdict::Colour);
        QTest::newRow("2.5-ignored") << QByteArray("2.5") << int(Verdict::Colour);
    }

    void textRenderMode()
    {
        QFETCH(QByteArray, mode);
        QFETCH(int, verdict);
        const QByteArray content = "1 0 0 rg " + mode + " Tr BT 72 700 Td (x) Tj ET\n";
        QCOMPARE(PdfColour::name(classify(handMadePdf(content))), PdfColour::name(Verdict(verdict)));
    }

    void notAPdf()
    {
        QCOMPARE(classify(QByteArray("this is not a PDF")), Verdict::Unknown);
        QCOMPARE(classify(QByteArray()), Verdict::Unknown);
    }

    // Page 1's resources a dictionary of a million keys (11 MB; ~700 MB once qpdf has parsed it): qpdf
    // stops at its budget (AllocationBudget) and the colour is unknown. (Read when a thumbnail is rendered
    // for a job intake did not see.)
    void resourcesTooCostlyToRead()
    {
        QByteArray keys("<<");
        for (int i = 0; i < 1'000'000; ++i)
            keys += " /K" + QByteArray::number(i) + " 1";
        QByteArray pdf = handMadePdf("1 0 0 rg 0 0 100 100 re f\n");
        QCOMPARE(classify(pdf), Verdict::Colour);
        pdf = TestData::pdfFromObjects({
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 5 0 R /Contents 4 0 R >>",
            "<< /Length 26 >>\nstream\n1 0 0 rg 0 0 100 100 re f\n\nendstream",
            keys + " >>",
        });
        keys.clear();
        const qint64 before = TestData::procSelfNumber("status", "VmHWM");
        QCOMPARE(classify(pdf), Verdict::Unknown);
        const qint64 grew = TestData::procSelfNumber("status", "VmHWM") - before;
        QVERIFY2(grew < 320 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grew)));
    }
};

QTEST_MAIN(TestPdfColour)
#include "TestPdfColour.moc"
