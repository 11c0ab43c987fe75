#pragma once
#include "Clock.h"

#include <atomic>

/// A clock tests move by hand.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startSecs = 1'800'000'000) : m_secs(startSecs) {}
    QDateTime now() const override { return QDateTime::fromSecsSinceEpoch(m_secs.load(), Qt::UTC); }
    void advance(qint64 secs) { m_secs += secs; }

private:
    std::atomic<qint64> m_secs;
};
