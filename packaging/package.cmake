# The documentation installed with sendpack, and the Debian package CPack makes of the whole
# installation (cpack -G DEB in the build folder; tests/cli/package.sh builds it, checks it
# with lintian where installed, and runs the unpacked sendpack). The version is the project's
# (project(sendpack VERSION ...)): the package's, `sendpack --version`'s and the man page's.

# sendpack(1): docs/sendpack.1 with the version put into its .TH line, gzipped as Debian wants
# man pages (-n: no name or time stamp in the header, so the same source gives the same bytes)
set(SENDPACK_MAN_PAGE ${CMAKE_BINARY_DIR}/sendpack.1.gz)
add_custom_command(OUTPUT ${SENDPACK_MAN_PAGE}
  COMMAND sh -c "sed '/^\\.TH /s/\"sendpack\"/\"sendpack ${PROJECT_VERSION}\"/' \"$0\" | gzip -9n > \"$1\""
          ${CMAKE_SOURCE_DIR}/docs/sendpack.1 ${SENDPACK_MAN_PAGE}
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/sendpack.1 VERBATIM)
# Debian's changelog, which for a native package is changelog.gz
set(SENDPACK_CHANGELOG ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${SENDPACK_CHANGELOG}
  COMMAND sh -c "gzip -9n < \"$0\" > \"$1\"" ${CMAKE_SOURCE_DIR}/packaging/changelog ${SENDPACK_CHANGELOG}
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog VERBATIM)
add_custom_target(sendpack_docs ALL DEPENDS ${SENDPACK_MAN_PAGE} ${SENDPACK_CHANGELOG})

install(FILES ${SENDPACK_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# README.md beside docs/ as in the source tree, so the links between them hold
install(FILES README.md packaging/copyright ${SENDPACK_CHANGELOG} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md" PATTERN images EXCLUDE)
install(DIRECTORY packaging/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

set(SENDPACK_PACKAGE_MAINTAINER "sendpack maintainers <sendpack@example.org>" CACHE STRING
    "The Debian package's Maintainer field")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sendpack)
set(CPACK_PACKAGE_CONTACT "${SENDPACK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# and, as dh_strip does, the compiler's .comment and .note sections
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_SOURCE_DIR}/packaging/strip_notes.cmake)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # sendpack_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SENDPACK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# the libraries the binary links, worked out by dpkg-shlibdeps (dpkg-dev), and the PDF font
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS fonts-liberation2)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "monthly monitoring packs from SEND improvement-plan exports
sendpack turns a local area's SEND improvement-plan exports (CSV files of
actions, milestones, KPIs and risks) into the monthly monitoring packs that a
scrutiny committee, DfE and NHS England advisers and families read: a JSON
file, an Excel workbook, a PDF report and an accessible web page. It judges
every milestone and KPI at a report date against its deadline, baseline and
targets, and reports errors in the exports with their file, line and column.
.
The package includes a systemd timer and a cron line that make the packs on
the first working day of each month.")
include(CPack)
