# What Trailguard installs besides its binary, and the Debian package built from it with CPack:
#   cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
#   cmake --build build/release && (cd build/release && cpack -G DEB)
# scripts/check-package.sh does exactly that and checks the result (contents, lintian, appstreamcli,
# desktop-file-validate). The binary, the .desktop file and the scalable icon are installed by their own
# folders; everything else is here.

set(TRAILGUARD_APP_ID "io.github.trailguard.Trailguard")
# Files that must not be world-writable whatever the umask of the build (lintian checks modes).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Icons: the SVG (resources/) plus PNG sizes for the hicolor theme, rendered from it and committed so a
# build needs no SVG renderer. `cmake --build <dir> --target regenerate_icons` draws them again.
set(TRAILGUARD_ICON_SIZES 16 22 24 32 48 64 128 256 512)
foreach(size IN LISTS TRAILGUARD_ICON_SIZES)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/trailguard-${size}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
        RENAME ${TRAILGUARD_APP_ID}.png)
endforeach()
find_program(TRAILGUARD_RSVG_CONVERT rsvg-convert)
if(TRAILGUARD_RSVG_CONVERT)
    set(_trailguard_icon_commands)
    foreach(size IN LISTS TRAILGUARD_ICON_SIZES)
        list(APPEND _trailguard_icon_commands
            COMMAND ${TRAILGUARD_RSVG_CONVERT} -w ${size} -h ${size}
                ${PROJECT_SOURCE_DIR}/resources/trailguard.svg
                -o ${PROJECT_SOURCE_DIR}/resources/icons/trailguard-${size}.png)
    endforeach()
    add_custom_target(regenerate_icons ${_trailguard_icon_commands}
        COMMENT "Rendering resources/icons/*.png from resources/trailguard.svg" VERBATIM)
endif()

# The compiled translations: also inside the binary (:/i18n), installed for other tools and translators.
install(FILES ${PROJECT_BINARY_DIR}/translations/trailguard_en.qm
              ${PROJECT_BINARY_DIR}/translations/trailguard_fr_CA.qm
    DESTINATION ${CMAKE_INSTALL_DATADIR}/trailguard/translations)

# The man page and the Debian changelog, compressed the way lintian wants (gzip -9n: no name, no time).
find_program(TRAILGUARD_GZIP gzip REQUIRED)
set(_trailguard_gzipped)
foreach(source trailguard.1 changelog.Debian)
    set(output ${PROJECT_BINARY_DIR}/packaging/${source}.gz)
    add_custom_command(OUTPUT ${output}
        COMMAND sh -c "${TRAILGUARD_GZIP} -9n -c '${PROJECT_SOURCE_DIR}/packaging/${source}' > '${output}'"
        DEPENDS ${PROJECT_SOURCE_DIR}/packaging/${source}
        COMMENT "Compressing ${source}" VERBATIM)
    list(APPEND _trailguard_gzipped ${output})
endforeach()
add_custom_target(trailguard_packaging_files ALL DEPENDS ${_trailguard_gzipped})
install(FILES ${PROJECT_BINARY_DIR}/packaging/trailguard.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz ${PROJECT_SOURCE_DIR}/packaging/copyright
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/trailguard)

# AppStream metadata and the systemd user unit of headless mode. User units live in
# <prefix>/lib/systemd/user whatever the multiarch library folder is.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/${TRAILGUARD_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/trailguard-headless.service DESTINATION lib/systemd/user)

# The Debian package.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "trailguard")
set(CPACK_PACKAGE_VENDOR "The Trailguard developers")
set(CPACK_PACKAGE_CONTACT "Trailguard developers <trailguard@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "trailing stop-loss alerts for Questrade watchlists")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Libraries the binary links come from dpkg-shlibdeps; Qt plugins loaded at run time are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# The long description (CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY on the synopsis line before it and
# indents every line; an empty line becomes the " ." paragraph break).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Trailguard watches the stocks on your watchlist through the Questrade API
and keeps a trailing stop-loss for each one: when the price makes a new
peak, the stop moves up to a ratio of that peak and never moves down. When
a price falls below its stop it alerts in the system tray, by email, on
Discord or through ntfy. It never places orders.

The package holds the desktop application, its command line, and a systemd
user unit (trailguard-headless.service) that runs the monitor without a
window.")
include(CPack)
