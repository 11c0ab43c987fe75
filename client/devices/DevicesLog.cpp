#include "DevicesLog.h"

Q_LOGGING_CATEGORY(lcClientDevices, "mps.client.devices", QtInfoMsg)
