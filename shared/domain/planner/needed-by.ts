import type { MilestoneKey } from "../snapshot.ts";
import { dependantsOf } from "./catalog-index.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate } from "./due-date.ts";

/**
 * A prerequisite's deadline no later than the latest start of a step that waits for it
 * (the ECFMG application was due 28 Oct 2027 by its own rule, 90 days before the
 * latest Step 1 date, while the ERAS token that needs it was due 1 Sep 2027). The earliest of the
 * catalog rule and, for each dependant every applicant has (see dependantsOf), its due date less
 * its own lead time (none when the dependant can begin before it, `startsBefore`); the source then
 * names the dependant and the rule it overrides, so the date is labelled as what it is.
 */
export function neededBy(
  key: MilestoneKey,
  due: DueDate | null,
  dueOf: (dependant: MilestoneKey) => DueDate | null,
): DueDate | null {
  if (due === null) return null;
  let earliest = due;
  for (const { dependant, leadDays, leadSource } of dependantsOf(key)) {
    const needs = dueOf(dependant);
    if (needs === null) continue;
    const at = shiftDays(needs.at, needs.zone, -leadDays);
    if (at >= earliest.at) continue;
    const lead = leadDays === 0 ? "its due date" : `${leadDays} days before its due date (${leadSource})`;
    earliest = {
      at,
      zone: needs.zone,
      status: needs.status === "projected" ? "projected" : "advice",
      // A date moved earlier for a step that waits for it is a lead time: ours, not an authority's.
      basis: "advice",
      source: `needed by ${dependant}, which waits for it: ${lead}, ${needs.source}; earlier than this step's own rule (${due.source})`,
      asDay: due.asDay,
    };
  }
  return earliest;
}
