#include "PrinterStatusController.h"

#include "ApiClient.h"
#include "EventStream.h"
#include "KioskController.h"
#include "KioskLog.h"
#include "KioskText.h"
#include "PrinterModel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QQmlEngine>

PrinterStatusController::PrinterStatusController(KioskController* session)
    : QObject(session), m_session(session), m_alternatives(new PrinterModel(session->client(), this))
{
    // No timer: the kiosk's own stream brings its printer's changes as they happen, the session's stream
    // every printer's. A stream that connects again gets what it missed replayed (Last-Event-ID); the
    // printer is fetched again only when it cannot be: the first connection, or the server's refetch.
    connect(session->events(), &EventStream::eventReceived, this, &PrinterStatusController::onEvent);
    EventStream* kioskEvents = session->kioskEvents();
    connect(kioskEvents, &EventStream::eventReceived, this, &PrinterStatusController::onEvent);
    connect(kioskEvents, &EventStream::refetchNeeded, this, &PrinterStatusController::refreshPrinter);
    // The stream broke: is the server still there? (A failed fetch says so on the screen.)
    connect(kioskEvents, &EventStream::disconnected, this, &PrinterStatusController::refreshPrinter);
    connect(session, &KioskController::sessionOpened, this, [this](const QJsonObject& answer) {
        m_printer = {};
        applyPrinter(answer.value(QLatin1String("printer")).toObject());
    });
    connect(session, &KioskController::sessionClosed, m_alternatives, &PrinterModel::clear);
    connect(session, &KioskController::languageChanged, this, [this] {
        Q_EMIT printerChanged();
        if (m_alternatives->rowCount() > 0)
            Q_EMIT m_alternatives->dataChanged(m_alternatives->index(0),
                                               m_alternatives->index(m_alternatives->rowCount() - 1));
    });
}

PrinterStatusController* PrinterStatusController::create(QQmlEngine* qml, QJSEngine* js)
{
    Q_UNUSED(qml)
    Q_UNUSED(js)
    KioskController* session = KioskController::instance();
    Q_ASSERT(session);
    QJSEngine::setObjectOwnership(session->printerStatus(), QJSEngine::CppOwnership);
    return session->printerStatus();
}

void PrinterStatusController::start()
{
    refreshPrinter();
}

void PrinterStatusController::setServerReachable(bool reachable)
{
    if (reachable == m_serverReachable)
        return;
    m_serverReachable = reachable;
    Q_EMIT printerChanged();
}

QString PrinterStatusController::printerName() const
{
    return m_printer.value(QLatin1String("name")).toString();
}

QString PrinterStatusController::printerLocation() const
{
    return m_printer.value(QLatin1String("location")).toString();
}

QString PrinterStatusController::printerStateText() const
{
    if (!m_serverReachable)
        return QCoreApplication::translate("KioskController", "Print server unreachable, retrying");
    return KioskText::printerState(m_printer);
}

QString PrinterStatusController::printerFaultText() const
{
    return KioskText::faults(m_printer);
}

bool PrinterStatusController::printerCanPrint() const
{
    // Until the kiosk knows its printer, do not claim a fault.
    return m_printer.isEmpty() || m_printer.value(QLatin1String("canPrint")).toBool(true);
}

qint64 PrinterStatusController::printerId() const
{
    return m_printer.value(QLatin1String("id")).toInteger();
}

// Capabilities (issue 13 section 2): offer only what the printer can do. Absent (older server, printer
// never reached) means the kiosk offers what it always did; the server still checks each release.
bool PrinterStatusController::canDuplex() const
{
    const QJsonValue sides =
        m_printer.value(QLatin1String("capabilities")).toObject().value(QLatin1String("sides"));
    if (!sides.isArray())
        return true;
    for (const QJsonValue& s : sides.toArray())
        if (s.toString().startsWith(QLatin1String("two-sided")))
            return true;
    return false;
}

bool PrinterStatusController::canChooseColour() const
{
    const QJsonValue color =
        m_printer.value(QLatin1String("capabilities")).toObject().value(QLatin1String("color"));
    return !color.isBool() || color.toBool();
}

int PrinterStatusController::copiesMax() const
{
    const QJsonValue max =
        m_printer.value(QLatin1String("capabilities")).toObject().value(QLatin1String("copiesMax"));
    if (!max.isDouble())
        return MaxCopies;
    return qBound(1, max.toInt(), MaxCopies);
}

void PrinterStatusController::applyPrinter(const QJsonObject& printer)
{
    if (printer.isEmpty() || printer == m_printer)
        return;
    const bool couldPrint = printerCanPrint();
    m_printer = printer;
    Q_EMIT printerChanged();
    if (!printerCanPrint()) {
        if (couldPrint)
            qCInfo(lcKioskJobs).noquote()
                << "printer" << printerName() << "cannot print:" << printerFaultText();
        // Alternatives are listed for the signed-in user (the printer list needs a session).
        if (m_session->inSession())
            m_alternatives->refresh(printerId(), printerLocation());
    } else {
        m_alternatives->clear();
    }
}

void PrinterStatusController::refreshPrinter()
{
    ApiClient* client = m_session->client();
    if (!client)
        return;
    ApiReply* reply = client->kioskInfo();
    ++m_fetchCount;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            qCWarning(lcKioskUi).noquote() << "kiosk info failed:" << reply->errorCode();
            // State shown must be state known: without the server the printer's state is not known.
            // The kiosk's event stream keeps reconnecting; its next connection fetches the state again.
            const QString code = reply->errorCode();
            setServerReachable(!(code == QLatin1String("unreachable") || code == QLatin1String("timeout") ||
                                 code == QLatin1String("tls-failed")));
            if (m_session->screen() == KioskController::IdleScreen)
                m_session->setMessage(KioskText::forReply(reply), true, reply->errorCode());
            return;
        }
        m_kioskName = reply->json().value(QLatin1String("kiosk")).toString();
        m_serverReachable = true;
        // A server error shown on the idle screen is over once the server answers again.
        if (m_session->screen() == KioskController::IdleScreen && m_session->messageIsError() &&
            (m_session->lastErrorCode() == QLatin1String("unreachable") ||
             m_session->lastErrorCode() == QLatin1String("unknown-kiosk")))
            m_session->clearMessage();
        applyPrinter(reply->json().value(QLatin1String("printer")).toObject());
        Q_EMIT printerChanged();
    });
}

void PrinterStatusController::onEvent(const QString& type, const QJsonObject& data)
{
    if (type != QLatin1String("printer-changed"))
        return;
    const QJsonObject p = data.value(QLatin1String("printer")).toObject();
    if (p.value(QLatin1String("id")).toInteger() == printerId())
        applyPrinter(p);
    else if (!printerCanPrint())
        m_alternatives->refresh(printerId(), printerLocation());
}
