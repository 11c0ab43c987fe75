#include "TrayIconPainter.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

QIcon TrayIconPainter::icon(int heldJobs, Status status)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(pixmap(heldJobs, status, size));
    return icon;
}

QPixmap TrayIconPainter::pixmap(int heldJobs, Status status, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QColor body = status == Status::SignedIn ? QColor(0x1f, 0x5f, 0xa8) : QColor(0x80, 0x80, 0x80);

    // The printer: paper in, body, paper out.
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawRect(QRectF(s * 0.28, s * 0.08, s * 0.44, s * 0.30));
    p.setBrush(body);
    p.drawRoundedRect(QRectF(s * 0.08, s * 0.32, s * 0.84, s * 0.40), s * 0.08, s * 0.08);
    p.setBrush(Qt::white);
    p.setPen(QPen(body, qMax(1.0, s / 24)));
    p.drawRect(QRectF(s * 0.26, s * 0.58, s * 0.48, s * 0.34));

    if (status == Status::Offline) {
        // A slash says "not connected" even at 16 px.
        p.setPen(QPen(QColor(0xc6, 0x28, 0x28), qMax(1.5, s / 10), Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(s * 0.12, s * 0.88), QPointF(s * 0.88, s * 0.12));
    }

    if (heldJobs > 0) {
        const QString text = heldJobs > 99 ? QStringLiteral("99+") : QString::number(heldJobs);
        QFont f;
        f.setBold(true);
        f.setPixelSize(qMax(7, qRound(s * (text.size() > 2 ? 0.34 : 0.46))));
        p.setFont(f);
        const qreal h = s * 0.56;
        const qreal w = qMax(h, QFontMetricsF(f).horizontalAdvance(text) + s * 0.16);
        const QRectF badge(s - w, 0, w, h);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd3, 0x2f, 0x2f));
        p.drawRoundedRect(badge, h / 2, h / 2);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
    }
    return pm;
}
