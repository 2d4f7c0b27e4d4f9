// Text → UTF-8 bytes for generated fixtures (core's tsconfig has no DOM types; TextEncoder exists everywhere core runs).
const Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder;
const encoder = new Encoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

const Decoder = (globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } }).TextDecoder;
const decoder = new Decoder();

/** UTF-8 bytes → text (bad bytes replaced: only used to mutate fixtures). */
export const text = (bytes: Uint8Array): string => decoder.decode(bytes);
