import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { BlockedStep, NextStep, Risk } from "../plan.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, isoInZone, isoUtc, toWall } from "../time.ts";
import {
  EXAM_BOOKING_DAYS,
  OET_BOOKING_DAYS,
  STEP3_PROCESSING_DAYS,
  UNBOOKED_RANKING_EXAM_EVERY_DAYS,
} from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { dayBy, dayByPassed } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { lateArrivalSlot, slotAtOrAfter, slotOnDay } from "./delivery-slot.ts";
import { PRESUMABLE_AT } from "./presumed-in-the-match.ts";
import { inTheMatchWords } from "./presumption-evidence.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/** The rung of the status question about steps an interview presumes. */
export const STATUS_QUESTION_RUNG = "status-question";

/** The question asked again a week before the step's lead time (an exam's booking) ahead of its day. */
export const STATUS_QUESTION_WEEK_RUNG = "status-question-week";

/**
 * The question's last rung before a submission's day: the
 * first delivery slot within LAST_RUNG_DAYS of the day, while "submit it by" can still be met.
 */
export const STATUS_QUESTION_LAST_RUNG = "status-question-last";

/** The last rung comes within this many days of the day (advice: the house's last-72-hours rung). */
const LAST_RUNG_DAYS = 3;

/**
 * The step the question rides on: the certificate, whose card asks for the presumed steps' statuses
 * (the presumed steps themselves read as done and have no card). Its ids are counted on this step
 * wherever the question rides (ridesOn), so a re-plan that moves it replaces rather than duplicates.
 */
const RIDES_ON: MilestoneKey = "ecfmg_certification";

/** How each presumed certification step is asked about: the question, and the act "if not". */
const ASKED: Partial<Record<MilestoneKey, { is: string; act: string }>> = {
  ecfmg_application: {
    is: "Have you submitted your Application for ECFMG Certification?",
    act: "submit it",
  },
  ecfmg_pathway: { is: "Have you submitted your ECFMG Pathway application?", act: "submit it" },
};

/**
 * The days an exam's "not yet" needs before its last sitting day,
 * advice: OET's booking allowance (OET_BOOKING_DAYS), USMLE's FSMB processing and a test
 * date (the Step 3 allowances, STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS, an IMG registering with FSMB
 * since January 2026). A submission (the Pathway, the ECFMG application) needs none.
 */
const LEAD_DAYS: Partial<Record<MilestoneKey, number>> = {
  oet_medicine: OET_BOOKING_DAYS,
  usmle_step1: STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS,
  usmle_step2ck: STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS,
};

/** LEAD_DAYS in words, for the question's "why" (advice). */
const LEAD_WORDS: Partial<Record<MilestoneKey, string>> = {
  oet_medicine: `OET closes each session's bookings ahead of it (about ${OET_BOOKING_DAYS} days, advice: check OET's session calendar)`,
  usmle_step1: `a USMLE seat needs FSMB's scheduling permit first (about ${STEP3_PROCESSING_DAYS} days of processing, then about ${EXAM_BOOKING_DAYS} days to a test date, advice)`,
};
LEAD_WORDS.usmle_step2ck = LEAD_WORDS.usmle_step1;

/**
 * The status question as notices: an applicant whose interview
 * presumes certification steps never reported (CERTIFICATION_STATUS_UNREPORTED in `risks`, whatever
 * else was reported; a step presumed sent, not done, keeps
 * its own card and is not asked about) gets one notice per distinct
 * Match-deciding last day still ahead (the presumed steps' own due dates on `dates`, the days the
 * warning lists under "Deadlines still ahead"), at once at the next delivery slot (STATUS_QUESTION_RUNG;
 * a late arrival: at once, quiet hours aside, when the day is before that slot), then again at the
 * slot a week before that day and before the steps' own lead time (STATUS_QUESTION_WEEK_RUNG,
 * UNBOOKED_RANKING_EXAM_EVERY_DAYS as weekBeforeNotice, LEAD_DAYS: an exam's booking), laid even on
 * the first one's slot. A day with only submissions on it (the Pathway, the ECFMG application) gets a
 * last rung too (STATUS_QUESTION_LAST_RUNG, the first slot within LAST_RUNG_DAYS of the day), a USMLE
 * Step's in the week before it. Titled as the question ("Have you
 * submitted your ECFMG Pathway application? If not, submit it by Sat 26 Dec 2026 (projected)"; an
 * exam's "if not" says the Match is most likely out of reach), on the certificate's card
 * (RIDES_ON) while it is a next step, or on the presumed step asked about while that card waits for
 * a step the applicant is taking (ridesOn); its id depends on the rung and the day only. Nothing is
 * budgeted. Appended to `into`.
 */
