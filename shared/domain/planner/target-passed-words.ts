import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Deadline } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { EXAM_BOOKING_DAYS, STEP3_PROCESSING_DAYS } from "./advice.ts";
import { certificateHoldsChain } from "./certificate-after-match.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import { h1bCertificateTarget, step3VisaDays, visaExtraDays } from "./h1b.ts";
import { countedCertificateAt } from "./h1b-certificate-day.ts";
import { instantOf } from "./instant-of.ts";
import { lastDayBy } from "./last-day-words.ts";
import { laterCandidateOnly } from "./later-candidate-feasibility.ts";
import { pathwayPassedKeepsMatch } from "./pathway-passed-keeps-match.ts";
import { planDates } from "./plan-dates.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import { studyAskedNow, studyNotBegunWords } from "./study-time-left.ts";

// What TARGET_PASSED, its notice and follow-ups say (target-passed.ts): one sentence per step.

/** What an exam's target is, wherever a target is named beside the exam's last day. */
export const EXAM_TARGET_WHY =
  "a target Matchpath suggests so programs see your result in time, not a deadline";

/** "USMLE Step 2 CK", "ECFMG Pathway application": the step as a sentence's subject. */
function subjectOf(entry: CatalogEntry): string {
  let subject = subjects.get(entry);
  if (subject === undefined) {
    const thing = entry.title.replace(/^(Pass|Complete an?) /, "");
    subject = entry.key === "ecfmg_pathway" ? `${thing} application` : thing;
    subjects.set(entry, subject);
  }
  return subject;
}

/** Subjects per (static, frozen) catalog entry, made once: a regular expression per plan showed in the planner's profile. */
const subjects = new Map<CatalogEntry, string>();

/**
 * What the applicant is told (risk message and the notice's "why"): the target's day, what is
 * still missing for the status, what to do now, and the latest date that still works. The lead
 * times are the catalog's (reportingDays, with its source in Risk.sources) and labelled advice.
 */
export function sentence(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  targetAt: number,
  dueAt: number,
  dueDetail: Deadline | undefined,
  targetDay?: string,
): string {
  // The certificate's reads `now` and the applicant's statuses (latestDay): made afresh. Every other
  // reads only its arguments, the zone and the calendar, and is memoised (known sentences, a few per step).
  // An exam whose preparation is asked about (studyAskedNow) reads the applicant's answers: afresh too.
  if (
    entry.key === "ecfmg_certification" ||
    (status === "not_started" && studyAskedNow(context, entry.key, dueAt))
  )
    return sentenceOf(context, entry, status, targetAt, dueAt, dueDetail, targetDay);
  let known = sentences.get(entry);
  if (known === undefined) {
    known = [];
    sentences.set(entry, known);
  }
  for (const each of known)
    if (
      each.zone === context.zone &&
      each.calendar === context.calendar &&
      each.status === status &&
      each.targetAt === targetAt &&
      each.dueAt === dueAt &&
      each.dueDetail === dueDetail &&
      each.targetDay === targetDay
    )
      return each.text;
  const text = sentenceOf(context, entry, status, targetAt, dueAt, dueDetail, targetDay);
  if (known.length >= SENTENCES_PER_STEP) known.length = 0;
  known.push({
    zone: context.zone,
    calendar: context.calendar,
    status,
    targetAt,
    dueAt,
    dueDetail,
    targetDay,
    text,
  });
  return text;
}

/**
 * Sentences made so far per step: the risk, the notice and its follow-ups say the same sentence,
 * three times a plan, and plans of one season and zone share it (planner bench's profile). At most
 * SENTENCES_PER_STEP per step, then that step's list starts again.
 */
/**
 * A target's day as its step's row shows it (`shown`, a day for every zone), when that rendering is
 * the target at `at` (not a catalog target a slip's gap hid); else undefined (sentence then reads dayBy).
 */
export function rowDay(shown: Deadline | undefined, at: number): string | undefined {
  return shown?.precision === "day" && instantOf(shown.at) === at ? shown.local : undefined;
}

const sentences = new Map<
  CatalogEntry,
  {
    zone: string;
    calendar: SeasonCalendar;
    status: MilestoneStatus;
    targetAt: number;
    dueAt: number;
    dueDetail: Deadline | undefined;
    targetDay: string | undefined;
    text: string;
  }[]
>();
const SENTENCES_PER_STEP = 64;

