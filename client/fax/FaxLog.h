#pragma once
#include <QLoggingCategory>

// The tray client's PC-fax logging category. Never log tokens or document content; fax numbers are
// logged only in their display form and only where a failure needs them.
Q_DECLARE_LOGGING_CATEGORY(lcClientFax)
