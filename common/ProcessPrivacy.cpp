#include "ProcessPrivacy.h"

#include "ErrnoText.h"

#include <sys/prctl.h>
#include <sys/resource.h>

bool ProcessPrivacy::keepMemoryPrivate(QString* error)
{
    const rlimit noCore{0, 0};
    if (::setrlimit(RLIMIT_CORE, &noCore) != 0) {
        *error = QStringLiteral("cannot turn core dumps off: %1").arg(errnoText());
        return false;
    }
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        *error = QStringLiteral("cannot make the process undumpable: %1").arg(errnoText());
        return false;
    }
    return true;
}

QString ProcessPrivacy::keepAppMemoryPrivate()
{
    if (qEnvironmentVariableIntValue("MPS_CORE_DUMPS") == 1)
        return QStringLiteral("core dumps allowed (MPS_CORE_DUMPS=1): a crash writes what is in memory to "
                              "disk");
    QString error;
    if (!keepMemoryPrivate(&error))
        return error;
    return {};
}
