// mps-client: the MPS Secure Print tray app. Everything it does lives in the mpsclient library.
#include "ClientApplication.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MPS"));
    QApplication::setApplicationName(QStringLiteral("mps-client"));
    QApplication::setDesktopFileName(QStringLiteral("mps-client"));
    // The tray app lives on when its windows close.
    QApplication::setQuitOnLastWindowClosed(false);

    ClientApplication client;
    const int exitCode = client.start(QApplication::arguments());
    if (exitCode >= 0)
        return exitCode;
    return app.exec();
}
