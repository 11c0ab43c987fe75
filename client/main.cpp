// mps-client: the MPS Secure Print tray app. Everything it does lives in the mpsclient library.
#include "ClientApplication.h"
#include "ClientLog.h"
#include "ProcessPrivacy.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QWidget>

namespace {

// Logs once when the tray icon is first painted, i.e. really visible: on X11 the icon's window is
// mapped by the tray host after it embeds it (XEMBED), so QSystemTrayIcon::show() returning says
// nothing yet. Used by bench/bench_client.py; the "monotonic" value is CLOCK_MONOTONIC in ms.
class TrayVisibleProbe : public QObject
{
public:
    explicit TrayVisibleProbe(const QElapsedTimer& sinceMain) : m_sinceMain(sinceMain) {}
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType() &&
            qstrcmp(watched->metaObject()->className(), "QSystemTrayIconSys") == 0) {
            QElapsedTimer now;
            now.start();
            qCInfo(lcClientUi).nospace() << "tray icon visible after " << m_sinceMain.elapsed()
                                         << " ms (since main; monotonic " << now.msecsSinceReference()
                                         << " ms, main at " << m_sinceMain.msecsSinceReference() << " ms)";
            qApp->removeEventFilter(this);
        }
        return false;
    }

private:
    QElapsedTimer m_sinceMain;
};

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // The person's session and the documents it sends go into no core file.
    const QString privacy = ProcessPrivacy::keepAppMemoryPrivate();
    QApplication app(argc, argv);
    if (!privacy.isEmpty())
        qCWarning(lcClientUi).noquote() << privacy;
    QApplication::setOrganizationName(QStringLiteral("MPS"));
    QApplication::setApplicationName(QStringLiteral("mps-client"));
    QApplication::setDesktopFileName(QStringLiteral("mps-client"));
    // The tray app lives on when its windows close.
    QApplication::setQuitOnLastWindowClosed(false);
    TrayVisibleProbe trayProbe(sinceMain);
    app.installEventFilter(&trayProbe);

    ClientApplication client;
    const int exitCode = client.start(QApplication::arguments());
    if (exitCode >= 0)
        return exitCode;
    return app.exec();
}
