# Shared by the benchmark scripts: the platform must be up, and wrk installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
if ! ./fincafacil status > /dev/null; then
  echo "The platform is not up: run ./fincafacil up in another terminal first." >&2
  exit 1
fi
if ! command -v wrk > /dev/null; then
  echo "Installing wrk (Debian package) for the HTTP load…" >&2
  apt-get install -y -qq wrk > /dev/null
fi
DURATION="${DURATION:-20s}"
