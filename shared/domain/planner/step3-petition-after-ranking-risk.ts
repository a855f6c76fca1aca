import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { step3ChainNow, step3VisaDays } from "./h1b.ts";
import { fsmbTimeCited } from "./h1b-words.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { step3DueNow } from "./step3-after-ranking.ts";
import { step3ApplyBy, step3FsmbTime } from "./step3-apply-by.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { petitionOutOfReach } from "./step3-petition-out-of-reach.ts";

const MILESTONES: readonly StepSubject[] = Object.freeze(["usmle_step3", "visa_h1b"]);

const ASK_PROGRAMS =
  "ask the programs you ranked now whether they would sponsor a J-1 instead or agree a later start if you match with them (advice)";

/**
 * STEP3_NEEDED_FOR_H1B between the rank order list deadline and Match Day for an H-1B applicant in
 * the US, Step 3 not booked: ranking is over, yet a program that matches them files its H-1B
 * petition with the Step 3 pass (step3DueNow's petition sit-by day), and Step 3's card asks to apply
 * to FSMB by a day that may be days away. The risk names that day, so the advisor sees it too, with
 * the question to the ranked programs (a J-1 or a later start) should it not be met. Critical:
 * without the pass no H-1B petition, so no start on it. Null once that day has passed or FSMB and a
 * seat no longer fit (VISA_NOT_READY_FOR_START and the card then say what to ask, after Match Day),
 * abroad (the card's visitor-visa chain and its risks speak), and once matched (step3ForPetition).
 */
export function step3PetitionAfterRankingRisk(context: PlanContext, dates: PlanDates): Risk | null {
  const { calendar, now } = context;
  if (context.applicant.visa !== "H-1B" || isFinished(statusOf(context, "usmle_step3"))) return null;
  if (step3VisaDays(context) !== 0) return null;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (now <= rol || now >= calendar.dates.nrmp_match_day.at) return null;
  const sitBy = step3DueNow(context, dates, dates.due("usmle_step3"));
  if (sitBy === null || step3DueKind(sitBy) !== "petition") return null;
  const applyBy = step3ApplyBy(context, sitBy);
  if (applyBy === null || applyBy.at < now) return null;
  noteRiskChange(context, applyBy.at); // the risk ends with that day: the plan is made again then
  if (petitionOutOfReach(context, sitBy, step3ChainNow(context, now)) !== null) return null;
  const sit = `${dueDay(context, sitBy)}${basisMark(sitBy)}`;
  const apply = `${dueDay(context, applyBy)}${basisMark(applyBy)}`;
  return {
    code: "STEP3_NEEDED_FOR_H1B",
    severity: "critical",
    message: `The rank order list deadline has passed, yet a program that matches you on H-1B files its petition with your Step 3 pass: apply to FSMB by ${apply}, the last day to apply for it, and sit Step 3 by ${sit}.${step3FsmbTime(context)} If you cannot meet those days, ${ASK_PROGRAMS}.`,
    milestones: MILESTONES as StepSubject[],
    sources: fsmbTimeCited(true, [applyBy.source]), // applyBy's source holds the sit-by day's
  };
}
