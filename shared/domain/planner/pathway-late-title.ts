import type { CatalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt, statusOf } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { instantOf } from "./instant-of.ts";
import { erasSubmissionWellPast } from "./late-step-risks.ts";
import { PATHWAY_WEIGH_TITLE, pathwayWeighingEntry, pathwayWhileWeighing } from "./nrmp-while-weighing.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { isPathwayUnconfirmedRisk } from "./pathway-unconfirmed-risk.ts";
import { isUndatedPathwayLateRisk } from "./undated-pathway-late.ts";
import { pendingPathwayCountdown } from "./undated-pathway-pending.ts";

/**
 * EXAMS_LATE_FOR_RANKING about the Pathway application alone: an application is not a
 * sitting, so "move it earlier" fits nothing. Critical only once even an application sent today
 * could not be decided by the rank order list deadline (pathwayNotSubmitted), so the title says it
 * is too late; in progress with no date it may be submitted already, so it asks, as the risk does.
 */
const PATHWAY_LATE_ASKED_TITLE =
  "Your ECFMG Pathway application is too late for the {year} Match unless you already submitted it: tell us the date now";
const PATHWAY_LATE_TITLE =
  "Your ECFMG Pathway application can no longer be decided in time for the {year} Match: talk to your advisor now";

/** MATCH_YEAR_LAST_DAY for a Pathway in progress with no date past its deadline (undated-pathway-late.ts): the question first. */
const PATHWAY_PASSED_ASKED_TITLE =
  "Your ECFMG Pathway deadline has passed: submitted it? Tell us the date; if not, submit it today";

/**
 * MATCH_YEAR_LAST_DAY for a Pathway not submitted past its projected deadline (pathway-unconfirmed-risk.ts):
 * its words are ECFMG's deadline and "submit today", not NRMP's later deadline the code's title names.
 */
const PATHWAY_PASSED_TITLE =
  "Your ECFMG Pathway deadline has passed on our projection: submit your application today";

/** The same with the ERAS application long late: the risk weighs the next Match first (pathwayWhileWeighing). */
const PATHWAY_PASSED_WEIGH_TITLE = `${PATHWAY_WEIGH_TITLE} (its deadline has passed on our projection)`;

/**
 * A last week whose last day is the Pathway application's projected deadline: the risk says to
 * submit by that instant and that ECFMG's real deadline may be later (pathwayPastDayWords), so the
 * title says so, never "or your plan moves to the next Match", which that day does not decide.
 */
const LAST_WEEK_PATHWAY_TITLE =
  "Submit your ECFMG Pathway application now: the {year} Match is in reach only by its projected deadline";

/**
 * The same last day with the ERAS application long late (ERAS_LATE_SUBMISSION says to weigh the
 * next Match): the risk's words weigh the next Match before the Pathway fee too, since a Pathway is
 * tied to one season's Match, so the title does, never "the {year} Match is in reach".
 */
const LAST_WEEK_PATHWAY_WEIGH_TITLE = `${PATHWAY_WEIGH_TITLE} (its deadline is projected)`;

/** MATCH_YEAR_LAST_DAY's title when its last day is the Pathway application's projected deadline (last-working-instant.ts snaps it there), else undefined. */
export function lastWeekPathwayTitle(context: PlanContext, risk: Risk): string | undefined {
  const due = pathwayDeadline(context.calendar);
  if (due === null || risk.lastWorkingAt === undefined || instantOf(risk.lastWorkingAt) !== due)
    return undefined;
  // The test MATCH_YEAR_LAST_DAY's words take (match-year-last-day.ts erasLate).
  const erasLate = !isFinished(statusAt(context, ERAS_INDEX)) && erasSubmissionWellPast(context);
  return erasLate ? LAST_WEEK_PATHWAY_WEIGH_TITLE : LAST_WEEK_PATHWAY_TITLE;
}
const ERAS_INDEX = stepIndex("eras_application");

/**
 * The title for EXAMS_LATE_FOR_RANKING naming only the Pathway application, or for the question
 * whether an undated Pathway in progress went in (MATCH_YEAR_LAST_DAY), else undefined (the code's title).
 */
export function pathwayLateTitle(context: PlanContext, risk: Risk): string | undefined {
  if (isUndatedPathwayLateRisk(risk)) return PATHWAY_PASSED_ASKED_TITLE;
  if (isPathwayUnconfirmedRisk(risk))
    return pathwayWhileWeighing(context) ? PATHWAY_PASSED_WEIGH_TITLE : PATHWAY_PASSED_TITLE;
  if (risk.code !== "EXAMS_LATE_FOR_RANKING") return undefined;
  if (risk.milestones.length !== 1 || risk.milestones[0] !== "ecfmg_pathway") return undefined;
  return statusOf(context, "ecfmg_pathway") === "in_progress" ? PATHWAY_LATE_ASKED_TITLE : PATHWAY_LATE_TITLE;
}

/**
 * The Pathway's entry as the countdown of one in progress with no date (past its projected deadline,
 * interviewing: undated-pathway-pending.ts) is laid from it: its rungs carry the question its notice
 * asks (PATHWAY_PASSED_ASKED_TITLE), as the countdown of one not started carries its notice's, never
 * the catalog's "Complete an ECFMG Pathway" to one who may have sent it. Made once (laidStep memoises
 * by entry).
 */
export function pathwayAskedEntry(entry: CatalogEntry): CatalogEntry {
  let asked = askedEntries.get(entry);
  if (asked === undefined) {
    asked = { ...entry, title: PATHWAY_PASSED_ASKED_TITLE };
    askedEntries.set(entry, asked);
  }
  return asked;
}
const askedEntries = new WeakMap<CatalogEntry, CatalogEntry>();

/**
 * The entry a step's countdown is laid from: the Pathway in progress with no date past its deadline
 * asks what its notice asks (pendingPathwayCountdown: pathwayAskedEntry); one not started while the
 * plan weighs the next Match (pathwayWhileWeighing) says to weigh it before paying, on its "Due" rungs
 * (`noAim`: an aim's ladder keeps the catalog's title), as MATCH_YEAR_LAST_DAY and the card do; any
 * other step or case: `entry`. `year`: the Match the step is dated for (a moved plan's, not the
 * applicant's first target).
 */
export function pathwayCountdownEntry(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null,
  noAim: boolean,
  year: number,
): CatalogEntry {
  if (pendingPathwayCountdown(due)) return pathwayAskedEntry(entry);
  if (noAim && entry.key === "ecfmg_pathway" && pathwayWhileWeighing(context))
    return pathwayWeighingEntry(entry, year);
  return entry;
}
