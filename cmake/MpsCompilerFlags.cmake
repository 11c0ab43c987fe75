# Warnings on for our own targets; sanitizers on request.
set(MPS_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(MPS_WERROR)
  list(APPEND MPS_WARNING_FLAGS -Werror)
endif()

function(mps_target_defaults target)
  target_compile_options(${target} PRIVATE ${MPS_WARNING_FLAGS})
  target_compile_definitions(${target} PRIVATE QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()

if(MPS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
