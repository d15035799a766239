# The Debian package (`cpack -G DEB` in the build directory): the binary, the man pages,
# the shell completions and the JSON schemas, as `cmake --install` lays them out.
#
# Build it from a normal (static stages, CTI_LAYER_CHECK=OFF) release build configured
# with the prefix the package installs to (cti carries its schemas itself; the copies
# in share/cti/schemas are for editors set up by hand): tests/package/run.sh does
#   cmake -S . -B build-pkg -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr
#   cmake --build build-pkg --target cti && (cd build-pkg && cpack -G DEB)
#
# The version is the project's (project(cti VERSION ...) in the top CMakeLists.txt),
# the one number `cti --version` prints and the release tag v<version> names.

set(CPACK_PACKAGE_NAME cti)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "cti")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Keeps a Critical Time Intervention team's forloeb as YAML files in git: validation\n\
(also as a pre-commit hook), phase schedule, status board, caseload, fidelity,\n\
deadline calendar and the quarterly report.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_CONTACT "cti maintainers <cti@localhost>")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
# Dependencies: computed by dpkg-shlibdeps (dpkg-dev) from the binary when it is there,
# else the libraries a Debian 12 build links against.
find_program(CTI_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(CTI_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6, libstdc++6, libgcc-s1, libyaml-cpp0.7, libyaml-0-2, libfmt9")
endif()

# /usr/share/doc/cti/copyright, as Debian policy asks of every package.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

include(CPack)
