import type { Risk } from "../plan.ts";

/**
 * Which NRMP_LATE_FEE a risk is, read from its own message, so the advisor's console, the digest and
 * escalations (which hold only a risk's code and message, stored escalations too) say what the
 * applicant is told: registration planned for a day after it closes or for its closing day
 * (planned-at-close.ts), or not registered while interviewing (late-step-risks.ts), rather than
 * the generic "after the early deadline NRMP charges a late fee". The words below are in those
 * messages, written with these constants. Pure.
 */
export type NrmpLateFeeKind = "after-close" | "on-close" | "interviewing";

/** In the planned-after-close message: "You plan to register with NRMP on <day>, after NRMP registration closes, …". */
export const AFTER_CLOSE_WORDS = "after NRMP registration closes";
/** In the planned-on-close message: "…, the day NRMP registration closes, …". */
export const ON_CLOSE_WORDS = "the day NRMP registration closes";
/** In the interviewing message: "You have interviews for the 2027 Match but are not registered with NRMP". */
export const INTERVIEWING_WORDS = "Match but are not registered with NRMP";

const PLANNED = "plan to register with NRMP on ";

/** The kind of an NRMP_LATE_FEE risk with words more specific than the late fee; undefined otherwise. */
export function nrmpLateFeeKind(risk: Pick<Risk, "code" | "message">): NrmpLateFeeKind | undefined {
  if (risk.code !== "NRMP_LATE_FEE") return undefined;
  const { message } = risk;
  if (message.includes(PLANNED) && message.includes(`, ${AFTER_CLOSE_WORDS}, `)) return "after-close";
  if (message.includes(PLANNED) && message.includes(`, ${ON_CLOSE_WORDS}, `)) return "on-close";
  return message.includes(INTERVIEWING_WORDS) ? "interviewing" : undefined;
}
