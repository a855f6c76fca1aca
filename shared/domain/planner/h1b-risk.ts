import type { Risk } from "../plan.ts";
import { DAY_MS, renderEt, renderInZone, startOfLocalDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, SCORE_REPORTING_SOURCE, STEP3_PROCESSING_DAYS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { citeSeasonDate, dayBy } from "./feasibility-risk.ts";
import { h1bCertificateTarget } from "./h1b.ts";
import { earliestCertification } from "./risks.ts";

function when(context: PlanContext, at: number): string {
  return `${renderInZone(context.zone, at)} (${renderEt(at)})`;
}

/**
 * STEP3_NEEDED_FOR_H1B: ranking on H-1B needs Step 3 passed, and programs decide before the rank
 * order list deadline (advice), so Step 3's result must be reported by then (up to four weeks,
 * official). With the certificate pending, says by when it is needed (Step 3 needs it first, then
 * about two weeks of FSMB processing) and, when that cannot work, advises ranking on J-1.
 */
export function step3Risks(context: PlanContext, dates: PlanDates): Risk[] {
  const { calendar, now } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  const given = context.entries.get("usmle_step3");
  const day =
    given?.date !== undefined && (given.status === "scheduled" || given.status === "in_progress")
      ? startOfLocalDate(context.zone, given.date)
      : null;
  const certified = isFinished(statusOf(context, "ecfmg_certification"));
  const earliestStep3 =
    Math.max(now, certified ? now : earliestCertification(context)) + STEP3_PROCESSING_DAYS * DAY_MS;
  const reportedBy = (day ?? earliestStep3) + SCORE_REPORTING_DAYS * DAY_MS;
  const impossible = reportedBy > rol;
  if (day !== null && !impossible) return [];
  const certificateBy = certified ? null : h1bCertificateTarget(context, dates);
  const opening =
    day === null && !impossible
      ? "Step 3 is not scheduled yet"
      : day === null
        ? "Step 3 cannot be passed in time"
        : `Step 3 on ${given?.date} is too late`;
  const sitBy = dates.due("usmle_step3");
  const needs = certificateBy
    ? ` Your ECFMG certificate is still pending: you need it by ${dayBy(context, certificateBy.at)} for that (FSMB may also take up to 12 weeks to verify graduation).`
    : "";
  return [
    {
      code: "STEP3_NEEDED_FOR_H1B",
      severity: impossible ? "critical" : "warning",
      message: `${opening}: an H-1B for residency needs Steps 1, 2 and 3 passed, and programs decide whether to rank an applicant who needs an H-1B before the rank order list deadline, ${when(context, rol)}${rolDate.status === "projected" ? ` (${citeSeasonDate(rolDate, "")})` : ""} (advice; one program's rule asks for all three by Match Day: https://residency.dom.pitt.edu/visa-guidelines/). Its result takes up to ${SCORE_REPORTING_DAYS} days (${SCORE_REPORTING_SOURCE}), so sit it by ${sitBy === null ? "four weeks before then" : dayBy(context, sitBy.at)}. Step 3 needs your ECFMG certificate first, about ${STEP3_PROCESSING_DAYS} days of FSMB processing, and a trip to the US: it is offered only there (https://www.fsmb.org/step-3/step-3-information/).${needs}${impossible ? " Rank programs that offer J-1 unless you can be certified and sit Step 3 in time." : ""}`,
      milestones: ["usmle_step3", "visa_h1b"],
    },
  ];
}
