#pragma once
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class QIODevice;

/// What a submitted document is, judged by its content and never by its name or declared type:
/// PDF and the printer-ready formats are printed as they are, office documents and text are converted
/// to PDF first (DocumentConverter), everything else is refused with a sentence that says what to do.
class DocumentFormat
{
    Q_DECLARE_TR_FUNCTIONS(DocumentFormat)

public:
    enum class Kind {
        Unknown,        ///< nothing MPS prints or converts (also: zip, PostScript, other OLE2 files)
        Native,         ///< PDF, PWG raster, Apple raster (URF) or JPEG: inspected and printed as is
        Text,           ///< plain text in UTF-8 (with or without BOM) or UTF-16 with a BOM
        Rtf,            ///< Rich Text Format
        WordProcessing, ///< DOC (OLE2 "WordDocument"), DOCX, ODT
        Spreadsheet,    ///< XLS (OLE2 "Workbook"/"Book"), XLSX, ODS
        Presentation,   ///< PPT (OLE2 "PowerPoint Document"), PPTX, ODP
        Hwp3,           ///< Hangul 96/97 binary: starts with "HWP Document File V3.00"
        Hwp5,           ///< Hangul 2002 and later: OLE2 file with FileHeader, DocInfo and BodyText
        Hwpx,           ///< Hangul OWPML: zip whose first entry "mimetype" says application/hwp+zip
        Protected,      ///< a password-protected Office document (OLE2 with EncryptedPackage)
    };

    Kind kind = Kind::Unknown;
    QString mimeType;    ///< the detected type, e.g. "application/vnd.oasis.opendocument.text"
    QString extension;   ///< file name extension LibreOffice expects for it, without the dot ("docx")
    QString textCharset; ///< for Text: LibreOffice's name of the encoding ("UTF8" or "UNICODE")

    /// Looks at the document on `device` (open, readable, seekable, starting at offset 0). Reads the
    /// first bytes, and for zip and OLE2 containers their directories (bounded reads, never the whole
    /// document). Moves the device position.
    static DocumentFormat detect(QIODevice* device);

    /// Whether documents of `kind` go through the converter (LibreOffice) before they are held.
    /// Hwp5 and Hwpx are not: Debian 12's LibreOffice has no filter that reads them (docs/server.md).
    static bool isConvertible(Kind kind);

    /// The sentence a user sees when a document of `kind` cannot be printed at all: what to do instead.
    static QString refusal(Kind kind);

    /// A refusal's stable error code and arguments (docs/api.md, upload refusals).
    struct Refusal
    {
        QString code;     ///< unsupported-format, hwp-unsupported, encrypted-document or bad-document
        QJsonObject args; ///< {"format": "ZIP"} or {"version": "HWP 5"}; empty for the others
    };
    /// The code for a document of `kind` that cannot be printed (Unknown: unsupported-format with a short
    /// name of what it is, from its first bytes `head`, else the extension of `fileName`, else
    /// "unknown"; a convertible kind that failed: bad-document).
    static Refusal refusalCode(Kind kind, const QByteArray& head, const QString& fileName);

    /// Type names a client may declare for a convertible document (IPP document-format, HTTP
    /// Content-Type). The content decides in the end; a declared type only has to be one of these.
    static const QStringList& convertibleMimeTypes();
};
