#include "FaxLog.h"

Q_LOGGING_CATEGORY(lcClientFax, "mps.client.fax", QtInfoMsg)
