# Warnings on for our own targets; sanitizers on request.
set(MPS_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough -Winvalid-pch)
if(MPS_WERROR)
  list(APPEND MPS_WARNING_FLAGS -Werror)
endif()

# Every file is compiled as threaded code (-pthread, which defines _REENTRANT): most link libraries
# that ask for it (glib's pkg-config flags do), and the precompiled header (cmake/MpsPch.cmake) is
# used only where _REENTRANT is defined as when it was built.
add_compile_options(-pthread)

function(mps_target_defaults target)
  target_compile_options(${target} PRIVATE ${MPS_WARNING_FLAGS})
  target_compile_definitions(${target} PRIVATE QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()

if(MPS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Hardening as Debian builds its packages (dpkg-buildflags with hardening=+all): stack protector,
# stack-clash protection, control-flow protection, fortified libc calls, position-independent
# executables and a read-only relocation table bound at start-up. Not with the sanitizers (the fuzz
# and sanitizer builds), which FORTIFY_SOURCE would hide bugs from.
option(MPS_HARDEN "Build with the usual hardening flags (stack protector, FORTIFY_SOURCE, PIE, RELRO, BIND_NOW)" ON)
if(MPS_HARDEN AND NOT MPS_SANITIZE AND NOT MPS_FUZZ)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  include(CheckPIESupported)
  check_pie_supported(LANGUAGES C CXX)
  add_compile_options(-fstack-protector-strong -fstack-clash-protection)
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64|i.86")
    add_compile_options(-fcf-protection)
  endif()
  # FORTIFY_SOURCE needs the optimiser; a Debug build would only warn.
  add_compile_options("$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
  add_link_options(-Wl,-z,relro -Wl,-z,now)
endif()
