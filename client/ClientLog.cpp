#include "ClientLog.h"

Q_LOGGING_CATEGORY(lcClientUi, "mps.client.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientTray, "mps.client.tray", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientSession, "mps.client.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientKeychain, "mps.client.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientJobs, "mps.client.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientSettings, "mps.client.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientUsage, "mps.client.usage", QtInfoMsg)
