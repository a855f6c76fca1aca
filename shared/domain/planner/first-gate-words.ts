import { type CatalogEntry, FIRST_GATE } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { URGENT_WITHIN_DAYS } from "./advice.ts";
import { type PlanContext, uncheckedGate } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";

/**
 * What the first gate's card (the ECFMG application, not begun, the school eligible: firstGateOf)
 * adds while its latest safe start (its lead time before its target, else its deadline) is more
 * than URGENT_WITHIN_DAYS away: the plan announces it at the next delivery slot,
 * "start now", though its badge follows that later day (not urgent), so the card says why it is
 * told now (the catalog's `firstGate` advice and the step's `why`: FSMB registers the exams only once
 * ECFMG approves it) and the last day to start. Empty otherwise.
 */
export function earlyFirstGateNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  target: DueDate | null,
  due: DueDate | null,
): string {
  if (entry.key !== FIRST_GATE || status !== "not_started") return "";
  if (context.eligibility === "ineligible" || uncheckedGate(context)) return ""; // as firstGateOf
  // A passed target asks for the step now (urgency.ts): nothing to add then.
  if (target !== null && target.at < context.now) return "";
  const driver = target ?? due;
  if (driver === null || driver.at < context.now) return "";
  const latest = shiftDays(driver.at, driver.zone, -entry.leadTimeDays.days);
  if (latest - context.now <= URGENT_WITHIN_DAYS * DAY_MS) return "";
  return ` There is time yet, but we tell you now: every exam and ECFMG step waits on this application (FSMB registers you for USMLE Step 1 and Step 2 CK only once ECFMG approves it) and an early start costs nothing; start by ${dayBy(context, latest)} at the latest.`;
}
