import type { Plan } from "#domain/plan.ts";
import { DAY_MS } from "#domain/time.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { ESCALATION_ID_PREFIX, escalationIdParts } from "./escalation.ts";

/**
 * What the advisor was emailed about this applicant on its own (an escalation the ledger marks sent)
 * in the day before the digest's instant (`plan.now`): since the last daily run, as digests run
 * once a day. The digest leaves those out: the escalation email said them hours earlier with the
 * same words, and an advisor with a cohort read the same news twice the same day. Each as
 * `risk:<CODE>` or `overdue:<subject>` of the plan's Match (escalationIdParts); what was withheld
 * (never emailed) stays in the digest. Pure.
 */
export function escalatedToday(state: ApplicantState, plan: Plan): ReadonlySet<string> {
  const since = Date.parse(plan.now) - DAY_MS;
  const told = new Set<string>();
  for (const entry of state.ledger) {
    if (!entry.reminderId.startsWith(ESCALATION_ID_PREFIX) || entry.status !== "sent") continue;
    if (entry.sentAt === undefined || Date.parse(entry.sentAt) < since) continue;
    const { kind, subject, matchYear } = escalationIdParts(entry.reminderId);
    if (matchYear === undefined || matchYear === plan.matchYear) told.add(`${kind}:${subject}`);
  }
  return told;
}
