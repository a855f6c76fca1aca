import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { ET_ZONE, localDate, renderDate } from "../time.ts";
import { keyAt } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { pathwayDecisionDue } from "./pathway-review.ts";
import { resultDueAt } from "./result-deadline.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { overtakenPathwayDue } from "./undated-pathway-pending.ts";

/**
 * The deadline for the result of a sitting already sat (resultDueAt on `calendar`), except between
 * that deadline, projected, and its later candidate's (laterCandidateCalendar: Wed 24 Feb → Wed 3
 * Mar 2027 for a USMLE result): then the later one, so the step is not overdue on a projection while
 * the later candidate would still take the result (no `overdue` until
 * the later candidate passes). The instant it passes is noted as a re-plan. Null for another step.
 */
export function sittingResultDue(
  context: PlanContext,
  calendar: SeasonCalendar,
  index: number,
): DueDate | null {
  const due = resultDueAt(calendar, index);
  if (due === null || due.at >= context.now) return due;
  const later = laterCandidateCalendar(calendar);
  const laterDue = later === null ? null : resultDueAt(later, index);
  if (laterDue === null || laterDue.at < context.now) return due;
  noteRiskChange(context, laterDue.at);
  return laterDue;
}

/** A step's due date once its own date has passed: sittingResultDue, else a Pathway's decision (pathwayDecisionDue) or overtaken plan (overtakenPathwayDue). */
export function passedResultDue(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
  index: number,
): DueDate | null {
  return (
    sittingResultDue(context, calendar, index) ??
    pathwayDecisionDue(context, entry, calendar) ??
    overtakenPathwayDue(context, entry, calendar)
  );
}

/**
 * A passed sitting's card between its result's projected deadline and the later candidate's
 * (sittingResultDue gave `due`, the later one): the card is filled with the projected deadline and
 * says the other side after it, " If NRMP's 2027 deadline turns out later (…, Wed 3 Mar 2027), a
 * result ECFMG confirms by then still counts: check R3 now.". Null otherwise.
 */
export function laterWindowCard(
  context: PlanContext,
  index: number,
  due: DueDate | null,
): { projected: DueDate; after: string } | null {
  const projected = resultDueAt(context.calendar, index);
  const later = laterCandidateCalendar(context.calendar);
  // The very DueDate sittingResultDue gave (resultDueAt's, kept per calendar): never another Match's.
  if (due === null || projected === null || later === null || due !== resultDueAt(later, index)) return null;
  const candidate =
    context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  if (candidate === undefined) return null;
  const window = `If NRMP's ${context.calendar.matchYear} deadline turns out later (${candidate.said ?? "its later candidate"}, ${renderDate(candidate.date)})`;
  const lastDay = renderDate(localDate(ET_ZONE, due.at));
  return { projected, after: ` ${window}, ${laterWindowWords(keyAt(index), lastDay)}` };
}

/**
 * What the later candidate changes for a result, by what the result is for: ECFMG confirms to NRMP
 * the results its eligibility needs (Step 1, Step 2 CK) by the later deadline; the OET goes to ECFMG
 * with the Pathway's documents, whose deadline (projected from NRMP's) moves with it, to `lastDay`:
 * never a program's list nor a visa, which the OET decides neither of (a J-1 applicant's card spoke
 * of ranking "on an H-1B", and of lists certified on ECFMG's documents day); Step 3 matters to each
 * program's H-1B decision, taken when it certifies its list.
 */
function laterWindowWords(key: MilestoneKey, lastDay: string): string {
  if (catalogEntry(key).neededForRanking !== undefined)
    return `a result ECFMG confirms by ${lastDay} still counts: check R3 now.`;
  if (key === "oet_medicine")
    return `ECFMG's deadline for your Pathway's documents may move with it, to ${lastDay} (projected): send your result to ECFMG the day it arrives and check ECFMG's Pathways page now.`;
  return `programs may certify their lists as late as ${lastDay}: ask each program now whether it can still rank you on an H-1B with your result; if not, rank programs that offer a J-1.`;
}
