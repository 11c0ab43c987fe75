#include "Period.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace {

int startDayOf(const PeriodSpec& spec)
{
    return std::clamp(spec.startDay, 1, 28);
}

QTimeZone zoneOf(const PeriodSpec& spec)
{
    return spec.zone.isValid() ? spec.zone : QTimeZone::utc();
}

/// The UTC instant a period labelled year-month begins: the start day at 00:00 local time, or the first
/// local hour that exists when a daylight-saving jump skips midnight.
qint64 beginOf(int year, int month, const PeriodSpec& spec)
{
    const QDate date(year, month, startDayOf(spec));
    const QTimeZone zone = zoneOf(spec);
    for (int hour = 0; hour < 4; ++hour) {
        const QDateTime local(date, QTime(hour, 0), zone);
        if (local.isValid())
            return local.toSecsSinceEpoch();
    }
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

Period periodOf(int year, int month, const PeriodSpec& spec)
{
    const int nextYear = month == 12 ? year + 1 : year;
    const int nextMonth = month == 12 ? 1 : month + 1;
    Period p;
    p.label = QStringLiteral("%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0'));
    p.beginSecs = beginOf(year, month, spec);
    p.endSecs = beginOf(nextYear, nextMonth, spec);
    return p;
}

/// The year and month of a "YYYY-MM" label; false for anything else.
bool parseLabel(const QString& label, int* year, int* month)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{4})-([0-9]{2})$"));
    const QRegularExpressionMatch m = re.match(label);
    if (!m.hasMatch())
        return false;
    *year = m.captured(1).toInt();
    *month = m.captured(2).toInt();
    return *year >= 1000 && *month >= 1 && *month <= 12;
}

} // namespace

bool PeriodSpec::isValid() const
{
    return startDay >= 1 && startDay <= 28 && zone.isValid();
}

Period Period::containing(qint64 utcSecs, const PeriodSpec& spec)
{
    // A period begins at 00:00 on the start day, so the local date alone says which one holds the instant.
    const QDate local = QDateTime::fromSecsSinceEpoch(utcSecs, zoneOf(spec)).date();
    int year = local.year();
    int month = local.month();
    if (local.day() < startDayOf(spec)) {
        month -= 1;
        if (month == 0)
            month = 12, year -= 1;
    }
    return periodOf(year, month, spec);
}

std::optional<Period> Period::fromLabel(const QString& label, const PeriodSpec& spec)
{
    int year = 0, month = 0;
    if (!parseLabel(label, &year, &month))
        return std::nullopt;
    return periodOf(year, month, spec);
}

Period Period::previous(const PeriodSpec& spec) const
{
    int year = 0, month = 0;
    if (!parseLabel(label, &year, &month))
        return containing(beginSecs - 1, spec);
    return month == 1 ? periodOf(year - 1, 12, spec) : periodOf(year, month - 1, spec);
}

Period Period::next(const PeriodSpec& spec) const
{
    int year = 0, month = 0;
    if (!parseLabel(label, &year, &month))
        return containing(endSecs, spec);
    return month == 12 ? periodOf(year + 1, 1, spec) : periodOf(year, month + 1, spec);
}

QList<Period> Period::lastN(int count, const PeriodSpec& spec) const
{
    QList<Period> periods;
    if (count <= 0)
        return periods;
    periods.reserve(count);
    Period p = *this;
    for (int i = 0; i < count; ++i) {
        periods.prepend(p);
        p = p.previous(spec);
    }
    return periods;
}

QJsonObject Period::toJson() const
{
    // Qt::UTC writes the "Z" suffix; a UTC QTimeZone would write "+00:00".
    return QJsonObject{
        {QStringLiteral("label"), label},
        {QStringLiteral("begin"), QDateTime::fromSecsSinceEpoch(beginSecs, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("end"), QDateTime::fromSecsSinceEpoch(endSecs, Qt::UTC).toString(Qt::ISODate)},
    };
}

QJsonObject Period::toJson(const QTimeZone& zone) const
{
    if (!zone.isValid())
        return toJson();
    return QJsonObject{
        {QStringLiteral("label"), label},
        {QStringLiteral("begin"), QDateTime::fromSecsSinceEpoch(beginSecs, zone).toString(Qt::ISODate)},
        {QStringLiteral("end"), QDateTime::fromSecsSinceEpoch(endSecs, zone).toString(Qt::ISODate)},
    };
}

std::optional<Period> Period::fromJson(const QJsonObject& json)
{
    Period p;
    p.label = json.value(QStringLiteral("label")).toString();
    const QDateTime begin =
        QDateTime::fromString(json.value(QStringLiteral("begin")).toString(), Qt::ISODate);
    const QDateTime end = QDateTime::fromString(json.value(QStringLiteral("end")).toString(), Qt::ISODate);
    int year = 0, month = 0;
    if (!parseLabel(p.label, &year, &month) || !begin.isValid() || !end.isValid())
        return std::nullopt;
    p.beginSecs = begin.toSecsSinceEpoch();
    p.endSecs = end.toSecsSinceEpoch();
    if (p.endSecs <= p.beginSecs)
        return std::nullopt;
    return p;
}
