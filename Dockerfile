# Bloei's image: one image for every Bloei process (`start`, `worker`, `web`, `migrate`, the
# coordinator commands); docker-compose.yml picks the command. It runs the JavaScript that
# `npm run build` compiles into dist/ on Node 22 LTS: no TypeScript tooling in production. The
# embedded database is not used here: DATABASE_URL and REDIS_URL are set.
#
# No install script runs in the image: package.json's `allowScripts` (npm 11) denies the ones that
# download binaries (puppeteer's Chrome, Prisma's engines), and this image's npm may not read it.
# The one step that matters, `prisma generate`, runs explicitly.

ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: every dependency, the generated Prisma client, and dist/ ------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
RUN npx prisma generate
COPY src ./src
RUN npm run build

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
COPY package.json package-lock.json ./
# Read at run time: the migrations (`migrate`) and the texts.
COPY prisma/migrations ./prisma/migrations
COPY locales ./locales
COPY --from=build /app/dist ./dist
# The only writable place: the WhatsApp session (a volume in docker-compose.yml), owner-only.
RUN mkdir -p .data/whatsapp && chown -R node:node .data && chmod -R 700 .data
USER node
# 8080: web dashboard; 8081: /healthz of bot and worker (HEALTH_PORT); 8443: Telegram webhook.
EXPOSE 8080 8081 8443
CMD ["node", "dist/main.js", "start"]
