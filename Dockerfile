# Bloei's image: one image for every Bloei process (`start`, `worker`, `web`, `migrate`, the
# coordinator commands); docker-compose.yml picks the command. TypeScript runs with tsx, as with
# `npm start`. The embedded database is not used here: DATABASE_URL and REDIS_URL are set.
#
# No install script runs in the image: package.json's `allowScripts` (npm 11) denies the ones that
# download binaries (puppeteer's Chrome, Prisma's engines), and this image's npm may not read it.
# The one step that matters, `prisma generate`, runs explicitly.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, and the generated Prisma client -------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY prisma.config.ts ./
COPY prisma ./prisma
RUN npx prisma generate

# --- production dependencies only ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# Debian's Chromium drives WhatsApp Web (whatsapp-web.js); puppeteer never downloads one.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium ca-certificates fonts-liberation \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  PUPPETEER_SKIP_DOWNLOAD=true \
  PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium \
  CHROMIUM_PATH=/usr/bin/chromium \
  BLOEI_DATA_DIR=/app/.data
WORKDIR /app
# The application is owned by root and read-only to the `node` user that runs it.
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json prisma.config.ts ./
COPY prisma ./prisma
COPY locales ./locales
COPY src ./src
COPY --from=build /app/src/store/generated ./src/store/generated
# The only writable place: the WhatsApp session (a volume in docker-compose.yml), owner-only.
RUN mkdir -p .data/whatsapp && chown -R node:node .data && chmod -R 700 .data
USER node
# 8080: web dashboard; 8081: /healthz of bot and worker (HEALTH_PORT); 8443: Telegram webhook.
EXPOSE 8080 8081 8443
CMD ["node", "--import", "tsx", "src/main.ts", "start"]
