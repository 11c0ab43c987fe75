#pragma once
#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

/// The optional cover page of a fax, drawn by the tray with QPdfWriter/QPainter into a one-page A4
/// PDF in the user's language (Noto Sans CJK, so Korean prints everywhere) and uploaded with
/// PUT /api/v1/fax/drafts/{id}/cover. Pure drawing: no network.
class FaxCoverPage
{
    Q_DECLARE_TR_FUNCTIONS(FaxCoverPage)
public:
    /// What the page says.
    struct Fields
    {
        QString to;         ///< recipient names
        QString toNumbers;  ///< their fax numbers
        QString from;       ///< my display name
        QString department; ///< my department
        QString subject;
        QString note;
        int pages = 0; ///< pages in all, this cover included
        QDateTime date = QDateTime::currentDateTime();
    };

    /// Returns the one-page PDF of `fields`, or an empty array when it could not be drawn.
    static QByteArray render(const Fields& fields);
};
