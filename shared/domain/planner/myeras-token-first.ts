import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

const TOKEN_INDEX = stepIndex("eras_token");

/**
 * A step done in MyERAS (letters, the CV, a re-applicant's imports; the catalog's `beforeToken`),
 * not begun while the ERAS token is not done: its words say what can be done now and that the
 * MyERAS part waits for the token, since MyERAS cannot be used without it ("create
 * the Letter Request Forms in MyERAS" weeks before the token had a reminder). `action` is the text
 * the step would say otherwise; the catalog's first-time `action` or its `again` in it is replaced,
 * the rest (a note about an earlier season) kept. Under way (`beforeToken.inProgress`),
 * its `inProgress` gives way to what can be done offline and the MyERAS part once it is open.
 * Unchanged for every other step.
 */
export function tokenFirstAction(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  action: string,
): string {
  const words = entry.beforeToken;
  if (words === undefined || isSatisfiedAt(context, TOKEN_INDEX)) return action;
  // Under way: the work that needs no MyERAS goes on, the rest waits for it.
  const inProgress = entry.statusActions?.inProgress;
  if (status === "in_progress" && words.inProgress !== undefined && inProgress !== undefined)
    return action.replace(inProgress, () => withMyerasOpening(context, words.inProgress as string));
  if (status !== "not_started") return action;
  const again = entry.redoneEachSeason?.again;
  // The answer is a function of these five texts alone: kept per action (a slot by its length),
  // since the same few steps ask it on every plan before the token, and the search and replace
  // made a new copy of the text each time (planner bench).
  const slot = action.length & (TOKEN_FIRST_SLOTS - 1);
  const kept = tokenFirstKept[slot];
  if (
    kept !== undefined &&
    kept.action === action &&
    kept.first === entry.action &&
    kept.again === again &&
    kept.wordsAction === words.action &&
    kept.wordsAgain === words.again
  )
    return kept.text;
  const text = tokenFirstText(action, entry.action, again, words.action, words.again);
  tokenFirstKept[slot] = {
    action,
    first: entry.action,
    again,
    wordsAction: words.action,
    wordsAgain: words.again,
    text,
  };
  return text;
}

/** The step's first-time `action` or its `again` in `action` replaced by the words before the token. */
function tokenFirstText(
  action: string,
  first: string,
  again: string | undefined,
  wordsAction: string | undefined,
  wordsAgain: string | undefined,
): string {
  if (wordsAgain !== undefined && again !== undefined && action.includes(again))
    return action.replace(again, wordsAgain);
  if (wordsAction !== undefined && action.includes(first)) return action.replace(first, wordsAction);
  return action;
}

/** tokenFirstAction's last answers, one per slot (bounded by the slot count); a slot holds the last action hashed to it. */
const TOKEN_FIRST_SLOTS = 16;
const tokenFirstKept: (TokenFirstKept | undefined)[] = new Array(TOKEN_FIRST_SLOTS).fill(undefined);

interface TokenFirstKept {
  action: string;
  first: string;
  again: string | undefined;
  wordsAction: string | undefined;
  wordsAgain: string | undefined;
  text: string;
}

/**
 * A `beforeToken.inProgress` text with {onceMyeras}: "once MyERAS opens on Wed 2 Jun 2027 (projected)
 * and you have registered there with your ERAS token" before the season's opening, "once you have
 * registered in MyERAS with your ERAS token" after it.
 */
function withMyerasOpening(context: PlanContext, text: string): string {
  const opens = context.calendar.dates.eras_season_opens_myeras;
  const projected = opens.status === "projected" ? " (projected)" : "";
  noteRiskChange(context, opens.at);
  const once =
    context.now < opens.at
      ? `once MyERAS opens on ${dayBy(context, opens.at)}${projected} and you have registered there with your ERAS token`
      : "once you have registered in MyERAS with your ERAS token";
  return text.replace("{onceMyeras}", once);
}
