import { BoundedMemo } from "../bounded-memo.ts";
import type { Interview } from "../snapshot.ts";

const startCache = new BoundedMemo<string, number>(50_000);

/**
 * The interview's start instant (epoch ms, Date.parse of its ISO `startsAt`; NaN if unparsable).
 * Parsing ISO text is slow enough to be worth a bounded memo: the planner reads every interview's
 * start several times a plan (its steps, its ids, whether the applicant is interviewing for the Match).
 */
export function interviewStart(interview: Interview): number {
  const cached = startCache.get(interview.startsAt);
  if (cached !== undefined) return cached;
  return startCache.keep(interview.startsAt, Date.parse(interview.startsAt));
}
