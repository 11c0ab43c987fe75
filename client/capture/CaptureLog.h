#pragma once
#include <QLoggingCategory>

// Logging categories of desktop capture (mps.client.<component>). Never log keys, tokens or document
// content; name the capture id (and the job title only at debug level).
Q_DECLARE_LOGGING_CATEGORY(lcCapture)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