function sentenceOf(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  targetAt: number,
  dueAt: number,
  dueDetail: Deadline | undefined,
  targetDay: string | undefined,
): string {
  // The target's day as its row shows it (a day, one for every zone): a target moved to a day in the
  // applicant's zone starts at their midnight, which dayBy read as the day before east of ET.
  const was = targetDay ?? dayBy(context, targetAt);
  // A projected deadline says so (the OET's "latest day that still works" was bare).
  const dueDay = `${dayOfDue(context, dueAt, dueDetail)}${dueDetail === undefined ? "" : basisMark(dueDetail)}`;
  if (entry.reportingDays === undefined)
    return `Your target for this step (${entry.title}) was ${was} (a target Matchpath suggests so the steps after it stay on time, not a deadline), and it is ${status === "in_progress" ? "not finished" : "not started"}. ${entry.action} Every week of waiting moves the steps after it later. ${latestDay(context, entry, targetAt, dueAt, dueDay)}`;
  const pathway = entry.key === "ecfmg_pathway";
  // A Pathway in progress with no date may be submitted already: ask for its day, never assert.
  const begun = status === "in_progress";
  const missing = pathway
    ? begun
      ? "not recorded as submitted"
      : "not submitted"
    : begun
      ? "not booked yet"
      : "not started";
  const reporting = entry.reportingDays?.days ?? 0;
  // Asked whether preparation has begun (EXAMS_LATE_FOR_RANKING, the card): the same condition here.
  if (!pathway && !begun && studyAskedNow(context, entry.key, dueAt) && !sitByPathwayRisk(context, entry.key))
    return `Your target for ${subjectOf(entry)} was ${was} (${EXAM_TARGET_WHY}), and it is ${missing}. Have you started preparing for it? If so, mark it in progress and book a test date as early as you can (results take up to ${reporting} days): the latest day that still works is ${dueDay}. ${studyNotBegunWords(context, entry.key)}`;
  const act = pathway
    ? `${begun ? "If you have submitted it, tell us the date; if not, submit it now" : "Submit it now"}: ECFMG's decision is allowed ${reporting} days`
    : `${status === "in_progress" ? "Book a test date now" : "Start preparing now and book a test date as early as you can"}: seats at test centres can fill weeks ahead, and results take up to ${reporting} days`;
  return `Your target for ${subjectOf(entry)} was ${was} (${EXAM_TARGET_WHY}), and it is ${missing}. ${act}, so every week of waiting moves your result later in the season. The latest day that still works is ${dueDay}.`;
}

/**
 * Whether the step is the OET whose last sitting day MATCH_YEAR_LAST_DAY names beside a Pathway past
 * its projected deadline (pathwayPassedKeepsMatch): that critical is the one verdict, the Match in
 * reach with the OET by that day, so the passed target is never told "the Match is out of reach:
 * change your target Match year" beside it. Only for an OET whose preparation would be asked about.
 */
function sitByPathwayRisk(context: PlanContext, key: MilestoneKey): boolean {
  if (key !== "oet_medicine") return false;
  // Its reminders are made on the later candidate's calendar, where only that risk lays an OET not started.
  if (context.calendar.laterCandidate === true) return true;
  const only = laterCandidateOnly(feasibilityOf(context));
  return only !== undefined && pathwayPassedKeepsMatch(context, context.calendar, only);
}

/**
 * The day of a step's hard deadline (`detail`, its rendering) in words: a whole-day one as the step
 * shows it, the rule's day (the certificate's "needed by Thu 17 Jun 2027"
 * where the step said Wed 16 Jun); an instant as dayBy's day.
 */
function dayOfDue(context: PlanContext, dueAt: number, detail: Deadline | undefined): string {
  return detail?.precision === "day" ? detail.local : dayBy(context, dueAt);
}

/**
 * The follow-ups' last date for the track. Ranking on H-1B with the certificate pending, its target
 * is h1bCertificateTarget (Step 3's date less FSMB's two weeks of processing, a test date and,
 * abroad, the visitor-visa wait), and that target is ranking's last day: FSMB's processing runs the
 * same for a certified applicant (its 12 weeks run from graduation, which the Step 3 risk
 * checks). Abroad, the visa's days later is the last day for an applicant who already holds a
 * visitor visa, as STEP3_NEEDED_FOR_H1B says. The residency date (the step's deadline) follows it.
 * A certificate a visa chain waits for after the Match (certificateHoldsChain): the residency date,
 * with no wait for it. Otherwise the deadline.
 */
function latestDay(
  context: PlanContext,
  entry: CatalogEntry,
  targetAt: number,
  dueAt: number,
  dueDay: string,
): string {
  // The WDOMS check has no deadline: its follow-ups' day is the Match's last (school-check-follow-ups.ts),
  // said in MATCH_YEAR_LAST_DAY's words (with its hour: a day alone read as the day before).
  if (entry.key === "wdoms_listing")
    return `Every ECFMG step waits on this check, and the ${context.calendar.matchYear} Match can still be reached only if you act ${lastDayBy(context, dueAt)}.`;
  // Its visa chain waits for it: the residency date is no day to wait for.
  if (certificateHoldsChain(context, entry))
    return `To start residency the certificate is needed by ${dueDay}, but your ${context.applicant.visa} visa's steps wait for it and are already behind, so do not wait for that day: get it issued now.`;
  if (
    entry.key !== "ecfmg_certification" ||
    context.applicant.visa !== "H-1B" ||
    isFinished(statusOf(context, "usmle_step3")) ||
    context.now > context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at
  )
    return `The latest day that still works is ${dueDay}.`;
  const visaDays = step3VisaDays(context);
  // Counted from the target before its move off a weekend: the Step 3 card's day to apply to FSMB.
  const target = h1bCertificateTarget(context, planDates(context));
  const held = shiftDays(
    target === null ? targetAt : countedCertificateAt(target),
    context.zone,
    visaExtraDays(visaDays),
  );
  const latest = visaDays > 0 && held >= context.now ? held : targetAt;
  const residency = `to start residency the certificate is needed by ${dueDay}`;
  return latest >= context.now
    ? `For ranking on H-1B the certificate was needed by ${dayBy(context, targetAt)} (Step 3 needs it first, then about ${STEP3_PROCESSING_DAYS} days of FSMB processing with ${visaDays} days for a visitor visa for the trip beside it, then about ${EXAM_BOOKING_DAYS} days to a US test date); only if you already hold a visitor visa does ${dayBy(context, latest)} still work; ${residency}.`
    : `For ranking on H-1B the latest day that still worked was ${dayBy(context, latest)}, so ranking on H-1B for this Match is most likely out of reach (the Step 3 risk gives the J-1 route); ${residency}.`;
}
