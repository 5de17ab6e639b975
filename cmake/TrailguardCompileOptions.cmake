# Compile options shared by every target of ours: strict warnings, strict Qt string handling,
# and the optional sanitizers. Applied per target, never directory-wide.
function(trailguard_set_compile_options target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(TRAILGUARD_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_STRICT_ITERATORS
        QT_NO_KEYWORDS)
    if(TRAILGUARD_SANITIZE)
        list(JOIN TRAILGUARD_SANITIZE "," _sanitizers)
        target_compile_options(${target} PRIVATE -fsanitize=${_sanitizers} -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=${_sanitizers})
    endif()
    if(TRAILGUARD_FUZZ)
        # Coverage instrumentation for libFuzzer; only the fuzz targets link its main.
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
endfunction()
