#include "ProcessPrivacy.h"

#include "ErrnoText.h"
#include "ProcessPrivacyCore.h"

bool ProcessPrivacy::keepMemoryPrivate(QString* error)
{
    const Outcome out = turnCoreDumpsOff();
    switch (out.failed) {
    case Step::None:
        return true;
    case Step::CoreLimit:
        *error = QStringLiteral("cannot turn core dumps off: %1").arg(errnoText(out.error));
        return false;
    case Step::Dumpable:
        *error = QStringLiteral("cannot make the process undumpable: %1").arg(errnoText(out.error));
        return false;
    }
    return false;
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
