#pragma once
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

/// How the office counts months: a period starts on `startDay` (1..28; values outside are clamped) at
/// 00:00 in `zone`.
struct PeriodSpec
{
    int startDay = 1;
    QTimeZone zone = QTimeZone("Asia/Seoul");

    /// Returns true when startDay is 1..28 and the zone is valid.
    bool isValid() const;
};

/// One accounting period: [beginSecs, endSecs) in UTC seconds. Its label is the month it starts in:
/// with start day 25, "2026-11" runs from 25 Nov 00:00 to 25 Dec 00:00 in the spec's zone.
struct Period
{
    QString label;        ///< "2026-11"
    qint64 beginSecs = 0; ///< UTC, inclusive
    qint64 endSecs = 0;   ///< UTC, exclusive

    /// Returns the period that contains the instant `utcSecs` (seconds since the epoch).
    static Period containing(qint64 utcSecs, const PeriodSpec& spec);

    /// Returns the period labelled `label` ("YYYY-MM", year 1000..9999, month 01..12); nullopt for
    /// anything else.
    static std::optional<Period> fromLabel(const QString& label, const PeriodSpec& spec);

    /// Returns the period before this one.
    Period previous(const PeriodSpec& spec) const;

    /// Returns the period after this one.
    Period next(const PeriodSpec& spec) const;

    /// Returns the `count` periods ending with this one, oldest first (the 12-month trend); empty when
    /// count <= 0.
    QList<Period> lastN(int count, const PeriodSpec& spec) const;

    /// Returns true when `utcSecs` lies in [beginSecs, endSecs).
    bool contains(qint64 utcSecs) const { return utcSecs >= beginSecs && utcSecs < endSecs; }

    /// Returns false for a default-constructed period (no label).
    bool isValid() const { return !label.isEmpty() && endSecs > beginSecs; }

    /// Returns {"label": "2026-11", "begin": "2026-11-24T15:00:00Z", "end": "2026-12-24T15:00:00Z"}
    /// (begin and end in UTC, ISO 8601).
    QJsonObject toJson() const;

    /// Returns the same as toJson() but with begin and end written in `zone`'s local time with its
    /// offset ("2026-11-25T00:00:00+09:00"); toJson() for an invalid zone.
    QJsonObject toJson(const QTimeZone& zone) const;

    /// Returns the period in `json` (either form of toJson()); nullopt when a key is missing or invalid.
    static std::optional<Period> fromJson(const QJsonObject& json);

    bool operator==(const Period& other) const = default;
};
