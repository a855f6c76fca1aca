import { catalogEntry } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { latestBy, subjectOf } from "./late-for-ranking-words.ts";
import { lowerFirst } from "./lower-first.ts";
import { nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import { inTheMatchOnRecord } from "./presumption-evidence.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/**
 * EXAMS_LATE_FOR_RANKING's words for an exam not begun whose usual preparation no longer fits
 * before its last sitting day, for an applicant with an interview for the Match:
 * feasibility counted no study for it (assessAt), so the Match is tight, never
 * out of reach on a study period that is advice. The tight warning names the exam, its last sitting
 * day (a day, lastSittingWords, "(projected)" by `mark`) and the time left to it against the usual
 * preparation (the catalog's leadTimeDays, advice; its source goes to `preparation`):
 * "Sit your USMLE Step 2 CK by Wed 27 Jan 2027 at the latest (projected): that leaves about 8 weeks
 * where about 120 days of preparation is typical (advice)"; stillTargetWords closes the warning
 * once. An applicant in the Match on the record of a paid ERAS application and NRMP registration, with
 * no interview, is asked instead (registeredStudyQuestion): a form's "not started" often means "not
 * booked", and the verdict is given only to the answer that makes it true.
 * Null when the rule does not apply (not begun, in the Match on record), so the caller keeps its usual
 * words. `latestSitting` is the last instant of the
 * last sitting day for the applicant (lastSittingInstant), `cutOff` the step's deadline instant.
 */
export function tightStudyWords(
  context: PlanContext,
  key: MilestoneKey,
  cutOff: number,
  latestSitting: number,
  preparation: string[],
  mark: string,
): string | null {
  if (statusOf(context, key) !== "not_started" || !inTheMatchOnRecord(context)) return null;
  const lead = catalogEntry(key).leadTimeDays;
  addSource(preparation, citationSource(lead));
  const left = timeLeft(context, latestSitting + 1);
  const sit = latestBy(context, false, cutOff, mark).replace(/^take it /, "");
  const typical = `${preparationWords(lead.days, false)} is typical (advice)`;
  if (!studyAsked(context, key))
    return `Sit your ${subjectOf(key)} ${sit}: that leaves ${left} where ${typical}`;
  return registeredStudyQuestion(context, subjectOf(key), sit, left, typical);
}

/**
 * The question for an applicant who paid for this Match (ERAS application, NRMP registration) and
 * reports an exam not started: preparation may be under way, only the booking not made. "Yes"
 * keeps the Match, with its last sitting day; "no" is told the Match is out of reach, and how to
 * move the plan to the next one, whose plan then says what the paid registration means.
 */
function registeredStudyQuestion(
  context: PlanContext,
  subject: string,
  sit: string,
  left: string,
  typical: string,
): string {
  const year = context.calendar.matchYear;
  return `Your answers say your ${subject} is not started. Have you started preparing for it? If so, mark it in progress: sit it ${sit}, ${left} from now. If you have not started, ${typical}, so its result would most likely come too late and the ${year} Match is out of reach: then change your target Match year to ${year + 1} (send your intake form again, or ask your advisor), and your plan will say what that means for the fees you paid`;
}

/**
 * Whether an exam reported not started is asked whether preparation has begun (registeredStudyQuestion):
 * the applicant paid for this Match (ERAS application, NRMP registration) and has no interview for it.
 */
export function studyAsked(context: PlanContext, key: MilestoneKey): boolean {
  return (
    statusOf(context, key) === "not_started" && inTheMatchOnRecord(context) && !interviewingForMatch(context)
  );
}

/**
 * studyAsked with less than the exam's typical preparation (the catalog's leadTimeDays, advice)
 * left before `dueAt`, its last sitting day: when EXAMS_LATE_FOR_RANKING asks, the card and the
 * target's follow-ups ask too.
 */
export function studyAskedNow(context: PlanContext, key: MilestoneKey, dueAt: number): boolean {
  const lead = catalogEntry(key).leadTimeDays?.days;
  return lead !== undefined && dueAt - context.now < lead * DAY_MS && studyAsked(context, key);
}

/** What an exam studyAskedNow asks about is told if preparation has not begun (the card's and follow-ups' last words). */
export function studyNotBegunWords(context: PlanContext, key: MilestoneKey): string {
  const year = context.calendar.matchYear;
  const typical = `${preparationWords(catalogEntry(key).leadTimeDays.days, false)} is typical (advice)`;
  return `If you have not started, ${typical}, so its result would most likely come too late and the ${year} Match is out of reach: change your target Match year to ${year + 1} (send your intake form again, or ask your advisor) before you pay any fee for it.`;
}

/**
 * The card of an exam studyAsked asks about, once less than its typical preparation is left (`card`:
 * its "apply to FSMB … today" words): the same condition as EXAMS_LATE_FOR_RANKING's question, put
 * before the fee, so "apply today" is never said to an applicant the risk tells the Match is lost.
 */
export function studyAskedCard(context: PlanContext, key: MilestoneKey, card: string): string {
  return `Have you started preparing for ${subjectOf(key)}? If so, mark it in progress and ${lowerFirst(card)} ${studyNotBegunWords(context, key)}`;
}

/**
 * The preparation an exam not booked still needs, in days: the catalog's leadTimeDays (`lead`, the
 * typical study period, advice) for one not begun, half of it once under way (advice).
 */
export function preparationLeftDays(lead: number, underWay: boolean): number {
  return underWay ? Math.ceil(lead / 2) : lead;
}

/**
 * The one wording of that preparation for every message ("the usual 60 days" beside
 * "about 120 days … typical"): "about 120 days of preparation" for an exam not begun, "about 60
 * more days of preparation" once under way. The caller adds the label "(advice)".
 */
export function preparationWords(lead: number, underWay: boolean): string {
  return underWay
    ? `about ${preparationLeftDays(lead, true)} more days of preparation`
    : `about ${lead} days of preparation`;
}

/**
 * The sentence a warning with tightStudyWords ends with, once however many exams it names: the
 * Match stays the target, and NRMP registration (not done) is pushed as for any applicant in reach.
 */
export function stillTargetWords(context: PlanContext): string {
  if (!interviewingForMatch(context))
    return `Until you tell us, your plan keeps the ${context.calendar.matchYear} Match you applied and registered for`;
  const still = `With an interview for the ${context.calendar.matchYear} Match in hand, it stays your target, tight as it is`;
  if (isFinished(statusOf(context, "nrmp_registration"))) return still;
  // Never reported, interviewing: asked, as the NRMP card asks.
  return nrmpRegistrationAsked(context)
    ? `${still}: if you have not registered with NRMP yet, do it now`
    : `${still}: register with NRMP now`;
}

/**
 * The time from now to `end` (the first instant after the last sitting day), in words that change
 * a few times, each change noted as a re-plan: "about 8 weeks" (rounded) from 14 days, "about 9
 * days" (whole days) from 2, then "about a day", then "less than a day".
 */
function timeLeft(context: PlanContext, end: number): string {
  const days = (end - context.now) / DAY_MS;
  let words: string;
  let until: number;
  if (days >= 14) {
    const weeks = Math.round(days / 7);
    words = `about ${weeks} weeks`;
    until = Math.max(14, (weeks - 0.5) * 7);
  } else if (days >= 2) {
    const whole = Math.floor(days);
    words = `about ${whole} days`;
    until = whole;
  } else if (days >= 1) {
    words = "about a day";
    until = 1;
  } else {
    words = "less than a day";
    until = 0;
  }
  // The words change once fewer than `until` days are left.
  if (until > 0) noteRiskChange(context, end - until * DAY_MS);
  return words;
}
