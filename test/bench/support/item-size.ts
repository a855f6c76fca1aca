/**
 * What DynamoDB bills for an item in the in-memory table: its size by AWS's rules and the
 * capacity units a read or write of that size costs.
 */

type Item = Record<string, unknown>;

/** DynamoDB item size: attribute names plus values (strings UTF-8, binary raw bytes, numbers ~ digits/2 + 1, +3 per container). */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === "string") return Buffer.byteLength(value);
  if (typeof value === "number") return Math.ceil(String(value).replace(/[-.]/g, "").length / 2) + 1;
  if (typeof value === "boolean") return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof SizedPlaceholder) return value.size;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, entry) => sum + 1 + valueSize(entry), 0);
  if (typeof value === "object") return 3 + itemSize(value as Item);
  return 0;
}

/** Stands in for a large attribute whose content nothing reads back. */
export class SizedPlaceholder {
  constructor(readonly size: number) {}
}

export const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));
export const readUnits = (bytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
