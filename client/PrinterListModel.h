#pragma once
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

    /// Returns the printer faults (IPP keywords such as "media-jam") as words for people, translated.
    static QString describeFaults(const QStringList& faults);

Q_SIGNALS:
    void loadingChanged();
    void errorStringChanged();

private:
    QString statusText(const QJsonObject& printer) const;
    void setLoading(bool loading);

    QPointer<ApiClient> m_api;
    QPointer<ApiReply> m_reply;
    QList<QJsonObject> m_printers;
    QString m_error;
    bool m_loading = false;
};
