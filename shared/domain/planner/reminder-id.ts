import { BoundedMemo } from "../bounded-memo.ts";
import { stableHash } from "../hash.ts";
import type { StepSubject } from "../plan.ts";

/**
 * A reminder's id depends only on what it announces (milestone, interview, rung, deadline
 * instant), never on `now` or the send time: re-planning yields the same id for the same
 * reminder, and a moved deadline yields a new id, so stored reminders are replaced, not duplicated.
 * Ids are unique within one applicant's plan; stores key them by applicant.
 */
export function reminderId(
  milestone: StepSubject,
  interviewId: string | undefined,
  rung: string,
  deadline: number,
): string {
  // Memoised per deadline, subject and rung: many applicants share season deadlines, and hashing
  // is the costliest part of building a reminder (see BENCHMARKS.md). Keys are the catalog's own
  // strings, so no key is built per lookup. Bounded so a long-lived process cannot grow it.
  let bySubject = idCache.get(deadline);
  if (bySubject === undefined) bySubject = idCache.keep(deadline, new Map());
  const subject = interviewId === undefined ? milestone : `interview|${interviewId}`;
  let byRung = bySubject.get(subject);
  if (byRung === undefined) {
    byRung = new Map();
    bySubject.set(subject, byRung);
  }
  const cached = byRung.get(rung);
  if (cached !== undefined) return cached;
  const id = `r-${stableHash(`${milestone}|${interviewId ?? ""}|${rung}|${deadline}`)}`;
  byRung.set(rung, id);
  return id;
}

const idCache = new BoundedMemo<number, Map<string, Map<string, string>>>(20_000);
