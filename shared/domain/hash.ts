/**
 * A tiny, pure, deterministic string hash (two FNV-1a 32-bit passes with different offset bases,
 * giving 64 bits as 16 hex characters). Not cryptographic: it names things stably (reminder ids,
 * plan fingerprints) where node:crypto would be an I/O-free but heavier dependency.
 */

const FNV_PRIME = 0x01000193;

function fnv1a32(text: string, offsetBasis: number): number {
  let hash = offsetBasis;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** 16 lowercase hex characters; the same text always gives the same result, on every platform. */
export function stableHash(text: string): string {
  const high = fnv1a32(text, 0x811c9dc5);
  const low = fnv1a32(text, 0x050c5d1f);
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}
