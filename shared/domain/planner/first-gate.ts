import { BoundedMemo } from "../bounded-memo.ts";
import { type CatalogEntry, FIRST_GATE, SCHOOL_CHECK } from "../catalog/index.ts";
import { NO_FEE_SENTENCE } from "../catalog/school-check-words.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, fromWall, MINUTE_MS, toWall, wallDayStart } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { type PaidGatedFees, paidGatedFees } from "./fees-paid.ts";
import { gatedSittingWords } from "./gated-sittings.ts";
import { openedNoteAction, recordOpensGate } from "./note-contradicted-by-record.ts";
import { noteQuestioned } from "./note-questioned.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

const FIRST_GATE_AT = stepIndex(FIRST_GATE);

/**
 * The first gate of the whole road, when not begun: the WDOMS check while the sponsor note is
 * unknown, else the catalog's `firstGate` (the ECFMG application: every exam and ECFMG step waits on it). Its start-by rung
 * is brought forward to now, so the applicant hears about it at the next delivery slot rather
 * than weeks later (advice: an early start costs nothing and the chain behind it is long).
 */
export function firstGateOf(context: PlanContext, unchecked: boolean): MilestoneKey | null {
  if (context.eligibility === "ineligible") return null;
  if (unchecked) return SCHOOL_CHECK.key;
  return statusAt(context, FIRST_GATE_AT) === "not_started" ? FIRST_GATE : null;
}

/** Week targets per zone and instant, so plans share one object (and so one rendering) per week. */
const weekTargets = new BoundedMemo<string, DueDate>(2_000);
const WEEK_TARGET_SOURCE =
  "advice: a WDOMS look-up takes minutes and every ECFMG step and fee waits on it, so it is planned for this week (by the next Monday's delivery time at least a day away); no authority sets a date for it";
/** The least time a week target leaves: never the same morning as the sign-up. */
const WEEK_TARGET_MARGIN_MS = DAY_MS;

/**
 * The WDOMS check's target while the sponsor note is unknown (it was 6 weeks out,
 * dated from the ECFMG application of the next feasible Match): the applicant's delivery time on
 * the first local Monday at least a day away (advice), so one to eight days ahead. A week grid,
 * not "now plus N days", so the target, and with it the reminder ids, stay the same for every
 * re-plan within the week: the start-by notice goes out at the next delivery slot, and the
 * instant the target moves on (a day before it: the margin below) is noted as one where the plan
 * changes, so a plan is made then and a week still unchecked starts a new one (its start-by at the
 * Monday slot): one email a week until the check is done, and none at the time it names. The day's
 * margin: a Monday sign-up before its slot was given
 * that same slot, an hour away, as its "this week"; now a plan made less than a day before a
 * Monday slot (Sunday after the delivery time, or Monday before it) aims at the Monday after.
 * Null for any other step.
 */
export function weekTargetOf(context: PlanContext, entry: CatalogEntry): DueDate | null {
  // Only while the check is the gate (a finished step is never planned, so it is not done).
  if (context.eligibility !== "unchecked" || entry.key !== SCHOOL_CHECK.key) return null;
  // Counted from the sign-up when the caller knows it (an unreadable instant: the week grid).
  const fixed =
    context.signedUpAt === undefined ? null : signedUpTargetOf(context, context.signedUpAt, entry);
  if (fixed !== null) return fixed;
  const today = wallDayStart(toWall(context.zone, context.now));
  // Epoch day 0 (1970-01-01) was a Thursday: (day + 3) % 7 is 0 on Mondays.
  const weekday = (Math.floor(today / DAY_MS) + 3) % 7;
  // The first Monday slot at least a day after now: a re-plan on Sunday evening and one in
  // Monday's small hours share the target (and the ids), the Monday after.
  const slotOn = (days: number) =>
    fromWall(context.zone, today + days * DAY_MS + context.deliveryMinute * MINUTE_MS);
  const thisWeek = slotOn((7 - weekday) % 7);
  const at = thisWeek >= context.now + WEEK_TARGET_MARGIN_MS ? thisWeek : slotOn(((7 - weekday) % 7) + 7);
  noteRiskChange(context, at - WEEK_TARGET_MARGIN_MS);
  const key = `${context.zone}|${at}`;
  let target = weekTargets.get(key);
  if (target === undefined)
    target = weekTargets.keep(
      key,
      shapedDueDate({
        at,
        zone: context.zone,
        status: "advice",
        basis: "advice",
        source: `target: ${WEEK_TARGET_SOURCE}`,
      }),
    );
  return target;
}

