// electron-vite builds three bundles: main (ESM), preload (CJS, as a sandboxed preload must be) and the
// renderer (also served as the browser build by `vite preview --outDir out/renderer`).
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * HiGHS's module finds its binary with `new URL('highs.wasm', import.meta.url)`, which Vite would inline a second
 * time beside the copy the plan worker imports and hands over as bytes (renderer/src/workers/highs.ts): keep one.
 */
const highsBinaryOnce = (): Plugin => ({
  name: 'hostfit:highs-binary-once',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]highs[\\/]build[\\/]highs\.mjs$/.test(id)) return null;
    const located = 'new URL("highs.wasm",import.meta.url).href';
    return code.includes(located) ? code.replace(located, '"highs.wasm"') : null;
  },
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve('electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload/index.ts') },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [vue()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve('renderer/index.html') },
      // The kernel is inlined: fetching file:// or custom-protocol URLs is unreliable in Electron renderers.
      assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? true : undefined),
    },
    worker: { format: 'es', plugins: () => [highsBinaryOnce()] },
  },
});
