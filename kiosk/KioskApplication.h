#pragma once
#include "KioskSettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <memory>

class ActivityFilter;
class ApiClient;
class CardReader;
class FingerprintReader;
class KioskController;
class KioskTranslations;
class QQmlApplicationEngine;
class QQuickWindow;
class SaneScanner;
class WedgeReader;

/// Puts the kiosk together: settings, API client, controller, card readers, QML engine.
class KioskApplication : public QObject
{
    Q_OBJECT
public:
    KioskApplication();
    ~KioskApplication() override;

    /// Parses `args`, loads the configuration and shows the idle screen. Returns an exit code when
    /// the app should end at once (bad arguments), -1 when the event loop should run.
    int start(const QStringList& args);

    /// Started at the top of main(): the "idle screen shown after N ms" log line counts from it.
    void setStartClock(const QElapsedTimer& sinceMain) { m_sinceMain = sinceMain; }

private:
    void watchFrames(QQuickWindow* window);

    QElapsedTimer m_sinceMain;
    KioskSettings m_settings;
    ApiClient* m_client = nullptr;
    KioskTranslations* m_translations = nullptr;
    KioskController* m_kiosk = nullptr;
    CardReader* m_cardReader = nullptr;
    FingerprintReader* m_fingerprint = nullptr;
    SaneScanner* m_scanner = nullptr;
    WedgeReader* m_wedge = nullptr;
    ActivityFilter* m_activity = nullptr;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};
