// Text → UTF-8 bytes for generated fixtures (core's tsconfig has no DOM types; TextEncoder exists everywhere core runs).
const Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder;
const encoder = new Encoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
