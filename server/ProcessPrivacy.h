#pragma once
#include <QString>

/// What mps-server holds in memory (the master key, the database key, job keys, documents being
/// received or rendered) stays in the process: no core file is written when it crashes, and other
/// processes of the same user cannot attach a debugger to it or read its memory (/proc/PID/mem).
/// Root (CAP_SYS_PTRACE) still can. The `core-dumps` setting turns this off for debugging.
namespace ProcessPrivacy {

/// Sets RLIMIT_CORE to 0 (soft and hard) and PR_SET_DUMPABLE to 0 for this process. Children started
/// afterwards (the office converter) get dumpable back at exec, but inherit the core limit. False with
/// the reason in `error` when either fails.
[[nodiscard]] bool keepMemoryPrivate(QString* error);

} // namespace ProcessPrivacy
