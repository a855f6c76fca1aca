import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanDates } from "./deadlines.ts";
import type { StepActionFacts } from "./step-action.ts";
import type { StepReminderDates } from "./step-reminders.ts";

/** What planMilestone tells a next step's text (stepAction) and its reminders (stepReminders), in one record. */
export type MilestoneStepFacts = StepActionFacts & StepReminderDates;

/**
 * The one record planMilestone rewrites for every next step of every plan: stepAction and
 * stepReminders read it while the step is planned and none of their rules keeps it (a rule that
 * changes a field copies the record first), and a new record per step was the largest object
 * planMilestone allocated (heap sampling, about 2 KB a plan). Made on first use with every field,
 * so its shape never changes; the caller sets every field before each use.
 */
export function reusedStepFacts(entry: CatalogEntry, stepDates: PlanDates): MilestoneStepFacts {
  if (record !== undefined) return record;
  record = {
    entry,
    index: 0,
    status: "not_started",
    due: null,
    h1bTarget: null,
    stepDates,
    own: null,
    missed: null,
    schoolCheckOnly: false,
    prerequisitePending: false,
    overdueNow: false,
    seasonOver: false,
    afterSeason: false,
    detail: undefined,
    target: null,
    targetDetail: undefined,
    targetAhead: false,
    ownAhead: false,
    startBy: null,
    notStarted: false,
    issuedAsked: false,
    movedTarget: null,
  };
  return record;
}
let record: MilestoneStepFacts | undefined;
