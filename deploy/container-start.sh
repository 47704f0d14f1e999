#!/bin/sh
# The container image's command (Dockerfile): the production server on a PostgreSQL server. Stops at
# once, saying why, without the two settings every instance needs; migrations are a separate step.
set -eu
: "${DATABASE_URL:?must name a PostgreSQL server (postgresql://user:password@host:5432/db); the embedded database is for npm start on a laptop, not this image}"
: "${NEXTAUTH_SECRET:?must be set to a random string of at least 32 characters, the same on every instance}"
# The young generation's size as npm start gives it (YOUNG_GENERATION_FLAGS, src/server/runtime/heap-growth.ts).
exec node --max-semi-space-size=16 node_modules/next/dist/bin/next start -p "${PORT:-3000}"
