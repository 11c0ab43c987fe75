#include "TestData.h"

#include <QFile>

namespace TestData {

QString cupsPdf(const char* name)
{
    return QStringLiteral("/usr/share/cups/data/") + QString::fromLatin1(name);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace TestData
