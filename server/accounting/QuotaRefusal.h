#pragma once
#include "Quota.h"

#include <QString>

/// Why a release was refused by a hard quota: the refusing subject's state before the release, what
/// the job would cost, and an English sentence with the amounts (apps build their own from the numbers).
struct QuotaRefusal
{
    QuotaState quota;
    qint64 cost = 0;
    QString currency;
    QString period; ///< label, "2026-11"
    QString message;
};
