import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { EXAM_BOOKING_DAYS, STEP3_PROCESSING_DAYS, step3FsmbTimeWords } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy, dueDay } from "./day-words.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { fsmbApplyBy, step3ChainNow, step3LeadDays, step3VisaDays } from "./h1b.ts";
import { matchDayPassedUnreported } from "./match-day-unreported.ts";
import type { TimedReminder } from "./reminders.ts";
import type { StepReminderDates } from "./step-reminders.ts";
import { latestDays } from "./step3-action.ts";
import { step3LaterCardWords, step3LaterDays } from "./step3-later-candidate.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { petitionOutOfReach } from "./step3-petition-out-of-reach.ts";
import { fsmbApplied } from "./step3-sitting.ts";
import { fsmbApplyVerb, visaApplyByTitle, visitorVisaApplyBy } from "./step3-visa-apply-by.ts";
import { APPLY_BY_LADDER, VISA_BY_LADDER, weeklyToDay } from "./weekly-to-day.ts";

const STEP3 = catalogEntry("usmle_step3");
const STEP3_INDEX = stepIndex("usmle_step3");
const CERTIFICATE_INDEX = stepIndex("ecfmg_certification");

/** step3FsmbTimeWords for this applicant: apply now, or the day the pending certificate is issued. */
export function step3FsmbTime(context: PlanContext): string {
  return step3FsmbTimeWords(isFinished(statusAt(context, CERTIFICATE_INDEX)));
}

/**
 * Step 3's first words past Match Day with the result unreported (matchDayPassedUnreported): the trip
 * only for an applicant abroad (step3VisaDays), as the card's other words have it.
 */
const askWhereMatched = (trip: boolean): string =>
  `Match Day has passed: first tell us where you matched (mark Match Day done) and ask that program whether it files an H-1B petition for you, since Step 3, with its fee${trip ? " and a trip to the US" : ""}, is needed only for an H-1B (a J-1 does not need it).`;
const ASK_WHERE_MATCHED_ABROAD = askWhereMatched(true);
const ASK_WHERE_MATCHED_IN_US = askWhereMatched(false);

/** Step 3's first words past Match Day untold, for this applicant (askWhereMatched). */
export function whereMatchedFirst(context: PlanContext): string {
  return step3VisaDays(context) > 0 ? ASK_WHERE_MATCHED_ABROAD : ASK_WHERE_MATCHED_IN_US;
}

/**
 * Why Step 3 dated for the H-1B petition (step3DueNow) is still asked for: after ranking, the
 * petition needs the pass; before it, in the US with the result out of reach of the rank order list
 * deadline, many programs will not rank without it (advice: WHEN_PROGRAMS_DECIDE), yet the petition
 * after the Match still needs it, so the exam keeps its date and the J-1 ranking advice stands beside it.
 */
export function step3PetitionNeeds(context: PlanContext): string {
  // Past Match Day with no answer, the card asks first where they matched (its reminders wait for
  // the answer: step3AwaitsMatchAnswer).
  if (matchDayPassedUnreported(context))
    return `${whereMatchedFirst(context)} If it does, its petition needs your Step 3 pass`;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol)
    return "The rank order list deadline has passed, so ranking is over; the H-1B petition needs your Step 3 pass";
  const held = heldForRanking(context);
  return held === null
    ? "Many programs will not rank you on H-1B without your Step 3 result, which can no longer reach them by the rank order list deadline, so rank programs that offer a J-1 too (our advice); the H-1B petition after the Match still needs your Step 3 pass"
    : `Our projected rank order list deadline leaves no time for FSMB, a visitor visa and a US test date: only with a B-1/B-2 visa you already hold${held.later === true ? ", and only if NRMP's deadline is the later candidate," : ""} can your Step 3 result still reach programs in time (apply to FSMB by ${dayBy(context, held.applyBy)}, sit Step 3 in the US by ${dayBy(context, held.sitBy)}, our advice). Either way rank programs that offer a J-1 too (our advice); the H-1B petition after the Match still needs your Step 3 pass`;
}

