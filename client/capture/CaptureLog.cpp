#include "CaptureLog.h"

Q_LOGGING_CATEGORY(lcCapture, "mps.client.capture", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "mps.client.outbox", QtInfoMsg)
