#!/usr/bin/env bash
# Installs PostgreSQL 15 + pgvector on a fresh Debian bookworm CI machine (run as root), starts
# the cluster and creates the integration-test role/database. Idempotent: safe to run twice.
# Usage: install-postgres.sh URL_FILE. Writes one line, DATABASE_URL_TEST=..., to URL_FILE; logs go
# to stderr. Not to stdout through a pipe: the server this starts inherits the script's open file
# descriptors, and a caller's $(...) would wait for the daemon to close them, that is forever.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
url_file=${1:?usage: install-postgres.sh URL_FILE}
exec 1>&2 </dev/null

PG_MAJOR=15
DB_USER=coach DB_PASS=coach DB_NAME=coach_test
# Bookworm ships no postgresql-15-pgvector, so pgvector is built from a newer suite's *source*.
SRC_SUITE=${PGVECTOR_SRC_SUITE:-trixie}
SRC_LIST=/etc/apt/sources.list.d/ci-pgvector-src.sources
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
log() { echo "install-postgres: $*"; }
# Wait for (rather than fail on) another apt/dpkg run holding the lock, e.g. unattended-upgrades.
apt_get() { apt-get -qq -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 "$@"; }
apt_install() { apt_get install -y --no-install-recommends "$@"; }

# Print "URI<TAB>Signed-By" of the first enabled binary ("deb") source for this release's main
# suite, read from the machine's own apt config (deb822 *.sources, then one-line *.list), so no
# mirror host is hard-coded here.
main_archive() {
  local codename files
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  files=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -vxF "$SRC_LIST" || true)
  [ -n "$files" ] && awk -v s="$codename" 'BEGIN { RS = ""; FS = "\n" } {
      delete f
      for (i = 1; i <= NF; i++) if ($i ~ /^[A-Za-z-]+:/) {
        k = tolower(substr($i, 1, index($i, ":") - 1)); v = substr($i, index($i, ":") + 1)
        gsub(/^[ \t]+|[ \t]+$/, "", v); f[k] = v }
      if (tolower(f["enabled"]) == "no" || (" " f["types"] " ") !~ / deb / \
          || (" " f["suites"] " ") !~ (" " s " ")) next
      split(f["uris"], u, " "); print u[1] "\t" f["signed-by"]; exit }' $files | grep . && return
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk -v s="$codename" '
    $1 == "deb" { sb = ""; i = 2
      if ($2 ~ /^\[/) { for (; i <= NF; i++) { if ($i ~ /signed-by=/) { sb = $i; sub(/.*signed-by=/, "", sb); sub(/\]$/, "", sb) }
                                               if ($i ~ /\]$/) break } i++ }
      if ($(i + 1) == s) { print $i "\t" sb; exit } }' | grep .
}

log "apt-get update + installing PostgreSQL $PG_MAJOR and build tools"
vector_control() { [ -x "$PG_CONFIG" ] && echo "$("$PG_CONFIG" --sharedir)/extension/vector.control"; }
need_build=yes
[ -f "$(vector_control || true)" ] && need_build=no
if [ $need_build = yes ]; then
  IFS=$'\t' read -r uri signed_by < <(main_archive) || { log "no Debian main archive in apt config"; exit 1; }
  # deb-src ONLY: apt never takes binary packages from a deb-src entry, so nothing gets
  # upgraded to trixie. Signed-By reuses the existing keyring (debian-archive-keyring in
  # bookworm already carries the trixie keys). Removed again on exit.
  trap 'rm -f "$SRC_LIST"' EXIT
  { printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n' "$uri" "$SRC_SUITE"
    if [ -n "$signed_by" ]; then echo "Signed-By: $signed_by"; fi; } >"$SRC_LIST"
fi
apt_get update
# postgresql-server-dev-15 hard-depends on clang/llvm (unused with with_llvm=no, but unavoidable via apt).
apt_install postgresql-$PG_MAJOR postgresql-client-$PG_MAJOR postgresql-server-dev-$PG_MAJOR \
  build-essential dpkg-dev xz-utils

if [ $need_build = yes ]; then
  work=$(mktemp -d)
  chown _apt "$work" 2>/dev/null || true   # lets apt download as its sandbox user, without a warning
  trap 'rm -f "$SRC_LIST"; rm -rf "$work"' EXIT
  log "fetching pgvector source from $SRC_SUITE"
  # apt checks the downloaded files against the signed Sources index (hence Signed-By above).
  (cd "$work" && apt-get source -qq "pgvector/$SRC_SUITE")
  src=$(find "$work" -maxdepth 1 -mindepth 1 -type d -name 'pgvector-*' | head -n1)
  [ -n "$src" ] || { log "apt-get source pgvector/$SRC_SUITE failed"; exit 1; }
  log "building $(basename "$src")"
  # with_llvm=no: skip JIT bitcode (needs clang); OPTFLAGS="": no -march=native, portable binary.
  make -s -C "$src" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" with_llvm=no OPTFLAGS=""
  make -s -C "$src" PG_CONFIG="$PG_CONFIG" with_llvm=no install
else
  log "pgvector already installed ($(vector_control)), skipping build"
fi

# The package normally creates+starts "main", but Docker-style images block service starts
# (policy-rc.d), and the cluster may be missing entirely; handle both.
pg_lsclusters -h $PG_MAJOR main 2>/dev/null | grep -q . || pg_createcluster $PG_MAJOR main
pg_lsclusters -h $PG_MAJOR main | grep -q online || pg_ctlcluster $PG_MAJOR main start
port=$(pg_lsclusters -h $PG_MAJOR main | awk '{print $3}')
psql_su() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }

# Non-superuser role owning the test DB (closer to production). The extension is created here
# as superuser, so the app's "CREATE EXTENSION IF NOT EXISTS vector" is a no-op for it (pgvector
# is not a trusted extension: a non-superuser could not create it in a fresh database).
log "creating role $DB_USER and database $DB_NAME (if missing)"
psql_su -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$DB_USER') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') \gexec
ALTER ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASS';
SELECT format('CREATE DATABASE %I OWNER %I', '$DB_NAME', '$DB_USER') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL
psql_su -d "$DB_NAME" -c 'CREATE EXTENSION IF NOT EXISTS vector'
# Integration tests create a database per test file; from template1 they inherit the extension.
psql_su -d template1 -c 'CREATE EXTENSION IF NOT EXISTS vector'
log "pgvector $(psql_su -d "$DB_NAME" -Atc "SELECT extversion FROM pg_extension WHERE extname = 'vector'") ready on port $port"

echo "DATABASE_URL_TEST=postgres://$DB_USER:$DB_PASS@127.0.0.1:$port/$DB_NAME" >"$url_file"
