#pragma once
#include <QLoggingCategory>

/// The kiosk's logging categories (mps.kiosk.*). Never log PINs, passwords, tokens or card numbers in full.
Q_DECLARE_LOGGING_CATEGORY(lcKioskAuth)
Q_DECLARE_LOGGING_CATEGORY(lcKioskCard)
Q_DECLARE_LOGGING_CATEGORY(lcKioskFinger)
Q_DECLARE_LOGGING_CATEGORY(lcKioskJobs)
Q_DECLARE_LOGGING_CATEGORY(lcKioskScan)
Q_DECLARE_LOGGING_CATEGORY(lcKioskUi)
