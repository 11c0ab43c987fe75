#include "DocumentConverter.h"
#include "DocumentFormat.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <poppler-qt6.h>

#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using Kind = DocumentFormat::Kind;
Q_DECLARE_METATYPE(DocumentFormat::Kind)

namespace {

QString sample(const char* name)
{
    return QStringLiteral(MPS_SOURCE_DIR "/tests/unit/data/convert/") + QLatin1String(name);
}

QByteArray readSample(const char* name)
{
    QFile f(sample(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test sample %s", name);
    return f.readAll();
}

DocumentFormat detectBytes(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return DocumentFormat::detect(&buffer);
}

// Renames one entry of an OLE2 directory in place (same or shorter name), so a real compound file
// made by LibreOffice gets the stream layout of another format.
bool renameOleEntry(QByteArray& ole, const QString& from, const QString& to)
{
    const QByteArray oldName(reinterpret_cast<const char*>(from.utf16()), from.size() * 2);
    qsizetype at = -1;
    for (qsizetype pos = 512; pos + 128 <= ole.size(); pos += 128) {
        if (ole.mid(pos, oldName.size()) == oldName && quint8(ole[pos + 64]) == (from.size() + 1) * 2) {
            at = pos;
            break;
        }
    }
    if (at < 0 || to.size() > 31)
        return false;
    QByteArray entry(64, '\0');
    std::memcpy(entry.data(), to.utf16(), static_cast<size_t>(to.size()) * 2);
    ole.replace(at, 64, entry);
    ole[at + 64] = static_cast<char>((to.size() + 1) * 2);
    ole[at + 65] = 0;
    return true;
}

// A zip with one stored entry, written by hand (local header, central directory, end record).
QByteArray storedZip(const QByteArray& name, const QByteArray& data)
{
    auto u16 = [](QByteArray& b, quint16 v) { b.append(char(v & 0xFF)).append(char(v >> 8)); };
    auto u32 = [&](QByteArray& b, quint32 v) {
        u16(b, quint16(v & 0xFFFF));
        u16(b, quint16(v >> 16));
    };
    QByteArray local("PK\x03\x04", 4);
    u16(local, 10);
    u16(local, 0);
    u16(local, 0);
    u16(local, 0);
    u16(local, 0);
    u32(local, 0); // CRC left 0: detection does not check it
    u32(local, quint32(data.size()));
    u32(local, quint32(data.size()));
    u16(local, quint16(name.size()));
    u16(local, 0);
    local += name + data;
    QByteArray central("PK\x01\x02", 4);
    u16(central, 20);
    u16(central, 10);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, quint32(data.size()));
    u32(central, quint32(data.size()));
    u16(central, quint16(name.size()));
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, 0);
    central += name;
    QByteArray end("PK\x05\x06", 4);
    u16(end, 0);
    u16(end, 0);
    u16(end, 1);
    u16(end, 1);
    u32(end, quint32(central.size()));
    u32(end, quint32(local.size()));
    u16(end, 0);
    return local + central + end;
}

QByteArray onePagePdf()
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QPainter painter(&writer);
    painter.fillRect(QRect(100, 100, 500, 500), Qt::black);
    painter.end();
    return pdf;
}

/// Writes an executable shell script standing in for soffice.
QString writeScript(const QTemporaryDir& dir, const QString& name, const QByteArray& body)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

struct Converted
{
    DocumentConverter::Result result;
    QByteArray pdf;
};

Converted convertWith(DocumentConverter& converter, const QByteArray& document, const DocumentFormat& format)
{
    QByteArray copy = document;
    QBuffer input(&copy);
    input.open(QIODevice::ReadOnly);
    Converted c;
    c.result = converter.convert(&input, copy.size(), format, [&](QIODevice* pdf, QString*) {
        c.pdf = pdf->readAll();
        return true;
    });
    return c;
}

DocumentFormat docxFormat()
{
    return detectBytes(readSample("report.docx"));
}

} // namespace

class TestDocumentConverter : public QObject
{
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
    void detectOle_data();
    void detectOle();
    void refusalsSayWhatToDo();
    void tooLargeIsRefusedBeforeConverting();
    void fakeConverterRunsSandboxed();
    void hangingConverterIsKilled();
    void crashingConverterIsRefused();
    void converterWithoutOutputIsRefused();
    void missingConverterIsRefused();
    void parallelLimitRefusesWhenBusy();
    void staleWorkDirsAreRemovedAtStart();
    void libreOfficeConvertsHangulText();
    void libreOfficeConvertsHwp3();
};

