#pragma once
#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>

class KioskController;
class PrinterModel;
class QJSEngine;
class QQmlEngine;

/// The kiosk printer's state for every screen (QML singleton `PrinterStatusController`): its name,
/// place, state and faults, what it can do (duplex, colour, copies), whether the print server answers,
/// and the working printers nearby while it cannot print (PrinterModel). Fetches GET /api/v1/kiosk at
/// start, at sign-in (the session's answer) and whenever the kiosk's event stream (re)connects or asks
/// for a refetch; in between it follows `printer-changed` events (the kiosk's own stream, and the
/// session's). Nothing polls: the server's device monitor pushes every change (docs/devices.md).
class PrinterStatusController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString kioskName READ kioskName NOTIFY printerChanged)
    Q_PROPERTY(QString printerName READ printerName NOTIFY printerChanged)
    Q_PROPERTY(QString printerLocation READ printerLocation NOTIFY printerChanged)
    Q_PROPERTY(QString printerStateText READ printerStateText NOTIFY printerChanged)
    Q_PROPERTY(QString printerFaultText READ printerFaultText NOTIFY printerChanged)
    Q_PROPERTY(bool printerCanPrint READ printerCanPrint NOTIFY printerChanged)
    Q_PROPERTY(bool serverReachable READ serverReachable NOTIFY printerChanged)
    Q_PROPERTY(bool canDuplex READ canDuplex NOTIFY printerChanged)
    Q_PROPERTY(bool canChooseColour READ canChooseColour NOTIFY printerChanged)
    Q_PROPERTY(int copiesMax READ copiesMax NOTIFY printerChanged)
    Q_PROPERTY(PrinterModel* alternatives READ alternatives CONSTANT)
public:
    static constexpr int MaxCopies = 99;

    /// Creates the printer state of `session` (which owns it).
    explicit PrinterStatusController(KioskController* session);

    /// QML singleton factory: the session's instance (KioskController::setInstance), owned by C++.
    static PrinterStatusController* create(QQmlEngine* qml, QJSEngine* js);

    /// Fetches the printer's state now (later changes come as events).
    void start();
    /// Takes the kiosk printer's status (a printer object of the API); asks for alternatives when
    /// it cannot print during a session.
    void applyPrinter(const QJsonObject& printer);

    QString kioskName() const { return m_kioskName; }
    QString printerName() const;
    QString printerLocation() const;
    QString printerStateText() const;
    QString printerFaultText() const;
    bool printerCanPrint() const;
    qint64 printerId() const;
    /// False while the print server cannot be reached (the last kiosk info request failed on the
    /// network; one is made whenever the kiosk's event stream breaks): the printer's last known state
    /// is not shown as current then.
    bool serverReachable() const { return m_serverReachable; }
    /// The printer can print two-sided (its capabilities' "sides"); true when the server sent none.
    bool canDuplex() const;
    /// The printer prints in colour, so black and white is a choice; true when the server sent none.
    bool canChooseColour() const;
    /// The most copies the printer takes in one job (capabilities' copiesMax, at most MaxCopies).
    int copiesMax() const;
    PrinterModel* alternatives() const { return m_alternatives; }
    /// How many times the printer's state was fetched (GET /api/v1/kiosk) since start: tests check that
    /// a change arrives without a fetch.
    int fetchCount() const { return m_fetchCount; }

public Q_SLOTS:
    /// Fetches the printer's state now (at start and after the kiosk's event stream reconnects).
    void refreshPrinter();

Q_SIGNALS:
    void printerChanged();

private:
    void onEvent(const QString& type, const QJsonObject& data);
    void setServerReachable(bool reachable);

    KioskController* m_session;
    PrinterModel* m_alternatives;
    QJsonObject m_printer;
    QString m_kioskName;
    bool m_serverReachable = true; ///< the last kiosk info request reached the server
    int m_fetchCount = 0;
};
