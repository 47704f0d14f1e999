# Portico's container image (docs/deploy.md "Container image"): the production server on a PostgreSQL
# server named by DATABASE_URL. The embedded database is for `npm start` on a laptop, not for this
# image: without DATABASE_URL and NEXTAUTH_SECRET the container stops at once and says so.
#
#   docker build -t portico .                       (or: podman build -t portico .)
#   docker run --rm -e DATABASE_URL=… -e NEXTAUTH_SECRET=… portico npm run db:migrate   (once per release)
#   docker run -d -p 3000:3000 -e DATABASE_URL=… -e NEXTAUTH_SECRET=… -e NEXTAUTH_URL=https://… portico
#
# NODE_IMAGE names the base; a mirror or a local copy of the same Node 20 image may stand in, or a
# Node 24 one, which serves pages with less processor time (docs/deploy.md, "Node.js").
ARG NODE_IMAGE=docker.io/library/node:20-bookworm-slim

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so that a change of the sources alone reuses this layer. npm ci's postinstall
# generates the Prisma client, which needs the schema and its configuration. npm's download cache is
# the engine's to keep between builds, never part of the image.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# The build must not see a database or a secret: pages read them per request. A one-off build (CI=true)
# writes no module cache for later builds (next.config.ts).
RUN CI=true npm run build && rm -rf .next/cache

# One stage: the server runs the build, and `npm run db:migrate` and `npm run attachments:move` run
# the scripts with tsx and the schema engine (development packages), so the image needs everything
# the build has; copying it into a second stage would only add a copy of it.
ENV NODE_ENV=production PORT=3000
# Attachments on the filesystem (ATTACHMENT_DIR, default .data/attachments) are written here; with
# several instances use S3 (ATTACHMENT_STORAGE=s3) or mount one shared volume on it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# The server alone (deploy/container-start.sh): migrations are a separate step, run once before the instances start (above).
CMD ["sh", "deploy/container-start.sh"]
