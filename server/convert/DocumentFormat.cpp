#include "DocumentFormat.h"

#include <QIODevice>
#include <QSet>
#include <QStringDecoder>

#include <cstring>

namespace {

// Bounds on what detection reads, so a hostile container cannot make it read or allocate much.
constexpr qint64 HeadSize = 4096;
constexpr qint64 TextCheckSize = 64 * 1024;        // text: the first 64 KiB must be clean
constexpr qint64 ZipMaxCentralDirectory = 4 << 20; // 4 MiB of central directory entries
constexpr qint64 ZipEocdSearch = 22 + 65535;       // end record plus the longest comment
constexpr int OleMaxDirectorySectors = 256;
constexpr int OleHeaderFatEntries = 109;

const char OleMagic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

quint16 le16(const char* p)
{
    return static_cast<quint16>(static_cast<unsigned char>(p[0]) | (static_cast<unsigned char>(p[1]) << 8));
}

quint32 le32(const char* p)
{
    return quint32{static_cast<unsigned char>(p[0])} | (quint32{static_cast<unsigned char>(p[1])} << 8) |
           (quint32{static_cast<unsigned char>(p[2])} << 16) |
           (quint32{static_cast<unsigned char>(p[3])} << 24);
}

// Reads up to `len` bytes at `offset`; a short or null result means the document ended or broke.
QByteArray readAt(QIODevice* device, qint64 offset, qint64 len)
{
    if (offset < 0 || len <= 0 || !device->seek(offset))
        return {};
    QByteArray out(static_cast<qsizetype>(len), Qt::Uninitialized);
    qint64 got = 0;
    while (got < len) {
        const qint64 n = device->read(out.data() + got, len - got);
        if (n <= 0)
            break;
        got += n;
    }
    out.truncate(static_cast<qsizetype>(got));
    return out;
}

DocumentFormat make(DocumentFormat::Kind kind, const char* mime, const char* ext)
{
    DocumentFormat f;
    f.kind = kind;
    f.mimeType = QString::fromLatin1(mime);
    f.extension = QString::fromLatin1(ext);
    return f;
}

// ---------------------------------------------------------------------------------------------------------
// Zip containers: ODF and HWPX name themselves in a first, stored "mimetype" entry; OOXML has a
// [Content_Types].xml part and its main part at a fixed name.

DocumentFormat fromMimetypeEntry(const QByteArray& head)
{
    // Local file header: method at 8, compressed size at 18, name length at 26, extra length at 28.
    if (head.size() < 30 || le16(head.constData() + 8) != 0)
        return {};
    const int nameLen = le16(head.constData() + 26);
    const int extraLen = le16(head.constData() + 28);
    if (head.mid(30, nameLen) != "mimetype")
        return {};
    const qint64 size = le32(head.constData() + 18);
    const QByteArray mime =
        head.mid(30 + nameLen + extraLen, static_cast<qsizetype>(std::min<qint64>(size, 200)));
    using K = DocumentFormat::Kind;
    if (mime == "application/vnd.oasis.opendocument.text")
        return make(K::WordProcessing, "application/vnd.oasis.opendocument.text", "odt");
    if (mime == "application/vnd.oasis.opendocument.spreadsheet")
        return make(K::Spreadsheet, "application/vnd.oasis.opendocument.spreadsheet", "ods");
    if (mime == "application/vnd.oasis.opendocument.presentation")
        return make(K::Presentation, "application/vnd.oasis.opendocument.presentation", "odp");
    if (mime == "application/hwp+zip")
        return make(K::Hwpx, "application/hwp+zip", "hwpx");
    return {};
}

// Collects the entry names of a zip's central directory (bounded), or returns false when there is none.
bool zipEntryNames(QIODevice* device, QSet<QByteArray>* names)
{
    const qint64 size = device->size();
    const qint64 tailLen = std::min(size, ZipEocdSearch);
    const QByteArray tail = readAt(device, size - tailLen, tailLen);
    const qsizetype eocd = tail.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0 || tail.size() - eocd < 22)
        return false;
    const char* e = tail.constData() + eocd;
    const qint64 cdSize = le32(e + 12);
    const qint64 cdOffset = le32(e + 16);
    if (cdSize <= 0 || cdSize > ZipMaxCentralDirectory || cdOffset + cdSize > size)
        return false;
    const QByteArray cd = readAt(device, cdOffset, cdSize);
    if (cd.size() != cdSize)
        return false;
    for (qsizetype pos = 0; pos + 46 <= cd.size();) {
        const char* p = cd.constData() + pos;
        if (std::memcmp(p, "PK\x01\x02", 4) != 0)
            break;
        const int nameLen = le16(p + 28), extraLen = le16(p + 30), commentLen = le16(p + 32);
        if (pos + 46 + nameLen > cd.size())
            break;
        names->insert(cd.mid(pos + 46, nameLen));
        pos += 46 + nameLen + extraLen + commentLen;
    }
    return !names->isEmpty();
}

