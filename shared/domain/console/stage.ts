import { catalogEntry, SCHOOL_CHECK } from "../catalog/index.ts";
import { laterPlannedMatchYear } from "../match-year-heading.ts";
import type { Plan, StepSubject } from "../plan.ts";

/**
 * Where an applicant stands on the road to the Match, for the advisor's cohort view: the earliest
 * stage that still has an unfinished step in the plan. Stages follow the order the ERAS/NRMP season
 * imposes (exams and ECFMG first, then the ERAS application, interviews, the rank order list), with
 * the visa alongside the end of the road. Before them all, the gate every ECFMG step waits on: the
 * school's ECFMG sponsor note, while it is missing or unchecked (a school
 * with no note read "Exams and ECFMG").
 */
export const STAGES = [
  "sponsor-note",
  "exams",
  "application",
  "interviews",
  "ranking",
  "visa",
  "complete",
  "season-over",
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  "sponsor-note": "School's ECFMG sponsor note",
  exams: "Exams and ECFMG",
  application: "ERAS application",
  interviews: "Interviews",
  ranking: "Rank order list",
  visa: "Visa",
  complete: "Road complete",
  "season-over": "Season over",
};

const SCHOOL_CHECK_KEY = SCHOOL_CHECK.key;
const CERTIFICATE_KEY: StepSubject = "ecfmg_certification";

/** The stage of a step: its catalog entry's; interviews (not a catalog milestone) are their own stage. */
function stageOfStep(milestone: StepSubject): Stage {
  return milestone === "interview" ? "interviews" : catalogEntry(milestone).stage;
}

/**
 * Whether a step has no date of its own (catalog `due.from` "none": research, US clinical
 * experience): it never decides the stage, as no date of the road waits on it. US clinical
 * experience left open held a matched applicant whose start is delayed at "ERAS application".
 * SOAP, skippable, is dated by Match Week and stays a ranking step; the school's
 * WDOMS check has its own stage (above).
 */
function optional(subject: StepSubject): boolean {
  if (subject === "interview" || subject === SCHOOL_CHECK_KEY) return false;
  return catalogEntry(subject).due.from === "none";
}

/**
 * The stage of a plan: the earliest stage with a next, blocked or overdue step the applicant may
 * not skip, ECFMG certification (due by residency's start) only when nothing else is left. An optional step left open (research) does not hold them at an earlier stage
 * (applied, registered and waiting to rank, shown as "ERAS application"). Never earlier than the
 * road their own answers reached (Plan.roadReached): a certified list stands at the rank order
 * list, a match (Match Day told, or NRMP's Monday "matched" from its notification on) at the visa,
 * though ECFMG certification, due by residency's start, is still open. Read from the plan's fact,
 * not Match Day's words, which are everyone's from Monday's notification to Friday's release.
 * Once the plan is dated for a later Match (not matched, no SOAP position, out of reach), the road
 * reached in the earlier one does not count: that Match's list is behind them, the next season's
 * ERAS application ahead.
 */
export function stageOf(plan: Plan): Stage {
  if (plan.risks.some((risk) => risk.code === "SEASON_OVER")) return "season-over";
  // The WDOMS check is a next step only while the note is missing or unknown (milestone-step.ts).
  if (plan.nextSteps.some((step) => step.milestone === SCHOOL_CHECK_KEY)) return "sponsor-note";
  const open = [...plan.nextSteps, ...plan.blocked, ...plan.overdue].filter(
    (step) => !optional(step.milestone),
  );
  let earliest: Stage = "complete";
  for (const step of open) {
    // ECFMG certification is due by residency's start: with every exam and the Pathway passed it
    // stood interviewing applicants at "Exams and ECFMG". An exam still open holds them there itself;
    // the certificate alone left open keeps the road from reading complete.
    if (step.milestone === CERTIFICATE_KEY) continue;
    const stage = stageOfStep(step.milestone);
    if (STAGES.indexOf(stage) < STAGES.indexOf(earliest)) earliest = stage;
  }
  if (earliest === "complete" && open.some((step) => step.milestone === CERTIFICATE_KEY))
    earliest = stageOfStep(CERTIFICATE_KEY);
  const reached = laterPlannedMatchYear(plan) === undefined ? plan.roadReached : undefined;
  return reached !== undefined && STAGES.indexOf(earliest) < STAGES.indexOf(reached) ? reached : earliest;
}
