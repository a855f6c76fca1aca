import { CRITICAL_RISK_RUNG, isCriticalNoticeRung, OUT_OF_REACH_RUNG } from "../critical-notice-rungs.ts";
import { stableHash } from "../hash.ts";
import type { Reminder, Risk, RiskCode, StepSubject } from "../plan.ts";

export { CRITICAL_RISK_RUNG, isCriticalNoticeRung, OUT_OF_REACH_RUNG };

/**
 * The rung of a warning's notice: a warning sends none unless its code opts in with a rule
 * (warning-risk-notice.ts WARNING_NOTICES); like a critical risk's, it belongs to no ladder.
 */
export const WARNING_NOTICE_RUNG = "warning-notice";

/**
 * Whether a rung is a risk's notice (a critical risk's, the out-of-reach one, or a warning's that
 * opted in): about its risk, not the step it rides on, never the one an email leaves out, and laid
 * where the ledger says it went out.
 */
export function isRiskNoticeRung(rung: string): boolean {
  return isCriticalNoticeRung(rung) || rung === WARNING_NOTICE_RUNG;
}

/**
 * Whether a reminder is a notice with no date: a critical risk's notice filed under the budget (a
 * section, never a next step: listedNextSteps), or one of a risk no Match date applies to (a school
 * with no sponsor note: the rank-list deadline read as a deadline the applicant cannot meet), or a
 * question about the applicant's own answers, which has no deadline of its own (the rank order list
 * deadline read as the day to check them by), on whatever step it rides, the WDOMS check included,
 * or the out-of-reach notice (the Match year to change now: the date of the step it rides on, the
 * ECFMG application's target, read as its own), or one riding a step that waits for another
 * (Reminder.onWaitingStep: Step 3 behind the certificate), whose date is none that step can be done
 * by ("Due in 23 hours" on a Step 3 the risk said could not be sat), or the season-over notice
 * (the Match has passed: the next Match's rank-list deadline on the passed list's card read as a
 * day to certify that list by), or the notice of a plan moved on for a SOAP outcome never told (the
 * question whether SOAP gave a position, riding the next Match's first step: that step's date is not
 * the day to answer by).
 * The email, the CLI and the timeline show it as a notice: no date, no "due". Its id is the risk's.
 */
export function isUndatedNotice(
  reminder: Pick<Reminder, "rung" | "milestone" | "risk"> & Partial<Pick<Reminder, "onWaitingStep">>,
): boolean {
  // A warning's notice is dated (its rule's date) but for the question about answers that disagree.
  if (reminder.rung === WARNING_NOTICE_RUNG) return isAnswersQuestion(reminder);
  if (!isCriticalNoticeRung(reminder.rung)) return false;
  if (reminder.milestone === "budget" || reminder.onWaitingStep === true) return true;
  return reminder.risk !== undefined && UNDATED_RISKS.has(reminder.risk);
}
/**
 * Whether a reminder is the notice asking which of two answers is right (DONE_DATES_OUT_OF_ORDER's,
 * answers-disagree-notice.ts): on the card of the step answered not done, whose Done is one answer.
 */
export function isAnswersQuestion(reminder: Pick<Reminder, "rung" | "risk">): boolean {
  return reminder.rung === WARNING_NOTICE_RUNG && reminder.risk === "DONE_DATES_OUT_OF_ORDER";
}
const UNDATED_RISKS: ReadonlySet<string> = new Set([
  "SCHOOL_NOT_ECFMG_ELIGIBLE",
  "ANSWERS_CONTRADICT_INTERVIEW",
  "ANSWERS_CONTRADICT_RECORD",
  "MATCH_YEAR_IMPLAUSIBLE",
  "MATCH_YEAR_NOT_FEASIBLE",
  "SEASON_OVER",
  "SOAP_OUTCOME_UNREPORTED",
  "NRMP_REGISTRATION_CLOSED",
]);

/** A notice id already made, with what it was made from (compared field by field, no key text). */
interface KnownId {
  targetYear: number;
  feasible: number | undefined;
  milestones: readonly StepSubject[];
  phase: string | undefined;
  id: string;
}

/**
 * Ids made so far, per risk code: a handful each (a code names few step lists). Looked up by
 * comparing the fields in place: building the key text and hashing it for a Map on every plan
 * showed in the planner bench's profile. At most ID_LIMIT per code, then that list starts again.
 */
const knownIds = new Map<RiskCode, KnownId[]>();
const ID_LIMIT = 64;

/**
 * A notice's id: one per risk (its code, the target Match and the steps it names; the out-of-reach
 * notice: target → earliest feasible Match), never per plan, deadline or `now`, so every re-plan
 * gives the same id and the ledger's claim sends it once, as a late-arrival notice keeps its rung's
 * id; a `phase` (a risk whose advice changes with time, as late ERAS's) makes the new advice a
 * notice of its own. Ids are unique within one applicant's plan.
 */
export function criticalNoticeId(risk: Risk, targetYear: number, phase?: string): string {
  const outOfReach = risk.code === "MATCH_YEAR_NOT_FEASIBLE";
  let known = knownIds.get(risk.code);
  if (known === undefined) {
    known = [];
    knownIds.set(risk.code, known);
  }
  for (const each of known) {
    if (each.targetYear !== targetYear) continue;
    if (outOfReach ? each.feasible === risk.earliestFeasibleMatchYear : sameNamed(each, risk, phase))
      return each.id;
  }
  const key = outOfReach
    ? `${OUT_OF_REACH_RUNG}|${targetYear}|${risk.earliestFeasibleMatchYear}`
    : `${CRITICAL_RISK_RUNG}|${risk.code}|${targetYear}|${risk.milestones.join(",")}${phase === undefined ? "" : `|${phase}`}`;
  const id = `r-${stableHash(key)}`;
  if (known.length >= ID_LIMIT) known.length = 0;
  known.push({
    targetYear,
    feasible: risk.earliestFeasibleMatchYear,
    milestones: [...risk.milestones],
    phase,
    id,
  });
  return id;
}

function sameNamed(known: KnownId, risk: Risk, phase: string | undefined): boolean {
  if (known.phase !== phase || known.milestones.length !== risk.milestones.length) return false;
  for (let index = 0; index < known.milestones.length; index++)
    if (known.milestones[index] !== risk.milestones[index]) return false;
  return true;
}

/** Titles made so far, per template and Match years: a few per season. */
const titles = new Map<string, Map<number, string>>();

/**
 * A notice's title from its template ({year}: the target Match; {feasible}: the earliest feasible
 * one, else the next; {next}: the next Match). Memoised: three replacements per notice per plan
 * showed in the planner bench's profile; the few templates and years bound it.
 */
export function noticeTitle(template: string, year: number, feasible: number | undefined): string {
  let byYears = titles.get(template);
  if (byYears === undefined) {
    byYears = new Map();
    titles.set(template, byYears);
  }
  // Years are four digits: one small integer for both.
  const years = year * 10_000 + (feasible ?? year + 1);
  let title = byYears.get(years);
  if (title === undefined) {
    title = template
      .replace("{year}", String(year))
      .replace("{feasible}", String(feasible ?? year + 1))
      .replace("{next}", String(year + 1));
    if (byYears.size >= ID_LIMIT) byYears.clear();
    byYears.set(years, title);
  }
  return title;
}
