import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // Loaded from node_modules at run time rather than bundled: PGlite ships WebAssembly and data
  // files that a bundle would lose; pg has optional native parts.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  // The migration files are read at start-up to refuse serving an out-of-date database.
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*"] },
  experimental: {
    // Mail and spreadsheet uploads are Server Actions (lib/intake). The app refuses files over
    // 5 MB itself with a clear message (lib/intake/upload-limits.ts); this hard cap sits above
    // that, with room for multipart overhead, and below the proxy's 10 MB body buffer.
    serverActions: { bodySizeLimit: "8mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
      {
        // The resident's private page has its token in the address: never send it on.
        source: "/manage/:token*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
