import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { milestoneLatestCandidate } from "../seasons/index.ts";
import { DAY_MS, renderDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { dayBy, when } from "./day-words.ts";
import { pathwayKeptUntilWords } from "./last-day-words.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { pathwayDocumentsWords } from "./pathway-documents-words.ts";
import { type PathwayLastDay, pathwayLastDay } from "./pathway-last-day.ts";
import { plannedPathwayDay } from "./planned-pathway-day.ts";
import { presumedSent } from "./presumed-sent.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { riskMark } from "./risk-mark.ts";
import { addSource } from "./risk-sources.ts";
import { undatedPathwayPending } from "./undated-pathway-pending.ts";

const PATHWAY = indexedStep("ecfmg_pathway");
const OET = indexedStep("oet_medicine");

/**
 * A Pathway reported in progress with no date, past its projected application deadline, before the
 * rank order list deadline, not presumed sent by an interview (presumed-sent.ts keeps that one under
 * review): it may be in, or still a draft. "submit" while ECFMG may still take it, up to the day
 * the Match is kept for a Pathway not started (the application deadline on NRMP's later candidate,
 * pathwayDeadline): the same urgency as one not started, with the question whether it went in;
 * "asked" after that day, when only the question is left. Null otherwise (one compare for most plans).
 */
export type UndatedPathwayLate = "submit" | "asked";

export function undatedPathwayLate(context: PlanContext): UndatedPathwayLate | null {
  const reported = context.entries.at(PATHWAY.index);
  if (reported === undefined || reported.status !== "in_progress" || reported.date !== undefined) return null;
  const deadline = pathwayDeadline(context.calendar);
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (deadline === null || context.now <= deadline || context.now > rol) return null;
  if (presumedSent(context, PATHWAY.index)) return null;
  const last = submitTodayUntil(context).at;
  noteRiskChange(context, last);
  return context.now <= last ? "submit" : "asked";
}

/** The last instant "submit today" holds: the day a Pathway not submitted keeps the Match (pathwayLastDay). */
function submitTodayUntil(context: PlanContext): PathwayLastDay {
  return pathwayLastDay(context.calendar) as PathwayLastDay;
}

/** The risks undatedPathwayLateRisk made: their notice's title asks the question (pathway-late-title.ts). */
const askedRisks = riskMark();

/** Whether `risk` is undatedPathwayLateRisk's. */
export const isUndatedPathwayLateRisk = askedRisks.has;

/**
 * MATCH_YEAR_LAST_DAY, critical, for undatedPathwayLate's "submit" case, as the one for a Pathway not
 * started (pathway-unconfirmed-risk.ts) with the question first: "ECFMG's Pathway application
 * deadline as we project it, Sat 26 Dec 2026 … (projected), has passed, and your ECFMG Pathway is in
 * progress with no submission date. Have you submitted it? If so, tell us the date it went in …
 * If not, finish it and submit it today …; ECFMG's 2027 deadline is not confirmed; it was 31 Dec …:
 * check ECFMG's Pathways page; if ECFMG has closed it, tell us." Its notice goes when it appears. Undefined
 * in any other case, or when the rule has no later candidate to cite.
 */
export function undatedPathwayLateRisk(context: PlanContext): Risk | undefined {
  if (undatedPathwayLate(context) !== "submit") return undefined;
  const latest = milestoneLatestCandidate("ecfmg_pathway");
  if (latest === undefined) return undefined;
  const due = pathwayDeadline(context.calendar) as number;
  const year = context.calendar.matchYear;
  const sources: string[] = [];
  addSource(sources, latest.rule);
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  // The last day "submit today" holds is named and counted down to (lastDayCountdown), as for one
  // not started: the same day, the same rungs. Not while interviewing: the step's own due is then
  // the day that decides it (pendingPathwayDue), with its ladder, and one date a step.
  const last = undatedPathwayPending(context, PATHWAY.index) ? undefined : submitTodayUntil(context);
  if (last !== undefined) noteRiskChange(context, last.at - DAY_MS);
  const risk: Risk = {
    code: "MATCH_YEAR_LAST_DAY",
    severity: "critical",
    message: `ECFMG's Pathway application deadline as we project it, ${when(context, due)} (projected), has passed, and your ECFMG Pathway is in progress with no submission date. ${askedWords(context)} ${submitTodayWords(context)}; ECFMG's ${year} deadline is not confirmed; it was ${latest.said}: check ECFMG's Pathways page; if ECFMG has closed it, tell us.${last === undefined ? "" : pathwayKeptUntilWords(context, last)} NRMP needs ECFMG's acceptance by the rank order list deadline, ${when(context, rol.at)}${basisMark(rol)}.`,
    milestones: ["ecfmg_pathway"],
    ...(last === undefined ? {} : { lastWorkingAt: new Date(last.at).toISOString() }),
    sources,
  };
  return askedRisks.mark(risk);
}

/** The question an undated Pathway in progress is asked, with what follows a yes. */
function askedWords(context: PlanContext): string {
  return `Have you submitted it? If so, tell us the date it went in (on your intake form, or ask your advisor to record it): ECFMG is then reviewing it${oetWords(context, ", and your OET result goes to ECFMG when it arrives")}.`;
}

/** What finishes a Pathway in progress not yet sent: today, not waiting for the OET result. */
function submitTodayWords(context: PlanContext): string {
  return `If not, finish it and submit it today${oetWords(context, " without waiting for your OET result")}`;
}

/** `words` while the OET is not finished, else nothing. */
function oetWords(context: PlanContext, words: string): string {
  return isFinished(statusAt(context, OET.index)) ? "" : words;
}

/**
 * The card of undatedPathwayLate's Pathway, in the words of its risk: while ECFMG may still take it,
 * the question and "submit it today" with the deadline passed on our projection; after that day,
 * only the question, a Pathway never sent being too late for this Match on every date we project.
 * Null in any other case (the catalog's in-progress card).
 */
export function undatedPathwayLateAction(context: PlanContext, entry: CatalogEntry): string | null {
  const phase = undatedPathwayLate(context);
  if (phase === null) return null;
  const weeks = Math.ceil((entry.reportingDays?.days ?? 28) / 7);
  const year = context.calendar.matchYear;
  const deadline = pathwayDeadline(context.calendar) as number;
  const asked = `Submitted? Tell us the date it went in: ECFMG is then reviewing it (allow about ${weeks} weeks, advice): ${oetWords(context, "send your OET result and ")}answer any request for documents in MyIntealth, and mark this step done when ECFMG accepts it.`;
  if (phase === "asked")
    return `${asked} If you never submitted it, ECFMG's review could no longer end by the rank order list deadline on either date we project: tell us (send your intake form again, or ask your advisor), and the plan sets up your next Match.`;
  // The day the risk names (none while interviewing: the step's own due is then that day).
  const kept = undatedPathwayPending(context, PATHWAY.index)
    ? ""
    : pathwayKeptUntilWords(context, submitTodayUntil(context));
  return `${asked} ${submitTodayWords(context)}: the ${year} Match's Pathway deadline, ${dayBy(context, deadline)}, passed on our projection, and ECFMG's own is not confirmed: check ECFMG's Pathways page.${kept}`;
}

/**
 * The card of a Pathway not started past its projected application deadline while the plan keeps
 * the Match (a missed Match has laterMatchPathwayAction's card): "submit the application today", as
 * MATCH_YEAR_LAST_DAY says, never the catalog's "by its deadline" a minute after that deadline; the
 * documents that follow it as pathwayDocumentsWords says (never a later deadline already passed).
 * One planned for a day still ahead (plannedPathwayDay) is a plan, not a submission: the same card,
 * its day named as too late for the projected deadline, as the risk names it (its catalog card
 * read "you plan to submit … on Tue 5 Jan" and nothing more once its row was dated by the last day).
 * Null in any other case (one compare for most plans).
 */
export function pathwayPassedAction(context: PlanContext): string | null {
  const reported = context.entries.at(PATHWAY.index);
  const planned =
    reported === undefined || reported.status === "not_started" ? null : plannedPathwayDay(context);
  if (reported !== undefined && reported.status !== "not_started" && planned === null) return null;
  const deadline = pathwayDeadline(context.calendar);
  const last = submitTodayUntil(context);
  if (deadline === null || context.now <= deadline || context.now > last.at) return null;
  const passed = `the ${context.calendar.matchYear} Match's Pathway deadline, ${dayBy(context, deadline)}, passed on our projection, and ECFMG's own is not confirmed: check ECFMG's Pathways page.`;
  const submit =
    planned === null
      ? `Choose the Pathway you qualify for and submit the application today: ${passed}`
      : `You plan to submit your Pathway application on ${renderDate(planned)}, too late for its deadline: ${passed} Submit it today instead, and send your intake form again with the day it goes in (or give it to your advisor).`;
  // The day MATCH_YEAR_LAST_DAY names, the same day (pathwayKeptUntilWords).
  return `${submit}${pathwayKeptUntilWords(context, last)}${pathwayDocumentsWords(context)}`;
}
