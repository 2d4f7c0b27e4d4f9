// The release kernel: a second Binaryen -O3 pass over asc's release output (assembly/build/kernel.plain.wasm), with
// more inlining than asc's own pipeline allows: functions of up to 200 units inlined where lightweight, 20 always,
// any with a single caller up to 1 000, and functions with loops too. Most hot paths of the simulator are calls of
// small functions that own a loop (the host history sums, the overload tests' counting passes, the MC screen's
// correlations and Cholesky); inlined, V8 keeps their values in registers across the call site. Measured on the ten
// PlanetLab days, both kernels interleaved in one process: 2.6–5.3 % off every dynamic policy's day. Limits of 800
// and over were 5–12 % slower. Binaryen is IEEE-strict here (no fast-math), so every result keeps its bits; the
// kernel-vs-reference properties run on both files.
// The cost is at start-up: V8 compiles the larger hot functions longer before their optimized code replaces the
// baseline tier, so a process that runs the kernel once takes 5–9 % longer with it (0.222 → 0.238 s, median over
// the days, thr-mmt), while every run after the first in a process (the app's worker, `hostfit batch`) gains. So both
// files ship: the command line's one-run commands (`hostfit simulate`) load kernel.plain.wasm, everything else this
// one (electron/cli/kernel.ts says which).
//
// `node scripts/optimize-kernel.mjs [IN] [OUT]` (default assembly/build/kernel.plain.wasm → kernel.release.wasm).
import { readFileSync, writeFileSync } from 'node:fs';
import binaryen from 'binaryen';

const input = process.argv[2] ?? new URL('../assembly/build/kernel.plain.wasm', import.meta.url);
const output = process.argv[3] ?? new URL('../assembly/build/kernel.release.wasm', import.meta.url);
const module = binaryen.readBinary(readFileSync(input));
module.setFeatures(binaryen.Features.MVP | binaryen.Features.SIMD128 | binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt
  | binaryen.Features.SignExt | binaryen.Features.NontrappingFPToInt | binaryen.Features.MutableGlobals);
binaryen.setOptimizeLevel(3);
binaryen.setShrinkLevel(0);
binaryen.setFlexibleInlineMaxSize(200);
binaryen.setAlwaysInlineMaxSize(20);
binaryen.setOneCallerInlineMaxSize(1000);
binaryen.setAllowInliningFunctionsWithLoops(true);
module.optimize();
if (!module.validate()) throw new Error('optimize-kernel: the optimized kernel does not validate');
writeFileSync(output, module.emitBinary());
module.dispose();
