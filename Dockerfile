# Multi-stage build: dependencies, build, and a small non-root runtime with Next.js's
# standalone output. The container applies pending migrations, then starts the server.
#
# Behind a TLS-inspecting proxy, give the build the proxy's CA bundle as a build secret:
#   docker build --secret id=extra_ca,src=/etc/ssl/certs/ca-certificates.crt -t buurtpreventie .
# It is mounted only while npm downloads (never copied into a layer, never in the final image).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=extra_ca,required=false \
  if [ -s /run/secrets/extra_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca; fi; \
  npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app --home-dir /app app \
  && mkdir -p /app/.data && chown app:app /app/.data
# .next/standalone holds server.js, the traced node_modules, static assets, prisma/migrations
# and migrate.mjs (npm run build puts them there).
COPY --from=build --chown=app:app /app/.next/standalone ./
USER app
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "node migrate.mjs && exec node server.js"]
