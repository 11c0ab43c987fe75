#pragma once
#include <QDateTime>

/// Source of the current time. Injected so that expiry and quota periods are testable without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Returns the current time in UTC.
    virtual QDateTime now() const = 0;
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
};

/// The wall clock.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};
