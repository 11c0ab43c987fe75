#pragma once
#include "Store.h"

#include <QString>

/// `mps-admin usage import FILE.csv`: ledger history from a previous system (or demo data), priced at
/// the rate tables in force at each row's time, in one transaction (docs/accounting.md has the format).
class UsageImport
{
public:
    /// Imports `path`. A bad line imports nothing: `error` names its line number and what is wrong.
    /// Returns the number of rows imported, or -1.
    static qint64 run(Store& store, const QString& path, QString* error);
    /// Parses an ISO 8601 time with a zone ("2026-09-14T10:32:00+09:00", "...Z", fractions allowed)
    /// into UTC seconds; false for anything else.
    static bool parseTime(const QByteArray& text, qint64* utcSecs);
};
