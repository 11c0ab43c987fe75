#pragma once

/// SANE's reader threads (sanei_thread, built with pthreads as Debian builds it) ask for asynchronous
/// cancellation and are cancelled when a page or a scan ends (sanei_thread_kill). POSIX allows almost
/// nothing under asynchronous cancellation: a reader cancelled inside malloc, free or stdio keeps that
/// lock for ever, and the helper hangs in the next allocation or in pthread_join (sane_read's end of
/// page, or sane_cancel), so the scan never finishes. mps-scan-helper therefore defines
/// pthread_setcanceltype itself (exported, so that the backends libsane loads bind to it): a request
/// for PTHREAD_CANCEL_ASYNCHRONOUS gets PTHREAD_CANCEL_DEFERRED instead, and a reader is cancelled at
/// its next cancellation point (the write to its pipe, a sleep), where no such lock is held. Anything
/// else is passed on to the C library as asked.
namespace DeferredCancel {
/// How many requests for asynchronous cancellation this process turned into deferred ones.
int deferredRequests();
} // namespace DeferredCancel
