import { catalogEntry } from "../catalog/index.ts";
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

/** The stage of a step: its catalog entry's; interviews (not a catalog milestone) are their own stage. */
function stageOfSubject(subject: StepSubject): Stage {
  return subject === "interview" ? "interviews" : catalogEntry(subject).stage;
}

/** The stage of a plan: the earliest stage with a next, blocked or overdue step. */
export function stageOf(plan: Plan): Stage {
  if (plan.risks.some((risk) => risk.code === "SEASON_OVER")) return "season-over";
  const open = [...plan.nextSteps, ...plan.blocked, ...plan.overdue].map((step) =>
    stageOfSubject(step.milestone),
  );
  let earliest: Stage = "complete";
  for (const stage of open) if (STAGES.indexOf(stage) < STAGES.indexOf(earliest)) earliest = stage;
  return earliest;
}
