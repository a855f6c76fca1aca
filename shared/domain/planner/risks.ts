import { catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { RISK_CODES, type Risk, type StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, renderEt, renderInZone, startOfLocalDate } from "../time.ts";
import {
  DIPLOMA_VERIFICATION_DAYS,
  SCORE_REPORTING_DAYS,
  STEP3_PROCESSING_DAYS,
  WARNING_WITHIN_DAYS,
} from "./advice.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import type { DueDate } from "./deadlines.ts";

const EXAMS_NEEDED_FOR_RANKING: readonly MilestoneKey[] = ["usmle_step1", "usmle_step2ck", "ecfmg_pathway"];

/** The applicant's own date for a milestone that is scheduled or under way, as local midnight. */
function plannedDay(context: PlanContext, key: MilestoneKey): number | null {
  const given = context.entries.get(key);
  if (given?.date === undefined || (given.status !== "scheduled" && given.status !== "in_progress"))
    return null;
  return startOfLocalDate(context.zone, given.date);
}

/**
 * The earliest instant ECFMG certification can complete: the diploma verified after graduation
 * (advice allowance) and every exam and the Pathway reported (advice allowance), never before now.
 */
export function earliestCertification(context: PlanContext): number {
  let earliest = Math.max(
    context.now,
    startOfLocalDate(context.zone, context.applicant.graduation) + DIPLOMA_VERIFICATION_DAYS * DAY_MS,
  );
  for (const key of EXAMS_NEEDED_FOR_RANKING) {
    if (isFinished(statusOf(context, key))) continue;
    const reported = (plannedDay(context, key) ?? context.now) + SCORE_REPORTING_DAYS * DAY_MS;
    earliest = Math.max(earliest, reported);
  }
  return earliest;
}

function when(context: PlanContext, at: number): string {
  return `${renderInZone(context.zone, at)} (${renderEt(at)})`;
}

/** Every risk rule, in RISK_CODES order; critical before warning. Each rule is a pure check. */
export function assessRisks(context: PlanContext, dueOf: (key: MilestoneKey) => DueDate | null): Risk[] {
  const risks: Risk[] = [];
  const { calendar, now, applicant } = context;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const residencyStart = calendar.dates.residency_start.at;
  const seasonOver = now > rol && !isFinished(statusOf(context, "rank_order_list"));

  if (applicant.medicalSchool.wdomsSponsorNote === false) {
    const blocked = MILESTONE_CATALOG.filter(
      (entry) => entry.needsEcfmgEligibleSchool && applies(context, entry),
    );
    risks.push({
      code: "SCHOOL_NOT_ECFMG_ELIGIBLE",
      severity: "critical",
      message: `${applicant.medicalSchool.name} shows no ECFMG sponsor note in WDOMS, so ECFMG certification is not possible and everything that needs ECFMG is blocked. Check the listing with your school and ECFMG before paying any fee (https://www.ecfmg.org/resources/medical-school-policy.html).`,
      milestones: ["wdoms_listing", ...blocked.map((entry) => entry.key)],
    });
  }

  if (!seasonOver && now <= rol) {
    const late: StepSubject[] = [];
    const unscheduled: StepSubject[] = [];
    const details: string[] = [];
    for (const key of EXAMS_NEEDED_FOR_RANKING) {
      if (isFinished(statusOf(context, key))) continue;
      const day = plannedDay(context, key);
      const reportedBy = (day ?? now) + SCORE_REPORTING_DAYS * DAY_MS;
      const title = catalogEntry(key).title;
      if (reportedBy > rol) {
        late.push(key);
        details.push(
          day === null
            ? `${title} is not scheduled and even taken today would not be reported in time`
            : `${title} on ${context.entries.get(key)?.date} would be reported around ${when(context, reportedBy)}`,
        );
      } else if (day === null && reportedBy + WARNING_WITHIN_DAYS * DAY_MS > rol) {
        unscheduled.push(key);
        details.push(`${title} is not scheduled and the latest safe date is close`);
      }
    }
    if (late.length > 0 || unscheduled.length > 0) {
      risks.push({
        code: "EXAMS_LATE_FOR_RANKING",
        severity: late.length > 0 ? "critical" : "warning",
        message: `${details.join("; ")}. ECFMG must confirm Step 1, Step 2 CK and the Pathway to NRMP by the rank order list deadline, ${when(context, rol)}, or you are withdrawn from the Match (https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/). Reporting time assumed: ${SCORE_REPORTING_DAYS} days (advice).`,
        milestones: [...late, ...unscheduled],
      });
    }
  }

  if (!isFinished(statusOf(context, "ecfmg_certification"))) {
    const earliest = earliestCertification(context);
    if (earliest > residencyStart || earliest + WARNING_WITHIN_DAYS * DAY_MS > residencyStart) {
      risks.push({
        code: "CERTIFICATION_AFTER_START",
        severity: earliest > residencyStart ? "critical" : "warning",
        message: `ECFMG certification can complete around ${when(context, earliest)} at the earliest (graduation ${applicant.graduation} plus ${DIPLOMA_VERIFICATION_DAYS} days for diploma verification, and ${SCORE_REPORTING_DAYS} days for each outstanding result; both allowances are advice), ${earliest > residencyStart ? "after" : "just before"} residency starts on ${calendar.dates.residency_start.date}. You must be certified to start (https://ecfmg.org/2021ib/related-services.html).`,
        milestones: ["ecfmg_certification"],
      });
    }
  }

  if (applicant.visa === "H-1B" && !isFinished(statusOf(context, "usmle_step3"))) {
    const step3Due = dueOf("usmle_step3");
    const seasonDue = calendar.dates.nrmp_match_day.at;
    const target = step3Due === null || step3Due.status === "applicant" ? seasonDue : step3Due.at;
    const day = plannedDay(context, "usmle_step3");
    const certified = isFinished(statusOf(context, "ecfmg_certification"));
    const earliestStep3 =
      Math.max(now, certified ? now : earliestCertification(context)) + STEP3_PROCESSING_DAYS * DAY_MS;
    const reportedBy = (day ?? earliestStep3) + SCORE_REPORTING_DAYS * DAY_MS;
    const impossible = reportedBy > target;
    if (day === null || impossible) {
      risks.push({
        code: "STEP3_NEEDED_FOR_H1B",
        severity: impossible ? "critical" : "warning",
        message: `${
          day === null && !impossible
            ? "Step 3 is not scheduled yet"
            : day === null
              ? "Step 3 cannot be passed in time"
              : `Step 3 on ${context.entries.get("usmle_step3")?.date} is too late`
        }: an H-1B for residency needs Steps 1, 2 and 3 passed, and programs may want all three by Match Day (${when(context, target)}; example: https://residency.dom.pitt.edu/visa-guidelines/). Step 3 needs your ECFMG certificate first and about ${STEP3_PROCESSING_DAYS} days of FSMB processing (https://www.fsmb.org/step-3/step-3-information/).${impossible ? " Consider ranking programs that offer J-1." : ""}`,
        milestones: ["usmle_step3", "visa_h1b"],
      });
    }
  }

  if (!isFinished(statusOf(context, "nrmp_registration")) && now <= rol) {
    const early = calendar.dates.nrmp_early_registration_deadline_late_fee_after.at;
    if (now > early) {
      risks.push({
        code: "NRMP_LATE_FEE",
        severity: "warning",
        message: `The NRMP early registration deadline passed on ${when(context, early)}: registering now costs a late fee ($50 in the last official schedule, 2017: http://www.nrmp.org/match-process/match-fees/). Late registration closes ${when(context, rol)}.`,
        milestones: ["nrmp_registration"],
      });
    } else if (early - now <= WARNING_WITHIN_DAYS * DAY_MS) {
      risks.push({
        code: "NRMP_LATE_FEE",
        severity: "warning",
        message: `Register with NRMP before ${when(context, early)} to avoid the late fee (http://www.nrmp.org/residency/main-match-events/).`,
        milestones: ["nrmp_registration"],
      });
    }
  }

  if (!isFinished(statusOf(context, "eras_application")) && !seasonOver) {
    const review = calendar.dates.eras_programs_may_review_applications_and_mspe.at;
    if (now > review) {
      risks.push({
        code: "ERAS_LATE_SUBMISSION",
        severity: "critical",
        message: `Programs began reviewing applications on ${when(context, review)} and yours is not submitted; submit as soon as possible (https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/eras-timeline).`,
        milestones: ["eras_application"],
      });
    } else if (review - now <= WARNING_WITHIN_DAYS * DAY_MS) {
      risks.push({
        code: "ERAS_LATE_SUBMISSION",
        severity: "warning",
        message: `Programs begin reviewing applications on ${when(context, review)}; submit before then.`,
        milestones: ["eras_application"],
      });
    }
  }

  if (seasonOver) {
    risks.push({
      code: "SEASON_OVER",
      severity: "critical",
      message: `The rank order list deadline for the ${calendar.matchYear} Match passed on ${when(context, rol)} without a certified list. Plan for the ${calendar.matchYear + 1} Match (http://www.nrmp.org/residency/main-match-events/).`,
      milestones: ["rank_order_list"],
    });
  }

  const order = (risk: Risk): number =>
    (risk.severity === "critical" ? 0 : 100) + RISK_CODES.indexOf(risk.code);
  return risks.sort((left, right) => order(left) - order(right));
}
