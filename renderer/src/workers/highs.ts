// HiGHS (the `highs` package, an LP/MIP solver compiled to WebAssembly) for the plan worker, loaded once, before the
// first plan (it splits replicas over host classes, core/plan/lp-guide.ts): the module and its 3.5 MB binary are a
// separate chunk, so the rest of the app starts without them.
// The binary is inlined in the bundle like the kernel (a data: URL, decoded here, no fetch), or fetched in dev mode;
// electron.vite.config.ts keeps highs.mjs from inlining a second copy.
import type { Highs } from 'highs';

let loading: Promise<Highs> | undefined;

async function wasmBytes(url: string): Promise<Uint8Array<ArrayBuffer>> {
  if (url.startsWith('data:')) return Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the LP solver (${response.status} ${url})`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadHighs(): Promise<Highs> {
  loading ??= Promise.all([import('highs'), import('highs/runtime?url')])
    .then(async ([solver, binary]) => {
      // Compiled here, so a bad binary fails this promise; the module is instantiated through Emscripten's
      // instantiateWasm hook (this build of highs ignores a wasmBinary option and would fetch the file instead,
      // which the app's Content Security Policy forbids in workers).
      const module = await WebAssembly.compile(await wasmBytes(binary.default));
      const options = {
        instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void): object {
          void WebAssembly.instantiate(module, imports).then(done);
          return {};
        },
      };
      return solver.default(options as Parameters<typeof solver.default>[0]);
    })
    .catch((e: unknown) => {
      loading = undefined;
      throw new Error(`could not load the LP solver: ${e instanceof Error ? e.message : String(e)}`);
    });
  return loading;
}
