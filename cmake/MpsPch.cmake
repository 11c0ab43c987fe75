# One precompiled header (cmake/MpsPch.h) for every target of ours that builds on Qt: the mps_pch
# target compiles it once, the others reuse it (REUSE_FROM). A fresh build parses Qt Core's headers
# once instead of in each of ~400 files (CI has 2 cores). GCC uses the header only where the
# definitions it was built with (QT_CORE_LIB, QT_NO_DEBUG, QT_DISABLE_DEPRECATED_BEFORE, from
# mps_target_defaults) are defined alike: -Winvalid-pch (MPS_WARNING_FLAGS) says where it is not.
option(MPS_PCH "Compile the common Qt and standard headers once (a precompiled header)" ON)

# Called once, after every target is defined (the top CMakeLists.txt).
function(mps_precompiled_headers)
  # The fuzz build gives the libraries it fuzzes their own sanitizer flags (fuzz/CMakeLists.txt), which
  # clang will not mix with a header precompiled without them.
  if(NOT MPS_PCH OR MPS_FUZZ)
    return()
  endif()
  add_library(mps_pch OBJECT ${PROJECT_SOURCE_DIR}/cmake/MpsPch.cpp)
  target_link_libraries(mps_pch PRIVATE Qt6::Core)
  mps_target_defaults(mps_pch)
  target_precompile_headers(mps_pch PRIVATE "$<$<COMPILE_LANGUAGE:CXX>:${PROJECT_SOURCE_DIR}/cmake/MpsPch.h>")

  set(dirs ${PROJECT_SOURCE_DIR})
  set(targets "")
  while(dirs)
    list(POP_FRONT dirs dir)
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    list(APPEND dirs ${subdirs})
    get_property(here DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    list(APPEND targets ${here})
  endwhile()
  foreach(target IN LISTS targets)
    if(target STREQUAL "mps_pch")
      continue()
    endif()
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$")
      continue()
    endif()
    # Ours (mps_target_defaults gave it the definitions) and on Qt (directly or through our libraries).
    get_target_property(defs ${target} COMPILE_DEFINITIONS)
    get_target_property(libs ${target} LINK_LIBRARIES)
    if(NOT defs MATCHES "QT_DISABLE_DEPRECATED_BEFORE" OR NOT libs MATCHES "Qt6::|mpscore|mpsserver|mpsclient|mpskiosk")
      continue()
    endif()
    target_precompile_headers(${target} REUSE_FROM mps_pch)
  endforeach()
endfunction()