void TestDocumentConverter::detect_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("mimeType");

    QTest::newRow("docx") << readSample("report.docx") << Kind::WordProcessing
                          << "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    QTest::newRow("xlsx") << readSample("sheet.xlsx") << Kind::Spreadsheet
                          << "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    QTest::newRow("pptx") << readSample("slides.pptx") << Kind::Presentation
                          << "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    QTest::newRow("odt") << readSample("report.odt") << Kind::WordProcessing
                         << "application/vnd.oasis.opendocument.text";
    QTest::newRow("ods") << readSample("sheet.ods") << Kind::Spreadsheet
                         << "application/vnd.oasis.opendocument.spreadsheet";
    QTest::newRow("odp") << readSample("slides.odp") << Kind::Presentation
                         << "application/vnd.oasis.opendocument.presentation";
    QTest::newRow("doc") << readSample("report.doc") << Kind::WordProcessing << "application/msword";
    QTest::newRow("xls") << readSample("sheet.xls") << Kind::Spreadsheet << "application/vnd.ms-excel";
    QTest::newRow("rtf") << readSample("report.rtf") << Kind::Rtf << "application/rtf";
    QTest::newRow("hwpx") << readSample("hangul.hwpx") << Kind::Hwpx << "application/hwp+zip";
    QTest::newRow("utf-8 text with Hangul") << readSample("hangul.txt") << Kind::Text << "text/plain";
    QByteArray utf16("\xFF\xFE", 2);
    const QString hangul = QStringLiteral("한글 UTF-16");
    utf16.append(reinterpret_cast<const char*>(hangul.utf16()), hangul.size() * 2);
    QTest::newRow("utf-16 text with BOM") << utf16 << Kind::Text << "text/plain";
    QTest::newRow("hwp 3.0") << readSample("hangul97.hwp") << Kind::Hwp3 << "application/x-hwp";
    QTest::newRow("hwp 3.0 signature") << QByteArray("HWP Document File V3.00 \x1A\x01\x02\x03\x04\x05", 30)
                                       << Kind::Hwp3 << "application/x-hwp";
    QTest::newRow("hwp 2.1 signature")
        << QByteArray("HWP Document File V2.10 \x1A\x01\x02\x03\x04\x05", 30) << Kind::Unknown << "";
    QTest::newRow("pdf") << onePagePdf() << Kind::Native << "";
    QTest::newRow("jpeg magic") << QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10) << Kind::Native << "";
    QTest::newRow("plain zip") << storedZip("notes/readme.xml", "<a/>") << Kind::Unknown << "";
    QTest::newRow("zip with another mimetype")
        << storedZip("mimetype", "application/epub+zip") << Kind::Unknown << "";
    QTest::newRow("odt mimetype by hand")
        << storedZip("mimetype", "application/vnd.oasis.opendocument.text") << Kind::WordProcessing
        << "application/vnd.oasis.opendocument.text";
    QByteArray truncatedDocx = readSample("report.docx");
    truncatedDocx.truncate(600); // no central directory left: nothing says it is OOXML
    QTest::newRow("docx cut short") << truncatedDocx << Kind::Unknown << "";
    QTest::newRow("postscript") << QByteArray("%!PS-Adobe-3.0\n%%Pages: 1\nshowpage\n") << Kind::Unknown
                                << "";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03garbage\x7F\x80", 14) << Kind::Unknown << "";
    QTest::newRow("latin-1 text") << QByteArray("caf\xE9 cr\xE8me\n") << Kind::Unknown << "";
    QTest::newRow("OLE2 magic only") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << Kind::Unknown
                                     << "";
}

void TestDocumentConverter::detect()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Kind, kind);
    QFETCH(QString, mimeType);
    const DocumentFormat f = detectBytes(bytes);
    QCOMPARE(f.kind, kind);
    if (!mimeType.isEmpty())
        QCOMPARE(f.mimeType, mimeType);
    if (kind == Kind::Text)
        QVERIFY(!f.textCharset.isEmpty());
}

