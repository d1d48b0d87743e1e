// The renderer build (run by scripts/build.mjs): a static, relative-path bundle in dist/renderer
// that loads the same under the web host (http://127.0.0.1) and Electron's app:// scheme.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    // pdf.js uses top-level await and private class fields.
    target: 'es2022',
    // The bundled CJK font is 10 MB: never inline it, and don't warn about the pdf.js chunk.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2500,
  },
  // `npx vite --config renderer/vite.config.ts` for development: the API comes from a running web
  // host (npm start, or node dist/core/host.mjs) on ANJUAN_API_PORT (default 47800).
  server: {
    fs: { allow: [here('..')] },
    proxy: {
      '/api': {
        target: `http://127.0.0.1:${process.env.ANJUAN_API_PORT ?? 47800}`,
        changeOrigin: true,
        // The web host answers only its own origin: the dev server's own page (Origin = its host) is
        // passed on without an Origin, like a script; another site's Origin still reaches the host and is refused.
        configure: (proxy) =>
          proxy.on('proxyReq', (proxyReq, req) => {
            if (req.headers.origin === `http://${req.headers.host}`) proxyReq.removeHeader('origin');
          }),
      },
    },
  },
});
