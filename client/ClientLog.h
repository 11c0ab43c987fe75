#pragma once
#include <QLoggingCategory>

// The tray client's logging categories (mps.client.<component>). Never log tokens, passwords or
// document content; name the job or printer a message is about.
Q_DECLARE_LOGGING_CATEGORY(lcClientUi)
Q_DECLARE_LOGGING_CATEGORY(lcClientTray)
Q_DECLARE_LOGGING_CATEGORY(lcClientSession)
Q_DECLARE_LOGGING_CATEGORY(lcClientKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcClientJobs)
Q_DECLARE_LOGGING_CATEGORY(lcClientSettings)
Q_DECLARE_LOGGING_CATEGORY(lcClientUsage)