/**
 * Abroad before ranking, the visa-held days for the projected deadline or its later candidate
 * (`later`) while they hold (step3LaterDays' `held`), beside the petition's day that the step is
 * dated for; else null.
 */
function heldForRanking(context: PlanContext): { sitBy: number; applyBy: number; later?: boolean } | null {
  if (step3VisaDays(context) === 0) return null;
  const days = step3LaterDays(context, step3ChainNow(context, context.now).chain.reportedBy);
  return days?.held === true ? days : null;
}

/**
 * The day to apply to FSMB by for Step 3 dated for the H-1B petition after ranking (step3DueNow's
 * `due`), while Step 3 is not booked (not started, or under way with no date): the sit-by day less
 * FSMB's processing (abroad the visitor visa beside it) and a seat (fsmbApplyBy: the arithmetic the
 * card's "apply to FSMB by" uses before ranking), "projected" when the sit-by day is.
 * Null otherwise. Made once per sit-by date and chain (the due is shared by plans of a zone).
 */
export function step3ApplyBy(context: PlanContext, due: DueDate | null | undefined): DueDate | null {
  if (due == null || step3DueKind(due) === undefined) return null;
  const status = statusAt(context, STEP3_INDEX);
  if (status !== "not_started" && status !== "in_progress") return null;
  if (context.entries.at(STEP3_INDEX)?.date !== undefined) return null;
  // The visa-held days count no visa wait.
  const kind = step3DueKind(due);
  const held = kind === "held" || kind === "heldLater";
  return applyByFor(context, due, held);
}

/**
 * The day to apply to FSMB by for a sit-by `due`: less FSMB's processing, a seat and, unless the
 * visa is `held` (or the applicant is in the US), the visitor visa's wait. One per sit-by date and
 * visa allowance; step3ApplyBy's and the projected path's (projectedApplyByReminders) alike.
 */
function applyByFor(context: PlanContext, due: DueDate, held: boolean): DueDate {
  const visaDays = held ? 0 : step3VisaDays(context);
  const known = applyBys.get(due);
  if (known !== undefined && known.visaDays === visaDays) return known.applyBy;
  const applyBy = shapedDueDate({
    at: held ? shiftDays(due.at, due.zone, -step3LeadDays()) : fsmbApplyBy(context, due),
    zone: due.zone,
    status: due.status === "projected" ? "projected" : "advice",
    basis: "advice",
    source: `the day to sit Step 3 by (${due.source}) less ${visaDays > 0 ? "the visitor visa's wait with FSMB's processing beside it" : "FSMB's processing"}, and a test date (advice)`,
    asDay: true,
  });
  applyBys.set(due, { visaDays, applyBy });
  return applyBy;
}

const applyBys = new WeakMap<DueDate, { visaDays: number; applyBy: DueDate }>();

/**
 * "; apply to FSMB by Mon 29 Mar 2027 (projected)" for the card (`card`: only in the US, where
 * step3Action names no chain), or for the reminders with the chain's lead times (advice): "… (about
 * 14 days to process, then about 7 days to a seat, advice)".
 */
export function step3ApplyByWords(context: PlanContext, applyBy: DueDate, card: boolean): string {
  const visaDays = step3VisaDays(context);
  if (card && visaDays > 0) return "";
  const projected = basisMark(applyBy);
  // The card's next sentence gives FSMB's processing time already.
  if (card) return `; apply to FSMB by ${dueDay(context, applyBy)}${projected}`;
  return `; apply to FSMB by ${dueDay(context, applyBy)}${projected} ${chainWords(visaDays)}`;
}

