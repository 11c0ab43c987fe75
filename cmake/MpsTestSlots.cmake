# CPU slots for the tests. `make test` runs ctest with one job more than the machine has cores and a
# resource spec of one "cpu" slot per core (Makefile): every test takes a slot but the fax tests, which
# hold the lock "fax" and spend minutes waiting on a real call's line (tests/CMakeLists.txt). So the
# cores stay busy with the other tests while a call is under way, and no more tests than cores compete
# for them. Plain `ctest` without --resource-spec-file ignores the slots.

# Called at the end of each CMakeLists.txt that defines tests (CMake 3.25 sets a test's properties only
# in the directory that defined it): tests/, tests/capture, tests/kiosk and fuzz/.
function(mps_cpu_slots)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test IN LISTS tests)
    get_test_property(${test} RESOURCE_LOCK locks)
    if(NOT locks STREQUAL "fax")
      set_tests_properties(${test} PROPERTIES RESOURCE_GROUPS "cpu:1")
    endif()
  endforeach()
endfunction()
