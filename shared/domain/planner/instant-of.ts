import { BoundedMemo } from "../bounded-memo.ts";

/**
 * The instant (epoch ms) of an ISO 8601 text the plan made itself: a rendered deadline's `at` or
 * `dueBy`, MATCH_YEAR_LAST_DAY's `lastWorkingAt`. Date.parse's result, memoised: plans share these
 * texts (isoUtc keeps one string per instant), and Date.parse on every plan costs about 2 % of the
 * planner bench's instructions (callgrind), 0.8 % at the four risk and notice sites reading the
 * same last day alone.
 */
export function instantOf(iso: string): number {
  const known = instants.get(iso);
  return known !== undefined ? known : instants.keep(iso, Date.parse(iso));
}

const instants = new BoundedMemo<string, number>(20_000);
