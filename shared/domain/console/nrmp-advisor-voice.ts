import type { Risk } from "#domain/plan.ts";
import { type NrmpLateFeeKind, nrmpLateFeeKind } from "#domain/planner/nrmp-late-fee-kind.ts";
import { asksNrmpRegistration } from "#domain/planner/nrmp-registration-asked.ts";
import type { AboutApplicant } from "./advisor-voice.ts";

/**
 * NRMP_LATE_FEE where the plan tells the applicant more than the late fee (nrmpLateFeeKind): the
 * advisor reads what is at stake, the Match, not only the fee.
 */
const NRMP_LATE_FEE_VOICE: Record<NrmpLateFeeKind, (about: AboutApplicant) => string> = {
  "after-close": ({ fullName, matchYear }) =>
    `${fullName} plans to register with NRMP on a day after registration closes (with the rank order list deadline): unless they register before it closes, they cannot take part in the ${matchYear} Match.`,
  "on-close": ({ fullName, matchYear }) =>
    `${fullName} plans to register with NRMP on the day registration closes, the same hour rank order lists are due: they should register now, or they cannot take part in the ${matchYear} Match.`,
  interviewing: ({ fullName, matchYear }) =>
    `${fullName} is interviewing for the ${matchYear} Match but has not registered with NRMP: until they register they cannot certify a rank order list, and so cannot match; a late fee applies after the early registration deadline.`,
};

/** NRMP_LATE_FEE asking whether the applicant registered (asksNrmpRegistration). */
const NRMP_ASKED_VOICE = ({ fullName, matchYear }: AboutApplicant): string =>
  `${fullName} is interviewing for the ${matchYear} Match but has not told us whether they registered with NRMP; if not, they must register now (a late fee applies after the early registration deadline) to certify a rank order list.`;

/**
 * NRMP_LATE_FEE's advisor voice where the plan's message is more than the late fee: asking whether
 * they registered (asksNrmpRegistration), or nrmpLateFeeKind's; undefined for the generic one
 * (advisor-voice.ts's). Pure.
 */
export function nrmpVoice(
  risk: Pick<Risk, "code" | "message">,
): ((about: AboutApplicant) => string) | undefined {
  if (asksNrmpRegistration(risk)) return NRMP_ASKED_VOICE;
  const kind = nrmpLateFeeKind(risk);
  return kind === undefined ? undefined : NRMP_LATE_FEE_VOICE[kind];
}
