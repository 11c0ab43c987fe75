#pragma once
#include "SaneScanner.h"

#include <QImage>
#include <QString>

#include <atomic>
#include <functional>

/// The synchronous libsane calls behind SaneScanner, made in mps-scan-helper on its scanner thread:
/// sane_init, sane_open, the options, sane_start / sane_read into a QImage, and SANE statuses as the error
/// codes of docs/scan.md.
class SaneDevice
{
public:
    /// `cancel` is checked between reads (set from another thread to stop a scan).
    SaneDevice(const QString& name, const std::atomic<bool>* cancel);
    /// Closes the device and ends SANE.
    ~SaneDevice();
    SaneDevice(const SaneDevice&) = delete;
    SaneDevice& operator=(const SaneDevice&) = delete;

    /// Opens the device (sane_init first). Returns false with errorCode() "scanner-unavailable".
    [[nodiscard]] bool open();
    bool isOpen() const { return m_handle != nullptr; }
    /// The sources the device's "source" option offers; the flatbed alone when it has none.
    QList<SaneScanner::Source> sources() const;
    /// Scans `request`, calling `onPage` for each page. Returns false with errorCode() when it ended
    /// on an error (pages passed to `onPage` before stay valid). endScan() must follow.
    [[nodiscard]] bool scan(const SaneScanner::Request& request,
                            const std::function<void(const QImage& image, int resolution)>& onPage);
    /// sane_cancel after scan(), and closes the device after a device error. A backend may hang
    /// here (mps-scan-helper reports the scan's end before calling it).
    void endScan();
    /// The error code of the last failure (docs/scan.md): "jammed", "feeder-empty", "cover-open",
    /// "busy", "scanner-unavailable", "cancelled".
    QString errorCode() const { return m_errorCode; }

private:
    void close();
    int optionIndex(const char* name) const;
    QStringList stringList(const char* name) const;
    /// Sets option `name` to `value` (string, int, fixed or bool). Returns false when refused.
    bool setOption(const char* name, const QString& value);
    /// Reads one page after sane_start: returns the status that ended it (EOF when whole).
    int readPage(QImage* image);
    QString sourceName(SaneScanner::Source source) const;
    static QString codeFor(int status);

    QString m_name;
    const std::atomic<bool>* m_cancel;
    void* m_handle = nullptr;
    bool m_initialised = false;
    QString m_errorCode;
};