const SIGNED_UP_TARGET_SOURCE =
  "advice: a WDOMS look-up takes minutes and every ECFMG step and fee waits on it, so it is planned for the week after you signed up (a week to ask your school if the listing is unclear); no authority sets a date for it";

/**
 * The WDOMS check's target counted from the sign-up (PlannerInput.signedUpAt): the applicant's
 * delivery time on the local day the step's lead time after it. Fixed, where the week grid above
 * moved on every week: the same target and reminder ids at every plan, and once it has passed the
 * step says "target passed" and is followed up (school-check-follow-ups.ts), as any step's passed
 * target is, instead of a new "finish by next Monday" each week. The instant it passes is noted:
 * a plan made then tells the applicant at the next slot.
 */
function signedUpTargetOf(context: PlanContext, signedUpAt: string, entry: CatalogEntry): DueDate | null {
  const signedUp = Date.parse(signedUpAt);
  if (Number.isNaN(signedUp)) return null;
  const day = wallDayStart(toWall(context.zone, signedUp)) + entry.leadTimeDays.days * DAY_MS;
  const at = fromWall(context.zone, day + context.deliveryMinute * MINUTE_MS);
  if (at > context.now) noteRiskChange(context, at);
  const key = `${context.zone}|${at}|signed-up`;
  const known = weekTargets.get(key);
  if (known !== undefined) return known;
  const source = `target: ${SIGNED_UP_TARGET_SOURCE}`;
  const target = shapedDueDate({ at, zone: context.zone, status: "advice", basis: "advice", source });
  return weekTargets.keep(key, target);
}

/**
 * SCHOOL_NOT_ECFMG_ELIGIBLE's message: the catalog's, whose last sentence ("Pay no fee until
 * then.") is for an applicant who has paid none of the blocked steps' fees; one who has (the
 * budget's `spentWhen`: the ECFMG application done, an exam scheduled) is told to pay no further
 * fee and to ask the body that took each fee (OET for its test, FSMB for a USMLE exam) what becomes
 * of the money paid, never promised a refund; and a sitting booked ahead is named with its day.
 */
export function ineligibleSchoolMessage(context: PlanContext): string {
  // The record or an interview contradicting the answer: the gate holds, but
  // nothing is said as fact.
  // (Beside a certificate the gate is open: no such risk, eligibilityOf.)
  if (noteQuestioned(context))
    return `Your answers say ${context.applicant.medicalSchool.name} shows no ECFMG sponsor note in WDOMS, so your plan holds everything that needs ECFMG, fees included, until you confirm or change that answer (see the question about your answers). Pay no further fee until then.`;
  const { ineligible } = SCHOOL_CHECK;
  const message = ineligible.risk.replace("{school}", () => context.applicant.medicalSchool.name);
  const paid = paidGatedFees(context);
  const feeWords =
    paid === null
      ? message
      : `${message.slice(0, -NO_FEE_SENTENCE.length)}${withPaid(ineligible.paidFees.risk, paid)}`;
  return withSittings(feeWords, context);
}

/** A paid-fees text with the fees, the body to ask and the money asked about put in. */
function withPaid(text: string, paid: PaidGatedFees): string {
  return text
    .replace("{fees}", () => paid.fees)
    .replace("{payees}", () => paid.payees)
    .replace("{money}", () => paid.money);
}

/** A gate's words followed by those on each sitting booked behind it (gatedSittingWords), if any. */
export function withSittings(text: string, context: PlanContext): string {
  const sittings = gatedSittingWords(context);
  return sittings === "" ? text : `${text} ${sittings}`;
}

/** The school check's action while the record contradicts the note's "false": a question, no refund talk. */
const QUESTIONED_NOTE_ACTION =
  "Your answers say your school shows no ECFMG sponsor note: check WDOMS for your graduation year, confirm or change your answer, and pay no further fee until then.";

/** The school check's action once the school has no sponsor note, fitted to the fees paid as the risk is. */
export function ineligibleSchoolAction(context: PlanContext): string {
  if (recordOpensGate(context)) return openedNoteAction(context);
  if (noteQuestioned(context)) return QUESTIONED_NOTE_ACTION;
  const { ineligible } = SCHOOL_CHECK;
  const paid = paidGatedFees(context);
  return withSittings(
    paid === null ? ineligible.action : withPaid(ineligible.paidFees.action, paid),
    context,
  );
}
