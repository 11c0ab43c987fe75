#pragma once
#include "UsageReports.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

/// The shapes reports leave the server in (docs/accounting.md): JSON for the REST API and CSV (UTF-8
/// with a BOM, so that Excel shows Hangul) for the REST API and mps-admin alike, with the same numbers.
class UsageExport
{
public:
    /// A Row: {key, name, department, jobs, pages, ..., colorShare, duplexShare, quota?}.
    static QJsonObject rowJson(const UsageRow& row, const QString& currency);
    /// {"period", "currency", "by", "rows", "totals"}.
    static QJsonObject reportJson(const UsageReport& report);
    /// The report as CSV: a header, one line per row, a last line "total". Money in the currency's
    /// major unit ("12340" KRW, "15.50" USD).
    static QByteArray reportCsv(const UsageReport& report);
    /// {"currency", "periods": [Row with "label"]}.
    static QJsonObject trendJson(const QList<UsageRow>& periods, const QString& currency);
    /// {"baseline": S, "compare": S, "change": {...}, "currency"}.
    static QJsonObject savingsJson(const SavingsSide& base, const SavingsSide& later,
                                   const QString& currency);
    /// [{code, name, parent, heads: [names]}].
    static QJsonArray departmentsJson(const QList<DepartmentRecord>& departments);
    /// The relative change from `before` to `after` (-0.324 = -32.4 %), 4 places; 0 when before is 0.
    static double change(double before, double after);
};