export function presumedStatusQuestions(
  context: PlanContext,
  dates: PlanDates,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  blocked: readonly BlockedStep[],
  into: TimedReminder[],
): void {
  // The cheap checks first: most plans presume nothing.
  const presumed = context.presumedDone;
  if (presumed === undefined || presumed.length === 0) return;
  if (!risks.some((risk) => risk.code === "CERTIFICATION_STATUS_UNREPORTED")) return;
  // Whatever else was reported: each presumed step is asked about on its own.
  const onCard = nextSteps.some((step) => step.milestone === RIDES_ON);
  if (!onCard && !waitsOnSteps(blocked)) return;
  const byDay = new Map<number, { due: DueDate; entries: CatalogEntry[] }>();
  for (const index of presumed) {
    // A step presumed sent, not done (beside a prerequisite reported open) keeps its own card.
    if (!PRESUMABLE_AT.includes(index) || context.statuses[index] !== "done") continue;
    const due = dates.dueAt(index);
    if (due === null || due.at <= context.now || dayByPassed(context, due.at)) continue;
    const day = byDay.get(due.at);
    if (day === undefined) byDay.set(due.at, { due, entries: [MILESTONE_CATALOG[index] as CatalogEntry] });
    else day.entries.push(MILESTONE_CATALOG[index] as CatalogEntry);
  }
  for (const { due, entries } of byDay.values()) question(context, dates, due, entries, onCard, into);
}

/**
 * Whether the certificate's card is blocked behind steps the applicant is taking (a Step 2 CK sat
 * and its result unreported), not behind a gate (resolvedBy: a school with no sponsor note, a Match
 * out of reach). The question is then not that card's reminder: a blocked step stays silent, but the
 * presumed step's own deadline still comes (a Pathway never submitted loses the Match), so the
 * question rides on the presumed step, which reads as done and is never blocked.
 */
function waitsOnSteps(blocked: readonly BlockedStep[]): boolean {
  const card = blocked.find((step) => step.milestone === RIDES_ON);
  return card !== undefined && card.resolvedBy === undefined;
}

function question(
  context: PlanContext,
  dates: PlanDates,
  due: DueDate,
  entries: readonly CatalogEntry[],
  onCard: boolean,
  into: TimedReminder[],
): void {
  const lead = Math.max(...entries.map((entry) => LEAD_DAYS[entry.key] ?? 0));
  const weekAt = notPast(
    context,
    slotOnDay(context, toWall(context.zone, due.at - 1) - (lead + UNBOOKED_RANKING_EXAM_EVERY_DAYS) * DAY_MS),
    due.at,
  );
  const submission = entries.every((entry) => ASKED[entry.key] !== undefined);
  // Every question is asked at once, at the next delivery slot (each of them decides the Match: a
  // Pathway first asked six days before its deadline, over Christmas, left too little), then again
  // a week before its lead time (weekAt: an exam's booking) and, for a submission, within its last
  // days, while "submit it by" can still be met; a USMLE Step in the last week before its day
  // (UNBOOKED_RANKING_EXAM_EVERY_DAYS, the week).
  const usmle = isUsmle(entries);
  const firstAt = notPast(context, context.now - 1, due.at);
  const lastDays = submission ? LAST_RUNG_DAYS : usmle ? UNBOOKED_RANKING_EXAM_EVERY_DAYS : 0;
  const lastAt =
    lastDays === 0 ? due.at : notPast(context, slotAtOrAfter(context, due.at - lastDays * DAY_MS), due.at);
  const on = onCard ? RIDES_ON : (entries[0] as CatalogEntry).key;
  if (firstAt < lastAt) ask(context, dates, due, entries, on, STATUS_QUESTION_RUNG, firstAt, into);
  // Laid even on the first one's slot (one email then): a re-plan that day must not drop the chase
  // behind a first question already sent, whose id is the same.
  if (weekAt < lastAt) ask(context, dates, due, entries, on, STATUS_QUESTION_WEEK_RUNG, weekAt, into);
  if (lastAt < due.at) ask(context, dates, due, entries, on, STATUS_QUESTION_LAST_RUNG, lastAt, into);
}

