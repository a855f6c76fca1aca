import { BoundedMemo } from "../bounded-memo.ts";
import type { Interview } from "../snapshot.ts";

/**
 * The interview list the planner's memos already know, for a list equal in content to the one
 * planned last for this applicant, else a frozen copy of this one (kept as the applicant's).
 *
 * Why: the planner keeps what it derives from an applicant's interviews (each one's texts, id and
 * reminder ladders; the list's facts and visitor-visa risk) by the object it read them from, which
 * is only found again when the same object is planned again. The planner Lambda decodes every
 * stream record anew, so a re-plan of the same applicant meets equal interviews in new objects;
 * swapping in the known list once per plan makes those memos hit for every rule at the cost of
 * one look-up and a field-by-field comparison.
 *
 * Equal means the same length and, in order, the same five fields (id, program, startsAt, timezone,
 * format: every field of Interview). The copies are frozen, so a caller that later edits its own
 * input cannot change what another plan is given. One list per applicant, at most MAX_APPLICANTS:
 * each kept interview keeps its rendering and ladders alive (interviews.ts), so the bound counts
 * lists; a clear changes only the cost.
 *
 * @param applicantId the applicant's externalId: the key of the list kept for them
 * @param interviews the snapshot's interviews, as validated by InterviewSchema (at most MAX_INTERVIEWS)
 * @returns a list equal in content to `interviews`, frozen, its interviews frozen
 */
export function knownInterviews(applicantId: string, interviews: readonly Interview[]): readonly Interview[] {
  if (interviews.length === 0) return NO_INTERVIEWS;
  const known = listByApplicant.get(applicantId);
  if (known !== undefined && (known === interviews || sameInterviews(known, interviews))) return known;
  return listByApplicant.keep(applicantId, Object.freeze(interviews.map(frozenCopy)));
}

const NO_INTERVIEWS: readonly Interview[] = Object.freeze([]);
const MAX_APPLICANTS = 1_000;
const listByApplicant = new BoundedMemo<string, readonly Interview[]>(MAX_APPLICANTS);

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
