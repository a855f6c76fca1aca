/**
 * A tiny, pure, deterministic string hash: two FNV-1a 32-bit lanes with different offset bases,
 * computed in one pass, giving 64 bits as 16 hex characters. Not cryptographic: it names things
 * stably (reminder ids, plan fingerprints) without node:crypto.
 */

const FNV_PRIME = 0x01000193;

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function hex8(value: number): string {
  return (
    (HEX_PAIRS[(value >>> 24) & 0xff] ?? "") +
    (HEX_PAIRS[(value >>> 16) & 0xff] ?? "") +
    (HEX_PAIRS[(value >>> 8) & 0xff] ?? "") +
    (HEX_PAIRS[value & 0xff] ?? "")
  );
}

/** 16 lowercase hex characters; the same text always gives the same result, on every platform. */
export function stableHash(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    high = Math.imul(high ^ code, FNV_PRIME);
    low = Math.imul(low ^ code, FNV_PRIME);
  }
  return hex8(high) + hex8(low);
}
