#include "PdfImagePage.h"

#include <QByteArray>
#include <QString>

QPDFObjectHandle PdfImagePage::make(QPDF& pdf, const QPDFObjectHandle& image, double widthPt, double heightPt)
{
    const QByteArray draw = QStringLiteral("q %1 0 0 %2 0 0 cm /Im0 Do Q\n")
                                .arg(widthPt, 0, 'f', 4)
                                .arg(heightPt, 0, 'f', 4)
                                .toLatin1();
    QPDFObjectHandle contents = pdf.newStream(draw.toStdString());
    QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
    xobjects.replaceKey("/Im0", image);
    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/XObject", xobjects);
    QPDFObjectHandle page = QPDFObjectHandle::newDictionary();
    page.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
    page.replaceKey("/MediaBox",
                    QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, widthPt, heightPt)));
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents", contents);
    return pdf.makeIndirectObject(page);
}
