#include "DeferredCancel.h"

#include <atomic>
#include <dlfcn.h>
#include <pthread.h>

namespace {
std::atomic<int> g_deferred{0};

using SetCancelType = int (*)(int, int*);

SetCancelType libcSetCancelType()
{
    static const auto real = reinterpret_cast<SetCancelType>(dlsym(RTLD_NEXT, "pthread_setcanceltype"));
    return real;
}
} // namespace

int DeferredCancel::deferredRequests()
{
    return g_deferred.load();
}

// Exported from the executable (target_link_options --export-dynamic-symbol): the backend libraries
// libsane opens with dlopen() resolve their pthread_setcanceltype here, before the C library.
extern "C" __attribute__((visibility("default"))) int pthread_setcanceltype(int type, int* oldtype)
{
    if (type == PTHREAD_CANCEL_ASYNCHRONOUS) {
        type = PTHREAD_CANCEL_DEFERRED;
        ++g_deferred;
    }
    const SetCancelType real = libcSetCancelType();
    return real ? real(type, oldtype) : 0;
}
