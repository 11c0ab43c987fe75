#pragma once
#include "AlertStore.h"
#include "MailMessage.h"

#include <QList>
#include <QString>

/// The words of alert mails (docs/devices.md, "Alerts"): one message carries Korean first, then English,
/// so every admin reads it whatever the server's locale; that is why these texts are not tr() strings
/// (a translation would keep only one language). Pure: no I/O.
class AlertMailText
{
public:
    /// Why a mail about an alert goes out.
    enum class Notice { Opened, Reminder, Cleared };

    /// One alert as a mail tells it.
    struct Item
    {
        AlertRecord alert;
        QString printer;  ///< the printer's name
        QString location; ///< may be empty
        Notice notice = Notice::Opened;
        qint64 at = 0; ///< when the notice fell due (epoch secs): opened, reminded or cleared
    };

    /// The subject and text of a mail about one alert.
    static MailMessage single(const Item& item);
    /// The subject and text of the quiet-hours digest listing `items` (one or more).
    static MailMessage digest(const QList<Item>& items);
    /// The test message of `mps-admin mail test`.
    static MailMessage test();

    /// The condition in Korean, e.g. "토너 부족: Black Toner (남은 양 8%)".
    static QString conditionKorean(const AlertRecord& alert);
    /// The condition in English, e.g. "Supply low: Black Toner (8% left)".
    static QString conditionEnglish(const AlertRecord& alert);
    /// A fault keyword (media-jam, door-open, ...) in Korean and in English.
    static QString faultKorean(const QString& keyword);
    static QString faultEnglish(const QString& keyword);
};
