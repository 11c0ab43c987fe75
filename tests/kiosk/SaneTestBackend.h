#pragma once
#include <QFile>
#include <QTemporaryDir>

/// Points libsane (SANE_CONFIG_DIR) at `config`, a directory with a dll.conf of just SANE's test
/// backend, for this process and the helpers it starts. Returns false when the file cannot be written.
inline bool useSaneTestBackend(const QTemporaryDir& config)
{
    if (!config.isValid())
        return false;
    QFile dll(config.filePath(QStringLiteral("dll.conf")));
    if (!dll.open(QIODevice::WriteOnly) || dll.write("test\n") != 5)
        return false;
    dll.close();
    qputenv("SANE_CONFIG_DIR", config.path().toLocal8Bit());
    return true;
}
