import type * as z from "zod/v4/core";
import type { Interview, InterviewChange, MilestoneEntry } from "./snapshot.ts";

/*
 * The "each once" rules of the intake contracts (snapshot.ts): one transaction may not write one
 * DynamoDB item twice, so a list naming one milestone or interview twice is refused by the schema.
 */

/** What an interview is known by: its operator id, else its program and start instant (whatever its UTC offset). */
function interviewIdentity(interview: Interview | InterviewChange): string {
  if (interview.id !== undefined) return `id ${interview.id}`;
  return "program" in interview
    ? // The instant, not its text: 14:00-05:00 and 19:00Z are one interview.
      `program and startsAt ${interview.program.trim()} ${Date.parse(interview.startsAt)}`
    : "";
}

/**
 * Two interviews that the store would keep under one key (DynamoDB refuses a transaction writing
 * one item twice): both are named, each pointing at the other.
 */
export function uniqueInterviews(
  interviews: readonly (Interview | InterviewChange)[],
  ctx: z.$RefinementCtx,
): void {
  const first = new Map<string, number>();
  interviews.forEach((interview, index) => {
    const identity = interviewIdentity(interview);
    const earlier = first.get(identity);
    if (earlier === undefined) {
      first.set(identity, index);
      return;
    }
    const field = interview.id !== undefined ? "id" : "startsAt";
    const message = (other: number) =>
      `interviews.${other} has the same ${interview.id !== undefined ? "id" : "program and startsAt"}; ` +
      "each interview must be listed once (give distinct ids)";
    ctx.addIssue({ code: "custom", path: [earlier, field], message: message(index) });
    ctx.addIssue({ code: "custom", path: [index, field], message: message(earlier) });
  });
}

export function uniqueMilestoneKeys(entries: readonly MilestoneEntry[], ctx: z.$RefinementCtx): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.key)) {
      ctx.addIssue({ code: "custom", path: [index, "key"], message: `milestone ${entry.key} appears twice` });
    }
    seen.add(entry.key);
  });
}
