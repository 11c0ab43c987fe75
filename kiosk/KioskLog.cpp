#include "KioskLog.h"

Q_LOGGING_CATEGORY(lcKioskAuth, "mps.kiosk.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKioskCard, "mps.kiosk.card", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKioskFinger, "mps.kiosk.fingerprint", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKioskJobs, "mps.kiosk.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKioskScan, "mps.kiosk.scan", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKioskUi, "mps.kiosk.ui", QtInfoMsg)
