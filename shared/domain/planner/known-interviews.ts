import { BoundedMemo } from "../bounded-memo.ts";
import type { Interview } from "../snapshot.ts";

/**
 * The interview list the planner's memos already know, for a list equal in content to one planned
 * before, else a frozen copy of this one (returned from now on for equal lists).
 *
 * Why: the planner keeps what it derives from an applicant's interviews (each one's texts, id and
 * reminder ladders; the list's facts and visitor-visa risk) by the object it read them from, which
 * is only found again when the same object is planned again. The planner Lambda decodes every
 * stream record anew, so a re-plan of the same applicant meets equal interviews in new objects and
 * missed every one of those memos (planner bench, `planner.throughput_fresh_snapshots`: 11,000
 * plans/s against 26,000 on the same objects). Swapping in the known list once per plan makes them
 * hit for every rule at the cost of one look-up and a field-by-field comparison.
 *
 * Equal means the same length and, in order, the same five fields (id, program, startsAt, timezone,
 * format: every field of Interview). The copies are frozen, so a caller that later edits its own
 * input cannot change what another plan is given. Bounded like every planner memo: a clear changes
 * only the cost.
 *
 * @param interviews the snapshot's interviews, as validated by InterviewSchema (at most MAX_INTERVIEWS)
 * @returns a list equal in content to `interviews`, frozen, its interviews frozen
 */
export function knownInterviews(interviews: readonly Interview[]): readonly Interview[] {
  const first = interviews[0];
  if (first === undefined) return NO_INTERVIEWS;
  let lists = listsByFirstStart.get(first.startsAt);
  if (lists !== undefined) {
    for (let index = 0; index < lists.length; index++) {
      const known = lists[index] as readonly Interview[];
      if (known === interviews || sameInterviews(known, interviews)) return known;
    }
  } else lists = listsByFirstStart.keep(first.startsAt, []);
  const copy = Object.freeze(interviews.map(frozenCopy));
  // Applicants who share a first interview's start each keep theirs; a few at most per start.
  if (lists.length >= LISTS_PER_FIRST_START) lists.shift();
  lists.push(copy);
  return copy;
}

const NO_INTERVIEWS: readonly Interview[] = Object.freeze([]);
const LISTS_PER_FIRST_START = 8;
// Keyed by the first interview's start: a short string every list has, and few lists share one.
const listsByFirstStart = new BoundedMemo<string, (readonly Interview[])[]>(4_000);

function sameInterviews(known: readonly Interview[], interviews: readonly Interview[]): boolean {
  if (known.length !== interviews.length) return false;
  for (let index = 0; index < known.length; index++) {
    const left = known[index] as Interview;
    const right = interviews[index] as Interview;
    if (
      left.startsAt !== right.startsAt ||
      left.program !== right.program ||
      left.timezone !== right.timezone ||
      left.format !== right.format ||
      left.id !== right.id
    )
      return false;
  }
  return true;
}

/** The interview's own fields, in the schema's order, frozen (an id left out stays left out). */
function frozenCopy(interview: Interview): Interview {
  const { id, program, startsAt, timezone, format } = interview;
  return Object.freeze(
    id === undefined ? { program, startsAt, timezone, format } : { id, program, startsAt, timezone, format },
  );
}
