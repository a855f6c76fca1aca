import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneEntry, MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { knownStepIndex, stepIndex } from "./catalog-index.ts";
import type { StepEntriesView } from "./step-entries.ts";

// A step the applicant answered "not started", "in progress" or "scheduled" beside a later step
// they report done that cannot be done without it (a contract "not started" beside a DS-2019
// received; the J-1 sponsorship "scheduled" for June beside a stamped visa; NRMP registration "not
// started" beside a certified rank list). The done answer implies it (markPrerequisites), so the
// plan counts it done and pushes no fee for it, but one of the two answers is wrong: the plan asks
// which (DONE_DATES_OUT_OF_ORDER) instead of overriding the earlier answer without a word.

/** One such answer: the step as reported, and the nearest step reported done that needs it. */
export interface OverriddenAnswer {
  /** Catalog index of the step answered not done. */
  step: number;
  /** The applicant's own entry for it. */
  entry: MilestoneEntry;
  /** Catalog index of the step reported done that needs it (the nearest in the catalog). */
  by: number;
  /** The official source of the rule that puts `step` first. */
  source: string;
}

/**
 * Prerequisites whose order says nothing of the two answers: the WDOMS check beside the
 * application (the check is the day of a look-up); the ERAS token beside the application, which
 * ECFMG issues once that application is submitted, not approved
 * (https://www.ecfmg.org/eras/applicants-token.html). done-order.ts holds their dates to no order
 * for the same reasons. Keys "step prerequisite".
 */
export const NOT_ASKED: ReadonlySet<string> = new Set([
  "ecfmg_application wdoms_listing",
  "eras_token ecfmg_application",
]);

/**
 * For each step (catalog index), the steps it cannot be done without, transitively, each with the
 * source of the rule that puts it first: official prerequisites only, not one the step may start
 * before (`startsBefore`: an exam booked while the application is reviewed) nor a result that may
 * follow it (`neededByOwnDate`), nor NOT_ASKED's. Advice and secondary prerequisites are no rule
 * to hold two answers to. Static catalog data, made once.
 */
const NEEDED_AT: readonly ReadonlyMap<number, string>[] = MILESTONE_CATALOG.map((root) => {
  const found = new Map<number, string>();
  const walk = (key: MilestoneKey): void => {
    const entry = MILESTONE_CATALOG[stepIndex(key)];
    for (const prerequisite of entry?.prerequisites ?? []) {
      if (prerequisite.basis !== "official" || prerequisite.startsBefore === true) continue;
      if (prerequisite.neededByOwnDate === true || NOT_ASKED.has(`${key} ${prerequisite.key}`)) continue;
      const index = stepIndex(prerequisite.key);
      if (found.has(index)) continue;
      found.set(index, prerequisite.source);
      walk(prerequisite.key);
    }
  };
  walk(root.key);
  return found;
});

/**
 * NEEDED_AT turned round: for each step (catalog index), the steps that need it, in catalog order,
 * each with the source of the rule. A step answered not done but counted done looks its nearest
 * needer up here, instead of asking every catalog entry's NEEDED_AT map (a walk of the whole
 * catalog per such answer: the planner bench's CPU profile). Static catalog data, made once.
 */
const NEEDED_BY: readonly (readonly { by: number; source: string }[])[] = MILESTONE_CATALOG.map((_, step) => {
  const needers: { by: number; source: string }[] = [];
  for (let by = 0; by < MILESTONE_CATALOG.length; by++) {
    const source = NEEDED_AT[by]?.get(step);
    if (source !== undefined) needers.push({ by, source });
  }
  return needers;
});

const MATCH_DAY_AT = stepIndex("match_day");
const SOAP_AT = stepIndex("soap");
const SOAP_ANSWERED: ReadonlySet<MilestoneStatus> = new Set(["done", "in_progress"]);

/**
 * Whether a status says not done: not started, in progress or scheduled. Compares, not a Set
 * look-up: a snapshot's status strings are new each decode, and a Set hashes each on its first
 * look-up (the costliest line of this rule in the planner bench's CPU profile, fresh snapshots).
 */
function saysNotDone(status: MilestoneStatus): boolean {
  return status === "not_started" || status === "in_progress" || status === "scheduled";
}

/**
 * In buildContext, once the statuses are final: each answer of the snapshot (`reported`, as given)
 * that says a step is not done while a step reported done needs it, so the plan counts it done.
 * Not an answer the planner itself replaced before (an earlier season's, a refused rank list, a
 * Match outcome told too early: `entries` no longer holds it), nor one it keeps as reported (an
 * early post-Match answer's unreported steps), nor beside a failed attempt (`failed`: a retake),
 * nor Match Day beside SOAP answered. SOAP in progress from Monday's release (`soapUnderWay`) counts
 * as a done step here: taking part in SOAP needs NRMP registration.
 * Null for most plans (no answer not done is counted done).
 */
export function answersOverridden(
  reported: readonly MilestoneEntry[],
  entries: StepEntriesView,
  statuses: readonly MilestoneStatus[],
  applicable: readonly boolean[],
  failed: readonly { key: MilestoneKey }[],
  soapUnderWay = false,
): OverriddenAnswer[] | null {
  let out: OverriddenAnswer[] | null = null;
  for (let position = 0; position < reported.length; position++) {
    const entry = reported[position] as MilestoneEntry;
    if (!saysNotDone(entry.status)) continue;
    // A snapshot lists its milestones in catalog order: the entry held at its own position is at
    // that catalog index (entries holds an entry only at its key's index), a pointer compare. Any
    // other is looked up by key: a snapshot's keys are new strings each decode, and a Map look-up
    // of one costs a runtime call (the planner bench's CPU profile, fresh snapshots).
    const step = entries.at(position) === entry ? position : knownStepIndex(entry.key);
    if (step === undefined || statuses[step] !== "done" || entries.at(step) !== entry) continue;
    if (applicable[step] !== true || failed.some((each) => each.key === entry.key)) continue;
    // An accepted SOAP offer is the position: a contract or Statement of Need beside it needs no Match Day.
    if (step === MATCH_DAY_AT && SOAP_ANSWERED.has(entries.at(SOAP_AT)?.status ?? "not_started")) continue;
    const needers = NEEDED_BY[step] ?? [];
    for (let at = 0; at < needers.length; at++) {
      const { by, source } = needers[at] as { by: number; source: string };
      // SOAP taken part in (soapUnderWay, soap-taking-part.ts) needs NRMP registration as a done step does.
      const byDone = entries.at(by)?.status === "done" || (by === SOAP_AT && soapUnderWay);
      if (!byDone || applicable[by] !== true) continue;
      if (failed.some((each) => each.key === MILESTONE_CATALOG[by]?.key)) continue;
      out ??= [];
      out.push({ step, entry, by, source });
      break;
    }
  }
  return out;
}
