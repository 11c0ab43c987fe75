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
