# LeadBridge's image, in two stages (docs: README "Deploy").
#   build:   every dependency, then `scripts/release.sh build` (build, prune to
#            production dependencies): the same steps the test suite runs.
#   runtime: the pruned tree only, as the unprivileged `node` user, with a
#            healthcheck on /api/health.
# Run it with DATABASE_URL, AUTH_SECRET, ENCRYPTION_KEY and APP_URL (see docker-compose.yml).

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, for the layer cache. The lockfile lacks other platforms'
# optional binaries, so `npm install` (not `npm ci`); postinstall generates the
# Prisma client, hence the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm install --no-audit --no-fund
COPY . .
RUN bash scripts/release.sh build

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    SEED_DEMO=false
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/.next/standalone ./.next/standalone
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts/release.sh /app/scripts/run.mjs ./scripts/
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "scripts/release.sh", "probe", "http://127.0.0.1:3000"]
CMD ["bash", "scripts/release.sh", "start"]