void TestDocumentConverter::detectOle_data()
{
    QTest::addColumn<QStringList>("renames"); // pairs: from, to
    QTest::addColumn<Kind>("kind");
    // The .doc LibreOffice wrote has WordDocument, 1Table, CompObj and the summary streams; renaming
    // them gives the directory layout of the other OLE2 formats without writing a compound file by hand.
    QTest::newRow("doc as is") << QStringList{} << Kind::WordProcessing;
    QTest::newRow("ppt layout") << QStringList{"WordDocument", "PowerPoint Document"} << Kind::Presentation;
    QTest::newRow("xls layout") << QStringList{"WordDocument", "Workbook"} << Kind::Spreadsheet;
    QTest::newRow("hwp 5 layout")
        << QStringList{"WordDocument", "FileHeader", "1Table", "DocInfo", QStringLiteral("\x01Ole"),
                       "BodyText"}
        << Kind::Hwp5;
    QTest::newRow("password-protected OOXML")
        << QStringList{"WordDocument", "EncryptedPackage", "1Table", "EncryptionInfo"} << Kind::Protected;
    QTest::newRow("unknown streams") << QStringList{"WordDocument", "Contents"} << Kind::Unknown;
}

void TestDocumentConverter::detectOle()
{
    QFETCH(QStringList, renames);
    QFETCH(Kind, kind);
    QByteArray doc = readSample("report.doc");
    for (int i = 0; i + 1 < renames.size(); i += 2)
        QVERIFY2(renameOleEntry(doc, renames[i], renames[i + 1]), qPrintable(renames[i]));
    QCOMPARE(detectBytes(doc).kind, kind);
}

void TestDocumentConverter::refusalsSayWhatToDo()
{
    for (const Kind k : {Kind::Unknown, Kind::Hwp5, Kind::Hwpx, Kind::Protected}) {
        QVERIFY(!DocumentFormat::isConvertible(k));
        QVERIFY2(DocumentFormat::refusal(k).contains(QLatin1String("PDF")),
                 qPrintable(DocumentFormat::refusal(k)));
    }
    for (const Kind k :
         {Kind::Text, Kind::Rtf, Kind::WordProcessing, Kind::Spreadsheet, Kind::Presentation, Kind::Hwp3})
        QVERIFY(DocumentFormat::isConvertible(k));
    QVERIFY(!DocumentFormat::isConvertible(Kind::Native));
}

void TestDocumentConverter::tooLargeIsRefusedBeforeConverting()
{
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("ran"));
    DocumentConverter::Settings s;
    s.command = writeScript(dir, QStringLiteral("conv"), "touch " + QFile::encodeName(marker) + "\n");
    s.maxDocumentBytes = 1000;
    DocumentConverter converter(s);
    const Converted c = convertWith(converter, QByteArray(2000, 'a'), detectBytes(QByteArray(2000, 'a')));
    QCOMPARE(c.result.status, DocumentConverter::Result::Status::TooLarge);
    QVERIFY(c.result.error.contains(QLatin1String("PDF")));
    QVERIFY(!QFile::exists(marker));
}

