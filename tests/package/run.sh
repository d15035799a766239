#!/usr/bin/env bash
# Builds the Debian package and runs cti from it, as a user who installs it would:
#   tests/package/run.sh [BUILD_DIR]      (default build-pkg)
#
# 1. a static release build (CTI_LAYER_CHECK=OFF: the stages linked into one binary)
#    with prefix /usr, and `cpack -G DEB`;
# 2. the package's control data: name, version = the project's, the dependencies on
#    yaml-cpp and fmt, and its files: the binary, every man page, the completions,
#    the schemas and the copyright file;
# 3. `dpkg -x` into a fresh temporary root, then from the extracted files only:
#    `cti --version`, `man -w cti` (MANPATH at the extracted pages) and
#    `cti -C examples/demo status --today 2026-11-23`.
# Run by tests/run_all.sh after the release tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-pkg}
jobs=$(nproc 2>/dev/null || echo 2)

fail() { echo "package: FAIL: $*" >&2; exit 1; }

# A build directory configured already (tests/run_all.sh passes its release build) is
# reused when it is the static /usr build a package needs; else it is configured here.
if ! grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$build/CMakeCache.txt" 2>/dev/null ||
   ! grep -qx 'CTI_LAYER_CHECK:BOOL=OFF' "$build/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCTI_LAYER_CHECK=OFF -DCTI_TESTS=OFF \
    -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
fi
cmake --build "$build" -j"$jobs"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"
rm -f "$build"/cti_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/cti_"$version"_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || fail "cpack made no cti_${version}_*.deb in $build"
echo "package: built $deb"

# The control data.
control=$(dpkg-deb -f "$deb")
echo "$control"
[ "$(dpkg-deb -f "$deb" Package)" = cti ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
# Names matched from here-strings, not pipes: under pipefail, `echo ... | grep -q` fails
# whenever grep has its answer and exits before echo has written everything.
depends_names=$(tr ',' '\n' <<<"$depends" | awk '{print $1}')
for lib in libc6 libstdc++6 libyaml-cpp0.7 libyaml-0-2 libfmt9; do
  grep -qxF "$lib" <<<"$depends_names" || fail "Depends lacks $lib: $depends"
done

# The files.
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for f in ./usr/bin/cti ./usr/share/doc/cti/copyright ./usr/share/cti/schemas/forloeb.schema.json \
  ./usr/share/cti/schemas/cti.schema.json; do
  grep -qxF "$f" <<<"$contents" || fail "$f is not in the package"
done
for page in man/*.1; do
  f=./usr/share/man/man1/$(basename "$page").gz
  grep -qxF "$f" <<<"$contents" || fail "$f is not in the package"
done
if [ -f src/cli/completion.cpp ]; then
  for f in ./usr/share/bash-completion/completions/cti ./usr/share/zsh/vendor-completions/_cti \
    ./usr/share/fish/vendor_completions.d/cti.fish; do
    grep -qxF "$f" <<<"$contents" || fail "$f is not in the package"
  done
fi

# Unpack into a fresh root and run the installed files.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
cti="$root/usr/bin/cti"
out=$("$cti" --version) || fail "cti --version exits $?"
[ "$out" = "cti $version" ] || fail "cti --version prints '$out', not 'cti $version'"
echo "package: $out"
page=$(MANPATH="$root/usr/share/man" man -w cti) || fail "man -w cti finds no page"
[ "$page" = "$root/usr/share/man/man1/cti.1.gz" ] || fail "man -w cti gives $page"
MANPATH="$root/usr/share/man" MANWIDTH=80 man cti 2>&1 | grep -q "cti validate" ||
  fail "man cti does not render"
echo "package: man -w cti: $page"
status=$(NO_COLOR=1 "$cti" -C examples/demo status --today 2026-11-23) || fail "status exits $?"
grep -q '^K-0008 ' <<<"$status" || fail "status of the demo lacks K-0008: $status"
echo "package: status of the demo from the installed binary: $(echo "$status" | wc -l) lines"
echo "package: ok"