DocumentFormat detectZip(QIODevice* device, const QByteArray& head)
{
    if (DocumentFormat f = fromMimetypeEntry(head); f.kind != DocumentFormat::Kind::Unknown)
        return f;
    QSet<QByteArray> names;
    if (!zipEntryNames(device, &names) || !names.contains("[Content_Types].xml"))
        return {};
    using K = DocumentFormat::Kind;
    if (names.contains("word/document.xml"))
        return make(K::WordProcessing,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    if (names.contains("xl/workbook.xml"))
        return make(K::Spreadsheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "xlsx");
    if (names.contains("ppt/presentation.xml"))
        return make(K::Presentation,
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
    return {};
}

// ---------------------------------------------------------------------------------------------------------
// OLE2 compound files (DOC, XLS, PPT, HWP 5): the directory's stream names tell them apart.

bool oleStreamNames(QIODevice* device, const QByteArray& head, QSet<QString>* names)
{
    if (head.size() < 512)
        return false;
    const int shift = le16(head.constData() + 0x1E);
    if (shift != 9 && shift != 12)
        return false;
    const qint64 sectorSize = qint64{1} << shift;
    const quint32 perFatSector = static_cast<quint32>(sectorSize / 4);
    auto sectorOffset = [&](quint32 sector) { return (qint64{sector} + 1) * sectorSize; };
    // The FAT entry for `sector`, through the header's first 109 FAT sector locations.
    auto next = [&](quint32 sector, quint32* out) {
        const quint32 fatIndex = sector / perFatSector;
        if (fatIndex >= OleHeaderFatEntries)
            return false;
        const quint32 fatSector = le32(head.constData() + 0x4C + fatIndex * 4);
        const QByteArray entry = readAt(device, sectorOffset(fatSector) + (sector % perFatSector) * 4, 4);
        if (entry.size() != 4)
            return false;
        *out = le32(entry.constData());
        return true;
    };

    quint32 sector = le32(head.constData() + 0x30);
    for (int i = 0; i < OleMaxDirectorySectors && sector < 0xFFFFFFFA; ++i) {
        const QByteArray dir = readAt(device, sectorOffset(sector), sectorSize);
        if (dir.size() != sectorSize)
            return false;
        for (qsizetype off = 0; off + 128 <= dir.size(); off += 128) {
            const char* entry = dir.constData() + off;
            const int nameBytes = le16(entry + 64);
            if (entry[66] == 0 || nameBytes < 2 || nameBytes > 64)
                continue;
            names->insert(QString::fromUtf16(reinterpret_cast<const char16_t*>(entry), nameBytes / 2 - 1));
        }
        if (!next(sector, &sector))
            return false;
    }
    return !names->isEmpty();
}

DocumentFormat detectOle(QIODevice* device, const QByteArray& head)
{
    QSet<QString> names;
    if (!oleStreamNames(device, head, &names))
        return {};
    using K = DocumentFormat::Kind;
    if (names.contains(QStringLiteral("FileHeader")) && names.contains(QStringLiteral("DocInfo")) &&
        names.contains(QStringLiteral("BodyText")))
        return make(K::Hwp5, "application/x-hwp", "hwp");
    // Office 2007+ documents saved with a password are an encrypted package inside an OLE2 file.
    if (names.contains(QStringLiteral("EncryptedPackage")) &&
        names.contains(QStringLiteral("EncryptionInfo")))
        return make(K::Protected, "application/x-ole-encrypted-package", "");
    if (names.contains(QStringLiteral("WordDocument")))
        return make(K::WordProcessing, "application/msword", "doc");
    if (names.contains(QStringLiteral("Workbook")) || names.contains(QStringLiteral("Book")))
        return make(K::Spreadsheet, "application/vnd.ms-excel", "xls");
    if (names.contains(QStringLiteral("PowerPoint Document")))
        return make(K::Presentation, "application/vnd.ms-powerpoint", "ppt");
    return {};
}

// ---------------------------------------------------------------------------------------------------------
// Plain text: a BOM, or valid UTF-8 without control characters other than tab, line and page breaks.

DocumentFormat detectText(QIODevice* device, const QByteArray& head)
{
    DocumentFormat f = make(DocumentFormat::Kind::Text, "text/plain", "txt");
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        f.textCharset = QStringLiteral("UNICODE");
        return f;
    }
    const QByteArray sample = readAt(device, 0, TextCheckSize);
    if (sample.isEmpty())
        return {};
    for (const char c : sample) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')
            return {};
        if (b == 0x7F)
            return {};
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(sample);
    (void)decoded;
    // A sample cut in the middle of a character leaves the decoder waiting, which is not an error.
    if (utf8.hasError())
        return {};
    if (sample.startsWith("%!")) // PostScript is text, but not text to print as it is
        return {};
    f.textCharset = QStringLiteral("UTF8");
    return f;
}

} // namespace

