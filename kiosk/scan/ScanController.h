#pragma once
#include "SaneScanner.h"
#include "ScanPageModel.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class ApiReply;
class KioskController;
class QJSEngine;
class QQmlEngine;

class ThumbnailCache;

/// Scan to my e-mail (QML singleton `ScanController`, for the scan screen; docs/scan.md): the source,
/// mode, resolution and file name, scanning through SaneScanner (libsane in mps-scan-helper), the pages as
/// they come (ScanPageModel), uploaded to the server's scan as they come, delete a page, Send. The address is
/// always the signed-in user's own; it is shown, never asked for. Errors say what to do, and the pages
/// scanned before an error stay.
class ScanController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QVariantList sources READ sources NOTIFY sourcesChanged)
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY optionsChanged)
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY optionsChanged)
    Q_PROPERTY(int resolution READ resolution WRITE setResolution NOTIFY optionsChanged)
    Q_PROPERTY(QString fileName READ fileName WRITE setFileName NOTIFY optionsChanged)
    Q_PROPERTY(bool settingsLocked READ settingsLocked NOTIFY stateChanged)
    Q_PROPERTY(QString address READ address NOTIFY addressChanged)
    Q_PROPERTY(QString addressText READ addressText NOTIFY addressChanged)
    Q_PROPERTY(ScanPageModel* pages READ pages CONSTANT)
    Q_PROPERTY(bool scanning READ scanning NOTIFY stateChanged)
    Q_PROPERTY(bool sending READ sending NOTIFY stateChanged)
    Q_PROPERTY(bool canScan READ canScan NOTIFY stateChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY stateChanged)
    Q_PROPERTY(QString pagesText READ pagesText NOTIFY stateChanged)
    Q_PROPERTY(QString scanButtonText READ scanButtonText NOTIFY stateChanged)
public:
    static constexpr int DefaultMaxPages = 100;

    /// Creates the scan logic of `session` (which owns it); nothing is offered until setScanner().
    explicit ScanController(KioskController* session);
    ~ScanController() override;

    /// QML singleton factory: the session's instance (KioskController::setInstance), owned by C++.
    static ScanController* create(QQmlEngine* qml, QJSEngine* js);

    /// Scans with `scanner` (owned by the caller; null: no scanning, no button).
    void setScanner(SaneScanner* scanner);
    /// Puts page thumbnails into `cache` (the engine's "thumbnails" provider). Call before QML binds.
    void setThumbnailCache(ThumbnailCache* cache);
    /// The most pages one scan takes (default 100); a feeder stops there.
    void setMaxPages(int pages) { m_maxPages = qMax(1, pages); }
    /// Extra SANE options for every scan (kiosk configuration; tests set the test backend's faults).
    void setDeviceOptions(const QList<SaneScanner::DeviceOption>& options) { m_deviceOptions = options; }

    bool available() const { return m_scanner != nullptr; }
    /// [{value: "flatbed"|"feeder"|"duplex", text}] as the device offers them.
    QVariantList sources() const;
    QString source() const { return m_source; }
    QString mode() const { return m_mode; }
    int resolution() const { return m_resolution; }
    QString fileName() const { return m_fileName; }
    void setSource(const QString& source);
    void setMode(const QString& mode);
    void setResolution(int resolution);
    void setFileName(const QString& fileName);
    /// Mode and resolution stay as they are once the scan has pages (one PDF, one kind of page).
    bool settingsLocked() const;
    /// The signed-in user's address the PDF goes to.
    QString address() const { return m_address; }
    /// "Sent to kim@city.go.kr", in the current language; empty without an address.
    QString addressText() const;
    ScanPageModel* pages() const { return m_pages; }
    bool scanning() const { return m_scanning; }
    bool sending() const { return m_sending; }
    bool canScan() const;
    bool canSend() const;
    /// "3 pages" for the screen; empty without pages.
    QString pagesText() const;
    /// "Scan", or "Scan another page" on the flatbed once there are pages.
    QString scanButtonText() const;
    /// The server's id of the scan under way (0 before the first page), for tests.
    qint64 scanId() const { return m_scanId; }
    /// Pages still to be uploaded (or being uploaded), for tests.
    int pendingUploads() const { return static_cast<int>(m_queue.size()) + (m_inFlight ? 1 : 0); }

public Q_SLOTS:
    /// Shows the scan screen for the signed-in user (the jobs screen's "Scan to my e-mail").
    void openScreen();
    /// Leaves the scan screen for the jobs; an unsent scan is deleted on the server.
    void closeScreen();
    /// Scans with the chosen settings: the whole feeder, or one page from the glass.
    void scan();
    /// Stops the scan under way; the pages scanned so far stay.
    void cancelScan();
    /// Deletes the page at `row` (later pages move up).
    void deletePage(int row);
    /// Sends the pages as one PDF to the user's own address.
    void send();

Q_SIGNALS:
    void availableChanged();
    void sourcesChanged();
    void optionsChanged();
    void addressChanged();
    void stateChanged();
    /// The server accepted the scan for sending (202).
    void sent(qint64 scanId);

private:
    struct Operation
    {
        bool put = true; ///< PUT the page with `key` as the server's next page, or DELETE it there
        qint64 key = 0;
    };
    void reset();
    void startScanner();
    void onPage(const ScannedPage& page, int number);
    void onScanFinished(const QString& errorCode);
    void enqueuePut(qint64 key);
    void runQueue();
    /// After a failed upload: the server has what was confirmed; queue the rest again.
    void rebuildQueue();
    void sendNow();
    QString defaultFileName() const;
    SaneScanner::Source sourceEnum() const;

    KioskController* m_session;
    QPointer<SaneScanner> m_scanner;
    ScanPageModel* m_pages;
    ThumbnailCache* m_thumbnails = nullptr;
    QList<SaneScanner::DeviceOption> m_deviceOptions;
    QString m_source = QStringLiteral("flatbed");
    QString m_mode = QStringLiteral("gray");
    int m_resolution = 150;
    QString m_fileName;
    QString m_address;
    QString m_userAddress; ///< from the sign-in answer, until the server's scan says "to"
    qint64 m_scanId = 0;
    QPointer<ApiReply> m_createReply;
    QList<Operation> m_queue;
    QList<qint64> m_confirmed; ///< the server's pages as its answers confirmed them, in order
    qint64 m_inFlightKey = 0;  ///< the page of the request under way
    bool m_inFlight = false;
    bool m_uploadFailed = false;
    bool m_sendWhenUploaded = false;
    int m_maxPages = DefaultMaxPages;
    bool m_scanning = false;
    bool m_sending = false;
};
