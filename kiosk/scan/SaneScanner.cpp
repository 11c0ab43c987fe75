#include "SaneScanner.h"

#include "KioskLog.h"
#include "ScanProtocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using ScanProtocol::Message;

SaneScanner::SaneScanner(const QString& deviceName, QObject* parent)
    : QObject(parent), m_deviceName(deviceName)
{
    qRegisterMetaType<ScannedPage>();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &SaneScanner::onDeadline);
}

SaneScanner::~SaneScanner()
{
    stopHelper(1000);
}

QString SaneScanner::helperPath()
{
    const QString fromEnvironment = qEnvironmentVariable("MPS_SCAN_HELPER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir here(QCoreApplication::applicationDirPath());
    const QString beside = here.filePath(QStringLiteral("mps-scan-helper"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QDir::cleanPath(here.filePath(QStringLiteral("../libexec/mps/mps-scan-helper")));
}

void SaneScanner::startHelper()
{
    if (m_helper)
        return;
    m_helper = new QProcess(this);
    m_helper->setProgram(helperPath());
    m_helper->setArguments({m_deviceName});
    // The helper's log lines (libsane's too) join the kiosk's.
    m_helper->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_helper, &QProcess::readyReadStandardOutput, this, &SaneScanner::onReadyRead);
    connect(m_helper, &QProcess::finished, this, &SaneScanner::onHelperGone);
    connect(m_helper, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            onHelperGone();
    });
    m_inbox.clear();
    m_cleaningUp = false;
    m_helper->start();
}

void SaneScanner::stopHelper(int graceMs)
{
    if (!m_helper)
        return;
    QProcess* helper = m_helper;
    m_helper = nullptr;
    helper->disconnect(this);
    if (helper->state() != QProcess::NotRunning) {
        // Closing its input cancels a scan under way and ends the helper; one that hangs is killed.
        helper->closeWriteChannel();
        if (graceMs <= 0 || !helper->waitForFinished(graceMs)) {
            helper->kill();
            helper->waitForFinished(1000);
        }
    }
    delete helper;
    m_inbox.clear();
    m_cleaningUp = false;
}

void SaneScanner::send(const QByteArray& frame)
{
    startHelper();
    if (m_cleaningUp)
        m_held << frame;
    else
        m_helper->write(frame);
}

void SaneScanner::waitFor(Wait what)
{
    m_waiting = what;
    switch (what) {
    case Wait::Nothing:
        m_deadline.stop();
        break;
    case Wait::Helper:
        m_deadline.start(StallMs);
        break;
    case Wait::Cancel:
        m_deadline.start(CancelMs);
        break;
    case Wait::Cleanup:
        m_deadline.start(CleanupMs);
        break;
    }
}

void SaneScanner::open()
{
    if (m_opening || m_scanning)
        return;
    m_opening = true;
    send(ScanProtocol::frame(Message::Open));
    if (m_waiting != Wait::Cleanup)
        waitFor(Wait::Helper);
}

void SaneScanner::scan(const Request& request)
{
    if (m_scanning)
        return;
    m_scanning = true;
    m_cancelled = false;
    send(ScanProtocol::frame(Message::Scan, [&](QDataStream& s) { s << request; }));
    if (m_waiting != Wait::Cleanup)
        waitFor(Wait::Helper);
}

void SaneScanner::cancel()
{
    if (!m_scanning || m_cancelled)
        return;
    m_cancelled = true;
    if (!m_held.isEmpty()) {
        // The scan has not reached the helper yet: while scanning, the last frame held is the Scan
        // (an Open before it stays).
        m_held.removeLast();
        endScan(QStringLiteral("cancelled"));
        return;
    }
    if (m_helper)
        m_helper->write(ScanProtocol::frame(Message::Cancel));
    waitFor(Wait::Cancel);
}

void SaneScanner::onReadyRead()
{
    if (!m_helper)
        return;
    m_inbox.append(m_helper->readAllStandardOutput());
    QList<QByteArray> frames;
    const bool ok = ScanProtocol::takeFrames(&m_inbox, &frames);
    for (const QByteArray& frame : frames) {
        onFrame(frame);
        if (!m_helper)
            return;
    }
    if (!ok) {
        qCWarning(lcKioskScan) << "scan helper sent a malformed frame; stopping it";
        stopHelper(0);
        onHelperGone();
    }
}

void SaneScanner::onFrame(const QByteArray& body)
{
    QDataStream in(body);
    const Message message = ScanProtocol::readMessage(in);
    switch (message) {
    case Message::Opened: {
        QList<int> sources;
        in >> sources;
        const QList<Source> list = ScanProtocol::toSources(sources);
        if (!list.isEmpty())
            m_sources = list;
        if (m_waiting == Wait::Helper && !m_scanning)
            waitFor(Wait::Nothing);
        if (m_opening) {
            m_opening = false;
            Q_EMIT opened();
        }
        return;
    }
    case Message::Page: {
        qint32 number = 0;
        ScannedPage page;
        in >> number >> page;
        if (in.status() != QDataStream::Ok || !m_scanning)
            return;
        if (m_waiting == Wait::Helper)
            waitFor(Wait::Helper); // progress: the stall clock starts again
        Q_EMIT pageScanned(page, number);
        return;
    }
    case Message::Finished: {
        QString code;
        QList<int> sources;
        in >> code >> sources;
        const QList<Source> list = ScanProtocol::toSources(sources);
        if (!list.isEmpty())
            m_sources = list;
        m_cleaningUp = true;
        waitFor(Wait::Cleanup);
        if (m_opening) {
            // The helper answers Open before a Scan sent after it: this is the open that failed.
            // A scan waiting behind it gets its own answer.
            m_opening = false;
            if (!m_scanning)
                endScan(code.isEmpty() ? QStringLiteral("scanner-unavailable") : code);
            return;
        }
        if (m_scanning)
            endScan(code);
        return;
    }
    case Message::Ready: {
        m_cleaningUp = false;
        const QList<QByteArray> held = std::exchange(m_held, {});
        for (const QByteArray& frame : held)
            m_helper->write(frame);
        waitFor(m_scanning || m_opening ? Wait::Helper : Wait::Nothing);
        return;
    }
    default:
        qCWarning(lcKioskScan) << "scan helper sent an unknown message" << int(message);
        return;
    }
}

void SaneScanner::onHelperGone()
{
    if (m_helper) {
        const QString how = m_helper->error() == QProcess::FailedToStart ? m_helper->errorString()
                            : m_helper->exitStatus() == QProcess::CrashExit
                                ? QStringLiteral("crashed")
                                : QStringLiteral("exit %1").arg(m_helper->exitCode());
        qCWarning(lcKioskScan).noquote() << "scan helper" << m_helper->program() << "ended:" << how;
        m_helper->deleteLater();
        m_helper->disconnect(this);
        m_helper = nullptr;
    }
    m_inbox.clear();
    m_held.clear();
    m_cleaningUp = false;
    waitFor(Wait::Nothing);
    if (m_scanning || m_opening) {
        m_opening = false;
        endScan(m_cancelled ? QStringLiteral("cancelled") : QStringLiteral("scanner-unavailable"));
    }
}

void SaneScanner::onDeadline()
{
    const Wait what = std::exchange(m_waiting, Wait::Nothing);
    if (what == Wait::Cleanup) {
        // The scan is over but the backend never came back from sane_cancel: a new helper takes the
        // commands held meanwhile.
        qCWarning(lcKioskScan) << "scan helper hung after a scan; starting a new one";
        const QList<QByteArray> held = std::exchange(m_held, {});
        stopHelper(0);
        for (const QByteArray& frame : held)
            send(frame);
        if (m_scanning || m_opening)
            waitFor(Wait::Helper);
        return;
    }
    qCWarning(lcKioskScan) << (what == Wait::Cancel ? "scan helper did not stop after cancel; killing it"
                                                    : "scan helper stopped answering; killing it");
    stopHelper(0);
    onHelperGone();
}

void SaneScanner::endScan(const QString& errorCode)
{
    m_scanning = false;
    if (!errorCode.isEmpty())
        qCInfo(lcKioskScan).noquote() << "scan ended:" << errorCode;
    Q_EMIT finished(errorCode);
}