/** "(about 14 days to process, then about 7 days to a seat, advice)", abroad with the visitor visa's days beside FSMB's. */
function chainWords(visaDays: number): string {
  const visa = visaDays > 0 ? `, with ${visaDays} days for the visitor visa beside it` : "";
  return `(about ${STEP3_PROCESSING_DAYS} days to process${visa}, then about ${EXAM_BOOKING_DAYS} days to a seat, advice)`;
}

/**
 * Step 3 dated for the H-1B petition after ranking, not booked (step3ApplyBy): reminded at least
 * weekly to the day to apply to FSMB by, with that day's own rungs, then weekly to the sit-by day
 * (weeklyToDay: else a 34-day silence could run past the apply-by day). The
 * follow-ups start from the rank order list deadline, then from the day before the apply-by day, so their ids do not
 * move with `now`. Appended to `into`; nothing for any other step or plan.
 */
export function step3ApplyByReminders(
  context: PlanContext,
  dates: StepReminderDates,
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  const { due, detail } = dates;
  if (due === null || detail === undefined || due.at < context.now) return;
  const applyBy = step3ApplyBy(context, due);
  const applied = fsmbApplied(context, isFinished(statusAt(context, CERTIFICATE_INDEX)));
  if (applyBy === null) {
    if (!applied) projectedApplyByReminders(context, due, stepDates, into);
    return;
  }
  // Before ranking, dated for the later candidate: only its apply-by day's reminders; once that
  // day passes the step waits as out of reach.
  if (step3DueKind(due) !== "petition") {
    if (!applied) laterApplyByReminders(context, due, applyBy, stepDates, into);
    return;
  }
  const projected = basisMark(due);
  const sitBy = `${dueDay(context, due)}${projected}`;
  const apply = step3ApplyByWords(context, applyBy, false);
  const needs = `${step3PetitionNeeds(context)}: sit it by ${sitBy}`;
  const why = `${needs}${apply}.${step3FsmbTime(context)} Tell us your test date once you have it.`;
  // Past the apply-by day its reminders never name it: apply now if not done.
  // The visa-held days in `needs` name a day to apply to FSMB by: FSMB's graduation check with them.
  const held = heldForRanking(context) === null ? "" : step3FsmbTime(context);
  // Abroad, the chain's days to the sitting day, the visitor visa's among them (latestDays).
  const sitWhy =
    step3VisaDays(context) > 0
      ? `${needs}.${latestDays(context, due, held === "")} Tell us your test date once you have it.${held}`
      : `${needs}. If you have not applied to FSMB yet, apply now ${chainWords(0)}; tell us your test date once you have it.${held}`;
  // Abroad the visitor visa's day binds (FSMB runs beside it): its rungs, also once FSMB is applied to.
  // An applicant who has applied to FSMB (Step 3 under way) is never asked to apply to FSMB by a day.
  const visaBy = visitorVisaApplyBy(context, due);
  const first = visaBy ?? (applied ? null : applyBy);
  if (first !== null && first.at >= context.now)
    weeklyToDay(
      context,
      STEP3,
      {
        passed: stepDates.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at,
        dueAt: first.at,
        detail: stepDates.rendered(first),
        title:
          visaBy === null
            ? `${STEP3.title}: apply to FSMB by ${dueDay(context, applyBy)}${basisMark(applyBy)}`
            : visaApplyByTitle(context, STEP3.title, visaBy),
        why: visaBy === null ? why : sitWhy,
        rung: visaBy === null ? "apply-by-follow-up" : "visa-by-follow-up",
        ladder: visaBy === null ? APPLY_BY_LADDER : VISA_BY_LADDER,
        lay: true,
      },
      into,
    );
  // Matched, the petition's day out of reach: the card's one instruction, in title and words alike.
  const outOfReach = petitionOutOfReach(context, due, step3ChainNow(context, context.now));
  weeklyToDay(
    context,
    STEP3,
    {
      // From the apply-by day's last rung (a day before it), so the sit-by day's first rung is not
      // eight days after it; once applied, from where its first rung would be (no weeks of silence).
      passed: shiftDays(
        first?.at ?? applyBy.at,
        applyBy.zone,
        applied && visaBy === null ? -PROJECTED_FIRST_RUNG_DAYS : -1,
      ),
      dueAt: due.at,
      detail,
      title: outOfReach?.title ?? `${STEP3.title}: sit it by ${sitBy}`,
      why: outOfReach?.action ?? sitWhy,
      rung: "sit-by-follow-up",
      ladder: "standard",
      lay: false,
    },
    into,
  );
}