/**
 * `sendAt`, or the next delivery slot when it has passed (a late arrival: at once, quiet hours aside,
 * when that slot is not before `dueAt`).
 */
function notPast(context: PlanContext, sendAt: number, dueAt: number): number {
  if (sendAt >= context.now) return sendAt;
  const next = slotAtOrAfter(context, context.now);
  return next >= dueAt ? lateArrivalSlot(context, toWall(context.zone, context.now)) : next;
}

function ask(
  context: PlanContext,
  dates: PlanDates,
  due: DueDate,
  entries: readonly CatalogEntry[],
  on: MilestoneKey,
  rung: string,
  sendAt: number,
  into: TimedReminder[],
): void {
  const detail = dates.rendered(due);
  const projected = basisMark(due);
  const day = `${dayBy(context, due.at)}${projected}`;
  // One loop over the entries, not flatMap and a Set: flatMap's calls and lists were about a tenth
  // of planning an applicant with presumed steps (planner bench profile). In entries' order, each
  // booking lead named once (the first time), as before.
  const exams: string[] = [];
  const asked: string[] = [];
  const leads: string[] = [];
  for (const entry of entries) {
    const submission = ASKED[entry.key];
    if (submission === undefined) exams.push(entry.advisorName);
    else asked.push(submission.is);
    const lead = LEAD_WORDS[entry.key];
    if (lead !== undefined && !leads.includes(lead)) leads.push(lead);
  }
  if (exams.length > 0) asked.push(`Have you taken or booked ${joined(exams)}?`);
  // An exam's "not yet" this close cannot be met by sitting "by" the day: say what it means.
  const year = context.calendar.matchYear;
  const ifNot =
    exams.length === 0
      ? `submit it by ${day}`
      : `the ${year} Match is most likely out of reach: tell us today so the plan can move you`;
  const booking = leads.length === 0 ? "" : `, and ${leads.join("; ")}`;
  const names = joined(
    entries.map((entry) => (entry.key === "ecfmg_pathway" ? "ECFMG Pathway application" : entry.advisorName)),
  );
  const one = entries.length === 1;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const reminder = reminderRecord({
    id: reminderId(RIDES_ON, undefined, rung, due.at),
    milestone: on,
    rung,
    title: `${asked.join(" ")} If not, ${ifNot}`,
    deadline: detail.at,
    deadlineDetail: detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: `${inTheMatchWords(context, context.calendar.matchYear)}, so your plan counts your ${names} as done, but you have not told us. If ${one ? "it is" : "they are"} not done, ${day} is the last day for ${one ? "it" : "them"} to reach ECFMG in time${booking}: NRMP keeps an IMG in the Match only if ECFMG confirms USMLE Step 1, USMLE Step 2 CK and the Pathway by the rank order list deadline, ${seasonDayEt(rol)}. Tell us ${one ? "its status" : "their statuses"} (done, booked with its date, or not started): send your intake form again, or ask your advisor.`,
  });
  into.push(timedReminder(sendAt, due.at, Object.freeze(reminder)));
}

/** Whether a USMLE Step is among the steps asked about (FSMB books its seats). */
function isUsmle(entries: readonly CatalogEntry[]): boolean {
  return entries.some((entry) => entry.key === "usmle_step1" || entry.key === "usmle_step2ck");
}

/** "A", "A and B", "A, B and C". */
function joined(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