void TestDocumentConverter::fakeConverterRunsSandboxed()
{
    QTemporaryDir dir;
    QFile pdfFile(dir.filePath(QStringLiteral("out.pdf")));
    QVERIFY(pdfFile.open(QIODevice::WriteOnly));
    const QByteArray pdf = onePagePdf();
    pdfFile.write(pdf);
    pdfFile.close();
    const QByteArray record = QFile::encodeName(dir.filePath(QStringLiteral("record")));
    // Records what the converter saw (its work directory's mode, its arguments, its limits, the input),
    // then "converts" by copying a known PDF to where LibreOffice would put it.
    const QByteArray body =
        "for a; do last=$a; done\n"
        "out=''; prev=''; for a; do [ \"$prev\" = --outdir ] && out=$a; prev=$a; done\n"
        "{ stat -c %a \"$PWD\"; echo \"$*\"; ulimit -v; ulimit -c; cat \"$last\"; echo; } > " +
        record + "\ncp " + QFile::encodeName(pdfFile.fileName()) + " \"$out/document.pdf\"\n";
    DocumentConverter::Settings s;
    s.command = writeScript(dir, QStringLiteral("conv"), body);
    s.workRoot = dir.filePath(QStringLiteral("work"));
    s.memoryMb = 1536;
    QVERIFY(QDir().mkpath(s.workRoot));
    DocumentConverter converter(s);

    const QByteArray text = readSample("hangul.txt");
    const Converted c = convertWith(converter, text, detectBytes(text));
    QCOMPARE(c.result.status, DocumentConverter::Result::Status::Ok);
    QCOMPARE(c.pdf, pdf);

    QFile rec(QString::fromLocal8Bit(record));
    QVERIFY(rec.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(rec.readAll()).split(QLatin1Char('\n'));
    QVERIFY2(lines.size() >= 5, qPrintable(lines.join(QLatin1Char('|'))));
    QCOMPARE(lines[0], QStringLiteral("700"));
    QVERIFY(lines[1].contains(QLatin1String("--headless")));
    QVERIFY(lines[1].contains(QLatin1String("-env:UserInstallation=file://")));
    QVERIFY(lines[1].contains(QLatin1String("--convert-to pdf")));
    QVERIFY(lines[1].contains(QLatin1String("--infilter=Text (encoded):UTF8")));
    QCOMPARE(lines[2], QString::number(1536 * 1024));
    QCOMPARE(lines[3], QStringLiteral("0"));
    QVERIFY(QString::fromUtf8(text).startsWith(lines[4]));
    // The work directory (plaintext copy, profile, output) is gone afterwards.
    QCOMPARE(QDir(s.workRoot).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestDocumentConverter::hangingConverterIsKilled()
{
    QTemporaryDir dir;
    const QByteArray pidFile = QFile::encodeName(dir.filePath(QStringLiteral("pid")));
    DocumentConverter::Settings s;
    // A converter that never finishes and leaves a grandchild behind: both must go.
    s.command = writeScript(dir, QStringLiteral("conv"), "sleep 600 &\necho $! > " + pidFile + "\nwait\n");
    s.timeoutSecs = 1;
    DocumentConverter converter(s);
    const Converted c = convertWith(converter, readSample("report.docx"), docxFormat());
    QCOMPARE(c.result.status, DocumentConverter::Result::Status::TimedOut);
    QVERIFY(c.result.error.contains(QLatin1String("PDF")));
    QFile f(QString::fromLocal8Bit(pidFile));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pid = f.readAll().trimmed();
    QVERIFY(!pid.isEmpty());
    // Gone, or a zombie waiting for init: either way it no longer runs.
    QTRY_VERIFY_WITH_TIMEOUT(
        !QFile::exists("/proc/" + pid) ||
            QFile(QString::fromLatin1("/proc/" + pid + "/stat")).open(QIODevice::ReadOnly) == false ||
            [&] {
                QFile st(QString::fromLatin1("/proc/" + pid + "/stat"));
                st.open(QIODevice::ReadOnly);
                const QByteArray line = st.readAll();
                return line.isEmpty() || line.mid(line.lastIndexOf(')') + 2, 1) == "Z";
            }(),
        10000);
}

void TestDocumentConverter::crashingConverterIsRefused()
{
    QTemporaryDir dir;
    DocumentConverter::Settings s;
    s.command = writeScript(dir, QStringLiteral("conv"), "kill -SEGV $$\n");
    DocumentConverter converter(s);
    const Converted c = convertWith(converter, readSample("report.docx"), docxFormat());
    QCOMPARE(c.result.status, DocumentConverter::Result::Status::Crashed);
    QVERIFY(c.result.error.contains(QLatin1String("PDF")));
    QVERIFY(c.pdf.isEmpty());
}

void TestDocumentConverter::converterWithoutOutputIsRefused()
{
    QTemporaryDir dir;
    DocumentConverter::Settings s;
    s.command =
        writeScript(dir, QStringLiteral("conv"), "echo 'Error: source file could not be loaded'\nexit 0\n");
    DocumentConverter converter(s);
    const Converted c = convertWith(converter, readSample("report.docx"), docxFormat());
    QCOMPARE(c.result.status, DocumentConverter::Result::Status::Unreadable);
    QVERIFY(c.result.error.contains(QLatin1String("damaged")));
}

void TestDocumentConverter::missingConverterIsRefused()
{
    DocumentConverter::Settings s;
    s.command = QStringLiteral("/nonexistent/soffice");
    DocumentConverter converter(s);
    const Converted c = convertWith(converter, readSample("report.docx"), docxFormat());
    QVERIFY(c.result.status != DocumentConverter::Result::Status::Ok);
    QVERIFY(!c.result.error.isEmpty());
}

void TestDocumentConverter::parallelLimitRefusesWhenBusy()
{
    QTemporaryDir dir;
    const QByteArray started = QFile::encodeName(dir.filePath(QStringLiteral("started")));
    DocumentConverter::Settings s;
    s.command = writeScript(dir, QStringLiteral("conv"), "touch " + started + "\nexec sleep 600\n");
    s.timeoutSecs = 2;
    s.maxParallel = 1;
    DocumentConverter converter(s);
    Converted first;
    std::thread worker([&] { first = convertWith(converter, readSample("report.docx"), docxFormat()); });
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(QString::fromLocal8Bit(started)), 10000);
    // The only slot is taken until the first conversion times out; the second waits its turn, and
    // either gets it after the first is killed or is told the server is busy, never runs two at once.
    const Converted second = convertWith(converter, readSample("report.docx"), docxFormat());
    worker.join();
    QCOMPARE(first.result.status, DocumentConverter::Result::Status::TimedOut);
    QVERIFY(second.result.status == DocumentConverter::Result::Status::Busy ||
            second.result.status == DocumentConverter::Result::Status::TimedOut);
    if (second.result.status == DocumentConverter::Result::Status::Busy)
        QVERIFY(second.result.error.contains(QLatin1String("busy")));
}

namespace {
bool cmdlineContains(pid_t pid, const QByteArray& text)
{
    QFile c(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return c.open(QIODevice::ReadOnly) && c.readAll().contains(text);
}
} // namespace

void TestDocumentConverter::staleWorkDirsAreRemovedAtStart()
{
    QTemporaryDir root;
    // A server pid that is surely gone: a child that has exited and been reaped.
    const pid_t dead = ::fork();
    if (dead == 0)
        ::_exit(0);
    QVERIFY(dead > 0);
    QVERIFY(::waitpid(dead, nullptr, 0) == dead);

    // The dead server's work directory, with its converter still running (its command line names
    // the directory, as soffice's does) and a plaintext copy of the document.
    const QString stale = root.filePath(QStringLiteral("mps-convert-%1-abcdef").arg(dead));
    QVERIFY(QDir().mkpath(stale + QStringLiteral("/in")));
    QFile plain(stale + QStringLiteral("/in/document.docx"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write("secret");
    plain.close();
    const QByteArray staleName = QFile::encodeName(stale);
    const pid_t converter = ::fork();
    if (converter == 0) {
        ::setsid();
        ::execl("/bin/sh", "sh", "-c", "sleep 600; :", staleName.constData(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    QVERIFY(converter > 0);
    QTRY_VERIFY_WITH_TIMEOUT(cmdlineContains(converter, staleName), 10000);
    QFile pidFile(stale + QStringLiteral("/converter.pid"));
    QVERIFY(pidFile.open(QIODevice::WriteOnly));
    pidFile.write(QByteArray::number(converter));
    pidFile.close();
    // A live server's directory (this process) is left alone.
    const QString live = root.filePath(QStringLiteral("mps-convert-%1-ghijkl").arg(::getpid()));
    QVERIFY(QDir().mkpath(live));

    DocumentConverter::Settings s;
    s.workRoot = root.path();
    const DocumentConverter converterAtStart(s);
    QVERIFY(!QFileInfo::exists(stale));
    QVERIFY(QFileInfo::exists(live));
    // Killed: gone, or a zombie until it is reaped.
    QTRY_VERIFY_WITH_TIMEOUT(!cmdlineContains(converter, staleName), 10000);
    int status = 0;
    if (::waitpid(converter, &status, WNOHANG) == converter)
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

void TestDocumentConverter::libreOfficeConvertsHangulText()
{
    if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty())
        QSKIP("LibreOffice (soffice) is not installed");
    DocumentConverter converter(DocumentConverter::Settings{});
    const QByteArray text = readSample("hangul.txt");
    const Converted c = convertWith(converter, text, detectBytes(text));
    QCOMPARE(c.result.status, DocumentConverter::Result::Status::Ok);
    std::unique_ptr<Poppler::Document> doc(Poppler::Document::loadFromData(c.pdf));
    QVERIFY(doc);
    QCOMPARE(doc->numPages(), 1);
    std::unique_ptr<Poppler::Page> page(doc->page(0));
    QVERIFY(page->text(QRectF()).contains(QStringLiteral("한글 출력 시험")));
}

void TestDocumentConverter::libreOfficeConvertsHwp3()
{
    if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty())
        QSKIP("LibreOffice (soffice) is not installed");
    DocumentConverter converter(DocumentConverter::Settings{});
    const QByteArray hwp = readSample("hangul97.hwp");
    const Converted c = convertWith(converter, hwp, detectBytes(hwp));
    QCOMPARE(c.result.status, DocumentConverter::Result::Status::Ok);
    std::unique_ptr<Poppler::Document> doc(Poppler::Document::loadFromData(c.pdf));
    QVERIFY(doc);
    std::unique_ptr<Poppler::Page> page(doc->page(0));
    QVERIFY(page->text(QRectF()).contains(QStringLiteral("한글 97 문서")));
}

QTEST_GUILESS_MAIN(TestDocumentConverter)
#include "TestDocumentConverter.moc"
