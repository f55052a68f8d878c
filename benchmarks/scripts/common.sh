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

# A local-platform setting as the launcher sees it: FINCAFACIL_<KEY> from the environment first
# (port.flags-service -> FINCAFACIL_PORT_FLAGS_SERVICE), else config/local-platform.properties,
# so the scripts follow a platform started on other ports.
setting() {
  local var="FINCAFACIL_$(echo "$1" | tr '[:lower:].-' '[:upper:]__')"
  if [ -n "${!var:-}" ]; then echo "${!var}"; else sed -n "s/^$1=//p" config/local-platform.properties; fi
}
