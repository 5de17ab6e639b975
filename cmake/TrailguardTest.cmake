# trailguard_add_test(<file.cpp> [LIBRARIES libs...] [LABELS labels...] [ENVIRONMENT vars...])
# Builds tst_<name> from one source file, links it against the given libraries, Qt Test and the test
# support library, and registers it with CTest under "<area>/<name>".
#
# Precompiled Qt headers (TRAILGUARD_TEST_PCH): parsing Qt's headers was most of a test's compile time,
# and the suite has over a hundred executables built twice (Debug and ASan). trailguard_add_test_pch()
# builds two precompiled headers once, one for GUI-free tests and one for widget tests (their Qt defines
# differ), and every test reuses one. GCC uses a PCH only when the macros it depends on match, so every
# test shares one QT_TESTCASE_BUILDDIR (the build folder, where Ninja runs the compiler) and drops Qt
# Test's per-folder QT_TESTCASE_SOURCEDIR: QFINDTESTDATA finds data beside the test through __FILE__.
# A PCH that does not match is a -Winvalid-pch warning, so an error in the builds with -Werror.
set(TRAILGUARD_TEST_PCH_CORE <QTest> <QSignalSpy> <QTemporaryDir> <QFile> <QDir> <QStandardPaths>
    <QProcess> <QTimeZone> <QJsonDocument> <QJsonObject> <QJsonArray> <QNetworkAccessManager>
    <QNetworkReply> <QSqlDatabase> <QSqlQuery> <QRegularExpression> <QElapsedTimer> <QTimer>)
set(TRAILGUARD_TEST_PCH_GUI ${TRAILGUARD_TEST_PCH_CORE} <QApplication> <QWidget> <QDialog> <QLabel>
    <QLineEdit> <QPushButton> <QComboBox> <QTableView> <QAction> <QMenu> <QMessageBox> <QStatusBar>
    <QAbstractItemModelTester>)

# Options every test target and both PCH targets share (so that the PCH stays valid for each test).
function(_trailguard_test_compile_options target)
    trailguard_set_compile_options(${target})
    set_target_properties(${target} PROPERTIES QT_TESTCASE_BUILDDIR ${CMAKE_BINARY_DIR})
    target_compile_options(${target} PRIVATE -UQT_TESTCASE_SOURCEDIR)
    if(TRAILGUARD_TEST_PCH)
        if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
            # ccache caches compiles that use a PCH only with this sloppiness (see its manual).
            set_target_properties(${target} PROPERTIES CXX_COMPILER_LAUNCHER
                "${CMAKE_COMMAND};-E;env;CCACHE_SLOPPINESS=pch_defines,time_macros;${CMAKE_CXX_COMPILER_LAUNCHER}")
        endif()
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
            target_compile_options(${target} PRIVATE -fpch-preprocess)
        endif()
    endif()
endfunction()

# Builds the two shared precompiled headers (call once, after tests/support).
function(trailguard_add_test_pch)
    if(NOT TRAILGUARD_TEST_PCH)
        return()
    endif()
    foreach(_kind core gui)
        set(_target trailguard_test_pch_${_kind})
        add_library(${_target} OBJECT ${PROJECT_SOURCE_DIR}/cmake/TestPch.cpp)
        set_target_properties(${_target} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        _trailguard_test_compile_options(${_target})
        string(TOUPPER ${_kind} _list)
        target_precompile_headers(${_target} PRIVATE ${TRAILGUARD_TEST_PCH_${_list}})
    endforeach()
    target_link_libraries(trailguard_test_pch_core PRIVATE trailguard_test_support Qt6::Test)
    target_link_libraries(trailguard_test_pch_gui PRIVATE trailguard_ui trailguard_test_support Qt6::Test)
endfunction()

function(trailguard_add_test source)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LIBRARIES;LABELS;ENVIRONMENT")
    get_filename_component(_name ${source} NAME_WE)
    get_filename_component(_area ${CMAKE_CURRENT_SOURCE_DIR} NAME)
    set(_target ${_area}_${_name})
    qt_add_executable(${_target} ${source})
    target_link_libraries(${_target} PRIVATE ${arg_LIBRARIES} trailguard_test_support Qt6::Test)
    _trailguard_test_compile_options(${_target})
    if(TRAILGUARD_TEST_PCH)
        if(trailguard_ui IN_LIST arg_LIBRARIES)
            target_precompile_headers(${_target} REUSE_FROM trailguard_test_pch_gui)
        else()
            target_precompile_headers(${_target} REUSE_FROM trailguard_test_pch_core)
        endif()
        # AUTOMOC's file is empty (each test includes its own .moc): loading the PCH would be its only cost.
        set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${_target}_autogen/mocs_compilation.cpp
            PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
    add_test(NAME ${_area}/${_name} COMMAND ${_target})
    set_tests_properties(${_area}/${_name} PROPERTIES
        LABELS "${_area};${arg_LABELS}"
        TIMEOUT 120
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${arg_ENVIRONMENT}")
    foreach(_cost IN LISTS TRAILGUARD_TEST_COSTS)
        if(_cost MATCHES "^${_area}/${_name}=([0-9]+)$")
            set_tests_properties(${_area}/${_name} PROPERTIES COST ${CMAKE_MATCH_1})
        endif()
    endforeach()
    # The suite runs two tests at a time; windows share one X display (focus, activation), so tests that
    # show widgets take turns on it.
    if(_area STREQUAL "ui" OR _area STREQUAL "desktop" OR "gui" IN_LIST arg_LABELS)
        set_tests_properties(${_area}/${_name} PROPERTIES RESOURCE_LOCK display)
    endif()
endfunction()
