import { actionLabel, actionsFor } from "#domain/applicant-choices.ts";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan, Reminder, Risk } from "#domain/plan.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";

/**
 * The visa chain's notices name several steps and ask for each: VISA_STEP_LATE folds every late
 * step into one warning ("… Statement of Need …: tell us when it is done. … J-1 sponsorship …: tell
 * us when it is done"), VISA_NOT_READY_FOR_START asks "tell us each step as it is done", and
 * START_DELAYED, once residency has started, "If you have started, mark these steps done". The notice rides on one step's card, whose buttons
 * it offers; the other steps' Done sat lower in the email, under "Your next steps", or nowhere when
 * that section did not list them. Their Done is offered on the notice too.
 */
const ASKS_EACH_STEP: ReadonlySet<Risk["code"]> = new Set([
  "VISA_STEP_LATE",
  "VISA_NOT_READY_FOR_START",
  "START_DELAYED",
]);

/** The other steps a notice's risk names whose Done the notice offers (ASKS_EACH_STEP); undefined for none. */
export function otherStepsNamed(
  plan: Pick<Plan, "risks">,
  reminder: Pick<Reminder, "milestone" | "risk">,
): MilestoneKey[] | undefined {
  if (reminder.risk === undefined || !ASKS_EACH_STEP.has(reminder.risk)) return undefined;
  const risk = plan.risks.find((each) => each.code === reminder.risk);
  const others = (risk?.milestones ?? []).filter(
    (milestone): milestone is MilestoneKey =>
      milestone !== reminder.milestone && milestone !== "interview" && milestone !== "budget",
  );
  return others.length > 0 ? others : undefined;
}

/**
 * The Done of each step in `named` that can be recorded now (actionsFor; a waiting step offers none,
 * as on the timeline), labelled with what it records and the step: "I completed my J-1 application:
 * fee paid, every document in (Apply for J-1 sponsorship through ECFMG)".
 */
export function namedStepsDone(
  named: readonly MilestoneKey[] | undefined,
  plan: Plan,
  links: ApplicantLinks,
  zone: string,
  recorded: readonly MilestoneEntry[],
) {
  return (named ?? [])
    .filter((milestone) => !plan.blocked.some((step) => step.milestone === milestone))
    .filter((milestone) => actionsFor({ milestone }, plan, zone, recorded).includes("done"))
    .map((milestone) => ({
      label: `${actionLabel(milestone, "done")} (${catalogEntry(milestone).title})`,
      url: links.action(milestone, "done"),
      kind: "secondary",
    }));
}
