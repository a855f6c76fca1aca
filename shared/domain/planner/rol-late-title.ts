import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { IN_US_AT, inUsEntryFor } from "./h1b-in-us.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { phasedIn } from "./match-outcome-texts.ts";
import { soapChanceEntry } from "./soap-chance.ts";
import { step3EntryFor } from "./step3-petition.ts";

/** The rank order list's title once its deadline passed with no list that counts (none, or one dated too late). */
export const ROL_DEADLINE_PASSED_TITLE = "Rank order list not certified by the deadline";
/** Once NRMP withdrew the applicant (results it needed came after the deadline). */
export const ROL_WITHDRAWN_TITLE = "Rank order list: NRMP withdrew you from the Match";

const made = new Map<CatalogEntry, CatalogEntry>();
const withdrawn = new Map<CatalogEntry, CatalogEntry>();

/**
 * The entry a step shows when no Match phase gives one (planMilestone): the H-1B stamping step in
 * the US (its route asked), the petition's Step 3, the rank order list past its deadline (rolLateEntry),
 * SOAP as the chance of one who cannot match (soapChanceEntry).
 */
export function stepEntryFor(
  context: PlanContext,
  catalogEntry: CatalogEntry,
  status: MilestoneStatus,
  seasonOver: boolean,
): CatalogEntry {
  if (catalogEntry.key === "soap") return soapChanceEntry(context, catalogEntry);
  return rolLateEntry(
    context,
    step3EntryFor(context, inUsEntryFor(context, catalogEntry, status)),
    seasonOver,
  );
}

/**
 * By catalog index, the steps stepEntryFor may plan with another entry (the in-US ones, IN_US_AT;
 * Step 3; the rank order list; SOAP): any other it returns as given, so planMilestone asks it of these only.
 */
export const STEP_ENTRY_AT: readonly boolean[] = MILESTONE_CATALOG.map(
  (entry, index) =>
    IN_US_AT[index] === true ||
    entry.key === "usmle_step3" ||
    entry.key === "rank_order_list" ||
    entry.key === "soap",
);

/**
 * The rank order list's entry once the Match is over for it (`seasonOver`: its deadline passed
 * with no list that counts, seasonOverRolAction's words): a title that fits, never "Certify your
 * rank order list" above words saying it can no longer count. While NRMP's deadline may still turn
 * out later (the projection's later candidate ahead, the words' hedge: check R3) the catalog's title
 * stands, as the list may still be certified then. Any other entry: as given.
 */
export function rolLateEntry(context: PlanContext, entry: CatalogEntry, seasonOver: boolean): CatalogEntry {
  if (!seasonOver || entry.key !== "rank_order_list") return entry;
  if (context.rolRefused?.reason === "withdrawn")
    return phasedIn(withdrawn, entry, ROL_WITHDRAWN_TITLE, entry.action);
  const deadline = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (laterCandidateHedge(context, deadline) !== "") return entry;
  return phasedIn(made, entry, ROL_DEADLINE_PASSED_TITLE, entry.action);
}
