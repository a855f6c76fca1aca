import { BoundedMemo } from "#domain/bounded-memo.ts";
import {
  type CohortFacts,
  type CohortFactsFrom,
  changeInstants,
  planFacts,
  upcomingFactsBy,
} from "#domain/console/row-as-of.ts";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { Planning } from "./planning.ts";
import { sentRemindersOf } from "./sent-reminders.ts";

/**
 * The cohort row's look-ahead (row-as-of.ts) re-runs the planner at each instant ahead where time
 * alone may change the row: about a dozen plans for every plan stored. Most plans stored are
 * re-plans with the same inputs (a reminder's wake-up changes mostly the ledger, of which the
 * planner reads only the sent marks it is passed), and those ask for the same instants again. The planner is pure, so the facts of
 * one applicant's inputs at one instant never change: they are kept per applicant while the
 * inputs (`Planning.planInputs`) stay the same, and a warm process re-plans only the instants it
 * has not seen. A clear of the memo or a changed input costs re-planning, never a different row.
 */

/** Applicants whose look-ahead facts are kept, per Planning; about 2 KB each. */
const APPLICANTS_KEPT = 2_000;

interface KnownFacts {
  /** `Planning.planInputs` of the state these facts were planned from. */
  inputs: string;
  /** Facts by instant (ISO UTC). */
  byInstant: Map<string, CohortFacts>;
}

const memos = new WeakMap<Planning, BoundedMemo<string, KnownFacts>>();

/**
 * The row's facts at each instant ahead of `plan` where they change (CohortFactsFrom, ascending,
 * at most MAX_UPCOMING_FACTS), as `upcomingFacts` with `planning.plan` gives them. Memoised only
 * when `planning` says what its plans read (`planInputs`).
 */
export function lookAheadFacts(state: ApplicantState, plan: Plan, planning: Planning): CohortFactsFrom[] {
  const instants = changeInstants(plan, [
    ...(planning.seasonInstants?.(state) ?? []),
    ...marksAhead(state, plan),
  ]);
  const facts = (at: Plan) => planFacts(at, state.profile.timezone, state.interviews);
  const planAt = (from: string) => facts(planning.plan(state, new Date(from)));
  const inputs = planning.planInputs?.(state);
  if (inputs === undefined) return upcomingFactsBy(facts(plan), instants, planAt);
  const known = knownFacts(planning, state.profile.applicantId, inputs);
  return upcomingFactsBy(facts(plan), instants, (from) => {
    const seen = known.get(from);
    if (seen !== undefined) return seen;
    const frozen = deepFreeze(planAt(from));
    known.set(from, frozen);
    return frozen;
  });
}

/**
 * The instants of the ledger's sent marks after `plan`'s now: a plan as of an earlier instant does
 * not know of them (planner/sent-reminders.ts sentAt), so the notice a wake-up planned at its fire
 * time and sent a few seconds later is laid at once again in a look-ahead before its mark, and
 * the row named it the next email for days after it was delivered. Just after a mark, the
 * look-ahead sees it sent.
 */
function marksAhead(state: ApplicantState, plan: Plan): string[] {
  return Object.values(sentRemindersOf(state.ledger) ?? {}).filter((at) => at > plan.now);
}

function knownFacts(planning: Planning, applicantId: string, inputs: string): Map<string, CohortFacts> {
  let memo = memos.get(planning);
  if (memo === undefined) {
    memo = new BoundedMemo(APPLICANTS_KEPT);
    memos.set(planning, memo);
  }
  const known = memo.get(applicantId);
  if (known !== undefined && known.inputs === inputs) return known.byInstant;
  return memo.keep(applicantId, { inputs, byInstant: new Map() }).byInstant;
}

/** Facts shared between rows must not change under one of them. */
function deepFreeze(facts: CohortFacts): CohortFacts {
  Object.freeze(facts.risks.codes);
  Object.freeze(facts.risks);
  if (facts.nextDeadline?.deadline !== undefined) Object.freeze(facts.nextDeadline.deadline);
  if (facts.nextDeadline !== undefined) Object.freeze(facts.nextDeadline);
  return Object.freeze(facts);
}
