#pragma once
#include <QSettings>
#include <QString>
#include <QStringList>

/// The alert part of the `[devices]` group of the server configuration (docs/devices.md, "Alerts").
/// The monitor's keys of the same group are DeviceSettings'.
struct AlertSettings
{
    int lowPercent = 15;  ///< low-percent: a supply at or below this opens `supply-low`
    int forecastDays = 7; ///< forecast-days: a supply forecast to run out within this opens `supply-forecast`
    int unreachableMinutes = 10; ///< unreachable-minutes: unreachable this long opens `unreachable`
    int reminderHours = 24;      ///< reminder-hours: a reminder while open; 0 = none
    int quietStartMinute = -1;   ///< quiet-hours start, minutes after local midnight; -1 = no quiet hours
    int quietEndMinute = -1;     ///< quiet-hours end (may be before the start: the quiet time spans midnight)
    QStringList recipients;      ///< alert-recipients: addresses mailed besides the admins with one

    /// True when quiet hours are configured.
    bool hasQuietHours() const
    {
        return quietStartMinute >= 0 && quietEndMinute >= 0 && quietStartMinute != quietEndMinute;
    }

    /// Parses "HH:MM-HH:MM" into the quiet-hours fields; false (fields unchanged) when malformed.
    /// An empty text turns quiet hours off.
    bool setQuietHours(const QString& text)
    {
        const QString t = text.trimmed();
        if (t.isEmpty()) {
            quietStartMinute = quietEndMinute = -1;
            return true;
        }
        const auto minute = [](const QString& hhmm) {
            const QStringList parts = hhmm.trimmed().split(QLatin1Char(':'));
            bool okH = false, okM = false;
            const int h = parts.value(0).toInt(&okH);
            const int m = parts.value(1).toInt(&okM);
            return parts.size() == 2 && okH && okM && h >= 0 && h < 24 && m >= 0 && m < 60 ? h * 60 + m : -1;
        };
        const QStringList range = t.split(QLatin1Char('-'));
        const int start = minute(range.value(0));
        const int end = minute(range.value(1));
        if (range.size() != 2 || start < 0 || end < 0)
            return false;
        quietStartMinute = start;
        quietEndMinute = end;
        return true;
    }

    /// Reads the alert keys of the `[devices]` group of `ini` over `defaults`; values out of range or
    /// malformed keep the default (and `error`, when given, names the key).
    static AlertSettings fromIni(QSettings& ini, const AlertSettings& defaults, QString* error = nullptr)
    {
        AlertSettings s = defaults;
        ini.beginGroup(QStringLiteral("devices"));
        const auto read = [&](const char* key, int* value, int min) {
            if (!ini.contains(QLatin1String(key)))
                return;
            bool ok = false;
            const int v = ini.value(QLatin1String(key)).toInt(&ok);
            if (ok && v >= min)
                *value = v;
            else if (error)
                *error = QStringLiteral("[devices] %1 must be a whole number >= %2")
                             .arg(QLatin1String(key))
                             .arg(min);
        };
        read("low-percent", &s.lowPercent, 0);
        read("forecast-days", &s.forecastDays, 0);
        read("unreachable-minutes", &s.unreachableMinutes, 0);
        read("reminder-hours", &s.reminderHours, 0);
        if (ini.contains(QStringLiteral("quiet-hours"))) {
            // QSettings splits an unquoted value at commas; quiet-hours has none, so join defensively.
            const QString text =
                ini.value(QStringLiteral("quiet-hours")).toStringList().join(QLatin1Char(','));
            if (!s.setQuietHours(text) && error)
                *error = QStringLiteral("[devices] quiet-hours takes HH:MM-HH:MM, e.g. 22:00-07:00");
        }
        if (ini.contains(QStringLiteral("alert-recipients"))) {
            // QSettings reads "a@x, b@y" as a list already.
            QStringList list;
            for (const QString& part : ini.value(QStringLiteral("alert-recipients")).toStringList())
                list += part.split(QLatin1Char(','), Qt::SkipEmptyParts);
            s.recipients.clear();
            for (const QString& address : list) {
                if (!address.trimmed().isEmpty())
                    s.recipients << address.trimmed();
            }
        }
        ini.endGroup();
        return s;
    }
};
