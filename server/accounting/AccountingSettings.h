#pragma once
#include "Period.h"

#include <QString>

/// The [accounting] section of the server configuration.
struct AccountingSettings
{
    QString currency = QStringLiteral("KRW"); ///< ISO 4217, server-wide
    PeriodSpec periods;                       ///< start day and time zone of the monthly period
};
