#pragma once
#include "ScannedPage.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QTimer>

/// A SANE scanner, driven through mps-scan-helper: libsane and its backend run in that process, not
/// in the kiosk, so a backend that hangs or crashes costs one scan, never the kiosk (SANE's own
/// sanei_thread cancels its reader thread asynchronously, which can leave malloc's lock held and hang
/// the process that called sane_cancel). Pages come one by one as pageScanned() (encoded by
/// ScanPageEncoder in the helper, in memory only); a scan ends with finished() and an error code,
/// empty when it went well: "jammed", "feeder-empty", "cover-open", "busy", "scanner-unavailable" or
/// "cancelled". Pages scanned before an error have been delivered already and stay valid. A helper
/// that stops answering is killed (StallMs while scanning, CancelMs after cancel(), CleanupMs for
/// sane_cancel after a scan) and the next scan starts a new one.
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
        /// Options set just before page n (1-based) starts, e.g. a test backend fault from page 3 on.
        QMap<int, QList<DeviceOption>> beforePage;
    };

    /// A helper that sends nothing for this long while opening or scanning is taken as hung.
    static constexpr int StallMs = 120000;
    /// After cancel(), the helper has this long to end the scan.
    static constexpr int CancelMs = 10000;
    /// After a scan ended, the helper has this long to finish sane_cancel before it is replaced.
    static constexpr int CleanupMs = 5000;

    /// Uses the SANE device `deviceName` (e.g. "test", "airscan:e0:MFP"); nothing is started yet.
    explicit SaneScanner(const QString& deviceName, QObject* parent = nullptr);
    /// Stops a scan under way and ends the helper (killed when it does not end within a second).
    ~SaneScanner() override;

    /// The helper executable: $MPS_SCAN_HELPER when set, else mps-scan-helper beside the running
    /// program (the build tree), else ../libexec/mps/mps-scan-helper from it (an installed system).
    static QString helperPath();

    QString deviceName() const { return m_deviceName; }
    /// Opens the device in the helper; opened() or finished("scanner-unavailable") follows.
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
    enum class Wait { Nothing, Helper, Cancel, Cleanup };
    /// Sends `frame` now, or after the helper's clean-up when it is still cleaning up.
    void send(const QByteArray& frame);
    void startHelper();
    void stopHelper(int graceMs);
    void onReadyRead();
    void onFrame(const QByteArray& frame);
    void onHelperGone();
    void onDeadline();
    void waitFor(Wait what);
    void endScan(const QString& errorCode);

    QString m_deviceName;
    QProcess* m_helper = nullptr;
    QByteArray m_inbox;
    QList<QByteArray> m_held; ///< frames held while the helper finishes sane_cancel
    bool m_cleaningUp = false;
    QTimer m_deadline;
    Wait m_waiting = Wait::Nothing;
    QList<Source> m_sources{Source::Flatbed};
    bool m_opening = false;
    bool m_scanning = false;
    bool m_cancelled = false;
};
Q_DECLARE_METATYPE(SaneScanner::Request)
