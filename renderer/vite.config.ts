// `npm run dev:web`: the renderer alone in a browser with hot reload (the browser desktop API stands in for
// Electron). Same plugins and WASM inlining as the renderer part of electron.vite.config.ts.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  plugins: [vue()],
  build: { assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? true : undefined) },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5318, strictPort: true },
});
