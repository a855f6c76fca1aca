import { catalogEntry } from "../catalog/index.ts";
import { markOfBasis } from "../date-basis.ts";
import { milestoneLatestCandidate, type SeasonCalendar } from "../seasons/index.ts";
import { ET_ZONE } from "../time.ts";
import { CalendarMemo } from "./calendar-memo.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { noteCrossing } from "./risk-change-instants.ts";
import { seasonDueAt } from "./season-due-at.ts";

// The ECFMG Pathway's two deadlines, both projected by the catalog's rules (advice, with their
// sources): the application's (`due`) and the later one for the documents that support it, the OET
// result among them (`documentsDue`), and which of them the fastest pace misses (feasibility.ts).
// Missing the documents deadline is a warning; an application that cannot
// go in by its deadline ends the season (feasibility's unfitCause).
// ECFMG's May 2025 newsletter date (2025 Pathways closed May 31, 2025) is not a candidate: it ends the
// cycle for certification months after that Match's rank order lists, and the rule says so.

/** A projected Pathway deadline missed at the fastest pace: what, when it would be done, and the deadline. */
export interface PathwayLate {
  what: "application" | "documents";
  at: number;
  due: number;
}

/**
 * The projected Pathway deadline missed at the fastest pace, if any: the application (`submitted`,
 * null when already sent) after its deadline, else an OET result still to come after the deadline
 * for supporting documents (`oetPending`: the OET still needed). Notes both crossings, so the warning appears when it starts to hold.
 */
export function missedPathwayDeadline(
  context: PlanContext,
  submitted: number | null,
  oetReported: number,
  oetPending: boolean,
): PathwayLate | null {
  const applicationDue = pathwayDeadline(context.calendar);
  const documentsDue = pathwayDocumentsDeadline(context.calendar);
  if (submitted !== null && applicationDue !== null) noteCrossing(context, submitted, applicationDue);
  if (oetPending && documentsDue !== null) noteCrossing(context, oetReported, documentsDue);
  if (submitted !== null && applicationDue !== null && submitted > applicationDue)
    return { what: "application", at: submitted, due: applicationDue };
  if (oetPending && documentsDue !== null && oetReported > documentsDue)
    return { what: "documents", at: oetReported, due: documentsDue };
  return null;
}

/**
 * A season's Pathway application deadline, as the plan shows it: the catalog's due rule for
 * ecfmg_pathway (a season date plus an offset, projected from the Pathways application rule with
 * its source), in ET as the deadlines read it (an OET result that can only
 * arrive after it left the season "feasible"), never after ECFMG's earliest deadline on record
 * (seasonDueAt). On a later-candidate calendar (refusals only) the
 * rule's latest candidate (projection-rules.json, 29 days before that ROL deadline). Null if the rule
 * is not a season date's offset.
 */
export function pathwayDeadline(calendar: SeasonCalendar): number | null {
  let deadline = pathwayDeadlines.get(calendar);
  if (deadline === undefined) {
    const entry = catalogEntry("ecfmg_pathway");
    const due = entry.due;
    const latest = calendar.laterCandidate ? milestoneLatestCandidate("ecfmg_pathway") : undefined;
    if (due.from !== "season") deadline = null;
    else if (latest === undefined)
      deadline = seasonDueAt(calendar, "ecfmg_pathway", due.dateKey, due.offsetDays).at;
    else {
      // Refusals wait for the latest candidate, and no later than
      // an application whose review could still end by the (later) rank order list deadline.
      const at = calendar.dates[due.dateKey].at;
      const review = entry.reportingDays?.days ?? 0;
      deadline = Math.min(shiftDays(at, ET_ZONE, latest.days), shiftDays(at, ET_ZONE, -review));
    }
    pathwayDeadlines.keep(calendar, deadline);
  }
  return deadline;
}

/**
 * The mark after the Pathway's deadlines named in a text, by who sets them (markOfBasis): its due
 * rule `projects` ECFMG's unpublished date, so " (projected)", never " (our advice)"; the documents'
 * deadline is ECFMG's date projected the same way (documentsDue's source), so it takes this mark too.
 */
export const PATHWAY_DEADLINE_MARK: string = pathwayMark(catalogEntry("ecfmg_pathway").due);
function pathwayMark(due: ReturnType<typeof catalogEntry>["due"]): string {
  return markOfBasis(due.from === "season" && due.projects === true ? "projected" : "advice");
}

/** pathwayDeadline per calendar: asked on every plan, and for each later season tried when out of reach. */
const pathwayDeadlines = new CalendarMemo<number | null>();

/**
 * A season's deadline for the documents supporting a Pathway application submitted in time (the
 * OET result among them): the catalog's documentsDue rule for ecfmg_pathway, projected with its
 * source, in ET. Null if the catalog has none.
 */
export function pathwayDocumentsDeadline(calendar: SeasonCalendar): number | null {
  let deadline = documentsDeadlines.get(calendar);
  if (deadline === undefined) {
    const due = catalogEntry("ecfmg_pathway").documentsDue;
    deadline = due === undefined ? null : shiftDays(calendar.dates[due.dateKey].at, ET_ZONE, due.offsetDays);
    documentsDeadlines.keep(calendar, deadline);
  }
  return deadline;
}

/** pathwayDocumentsDeadline per calendar, as pathwayDeadlines. */
const documentsDeadlines = new CalendarMemo<number | null>();
