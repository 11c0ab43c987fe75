// mps-kiosk: the touchscreen app beside each MFP. Everything it does lives in the mpskiosk library.
#include "KioskApplication.h"
#include "KioskLog.h"
#include "ProcessPrivacy.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Mps_KioskPlugin)

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // The session of whoever signs in and the pages they scan go into no core file on this shared device
    // (the scan helper inherits the core limit).
    const QString privacy = ProcessPrivacy::keepAppMemoryPrivate();
    // libfprint's thread owns GLib's default main context (FingerprintReader): Qt keeps its own loop.
    qputenv("QT_NO_GLIB", "1");
    QGuiApplication app(argc, argv);
    if (!privacy.isEmpty())
        qCWarning(lcKioskUi).noquote() << privacy;
    QGuiApplication::setOrganizationName(QStringLiteral("MPS"));
    QGuiApplication::setApplicationName(QStringLiteral("mps-kiosk"));
    KioskApplication kiosk;
    kiosk.setStartClock(sinceMain);
    const int exitCode = kiosk.start(QGuiApplication::arguments());
    if (exitCode >= 0)
        return exitCode;
    return app.exec();
}
