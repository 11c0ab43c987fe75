// mps-admin: manage users, printers and kiosks of an MPS data directory.
#include "AdminCommands.h"

#include <QCoreApplication>
#include <QFile>
#include <sys/stat.h>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::umask(077);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    return runAdminCommand(QCoreApplication::arguments(), out, err, &in);
}
