#include "AccountingLog.h"

Q_LOGGING_CATEGORY(lcAccounting, "mps.server.accounting", QtInfoMsg)
