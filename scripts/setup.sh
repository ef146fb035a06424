# Sourced by scripts/complexity and scripts/test: installs what is missing.
# GSL (Debian's libgsl-dev) is found through pkg-config; install it with
# apt-get when pkg-config cannot find it (sudo when not root).

_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs Debian packages; the package lists are updated once per script,
# however many packages are missing.
_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${_complexity_apt_updated:-}" ]; then
    _as_root apt-get update -qq >&2 || return 1
    _complexity_apt_updated=1
  fi
  _as_root apt-get install -y -qq "$@" >&2
}

ensure_gsl() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; then
    return 0
  fi
  echo "complexity: installing libgsl-dev (GSL is the fitter)..." >&2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "complexity: no apt-get here; install GSL (libgsl-dev, or 'brew install gsl') and pkg-config" >&2
    return 1
  fi
  _apt_install libgsl-dev pkg-config
}

ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "complexity: the Swift toolchain (swift) is not on PATH; install Swift 6" >&2
    return 1
  fi
}

ensure_python() {
  if ! command -v "${PYTHON:-python3}" >/dev/null 2>&1; then
    echo "complexity: installing python3 (the CPython subject)..." >&2
    _apt_install python3
  fi
}

# valgrind counts instructions (--metric instructions). Only that metric
# needs it, so a failed install warns and carries on: the tool itself says
# what is missing if instructions are asked for.
ensure_valgrind() {
  if command -v valgrind >/dev/null 2>&1; then
    return 0
  fi
  echo "complexity: installing valgrind (instruction counts, --metric instructions)..." >&2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "complexity: no apt-get here; install valgrind to count instructions" >&2
    return 0
  fi
  _apt_install valgrind ||
    echo "complexity: could not install valgrind; --metric instructions will say so" >&2
  return 0
}

# The tool every script runs: $COMPLEXITY_BIN as it is, else a release
# build in $SCRATCH (swift build --scratch-path, default .build) made now.
# Prints its path; the build's own output goes to stderr.
complexity_bin() {
  if [ -n "${COMPLEXITY_BIN:-}" ]; then
    echo "$COMPLEXITY_BIN"
    return 0
  fi
  ensure_swift
  ensure_gsl
  local here scratch
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  scratch="${SCRATCH:-.build}"
  # The counting allocator Swift ops' memory is measured with is a product
  # of its own (preloaded into a worker, never linked into the tool).
  (cd "$here" && swift build -c release --product complexity --scratch-path "$scratch" >&2 &&
    swift build -c release --product ComplexityAllocationCounter --scratch-path "$scratch" >&2)
  case "$scratch" in
    /*) echo "$scratch/release/complexity" ;;
    *) echo "$here/$scratch/release/complexity" ;;
  esac
}
