#pragma once
#include "NotificationText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <QStringList>

/// What the Devices window and the admins' notifications say about printers (docs/devices.md): a
/// printer's state and faults in words, supply levels and forecasts, page counters, when it was last
/// seen, and the device-alert notifications. Pure text in the app's language, testable without windows.
class DeviceText
{
    Q_DECLARE_TR_FUNCTIONS(DeviceText)
public:
    /// Returns the printer's state in a word or two: "Ready", "Printing", "Stopped", "Not answering",
    /// or "Not checked yet" before the first poll (device JSON).
    static QString state(const QJsonObject& device);
    /// Returns printer-state-reasons keywords ("media-jam", "door-open-error", ...) as words for people,
    /// joined; severity suffixes do not matter, unknown keywords are shown as they are.
    static QString reasons(const QStringList& keywords);
    /// Returns what is wrong with the printer in words: its faults, and "not answering" when it is
    /// unreachable; empty when nothing is.
    static QString problems(const QJsonObject& device);
    /// Returns a supply's name for people: its description, or its type in words when it has none.
    static QString supplyName(const QJsonObject& supply);
    /// Returns a supply type keyword (toner, ink, waste-toner, drum, ...) in words.
    static QString supplyType(const QString& type);
    /// Returns a level as shown beside its bar: "45%", "some left" (-3) or "unknown" (-1, -2).
    static QString level(int level);
    /// Returns the forecast of a supply ("runs out in about 12 days", "runs out today"); empty when
    /// there is none (too few samples, or not falling).
    static QString forecast(const QJsonObject& supply);
    /// Returns a supply's use per day as a phrase ("about 1.5% a day"); empty when not known.
    static QString perDay(const QJsonObject& supply);
    /// Returns the page counter ("123,456"), or "-" when the printer does not report one.
    static QString pageCount(const QJsonObject& device, const QLocale& locale = QLocale());
    /// Returns the counter gap in a few words ("1,234 outside MPS"); empty when not known.
    static QString counterGap(const QJsonObject& device, const QLocale& locale = QLocale());
    /// Returns what the counter gap means, as a sentence with its numbers; empty when not known.
    static QString counterGapExplained(const QJsonObject& device, const QLocale& locale = QLocale());
    /// Returns when the printer last answered, in natural dates: "14:05", "yesterday 14:05",
    /// "3 Dec 09:10", or "never".
    static QString lastSeen(const QJsonObject& device, const QDateTime& now = QDateTime::currentDateTime());
    /// Returns since when an unreachable printer has not answered ("since 3 Dec 09:10"); empty when it
    /// answers or the time is not known.
    static QString unreachableSince(const QJsonObject& device,
                                    const QDateTime& now = QDateTime::currentDateTime());
    /// Returns the attention level (0..3 of the device JSON) as a phrase for tooltips.
    static QString attention(int attention);

    /// Returns the tray notification for a device-alert event's "alert" (opened, reminder or cleared),
    /// naming the printer, its location and the supply or fault.
    static NotificationText::Message alertNotification(const QJsonObject& alert);
};
