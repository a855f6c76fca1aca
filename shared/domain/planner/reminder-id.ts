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
  // strings, so no key is built per lookup. Bounded by subjects across deadlines (see idCache).
  const subject = interviewId === undefined ? milestone : `interview|${interviewId}`;
  let bySubject = idCache.get(deadline);
  let byRung = bySubject?.get(subject);
  if (byRung === undefined) {
    if (subjectsHeld >= MAX_SUBJECTS) {
      idCache.clear();
      subjectsHeld = 0;
      bySubject = undefined;
    }
    if (bySubject === undefined) {
      bySubject = new Map();
      idCache.set(deadline, bySubject);
    }
    byRung = new Map();
    bySubject.set(subject, byRung);
    subjectsHeld++;
  }
  const cached = byRung.get(rung);
  if (cached !== undefined) return cached;
  const id = `r-${stableHash(`${milestone}|${interviewId ?? ""}|${rung}|${deadline}`)}`;
  byRung.set(rung, id);
  return id;
}

/**
 * Ids by deadline, subject and rung. Bounded by the subjects held across all deadlines, not by
 * deadlines: interviews at one instant (9:00 AM at a program on an interview day) are many
 * applicants' subjects under one deadline, so a bound on deadlines does not bound memory (bench:
 * `planner.heap_after_new_interviews`). At the bound the memo is cleared: a clear changes only the cost.
 */
const idCache = new Map<number, Map<string, Map<string, string>>>();
const MAX_SUBJECTS = 20_000;
let subjectsHeld = 0;
