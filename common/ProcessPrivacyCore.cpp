#include "ProcessPrivacyCore.h"

#include <cerrno>
#include <sys/prctl.h>
#include <sys/resource.h>

ProcessPrivacy::Outcome ProcessPrivacy::turnCoreDumpsOff() noexcept
{
    const rlimit noCore{0, 0};
    if (::setrlimit(RLIMIT_CORE, &noCore) != 0)
        return {Step::CoreLimit, errno};
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return {Step::Dumpable, errno};
    return {};
}
