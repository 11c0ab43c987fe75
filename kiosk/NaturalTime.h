#pragma once
#include <QDateTime>
#include <QLocale>
#include <QString>

/// Times as people say them at the kiosk, relative to `now` in local time: "Today 3:05 PM",
/// "Yesterday 9:10 AM", "Tomorrow 8:00 AM", "Dec 3, 3:05 PM", "Dec 3, 2025, 3:05 PM"; in Korean
/// "오늘 오후 3:05", "어제 오전 9:10", "12월 3일 오후 3:05". The words and the date and time patterns
/// are translated (context "NaturalTime"); `locale` gives the month names and AM/PM.
class NaturalTime
{
public:
    /// Returns `when` in words relative to `now` (both converted to local time); empty for an
    /// invalid `when`.
    static QString format(const QDateTime& when, const QDateTime& now, const QLocale& locale = QLocale());
    /// Returns the time of day alone ("3:05 PM", "오후 3:05").
    static QString timeOfDay(const QTime& time, const QLocale& locale = QLocale());
};
