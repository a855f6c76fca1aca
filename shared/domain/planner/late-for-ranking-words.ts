import { type CatalogEntry, catalogEntry, FEEDS_RANKING } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, ET_ZONE, localDate, renderDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, WARNING_WITHIN_DAYS } from "./advice.ts";
import { namedOnAnySeat } from "./any-seat.ts";
import { bookedUndatedAt } from "./booked-undated.ts";
import { stepIndex } from "./catalog-index.ts";
import { applies, isFinished, type PlanContext, statusAt, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { byDay, byDayNear, dayBy } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { plannedDay } from "./earliest-certification.ts";
import { lastSittingEnd, lastSittingWords } from "./last-sitting-day.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { oetBookingClosed, oetClosedSentence } from "./oet-booking-day.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { undatedPathwayLate } from "./undated-pathway-late.ts";

/**
 * EXAMS_LATE_FOR_RANKING's words (risks.ts assesses it): each late step's lead time, the latest
 * day, what a late OET blocks, and the Pathway not submitted, measured by ECFMG's review.
 */

/**
 * What a step is about, as a sentence's subject: "USMLE Step 2 CK" (not the step's title, "Pass
 * USMLE Step 2 CK"), "ECFMG Pathway application".
 */
export function subjectOf(key: MilestoneKey): string {
  let subject = subjects.get(key);
  if (subject === undefined) {
    const thing = catalogEntry(key).title.replace(/^(Pass|Complete an?) /, "");
    subject = key === "ecfmg_pathway" ? `${thing} application` : thing;
    subjects.set(key, subject);
  }
  return subject;
}

/** Subjects per milestone, made once from the static catalog: a regular expression per plan showed in the profile. */
const subjects = new Map<MilestoneKey, string>();

/**
 * "take it by <day> at the latest" ("complete it" for the Pathway), then `mark`: " (projected)" when
 * the day is counted from a projected season date, as the step's own card says. Rendered only for a message
 * that says it (most plans have no exam late for ranking), by a module function rather than a
 * closure per step.
 */
export function latestBy(context: PlanContext, pathway: boolean, latestSitting: number, mark = ""): string {
  // An exam's last sitting is a day with no time, the same in every zone: lastSittingWords.
  if (!pathway) return `take it ${lastSittingWords(context, latestSitting)}${mark}`;
  const verb = "complete it";
  // A last day already gone is no instruction ("take it by Sat 14 Nov 2026" on 20 Nov).
  return byDayNear(context, latestSitting)
    ? `${verb} ${byDay(context, latestSitting)}${mark}`
    : `${verb} by ${dayBy(context, latestSitting)} at the latest${mark}`;
}

/**
 * Whether an exam not begun and not booked is in reach only at the catalog's fastest preparation:
 * it has one (OET Medicine: the booking only) and its usual
 * preparation (leadTimeDays, advice) from now runs past its last usable sitting, still ahead.
 * Feasibility counts the fastest pace, so the season stays in reach; EXAMS_LATE_FOR_RANKING then
 * warns critically (fastestPaceWords). The instant the usual preparation stops fitting is a re-plan.
 */
export function onlyAtFastestPace(
  context: PlanContext,
  key: MilestoneKey,
  day: number | null,
  latestSitting: number,
): boolean {
  const entry = catalogEntry(key);
  if (day !== null || entry.fastestPreparationDays === undefined || statusOf(context, key) !== "not_started")
    return false;
  const usualFrom = latestSitting - entry.leadTimeDays.days * DAY_MS;
  noteRiskChange(context, usualFrom);
  return context.now > usualFrom && context.now <= latestSitting;
}

/**
 * Whether EXAMS_LATE_FOR_RANKING names `key` as in reach only at its fastest pace: the step it
 * names that has a fastest preparation and is neither begun nor booked (onlyAtFastestPace is the
 * test that names it). For the notice's title, phase and deadline (critical-risk-notice.ts).
 */
export function namedAtFastestPace(context: PlanContext, key: StepSubject): boolean {
  if (key === "interview") return false;
  // Or under way and in reach only on any seat by its last sitting day: book it now too.
  if (namedOnAnySeat(context, key)) return true;
  return (
    catalogEntry(key).fastestPreparationDays !== undefined &&
    statusOf(context, key) === "not_started" &&
    plannedDay(context, key) === null
  );
}

/**
 * EXAMS_LATE_FOR_RANKING's words for an exam in reach only at its fastest pace (onlyAtFastestPace):
 * the season rests on sitting it with less study than usual, so book now, with its last sitting day
 * and the usual preparation as advice; its source goes to `preparation`.
 */
export function fastestPaceWords(
  context: PlanContext,
  key: MilestoneKey,
  latestSitting: number,
  preparation: string[],
  mark = "",
): string {
  const entry = catalogEntry(key);
  addSource(preparation, citationSource(entry.leadTimeDays));
  if (entry.fastestPreparationDays !== undefined)
    addSource(preparation, citationSource(entry.fastestPreparationDays));
  if (key === "oet_medicine") {
    // Past OET's booking allowance for a sitting in time: no "book a sitting now and take it today".
    const end = lastSittingEnd(context.zone, latestSitting);
    if (oetBookingClosed(context, end)) return oetClosedSentence(context, end, mark);
  }
  return `Your ${subjectOf(key)} is not booked, and the usual preparation of about ${entry.leadTimeDays.days} days, our advice (no authority sets one), would run past the last sitting that still counts: the ${context.calendar.matchYear} Match is in reach only if you can sit it with little or no study, so book a sitting now and ${latestBy(context, false, latestSitting, mark)}`;
}

/**
 * The late steps' words, each a sentence of its own: every one opens with "Your <step>", so joined
 * by semicolons they read "…; Your …", and most carry a colon or a semicolon
 * of their own.
 */
export function lateStepSentences(details: readonly string[]): string {
  return details.join(". ");
}

/** EXAMS_LATE_FOR_RANKING's parts as its checks add to them. */
export interface LateParts {
  late: StepSubject[];
  atRisk: StepSubject[];
  details: string[];
  preparation: string[];
}

/**
 * The Pathway not submitted (nor dated): its one lead time is ECFMG's review once submitted with the
 * OET result (the catalog's reportingDays, advice), the allowance feasibility counts too; the step's
 * document-gathering lead (leadTimeDays) paces its reminders, not this risk
 * ("the usual 60 days of preparation … prepare faster" beside an OET passed). Raised once the
 * deadline `latestDay` is within that review time (or WARNING_WITHIN_DAYS), or once the OET it
 * needs is past its own last day: then the OET is named as what is late. Returns whether its words
 * gave ECFMG's review time (PATHWAY_REVIEW_WORDS), which leadTimes then does not say again.
 */
export function pathwayNotSubmitted(
  context: PlanContext,
  dates: PlanDates,
  latestDay: number,
  parts: LateParts,
  mark = "",
): boolean {
  const entry = PATHWAY_ENTRY;
  const review = entry.reportingDays?.days ?? SCORE_REPORTING_DAYS;
  const oet = PATHWAY_NEEDS;
  const oetPending =
    oet !== null &&
    applies(context, PATHWAY_NEEDS_ENTRY as CatalogEntry) &&
    !isFinished(statusAt(context, PATHWAY_NEEDS_AT));
  const oetDue = oetPending ? dates.due(oet) : null;
  // 1 day: from then its day is said with its hour (byDay's dueToday). In that order, no list made.
  noteRiskChange(context, latestDay);
  noteRiskChange(context, latestDay - DAY_MS);
  noteRiskChange(context, latestDay - review * DAY_MS);
  noteRiskChange(context, latestDay - WARNING_WITHIN_DAYS * DAY_MS);
  if (oetDue !== null) noteRiskChange(context, oetDue.at);
  const { now } = context;
  // Too late for ranking only when ECFMG's review, started today, ends after the ROL deadline: the
  // Pathway deadline itself is projected (advice), and once it has passed PATHWAY_DEADLINE_PROJECTED
  // says so as a warning ("even submitted today it would not be decided in
  // time" on 28 Dec 2026, with four weeks of review to spare).
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  noteRiskChange(context, rol - review * DAY_MS);
  if (now > latestDay && now + review * DAY_MS <= rol) return false;
  // In progress with no date while ECFMG may still take it: MATCH_YEAR_LAST_DAY asks and says submit today.
  if (now > latestDay && undatedPathwayLate(context) === "submit") return false;
  // The words' pieces, read only for the words (most plans return above).
  const subject = subjectOf("ecfmg_pathway");
  const notSubmitted = statusAt(context, PATHWAY_AT) === "in_progress" ? NOT_RECORDED : "not submitted";
  if (now > latestDay) {
    parts.late.push("ecfmg_pathway");
    // In progress with no date may be submitted already: ask, never assert.
    // Sent today, decided in time on the later candidate still: both sides, as a late sitting's.
    const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    parts.details.push(
      statusOf(context, "ecfmg_pathway") === "in_progress"
        ? `Your ${subject} is ${notSubmitted}: if you have not submitted it yet, even submitted today it would not be decided in time${laterCandidateHedge(context, rolDate, now + review * DAY_MS)}; if you have, tell us the date you submitted it`
        : `Your ${subject} is ${notSubmitted}, and even submitted today it would not be decided in time`,
    );
    return false;
  }
  const oetLate = oetDue !== null && now > oetDue.at;
  if (!oetLate && now + Math.max(review, WARNING_WITHIN_DAYS) * DAY_MS <= latestDay) return false;
  parts.atRisk.push("ecfmg_pathway");
  const oetSubject = oet === null ? "" : subjectOf(oet);
  // In progress with no date may be submitted already: ask for its day beside the instruction.
  const ifNot = notSubmitted === NOT_RECORDED ? "if you have submitted it, tell us the date; if not, " : "";
  parts.details.push(
    oetPending
      ? `Your ${subject} is ${notSubmitted}: ${ifNot}submit it now, ${byDay(context, latestDay)}${mark}, without waiting for your ${oetSubject} result, and send that result to ECFMG when it arrives; ${oetLate ? "the OET is what is late, so " : ""}${oetSittingAct(context, oet ?? "oet_medicine", oet !== null && [...parts.late, ...parts.atRisk].includes(oet))}`
      : `Your ${subject} is ${notSubmitted}: ${ifNot}submit your Pathway application now, ${byDay(context, latestDay)}${byDayNear(context, latestDay) ? "" : " at the latest"}${mark}; ${PATHWAY_REVIEW_WORDS} ${review} days`,
  );
  if (entry.reportingDays !== undefined) addSource(parts.preparation, citationSource(entry.reportingDays));
  return !oetPending; // only the words without an OET pending give the review's days
}

const PATHWAY_REVIEW_WORDS = "ECFMG's review allows about";
const NOT_RECORDED = "not recorded as submitted";

/**
 * What the Pathway's words ask of the OET result it waits for (`key`): a sitting booked with no date
 * given is the applicant's seat (its fee paid), so its day is asked, never "book a sitting"; one not
 * booked is booked, one booked is moved earlier. `listed`: the OET has its own line above.
 */
function oetSittingAct(context: PlanContext, key: MilestoneKey, listed: boolean): string {
  if (bookedUndatedAt(context, stepIndex(key)))
    return listed ? "tell us its date as above" : "take the sitting you booked and tell us its date";
  if (plannedDay(context, key) === null) return listed ? "book it as above" : "book a sitting now";
  return listed ? "move it earlier as above" : "move your sitting earlier if you can";
}

/** The step whose result `key` needs by its own date (FEEDS_RANKING read backwards: the OET for the Pathway). */
function resultNeededBy(key: MilestoneKey): MilestoneKey | null {
  for (const [needed, feeds] of FEEDS_RANKING) if (feeds === key) return needed;
  return null;
}
/** The result the Pathway needs (the OET), read once from the static catalog rather than on every plan's check. */
const PATHWAY_NEEDS = resultNeededBy("ecfmg_pathway");
/** The Pathway's and that result's catalog entries and places, read once (pathwayNotSubmitted runs on most plans). */
const PATHWAY_ENTRY = catalogEntry("ecfmg_pathway");
const PATHWAY_AT = stepIndex("ecfmg_pathway");
const PATHWAY_NEEDS_ENTRY = PATHWAY_NEEDS === null ? undefined : catalogEntry(PATHWAY_NEEDS);
const PATHWAY_NEEDS_AT = PATHWAY_NEEDS === null ? -1 : stepIndex(PATHWAY_NEEDS);

/**
 * What a late result the Pathway needs blocks (the OET). When the step
 * takes it as a supporting document after the application (`documentsDue`, the Pathway's): ". Your
 * ECFMG Pathway application can go in without it, but ECFMG needs that result by the deadline for
 * supporting documents, <day> (projected)", the deadline the result's own last day is counted from
 * (the words said the application needed it by the application deadline).
 * Otherwise ". Your <step> needs that result and is due <its deadline>, which leaves too little
 * time to submit it".
 */
export function fedBy(context: PlanContext, feeds: MilestoneKey, dates: PlanDates): string {
  const documents = catalogEntry(feeds).documentsDue;
  if (documents !== undefined) {
    const at = shiftDays(context.calendar.dates[documents.dateKey].at, ET_ZONE, documents.offsetDays);
    return `. Your ${subjectOf(feeds)} can go in without it, but ECFMG needs that result by the deadline for supporting documents, ${dayBy(context, at)} (projected)`;
  }
  const due = dates.due(feeds);
  const by = due === null ? "" : ` and is due ${dayBy(context, due.at)}${basisMark(due)}`;
  return `. Your ${subjectOf(feeds)} needs that result${by}, which leaves too little time to submit it`;
}

/**
 * A USMLE sitting before the rank order list deadline whose result the catalog's cautious allowance
 * (advice) expects after it: never a write-off, said as a chance
 * with what it decides. "Your USMLE Step 2 CK on Wed 10 Feb 2027: its result is expected around …".
 * `expected`: the sitting's own day plus the allowance, shifted in the applicant's zone.
 */
export function expectedAfterDeadline(
  context: PlanContext,
  subject: string,
  key: MilestoneKey,
  expected: number,
): string {
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  // Her own day of the sitting plus the allowance (shiftDays in her zone, from the caller), in every
  // zone: dayBy's earlier ET day would read a day early east of ET (as for booked-after-target).
  return `Your ${subject} on ${renderDate(context.entries.get(key)?.date ?? "")}: its result is expected around ${renderDate(localDate(context.zone, expected))} by our cautious allowance, after the rank order list deadline, but a result can come sooner than our allowance: if it reaches ECFMG by ${dayBy(context, rol)}${basisMark(rolDate)} you are in the Match`;
}
