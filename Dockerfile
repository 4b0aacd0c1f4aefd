# Bloei's image: Node 20 on Debian, running as the unprivileged `node` user. The embedded
# database is not used here: docker-compose.yml sets DATABASE_URL and REDIS_URL.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --include=dev && npm cache clean --force
COPY . .
RUN mkdir -p .data && chown -R node:node .data
USER node
CMD ["npx", "tsx", "src/main.ts", "start"]
