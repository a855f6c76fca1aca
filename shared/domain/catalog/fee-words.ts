import { usd } from "../money.ts";
import type { Fee } from "./fees-schema.ts";

/**
 * `text` with each fee placeholder replaced from `fees` (the fee table, fees.json): `{fee:KEY}` by
 * the amount ("$50"), `{feeYear:KEY}` by the as-of year (the first four characters of `asOf`, as
 * the NRMP_LATE_FEE risk states it) and `{feeSource:KEY}` by the source. A catalog text that
 * names a fee thus says what the table says, and a new figure in the table changes the text with it
 * (NRMP late registration wrote "$50" itself). Throws on a key the table has not, or one
 * without a single amount (ERAS's per-program tiers). Pure; run once when the catalog loads.
 */
export function feesNamed(text: string, fees: readonly Fee[]): string {
  return text.replace(/\{(fee|feeYear|feeSource):([a-z0-9_]+)\}/g, (_, field: string, key: string) => {
    const fee = fees.find((candidate) => candidate.key === key);
    if (fee === undefined || !("amountUsd" in fee)) {
      throw new Error(`catalog text names fee ${key}, which fees.json has not as a single amount`);
    }
    if (field === "fee") return usd(fee.amountUsd);
    return field === "feeYear" ? fee.asOf.slice(0, 4) : fee.source;
  });
}
