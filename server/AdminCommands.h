#pragma once
#include <QStringList>
#include <QTextStream>

class QIODevice;

/// mps-admin: users, printers and kiosks in a data directory. Returns the process exit code.
/// `in` supplies secrets for --password-stdin / --pin-stdin (one per line, in that order).
int runAdminCommand(const QStringList& args, QTextStream& out, QTextStream& err, QIODevice* in);
