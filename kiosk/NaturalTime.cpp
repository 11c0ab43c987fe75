#include "NaturalTime.h"

#include <QCoreApplication>

QString NaturalTime::timeOfDay(const QTime& time, const QLocale& locale)
{
    //: Time of day, QLocale pattern: h hour, mm minutes, AP AM/PM (Korean: 오전/오후). Korean: "AP h:mm".
    return locale.toString(time, QCoreApplication::translate("NaturalTime", "h:mm AP"));
}

QString NaturalTime::format(const QDateTime& when, const QDateTime& now, const QLocale& locale)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QDate day = local.date();
    const QString time = timeOfDay(local.time(), locale);
    if (day == today)
        return QCoreApplication::translate("NaturalTime", "Today %1").arg(time);
    if (day == today.addDays(-1))
        return QCoreApplication::translate("NaturalTime", "Yesterday %1").arg(time);
    if (day == today.addDays(1))
        return QCoreApplication::translate("NaturalTime", "Tomorrow %1").arg(time);
    //: A day this year, QLocale pattern: MMM short month name, d day. Korean: "M월 d일".
    const QString date =
        day.year() == today.year()
            ? locale.toString(day, QCoreApplication::translate("NaturalTime", "MMM d"))
            //: A day in another year. Korean: "yyyy년 M월 d일".
            : locale.toString(day, QCoreApplication::translate("NaturalTime", "MMM d, yyyy"));
    //: %1 the day ("Dec 3"), %2 the time of day ("3:05 PM"). Korean: "%1 %2".
    return QCoreApplication::translate("NaturalTime", "%1, %2").arg(date, time);
}
