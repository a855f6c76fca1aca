import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { Applicant, Interview, MilestoneEntry, MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { deliveryMinute } from "../time.ts";

/** What the planner reads: a parsed applicant snapshot fits it. */
export interface PlannerInput {
  applicant: Applicant;
  milestones: readonly MilestoneEntry[];
  interviews: readonly Interview[];
}

/**
 * The ECFMG eligibility gate from the WDOMS sponsor note: "ineligible" (no note) blocks and silences
 * everything that needs ECFMG; "unchecked" (null) asks for the WDOMS check before any of it.
 */
export type Eligibility = "eligible" | "ineligible" | "unchecked";

/** Everything one plan computation shares, built once per call. */
export interface PlanContext {
  applicant: Applicant;
  zone: string;
  calendar: SeasonCalendar;
  now: number;
  deliveryMinute: number;
  entries: ReadonlyMap<MilestoneKey, MilestoneEntry>;
  /** Prerequisites of a scheduled or done milestone: they must have happened, whatever the snapshot says. */
  impliedDone: ReadonlySet<MilestoneKey>;
  interviews: readonly Interview[];
  eligibility: Eligibility;
  /**
   * The date of a rank order list reported as certified before ranking opened (refused: such a
   * list cannot be certified, so the list counts as not started), else null.
   */
  rolRefusedDate: string | null;
}

export function buildContext(input: PlannerInput, calendar: SeasonCalendar, now: Date): PlanContext {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError("now is not a valid date");
  if (calendar.matchYear !== input.applicant.matchYear) {
    throw new RangeError(
      `calendar is for the ${calendar.matchYear} Match but the applicant targets ${input.applicant.matchYear}`,
    );
  }
  const entries = new Map<MilestoneKey, MilestoneEntry>();
  for (const entry of input.milestones) entries.set(entry.key, entry);
  let rolRefusedDate: string | null = null;
  const rol = entries.get("rank_order_list");
  if (
    rol?.date !== undefined &&
    (rol.status === "done" || rol.status === "scheduled") &&
    // Calendar dates compare as text; the applicant's day before ranking opens (ET) is refused.
    rol.date < calendar.dates.nrmp_rank_order_list_entry_opens.date
  ) {
    rolRefusedDate = rol.date;
    entries.set("rank_order_list", { key: "rank_order_list", status: "not_started" });
  }
  const impliedDone = new Set<MilestoneKey>();
  const markPrerequisites = (key: MilestoneKey): void => {
    for (const prerequisite of catalogEntry(key).prerequisites) {
      if (impliedDone.has(prerequisite.key)) continue;
      impliedDone.add(prerequisite.key);
      markPrerequisites(prerequisite.key);
    }
  };
  for (const entry of entries.values()) {
    if (entry.status === "scheduled" || entry.status === "done") markPrerequisites(entry.key);
  }
  const note = input.applicant.medicalSchool.wdomsSponsorNote;
  return {
    applicant: input.applicant,
    zone: input.applicant.timezone,
    calendar,
    now: nowMs,
    deliveryMinute: deliveryMinute(input.applicant.reminderTime),
    entries,
    impliedDone,
    interviews: input.interviews,
    eligibility: note === true ? "eligible" : note === false ? "ineligible" : "unchecked",
    rolRefusedDate,
  };
}

/**
 * A milestone missing from the snapshot counts as not started; one that a scheduled or done
 * milestone depends on counts as done (Step 1 cannot be booked without an ECFMG application).
 */
export function statusOf(context: PlanContext, key: MilestoneKey): MilestoneStatus {
  const given = context.entries.get(key)?.status ?? "not_started";
  if (given === "done" || given === "waived") return given;
  return context.impliedDone.has(key) ? "done" : given;
}

export function isFinished(status: MilestoneStatus): boolean {
  return status === "done" || status === "waived";
}

export function applies(context: PlanContext, entry: CatalogEntry): boolean {
  return entry.applies.visas === null || entry.applies.visas.includes(context.applicant.visa);
}

/**
 * A prerequisite is met when done or waived, when it does not apply to this applicant, or (for
 * the WDOMS check) when the snapshot already says the school has an ECFMG sponsor note.
 */
export function isSatisfied(context: PlanContext, key: MilestoneKey): boolean {
  if (key === "wdoms_listing" && context.applicant.medicalSchool.wdomsSponsorNote === true) return true;
  return isFinished(statusOf(context, key)) || !applies(context, catalogEntry(key));
}
