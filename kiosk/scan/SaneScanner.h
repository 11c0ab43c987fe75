#pragma once
#include "ScannedPage.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>

/// A SANE scanner (libsane), driven on its own thread: sane_open, options, sane_start and sane_read
/// never run on the GUI thread. Pages come one by one as pageScanned() (encoded by ScanPageEncoder, in
/// memory only); a scan ends with finished() and an error code, empty when it went well:
/// "jammed", "feeder-empty", "cover-open", "busy", "scanner-unavailable" or "cancelled". Pages
/// scanned before an error have been delivered already and stay valid.
class SaneScanner : public QObject
{
    Q_OBJECT
public:
    enum class Source { Flatbed, Feeder, FeederDuplex };
    enum class Mode { Color, Gray, Lineart };
    using DeviceOption = QPair<QByteArray, QString>; ///< a SANE option name and its value as text

    /// What to scan. A feeder scans until it is empty (or `maxPages` pages); the flatbed one page.
    struct Request
    {
        Source source = Source::Flatbed;
        Mode mode = Mode::Color;
        int resolution = 150;
        int maxPages = 0;                  ///< 0: no limit
        QList<DeviceOption> deviceOptions; ///< set after the standard ones (e.g. the test backend's)
        /// Options to set before page n (1-based) starts; runs on the scanner's thread. May be empty.
        std::function<QList<DeviceOption>(int page)> beforePage;
    };

    /// Uses the SANE device `deviceName` (e.g. "test", "airscan:e0:MFP"); nothing is opened yet.
    explicit SaneScanner(const QString& deviceName, QObject* parent = nullptr);
    /// Stops a scan under way and closes the device; waits for the scanner's thread.
    ~SaneScanner() override;

    QString deviceName() const { return m_deviceName; }
    /// Opens the device on the scanner's thread; opened() or finished("scanner-unavailable") follows.
    void open();
    /// The sources the device offers (known after opened()); the flatbed alone when it has no choice.
    QList<Source> sources() const { return m_sources; }
    /// True between scan() and finished().
    bool isScanning() const { return m_scanning; }
    /// Starts scanning `request` (opening the device first when needed). Ignored while scanning.
    void scan(const Request& request);
    /// Stops the scan under way: finished("cancelled") follows; pages delivered so far stay valid.
    void cancel();

Q_SIGNALS:
    /// The device is open and sources() is known.
    void opened();
    /// One more page of the scan under way (`number` counts from 1 within the scan).
    void pageScanned(const ScannedPage& page, int number);
    /// The scan ended: `errorCode` is empty when it went well.
    void finished(const QString& errorCode);

private:
    void onOpened(const QList<Source>& sources);
    void onFinished(const QString& errorCode);

    QString m_deviceName;
    QThread m_thread;
    QObject* m_worker; ///< lives on m_thread
    QList<Source> m_sources{Source::Flatbed};
    std::atomic<bool> m_cancel{false};
    bool m_scanning = false;
};
Q_DECLARE_METATYPE(SaneScanner::Request)
