#pragma once
#include <QLoggingCategory>

// The tray's Devices window (device monitoring, docs/devices.md). Never log tokens or SNMP communities.
Q_DECLARE_LOGGING_CATEGORY(lcClientDevices)
