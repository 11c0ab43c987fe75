#pragma once
#include "JobInfo.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

/// One marker supply (toner, ink, waste) as the printer reports it.
struct SupplyLevel
{
    QString name;
    QString type;
    QString color;
    int level = -1; ///< percent, or negative when unknown
};

/// A printer's state as read by Get-Printer-Attributes.
struct PrinterStatus
{
    bool reachable = false;
    QString error;                  ///< why it could not be reached
    QString state;                  ///< idle, processing, stopped
    QStringList reasons;            ///< printer-state-reasons, without "none"
    QStringList formats;            ///< document-format-supported
    QStringList rasterTypes;        ///< pwg-raster-document-type-supported
    QList<int> rasterResolutions;   ///< pwg-raster-document-resolution-supported (dpi, cross-feed)
    QStringList sides;              ///< sides-supported
    bool color = false;             ///< color-supported
    QStringList colorModes;         ///< print-color-mode-supported
    int copiesMax = 1;              ///< upper bound of copies-supported (1 when absent)
    QStringList media;              ///< media-supported
    bool capabilitiesKnown = false; ///< the fields above were read from the printer (now or earlier)
    QString makeAndModel;
    QList<SupplyLevel> supplies;
    qint64 impressionsCompleted = -1; ///< printer-impressions-completed (lifetime); -1 when not offered
    qint64 checkedAt = 0;

    /// The faults that stop this printer from printing now (jam, no paper, no toner, door open,
    /// offline, stopped), as printer-state-reasons keywords; empty when it can print.
    QStringList blockingFaults() const;
    bool canPrint() const { return reachable && blockingFaults().isEmpty(); }
    /// Whether the printer prints in colour: print-color-mode-supported has "color", or, without that
    /// attribute, color-supported.
    bool printsColor() const;
    /// {"sides": [...], "color": bool, "copiesMax": N, "media": [...]}; empty when never known.
    QJsonObject capabilitiesJson() const;
    /// Keeps the capabilities of `earlier` when this status could not read any (printer unreachable).
    void inheritCapabilities(const PrinterStatus& earlier);
    QJsonObject toJson() const;
};

/// Talks IPP(S) to one MFP through libcups. Stateless; every call opens its own connection.
class PrinterClient
{
public:
    /// Reads the printer's state, formats and supplies. Never throws; check `reachable`.
    static PrinterStatus query(const QString& uri, int timeoutMs = 5000);

    struct SendResult
    {
        enum class Kind { Ok, Busy, Refused, Unreachable, Failed };
        Kind kind = Kind::Failed;
        int remoteJobId = 0;
        QString error;
        /// Refused with client-error-attributes-or-values-not-supported: the attributes it named in
        /// its unsupported-attributes group ("sides", "print-color-mode", "copies"...).
        QStringList unsupported;
    };
    using Writer = std::function<bool(const char* data, size_t len)>;
    /// Body producer: writes the whole document through `write`, returning false on failure.
    using Producer = std::function<bool(const Writer& write)>;
    /// Sends one Print-Job. `producer` streams the document bytes as they are decrypted or rendered.
    static SendResult printJob(const QString& uri, const QString& jobName, const QString& userName,
                               const QString& format, const PrintOptions& options, const Producer& producer);

    struct RemoteJob
    {
        bool known = false; ///< false when the printer no longer knows the job (or is unreachable)
        bool reachable = false;
        int state = 0; ///< ipp_jstate_t (3 pending .. 9 completed)
        QStringList reasons;
        int impressions = 0;
    };
    static RemoteJob jobStatus(const QString& uri, int remoteJobId);
    static bool cancelJob(const QString& uri, int remoteJobId);
};
