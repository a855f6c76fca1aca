import type { CatalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { DAY_MS, ET_ZONE, fromWall, renderDate, startOfLocalDate, toWall, wallDayStart } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { byDay } from "./day-words.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { dayBy } from "./feasibility-risk.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";

const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * A Pathway application dated on or before its deadline (pathwayDeadline, projected), whose day has
 * begun: the start of that day in the applicant's zone, else null. It went in on time, so what is
 * left is ECFMG's review, not the application deadline (lead's ruling on tester t9m F6: "overdue:
 * result pending" and "submit it as soon as you can" beside an application dated in time).
 */
function submittedInTime(context: PlanContext): number | null {
  const entry = context.entries.at(PATHWAY.index);
  if (entry?.date === undefined || (entry.status !== "scheduled" && entry.status !== "in_progress"))
    return null;
  const deadline = pathwayDeadline(context.calendar);
  const day = startOfLocalDate(context.zone, entry.date);
  return deadline === null || day > deadline || day >= context.now ? null : day;
}

/**
 * The deadline of a Pathway submitted in time (submittedInTime), once the application deadline it
 * met has passed, for the plan's own Match only (`calendar` is the step's): the rank order list
 * deadline, by which NRMP needs ECFMG to have accepted it (the catalog's `neededForRanking`,
 * official). Nothing is overdue before then. Null for any other step or case, which keeps its own
 * deadline (before it passes, the application deadline and its reminders still serve one not sent).
 */
export function pathwayDecisionDue(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  if (entry.key !== PATHWAY.key || calendar !== context.calendar) return null;
  const applicationDue = pathwayDeadline(calendar);
  if (applicationDue === null || context.now <= applicationDue || submittedInTime(context) === null)
    return null;
  let due = decisionDues.get(calendar);
  if (due === undefined) {
    const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    due = shapedDueDate({
      at: rol.at,
      zone: ET_ZONE,
      status: rol.status === "projected" ? "projected" : "confirmed",
      source: `ECFMG must accept the Pathway by the rank order list deadline (${entry.neededForRanking?.source ?? rol.source}): ${rol.key} (${rol.source})`,
    });
    decisionDues.set(calendar, due);
  }
  return due;
}

/** pathwayDecisionDue per season calendar: one DueDate shared by every plan. */
const decisionDues = new WeakMap<SeasonCalendar, DueDate>();

/**
 * The card of a Pathway submitted in time (submittedInTime) once its day has gone by, when the
 * catalog's "If you submitted it on …, ECFMG is reviewing it … If you did not, submit it by …" no
 * longer fits: under review while the review time (the catalog's reportingDays, advice) runs, after
 * the application deadline; once that time has passed, ECFMG's answer is asked, with "submit it by"
 * only while the application deadline is still ahead. Null otherwise (the catalog's text then).
 * `applicationDue` is the application deadline as the step shows it.
 */
export function pathwayReviewAction(
  context: PlanContext,
  entry: CatalogEntry,
  applicationDue: DueDate | null,
): string | null {
  // A step dated for a later Match (the plan moved on) keeps the catalog's text and that Match's deadline.
  if (entry.key !== PATHWAY.key || applicationDue?.at !== pathwayDeadline(context.calendar)) return null;
  const day = submittedInTime(context);
  const date = context.entries.at(PATHWAY.index)?.date;
  if (day === null || date === undefined || day + DAY_MS > context.now) return null;
  const days = entry.reportingDays?.days ?? 28;
  const reviewOver = fromWall(context.zone, wallDayStart(toWall(context.zone, day)) + days * DAY_MS);
  const applicationOpen = applicationDue !== null && applicationDue.at >= context.now;
  if (context.now < reviewOver && applicationOpen) return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const projected = rol.status === "projected" ? " (projected)" : "";
  const needed = `NRMP needs ECFMG's acceptance by the rank order list deadline, ${dayBy(context, rol.at)}${projected}.`;
  const weeks = `about ${Math.ceil(days / 7)} weeks, advice`;
  const went = `Your Pathway application went in on ${renderDate(date)}`;
  if (context.now < reviewOver)
    return `${went}, by its deadline: ECFMG is reviewing it (allow ${weeks}). Answer any request for documents in MyIntealth and mark this step done when ECFMG accepts it. ${needed}`;
  const ask = `${went}, and ECFMG's review (${weeks}) should be over. Did ECFMG accept it? Tell us: mark this step done if it did, or tell your advisor if ECFMG refused it or asked for more documents. ${needed}`;
  if (!applicationOpen || applicationDue === null) return ask;
  const by = byDay(context, applicationDue.at);
  const dueProjected = applicationDue.status === "projected" ? " (projected)" : "";
  return `${ask} If you did not submit it that day, submit it ${by}${dueProjected} and tell us the new date.`;
}
