#pragma once

/// The two calls behind ProcessPrivacy::keepMemoryPrivate (ProcessPrivacy.h), without Qt, for the CUPS
/// backend, which compiles this file as it compiles OutboxCipher.cpp.
namespace ProcessPrivacy {

/// Which call failed, if any.
enum class Step { None, CoreLimit, Dumpable };

struct Outcome
{
    Step failed = Step::None;
    int error = 0; ///< errno of the call that failed
};

/// Sets RLIMIT_CORE to 0 (soft and hard), then PR_SET_DUMPABLE to 0, for this process; stops at the
/// first call that fails.
[[nodiscard]] Outcome turnCoreDumpsOff() noexcept;

} // namespace ProcessPrivacy
