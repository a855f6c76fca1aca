import { pathwayDeadline } from "#domain/planner/pathway-deadlines.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";

/** The 2027 Match, whose last day is the projected Pathway deadline, Sat 26 Dec 2026, 9:00 PM ET. */
export const SEASON_2027 = seasonCalendar(2027);
export const PATHWAY_DUE_2027 = pathwayDeadline(SEASON_2027) as number;
export const HOUR = 3_600_000;

/**
 * A 2027 Match applicant in `timezone` with every step to NRMP registration done (undated) but the
 * OET and the ECFMG Pathway, which stand as given (the Pathway not started unless given): the
 * applicant on the last day of the season.
 */
export function lastDayApplicant(
  timezone: string,
  oet: MilestoneEntry,
  pathway: MilestoneEntry = { key: "ecfmg_pathway", status: "not_started" },
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027 }),
    milestones: [...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })), oet, pathway],
  });
}

/** Preparing for the OET (no sitting booked), the Pathway not submitted. */
export const oetPreparing = (timezone: string): PlannerInput =>
  lastDayApplicant(timezone, { key: "oet_medicine", status: "in_progress" });

/** The OET done, the Pathway not submitted. */
export const oetDone = (timezone: string): PlannerInput =>
  lastDayApplicant(timezone, { key: "oet_medicine", status: "done" });
