#!/usr/bin/env bash
# The release steps, in one place: the Dockerfile runs them, and so does the
# test suite (tests/integration/release.test.ts), for real.
#   bash scripts/release.sh build       npm run build, then npm prune --omit=dev: what is left
#                                       runs from production dependencies only
#   bash scripts/release.sh migrate     applies committed migrations to DATABASE_URL (the
#                                       separate release step when several replicas start
#                                       with MIGRATE_ON_START=false)
#   bash scripts/release.sh start       the launcher: web server (its heap bounded by
#                                       WEB_HEAP_MB), plus the background worker when no
#                                       Inngest is configured (npm start)
#   bash scripts/release.sh probe URL   exits 0 when URL/api/health answers 200 (the
#                                       image's HEALTHCHECK)
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

case "${1:-}" in
  build)
    npm run -s build
    npm prune --omit=dev --no-audit --no-fund
    ;;
  migrate)
    exec node scripts/run.mjs db-migrate
    ;;
  start)
    # The heap of the main thread (the web server) can only be bounded as Node
    # starts; unbounded, V8 let it grow to 240-280 MB holding about 90 MB live
    # at 1,000 messages/s (BENCHMARKS.md, memory). WEB_HEAP_MB, lib/env.ts.
    # The default is lib/env.ts's (lib/env.test.ts checks they agree); the app checks the range.
    heap="${WEB_HEAP_MB:-224}"
    if [[ ! "$heap" =~ ^[0-9]+$ ]]; then
      echo "WEB_HEAP_MB must be a whole number of megabytes, not '$heap'" >&2
      exit 2
    fi
    exec node --max-old-space-size="$heap" dist/serve.mjs start
    ;;
  probe)
    url="${2:?usage: release.sh probe URL}"
    exec node -e 'fetch(process.argv[1] + "/api/health", { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url"
    ;;
  *)
    echo "usage: bash scripts/release.sh build|migrate|start|probe URL" >&2
    exit 2
    ;;
esac
