import type { NextStep, Risk, RiskCode, StepSubject } from "../plan.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import { DAY_MS, isoInZone, isoUtc, toWall } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { deadlineOf } from "./critical-notice-deadline.ts";
import { criticalNoticeId, WARNING_NOTICE_RUNG } from "./critical-notice-id.ts";
import { placeNotice } from "./critical-notice-place.ts";
import { stepFor } from "./critical-risk-notice.ts";
import type { PlanDates } from "./deadlines.ts";
import { slotOnDay } from "./ladders.ts";
import { asksEarlierSeasonCheck } from "./pathway-certificate-risk.ts";
import { reminderRecord } from "./reminder-record.ts";
import { lateArrivalSlot, type TimedReminder } from "./reminders.ts";
import { sentAt } from "./sent-reminders.ts";
import { timedReminder } from "./timed-reminder.ts";
import { VISITOR_VISA_NOTICE } from "./visitor-visa-notice.ts";

/**
 * A warning's opt-in to notices, as a critical risk's title in ACT_NOW (critical-notice-titles.ts)
 * is: a warning that asks for an action before a season date is emailed, since an applicant who
 * does not open the plan never reads it (t9v F10's leftover, lead's ruling, session 27 task C2).
 */
interface WarningNoticeRule {
  /** The notice's title: {year} the plan's Match, {rol} its rank order list deadline (ET, with its projected mark). */
  title: string;
  /** Whether the warning, as it reads in this plan, asks for that action (a warning of the same code may not). */
  asks: (context: PlanContext) => boolean;
  /** The steps the notice rides on, in order, while a next step; then the risk's own (stepFor). */
  ridesOn: readonly StepSubject[];
  /** Days before the rank order list deadline of one more notice, at the applicant's delivery slot that day; null: none. */
  againDaysBeforeRol: number | null;
}

/**
 * The warnings that send notices; every other warning sends none. Each is due by the plan's rank
 * order list deadline (deadlineOf's rule for a code not bound to the start): no notice once it has
 * passed.
 */
const WARNING_NOTICES: Partial<Record<RiskCode, WarningNoticeRule>> = {
  // A program that ranks the applicant needs a valid certificate at the start, so the validity date
  // is checked, and Pathways Revalidation asked about, before the list is certified.
  PATHWAY_CERTIFICATE_MAY_EXPIRE: {
    title:
      "Check your ECFMG certificate's validity date against the {year} residency start before the rank order list deadline, {rol}",
    asks: asksEarlierSeasonCheck,
    // The step the check is before (its own certificate steps are done, never a next step).
    ridesOn: ["rank_order_list"],
    againDaysBeforeRol: 14,
  },
  // Step 3 is offered only in the US: abroad, the visitor visa's interview wait is the chain's one
  // step that waits on nothing, so it is asked for now, not when Step 3's own ladder starts (t9w F7).
  STEP3_NEEDED_FOR_H1B: VISITOR_VISA_NOTICE,
};

/** The ids' phases: the first notice, and the one `againDaysBeforeRol` before the deadline. */
const FIRST_PHASE = "warning-first";
const AGAIN_PHASE = "warning-before-rol";

/**
 * The notices of the warnings in `risks` whose code has a rule (WARNING_NOTICES) that asks here,
 * appended to `into` as a critical risk's are (criticalRiskNotices): the first at once when the
 * warning appears (now, outside quiet hours, else when they end), one more at the delivery slot
 * `againDaysBeforeRol` days before the plan's rank order list deadline while that is still ahead;
 * none once the deadline has passed. Each rides on the first next step of its rule's `ridesOn`,
 * else of the risk's, else the first next milestone step (stepFor); its text is the risk's
 * message, its deadline the rank order list deadline. Ids are the risk's (criticalNoticeId with a
 * phase), so a re-plan makes the same ones and the ledger's claim sends each once; one the ledger
 * marks sent (PlannerInput.remindersSent) is laid where it went out.
 */
export function warningRiskNotices(
  context: PlanContext,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  dates: PlanDates,
  into: TimedReminder[],
): void {
  for (const risk of risks) {
    if (risk.severity === "critical") continue;
    const rule = WARNING_NOTICES[risk.code];
    if (rule === undefined || !rule.asks(context)) continue;
    const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    if (rol.at < context.now) continue;
    const due = deadlineOf(context, risk);
    const detail = dates.rendered(due);
    const step = stepFor([...rule.ridesOn, ...risk.milestones], nextSteps, detail.at);
    if (step === undefined) continue;
    const year = context.calendar.matchYear;
    const title = rule.title.replace("{year}", String(year)).replace("{rol}", seasonDayEt(rol));
    const lay = (id: string, at: number, sent: number | undefined, late?: true): void => {
      const laid = sent ?? at;
      if (laid > due.at) return;
      const reminder = reminderRecord({
        id,
        milestone: step.milestone,
        rung: WARNING_NOTICE_RUNG,
        title,
        deadline: detail.at,
        deadlineDetail: detail,
        sendAt: isoUtc(laid),
        sendAtLocal: isoInZone(context.zone, laid),
        why: risk.message,
        risk: risk.code,
      });
      const timed = timedReminder(
        laid,
        due.at,
        reminder,
        sent === undefined ? late : undefined,
        undefined,
        true,
      );
      placeNotice(into, timed, context.catchUp?.catchUp, sent);
    };
    const firstId = criticalNoticeId(risk, year, FIRST_PHASE);
    const firstSent = sentAt(context, firstId);
    const first = lateArrivalSlot(context, toWall(context.zone, context.now));
    lay(firstId, first, firstSent, true);
    const againId = criticalNoticeId(risk, year, AGAIN_PHASE);
    const againSent = sentAt(context, againId);
    if (rule.againDaysBeforeRol === null) continue;
    const again = slotOnDay(context, toWall(context.zone, rol.at - 1) - rule.againDaysBeforeRol * DAY_MS);
    // A slot that passed before the warning appeared, or that the first notice, not yet sent, would
    // reach no earlier, is told by the first.
    if (againSent !== undefined || (again >= context.now && (firstSent !== undefined || again > first)))
      lay(againId, again, againSent);
  }
}
