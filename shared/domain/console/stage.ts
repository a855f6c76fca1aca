import type { Plan, StepSubject } from "../plan.ts";

/**
 * Where an applicant stands on the road to the Match, for the advisor's cohort view: the earliest
 * stage that still has an unfinished step in the plan. Stages follow the order the ERAS/NRMP season
 * imposes (exams and ECFMG first, then the ERAS application, interviews, the rank order list), with
 * the visa alongside the end of the road.
 */
export const STAGES = [
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
  exams: "Exams and ECFMG",
  application: "ERAS application",
  interviews: "Interviews",
  ranking: "Rank order list",
  visa: "Visa",
  complete: "Road complete",
  "season-over": "Season over",
};

const STAGE_OF_SUBJECT: Record<StepSubject, Stage> = {
  wdoms_listing: "exams",
  ecfmg_application: "exams",
  usmle_step1: "exams",
  usmle_step2ck: "exams",
  oet_medicine: "exams",
  ecfmg_pathway: "exams",
  ecfmg_certification: "exams",
  usce: "application",
  research: "application",
  lors: "application",
  personal_statement: "application",
  cv: "application",
  program_list: "application",
  eras_token: "application",
  eras_application: "application",
  nrmp_registration: "application",
  // The budget runs through the whole season; it never decides where someone stands.
  budget: "complete",
  interview: "interviews",
  rank_order_list: "ranking",
  // Match Week, SOAP and Match Day close the ranking stage; the contract opens the visa paperwork.
  match_week: "ranking",
  soap: "ranking",
  match_day: "ranking",
  contract: "visa",
  j1_statement_of_need: "visa",
  j1_ecfmg_sponsorship: "visa",
  j1_ds2019: "visa",
  // Step 3 matters only for an H-1B, whose petition is the visa stage's work.
  usmle_step3: "visa",
  visa_j1: "visa",
  visa_h1b: "visa",
};

/** The stage of a plan: the earliest stage with a next, blocked or overdue step. */
export function stageOf(plan: Plan): Stage {
  if (plan.risks.some((risk) => risk.code === "SEASON_OVER")) return "season-over";
  const open = [...plan.nextSteps, ...plan.blocked, ...plan.overdue].map(
    (step) => STAGE_OF_SUBJECT[step.milestone],
  );
  let earliest: Stage = "complete";
  for (const stage of open) if (STAGES.indexOf(stage) < STAGES.indexOf(earliest)) earliest = stage;
  return earliest;
}
