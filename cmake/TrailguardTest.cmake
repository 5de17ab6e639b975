# trailguard_add_test(<file.cpp> [LIBRARIES libs...] [LABELS labels...] [ENVIRONMENT vars...])
# Builds tst_<name> from one source file, links it against the given libraries, Qt Test and the test
# support library, and registers it with CTest under "<area>/<name>".
function(trailguard_add_test source)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LIBRARIES;LABELS;ENVIRONMENT")
    get_filename_component(_name ${source} NAME_WE)
    get_filename_component(_area ${CMAKE_CURRENT_SOURCE_DIR} NAME)
    set(_target ${_area}_${_name})
    qt_add_executable(${_target} ${source})
    target_link_libraries(${_target} PRIVATE ${arg_LIBRARIES} trailguard_test_support Qt6::Test)
    trailguard_set_compile_options(${_target})
    add_test(NAME ${_area}/${_name} COMMAND ${_target})
    set_tests_properties(${_area}/${_name} PROPERTIES
        LABELS "${_area};${arg_LABELS}"
        TIMEOUT 120
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${arg_ENVIRONMENT}")
    # The suite runs two tests at a time; windows share one X display (focus, activation), so tests that
    # show widgets take turns on it.
    if(_area STREQUAL "ui" OR _area STREQUAL "desktop" OR "gui" IN_LIST arg_LABELS)
        set_tests_properties(${_area}/${_name} PROPERTIES RESOURCE_LOCK display)
    endif()
endfunction()
