#pragma once
#include "Quota.h"

#include <QJsonObject>
#include <QString>

#include <optional>

/// One row of a usage report or trend (docs/accounting.md, "Row"): a member, a department, a printer
/// or a period, with what it printed, what it cost and what it saved. Money in minor units.
struct UsageRow
{
    QString key;        ///< user name, department code, printer name or period label
    QString name;       ///< display name (the key when the server sent none)
    QString department; ///< the member's or printer's department code
    QString label;      ///< trend rows: the period label ("2026-11")
    int jobs = 0;
    int pages = 0;
    int sheets = 0;
    int impressions = 0;
    int colorImpressions = 0;
    int duplexImpressions = 0;
    qint64 cost = 0;
    int savedJobs = 0;
    int savedPages = 0;
    int savedSheets = 0;
    qint64 savedCost = 0;
    double colorShare = 0;  ///< 0..1
    double duplexShare = 0; ///< 0..1
    int crossDepartmentPages = 0;
    qint64 crossDepartmentCost = 0;
    std::optional<QuotaState> quota; ///< the subject's quota, when the report carries one

    /// Reads a row; missing fields are 0 or empty.
    static UsageRow fromJson(const QJsonObject& o);
};
