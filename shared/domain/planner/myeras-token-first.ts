import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext } from "./context.ts";

const TOKEN_INDEX = stepIndex("eras_token");

/**
 * A step done in MyERAS (letters, the CV, a re-applicant's imports; the catalog's `beforeToken`),
 * not begun while the ERAS token is not done: its words say what can be done now and that the
 * MyERAS part waits for the token, since MyERAS cannot be used without it (tester t9x F10: "create
 * the Letter Request Forms in MyERAS" weeks before the token had a reminder). `action` is the text
 * the step would say otherwise; the catalog's first-time `action` or its `again` in it is replaced,
 * the rest (a note about an earlier season) kept. Unchanged for every other step.
 */
export function tokenFirstAction(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  action: string,
): string {
  const words = entry.beforeToken;
  if (words === undefined || status !== "not_started" || isSatisfiedAt(context, TOKEN_INDEX)) return action;
  const again = entry.redoneEachSeason?.again;
  if (words.again !== undefined && again !== undefined && action.includes(again))
    return action.replace(again, words.again);
  if (words.action !== undefined && action.includes(entry.action))
    return action.replace(entry.action, words.action);
  return action;
}