/**
 * The later candidate's apply-by day: at least weekly to it with its own rungs
 * (weeklyToDay), from the projected deadline's apply-by day (a fixed day: the ids do not move),
 * saying both sides (step3LaterCardWords).
 */
function laterApplyByReminders(
  context: PlanContext,
  due: DueDate,
  applyBy: DueDate,
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  const ruled = stepDates.due("usmle_step3");
  if (ruled === null || applyBy.at < context.now) return;
  weeklyToDay(
    context,
    STEP3,
    {
      passed: fsmbApplyBy(context, ruled),
      dueAt: applyBy.at,
      detail: stepDates.rendered(applyBy),
      title: `${STEP3.title}: ${fsmbApplyVerb(step3DueKind(due) === "later" && step3VisaDays(context) > 0)} ${dueDay(context, applyBy)}${basisMark(applyBy)}`,
      why: `${step3LaterCardWords(context, due, applyBy)} Tell us your test date once you have it.`,
      rung: "apply-by-follow-up",
      ladder: APPLY_BY_LADDER,
      lay: true,
    },
    into,
  );
}

/**
 * Step 3 before ranking on the H-1B track, dated by the catalog's own (projected) last sitting day
 * `due` and not booked: the day to apply to FSMB by (fsmbApplyBy, the card's and the risk's
 * arithmetic) gets its 14/3/1-day rungs, as the later candidate's and the petition's apply-by days
 * do (the 14-day rung toward the sitting day fell a week after that
 * day, when the plan already called ranking on H-1B out of reach). No follow-ups before the ladder:
 * the step's own start-by rung speaks first. The plan's own Match only; nothing for other plans.
 */
function projectedApplyByReminders(
  context: PlanContext,
  due: DueDate,
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  if (context.applicant.visa !== "H-1B" || stepDates.calendar !== context.calendar) return;
  if (step3DueKind(due) !== undefined) return;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol || due.at > rol) return;
  const status = statusAt(context, STEP3_INDEX);
  if (status !== "not_started" && status !== "in_progress") return;
  if (context.entries.at(STEP3_INDEX)?.date !== undefined) return;
  const applyBy = applyByFor(context, due, false);
  if (applyBy.at < context.now) return;
  const projected = basisMark(due);
  const applyDay = `${dueDay(context, applyBy)}${projected}`;
  const apply = fsmbApplyVerb(step3VisaDays(context) > 0);
  weeklyToDay(
    context,
    STEP3,
    {
      // The ladder's own first rung: no follow-ups before it (the ids do not move with `now`).
      passed: shiftDays(applyBy.at, applyBy.zone, -PROJECTED_FIRST_RUNG_DAYS),
      dueAt: applyBy.at,
      detail: stepDates.rendered(applyBy),
      title: `${STEP3.title}: ${apply} ${applyDay}`,
      why: `To sit Step 3 by ${dueDay(context, due)}${projected}, in time for the rank order list deadline, ${apply} ${applyDay} ${chainWords(step3VisaDays(context))}.${step3FsmbTime(context)} Tell us your test date once you have it.`,
      rung: "apply-by-follow-up",
      ladder: APPLY_BY_LADDER,
      lay: true,
    },
    into,
  );
}

/** The hard-deadline ladder's first rung, days before the day (its 14-day rung). */
const PROJECTED_FIRST_RUNG_DAYS = 14;
