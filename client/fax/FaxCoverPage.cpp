#include "FaxCoverPage.h"

#include <QBuffer>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextOption>

namespace {
QFont coverFont(int pointSize, bool bold = false)
{
    QFont font;
    // Noto Sans CJK KR has Hangul and Latin; the others are there for a system without it.
    font.setFamilies({QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Noto Sans KR"),
                      QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    font.setPointSize(pointSize);
    font.setBold(bold);
    return font;
}
} // namespace

QByteArray FaxCoverPage::render(const Fields& fields)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(tr("Fax cover page"));
        writer.setCreator(QStringLiteral("MPS"));
        QPainter p;
        if (!p.begin(&writer))
            return {};
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        const QRect area(0, 0, page.width(), page.height());
        const int unit = writer.resolution() / 10; // about 2.5 mm

        // A fax is black and white: strong lines and large type survive a poor line.
        p.setFont(coverFont(40, true));
        const QRect title(area.left(), area.top(), area.width(), unit * 8);
        p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, tr("FAX"));
        p.setFont(coverFont(12));
        p.drawText(title, Qt::AlignRight | Qt::AlignVCenter,
                   QLocale().toString(fields.date.date(), QLocale::LongFormat) + QLatin1Char(' ') +
                       QLocale().toString(fields.date.time(), QLocale::ShortFormat));
        int y = title.bottom() + unit;
        p.setPen(QPen(Qt::black, unit / 3));
        p.drawLine(area.left(), y, area.right(), y);
        y += unit * 2;

        const QList<QPair<QString, QString>> rows = {
            {tr("To"), fields.to},
            {tr("Fax number"), fields.toNumbers},
            {tr("From"),
             fields.department.isEmpty() ? fields.from : tr("%1, %2").arg(fields.from, fields.department)},
            {tr("Pages"), tr("%n page(s), this cover included", nullptr, fields.pages)},
            {tr("Subject"), fields.subject},
        };
        const int labelWidth = unit * 16;
        p.setPen(QPen(Qt::black, unit / 8));
        for (const auto& row : rows) {
            p.setFont(coverFont(13, true));
            const QRect label(area.left(), y, labelWidth, unit * 5);
            p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, row.first);
            p.setFont(coverFont(13));
            QRect value(area.left() + labelWidth, y, area.width() - labelWidth, unit * 5);
            const QRect needed = p.boundingRect(value, Qt::TextWordWrap | Qt::AlignVCenter, row.second);
            value.setHeight(qMax(value.height(), needed.height()));
            p.drawText(value, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter, row.second);
            y = value.bottom() + unit;
            p.drawLine(area.left(), y - unit / 2, area.right(), y - unit / 2);
        }

        if (!fields.note.trimmed().isEmpty()) {
            y += unit * 2;
            p.setFont(coverFont(13, true));
            p.drawText(QRect(area.left(), y, area.width(), unit * 5), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("Note"));
            y += unit * 6;
            p.setFont(coverFont(13));
            p.drawText(QRect(area.left(), y, area.width(), area.bottom() - y),
                       Qt::TextWordWrap | Qt::AlignLeft, fields.note.trimmed());
        }
        p.end();
    }
    buffer.close();
    return pdf;
}
