// The target that builds the precompiled header (cmake/MpsPch.cmake) needs one source of its own.