DocumentFormat DocumentFormat::detect(QIODevice* device)
{
    if (!device || !device->isReadable())
        return {};
    const QByteArray head = readAt(device, 0, HeadSize);
    if (head.isEmpty())
        return {};

    DocumentFormat f;
    if (head.left(1024).contains("%PDF-") || head.startsWith("RaS2") ||
        head.startsWith(QByteArray("UNIRAST\0", 8)) || head.startsWith("\xFF\xD8\xFF"))
        f = make(Kind::Native, "", "");
    else if (head.startsWith("PK\x03\x04"))
        f = detectZip(device, head);
    else if (head.startsWith(QByteArray(OleMagic, 8)))
        f = detectOle(device, head);
    else if (head.startsWith("HWP Document File V3.00"))
        // LibreOffice's Hangul filter opens only 3.0 (Hangul 96/97); 2.x is detected there but refused.
        f = make(Kind::Hwp3, "application/x-hwp", "hwp");
    else if (head.startsWith("{\\rtf"))
        f = make(Kind::Rtf, "application/rtf", "rtf");
    else
        f = detectText(device, head);
    device->seek(0);
    return f;
}

bool DocumentFormat::isConvertible(Kind kind)
{
    switch (kind) {
    case Kind::Text:
    case Kind::Rtf:
    case Kind::WordProcessing:
    case Kind::Spreadsheet:
    case Kind::Presentation:
    case Kind::Hwp3:
        return true;
    case Kind::Unknown:
    case Kind::Native:
    case Kind::Hwp5:
    case Kind::Hwpx:
    case Kind::Protected:
        return false;
    }
    return false;
}

QString DocumentFormat::refusal(Kind kind)
{
    if (kind == Kind::Protected)
        return tr("The document is protected by a password. Open it, remove the password or save it as PDF, "
                  "and print it again.");
    if (kind == Kind::Hwp5 || kind == Kind::Hwpx)
        return tr(
            "This Hangul document (HWP 5 or HWPX) cannot be converted on the server. In Hangul, save it "
            "as PDF (File > Save As > PDF) and print the PDF.");
    return tr("This kind of document cannot be printed directly. Open it in the program that made it, save "
              "or export it as PDF, and print the PDF.");
}

DocumentFormat::Refusal DocumentFormat::refusalCode(Kind kind, const QByteArray& head,
                                                    const QString& fileName)
{
    switch (kind) {
    case Kind::Protected:
        return {QStringLiteral("encrypted-document"), {}};
    case Kind::Hwp5:
        return {QStringLiteral("hwp-unsupported"), {{QStringLiteral("version"), QStringLiteral("HWP 5")}}};
    case Kind::Hwpx:
        return {QStringLiteral("hwp-unsupported"), {{QStringLiteral("version"), QStringLiteral("HWPX")}}};
    case Kind::Unknown:
        break;
    default:
        return {QStringLiteral("bad-document"), {}};
    }
    // What it is, in the words people know it by (the apps put it in their own sentence).
    static const struct
    {
        const char* magic;
        int length;
        const char* name;
    } known[] = {
        {"PK\x03\x04", 4, "ZIP"},
        {"PK\x05\x06", 4, "ZIP"},
        {"%!PS", 4, "PostScript"},
        {"\xD0\xCF\x11\xE0", 4, "OLE2"},
        {"\x89PNG", 4, "PNG"},
        {"GIF8", 4, "GIF"},
        {"II*\0", 4, "TIFF"},
        {"MM\0*", 4, "TIFF"},
        {"Rar!", 4, "RAR"},
        {"7z\xBC\xAF", 4, "7Z"},
        {"\x1F\x8B", 2, "GZIP"},
        {"BM", 2, "BMP"},
        {"\x1B%-12345X", 9, "PJL"},
        {"\x7F"
         "ELF",
         4, "ELF"},
    };
    for (const auto& k : known)
        if (head.startsWith(QByteArray(k.magic, k.length)))
            return {QStringLiteral("unsupported-format"),
                    {{QStringLiteral("format"), QLatin1String(k.name)}}};
    const QString ext = fileName.section(QLatin1Char('.'), -1);
    const bool hasExt = fileName.contains(QLatin1Char('.')) && !ext.isEmpty() && ext.size() <= 8;
    return {QStringLiteral("unsupported-format"),
            {{QStringLiteral("format"), hasExt ? ext.toUpper() : QStringLiteral("unknown")}}};
}

const QStringList& DocumentFormat::convertibleMimeTypes()
{
    static const QStringList types = {
        QStringLiteral("text/plain"),
        QStringLiteral("application/rtf"),
        QStringLiteral("text/rtf"),
        QStringLiteral("application/msword"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        QStringLiteral("application/vnd.oasis.opendocument.text"),
        QStringLiteral("application/vnd.ms-excel"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
        QStringLiteral("application/vnd.ms-powerpoint"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        QStringLiteral("application/vnd.oasis.opendocument.presentation"),
        QStringLiteral("application/x-hwp"),
    };
    return types;
}
