#pragma once
#include <QString>

/// What a process of ours holds in memory stays in it: no core file is written when it crashes (with
/// systemd-coredump, not even one kept on disk: it honours the crashed process's core limit), and other
/// processes of the same user cannot attach a debugger to it or read its memory (/proc/PID/mem).
/// Root (CAP_SYS_PTRACE) still can. mps-server holds the master key, the database key, job keys and
/// documents (its `core-dumps` setting turns this off for debugging); mps-kiosk, on a device everyone
/// uses, holds the signed-in person's session and the pages they scan; mps-scan-helper those pages and
/// a third-party scanner backend that may crash; mps-client the person's session and the documents it
/// sends (for the apps, MPS_CORE_DUMPS=1 in the environment turns it off); the CUPS backend, without Qt,
/// the document before it is sealed (through ProcessPrivacyCore.h, the two calls themselves).
namespace ProcessPrivacy {

/// Sets RLIMIT_CORE to 0 (soft and hard) and PR_SET_DUMPABLE to 0 for this process. Children started
/// afterwards (the office converter, the scan helper) get dumpable back at exec, but inherit the core
/// limit. False with the reason in `error` when either fails.
[[nodiscard]] bool keepMemoryPrivate(QString* error);

/// For the apps, at the start of main(): keepMemoryPrivate() unless MPS_CORE_DUMPS=1. Returns a line for
/// the log when core dumps stay allowed or the call failed (the app goes on either way), else empty.
QString keepAppMemoryPrivate();

} // namespace ProcessPrivacy
