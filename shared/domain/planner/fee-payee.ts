import type { PaidTo } from "../catalog/fees-schema.ts";
import { DAY_MS } from "../time.ts";

/**
 * The body that took a fee (fees.json `paidTo`), by the day of the step it paid for (YYYY-MM-DD, the
 * date the applicant gave): before `earlier.before` the earlier body's (ECFMG registered IMGs for
 * Step 1 and Step 2 CK before FSMB did), from `paidWithinDays` after it the current body's, and
 * between the two, or with no day given while an earlier body exists, either: "ECFMG or FSMB,
 * whichever registered you", never a guess.
 */
export function payeeOf(paidTo: PaidTo, day: string | undefined, paidWithinDays: number | undefined): string {
  const { earlier } = paidTo;
  if (earlier === undefined) return paidTo.body;
  if (day !== undefined) {
    const at = Date.parse(day);
    const changed = Date.parse(earlier.before);
    if (at < changed) return earlier.body;
    if (at >= changed + (paidWithinDays ?? 0) * DAY_MS) return paidTo.body;
  }
  return `${earlier.body} or ${paidTo.body}, whichever registered you`;
}
