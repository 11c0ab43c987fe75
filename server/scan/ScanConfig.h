#pragma once
#include <QList>
#include <QSettings>
#include <QString>

/// The [scan] section of mps-server.conf (docs/scan.md, docs/server.md).
struct ScanConfig
{
    int maxMb = 20;      ///< the largest PDF; never more than the mail's max-message-mb allows
    int retryHours = 24; ///< how long a temporary delivery failure is retried after Send
    /// Waits in seconds after each failed attempt (the last one repeats: hourly by default).
    QList<int> retrySeconds{60, 300, 900, 1800, 3600};

    /// Reads the [scan] group of `ini` over the values in `base`; false with `error` for bad values.
    [[nodiscard]] static bool fromIni(QSettings& ini, ScanConfig* out, QString* error)
    {
        ini.beginGroup(QStringLiteral("scan"));
        out->maxMb = ini.value(QStringLiteral("max-mb"), out->maxMb).toInt();
        out->retryHours = ini.value(QStringLiteral("retry-hours"), out->retryHours).toInt();
        const QVariant waits = ini.value(QStringLiteral("retry-seconds"));
        ini.endGroup();
        if (waits.isValid()) {
            // QSettings reads "60, 300" as a list and "60" as a string.
            const QStringList items = waits.typeId() == QMetaType::QStringList
                                          ? waits.toStringList()
                                          : waits.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
            out->retrySeconds.clear();
            for (const QString& item : items) {
                bool ok = false;
                const int secs = item.trimmed().toInt(&ok);
                if (!ok || secs <= 0) {
                    *error = QStringLiteral("[scan] retry-seconds must be positive numbers of seconds, "
                                            "separated by commas");
                    return false;
                }
                out->retrySeconds.append(secs);
            }
        }
        if (out->maxMb <= 0 || out->retryHours <= 0 || out->retrySeconds.isEmpty()) {
            *error = QStringLiteral("[scan] max-mb, retry-hours and retry-seconds must be positive");
            return false;
        }
        return true;
    }
};
