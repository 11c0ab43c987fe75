// The precompiled header (cmake/MpsPch.cmake): Qt Core and standard headers that most of our
// translation units include, parsed once per build instead of once per file. Nothing here may depend
// on a target's own definitions: every target that reuses it must define what it was built with.
#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>
