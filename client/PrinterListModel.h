#pragma once
#include "JobInfo.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>

class ApiClient;
class ApiReply;

/// The printers I can release to (GET /api/v1/printers), with where they are and whether they can
/// print now; kept current by "printer-changed" push events. Qt::DisplayRole is a two-line summary
/// ("3F-East - 3rd floor, east wing" / "Ready"); disabled rows cannot print now.
class PrinterListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    /// The data of each printer.
    enum Role {
        NameRole = Qt::UserRole + 1, ///< QString
        LocationRole,                ///< QString
        CanPrintRole,                ///< bool: reachable and without a fault that stops printing
        StatusTextRole,              ///< QString: "Ready" or what is wrong, translated
        ColorRole,                   ///< bool: prints in colour
        DuplexRole,                  ///< bool: prints on both sides
        ModelRole,                   ///< QString: make and model
        CapabilitiesRole,            ///< QJsonObject: "sides", "color", "copiesMax" (empty when unknown)
    };

    /// What a printer can do, from its "capabilities" (absent: everything, as the server always took).
    struct Capabilities
    {
        QStringList sides; ///< IPP sides keywords; empty: not known, all offered
        bool color = true; ///< can print in colour
        int copiesMax = 999;

        /// Reads a printer's "capabilities" object; missing fields keep the permissive defaults.
        static Capabilities fromJson(const QJsonObject& capabilities);
        /// Returns whether `sides` can be printed.
        bool supportsSides(const QString& sides) const;
        /// Returns what of `options` cannot be printed, as a short translated phrase ("cannot print
        /// two-sided"); empty when all can.
        QString unsupported(const PrintOptions& options) const;
        /// Returns what any of `all` can do (the options worth offering before a printer is chosen).
        static Capabilities unite(const QList<Capabilities>& all);
    };
    Q_ENUM(Role)

    /// Creates an empty model that fetches through `api` (may be null: then it shows what it is given).
    explicit PrinterListModel(ApiClient* api = nullptr, QObject* parent = nullptr);
    ~PrinterListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Returns true while the list is being fetched.
    bool isLoading() const { return m_loading; }
    /// Returns why the last fetch failed, as a sentence (empty when it worked).
    QString errorString() const { return m_error; }

    /// Fetches the list again.
    void refresh();
    /// Replaces the list with the printers of a GET /api/v1/printers answer; false without "printers".
    bool setPrintersFromJson(const QJsonObject& answer);
    /// Applies a push event; only "printer-changed" matters.
    void applyEvent(const QString& type, const QJsonObject& event);

    /// Returns the row of the printer named `name`, or -1.
    int rowOf(const QString& name) const;
    /// Returns what keeps printer `name` from printing, translated ("paper jam"); empty when it can print
    /// or is unknown.
    QString faultTextFor(const QString& name) const;

    /// Returns the capabilities of printer `name` (permissive when unknown).
    Capabilities capabilitiesOf(const QString& name) const;
    /// Returns what the printers together can do.
    Capabilities combinedCapabilities() const;

    /// Sets the options the jobs about to be released print with: printers that cannot print them
    /// are shown with the reason and cannot be chosen. Empty: no such check.
    void setRequiredOptions(const QList<PrintOptions>& options);

    /// Returns whether a printer that is ready cannot print the required options (setRequiredOptions()).
    bool anyReadyButUnableForOptions() const;

    /// Returns whether the server answered lately. While it does not (the push channel dropped or a
    /// fetch failed for the network), no printer is shown as ready: what they are doing is not known.
    bool isServerReachable() const { return m_serverReachable; }
    /// Marks the server as (un)reachable; every row changes its status.
    void setServerReachable(bool reachable);

    /// Returns the printer faults (IPP keywords such as "media-jam") as words for people, translated.
    static QString describeFaults(const QStringList& faults);

Q_SIGNALS:
    void loadingChanged();
    /// isServerReachable() changed.
    void serverReachableChanged();
    void errorStringChanged();

private:
    QString statusText(const QJsonObject& printer) const;
    bool canPrint(const QJsonObject& printer) const;
    QString optionsProblem(const QJsonObject& printer) const;
    void setLoading(bool loading);

    QPointer<ApiClient> m_api;
    QPointer<ApiReply> m_reply;
    QList<QJsonObject> m_printers;
    QString m_error;
    QList<PrintOptions> m_required;
    bool m_loading = false;
    bool m_serverReachable = true;
};
