import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, renderDate } from "../time.ts";
import { keyAt } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * The deadline for the result of a sitting already taken (an exam whose day the applicant books,
 * catalog `schedule`, with `reportingDays`): the day its result must reach the authority, which
 * the catalog's `due` counts back from by the result time (the OET: the Pathway's deadline for
 * supporting documents, `documentsDue`, checked in the catalog schema; a USMLE result: the rank
 * order list deadline). Once the sitting is past, the step is due by this, not by its last sitting
 * day, a deadline the applicant met. Null for any other step.
 */
export function resultDueAt(calendar: SeasonCalendar, index: number): DueDate | null {
  let known = resultDues.get(calendar);
  if (known === undefined) {
    known = [];
    resultDues.set(calendar, known);
  }
  const found = known[index];
  if (found !== undefined) return found;
  const entry = catalogEntry(keyAt(index));
  const reporting = entry.reportingDays;
  let result: DueDate | null = null;
  if (entry.due.from === "season" && reporting !== undefined && entry.stepActions.includes("schedule")) {
    const seasonDate = calendar.dates[entry.due.dateKey];
    const offset = entry.due.offsetDays + reporting.days;
    result = shapedDueDate({
      at: shiftDays(seasonDate.at, ET_ZONE, offset),
      zone: ET_ZONE,
      status:
        seasonDate.status === "projected"
          ? "projected"
          : offset === 0 && entry.neededForRanking !== undefined
            ? "confirmed"
            : "advice",
      // The authority's deadline when the result is due on the season date itself (Step 3's too: its
      // words name the rank order list deadline, projected until confirmed) or on ECFMG's deadline
      // for a Pathway's documents (the OET's: projected, never "our advice"), else a lead time.
      basis: offset === 0 || isPathwayDocumentsDue(seasonDate.key, offset) ? seasonDate.status : "advice",
      source: `the day the result must reach the authority: ${seasonDate.key} (${seasonDate.source})${offset === 0 ? "" : ` ${offset} days`}, the last sitting day (${entry.due.source}) plus the result time (${reporting.source})`,
    });
  }
  known[index] = result;
  return result;
}

/**
 * Once the Match is over and SOAP is not open to the applicant (Gates.afterSeasonDates), whether a
 * step is dated for the next Match: a step counted from residency's start (the certificate: the
 * target Match's start can no longer be theirs), and a sitting already sat
 * whose result is not reported, which counts for the next Match (resultDueAt; a
 * countdown to the passed 2027 deadline beside a certificate dated 2028).
 */
export function datedForNextMatch(context: PlanContext, entry: CatalogEntry, index: number): boolean {
  if (entry.due.from !== "season") return false;
  if (entry.due.dateKey === "residency_start") return true;
  const day = plannedDayAt(context, index);
  return day !== null && day < context.now && resultDueAt(context.calendar, index) !== null;
}

/** Whether a result due `offset` days from the season date `dateKey` is ECFMG's Pathway documents deadline (documentsDue). */
function isPathwayDocumentsDue(dateKey: string, offset: number): boolean {
  const documents = catalogEntry("ecfmg_pathway").documentsDue;
  return documents !== undefined && documents.dateKey === dateKey && documents.offsetDays === offset;
}

/** resultDueAt per season calendar (the object is the key), by catalog index: shared by every plan. */
const resultDues = new WeakMap<SeasonCalendar, (DueDate | null)[]>();

/**
 * An exam's text while its day has passed and its result is still within the catalog's reporting
 * time (`reportingDays`, advice: the day plus that many days, where the applicant lives, as
 * resultOverdue counts it): the catalog's `scheduledResultPending` with {expected} filled ("Fri 18
 * Dec 2026"); its `scheduledPassed` once that day has come or for a step without both
 * (no "did you take it?" while the score is simply not out). `texts`: the step's status texts as
 * its card reads them (step3StatusTexts), the catalog's by default.
 */
export function passedDayText(
  context: PlanContext,
  entry: CatalogEntry,
  date: string,
  day: number,
  texts = entry.statusActions,
): string | undefined {
  const text = texts?.scheduledResultPending;
  const reporting = entry.reportingDays?.days;
  if (text === undefined || reporting === undefined) return texts?.scheduledPassed;
  const out = shiftDays(day, context.zone, reporting);
  if (context.now >= out) return texts?.scheduledPassed;
  noteRiskChange(context, out); // the words change that day: a re-plan then
  const expected = renderDate(shiftIsoDay(date, reporting));
  return text.replace("{expected}", expected);
}
