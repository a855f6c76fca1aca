import type { Risk } from "../plan.ts";
import { CHECK_R3_IF_LATER } from "./later-candidate.ts";

/**
 * How SEASON_OVER stands for the advisor, who reads a heading before the plan's words: "over" once
 * nothing in that Match is left to try; before that, what is still open. Read from the risk's own
 * words, since the escalation and the digest hold only a risk's code and message (stored
 * escalations too), so the heading fits the words it heads:
 * - "laterDeadline": the rank order list deadline is projected and its later candidate is ahead, so
 *   R3 may still take a list (the words' laterCandidateHedge, CHECK_R3_IF_LATER);
 * - "soap": SOAP is still open to them if R3 shows them eligible (the words' SOAP_OPEN_IF_ELIGIBLE);
 * - "laterDeadlineAndSoap": both.
 * A heading "The Match season is over" above words saying to check R3 and that SOAP is open read as
 * final, and the advisor did not step in. Pure.
 */
export type SeasonOverStanding = "over" | "laterDeadline" | "soap" | "laterDeadlineAndSoap";

/** SEASON_OVER's words while SOAP is open to the applicant (season-over-risk.ts soapStillOpenWords). */
export const SOAP_OPEN_IF_ELIGIBLE = "if R3 shows you eligible that Monday";

export function seasonOverStanding(risk: Pick<Risk, "message">): SeasonOverStanding {
  const later = risk.message.includes(CHECK_R3_IF_LATER);
  const soap = risk.message.includes(SOAP_OPEN_IF_ELIGIBLE);
  return later ? (soap ? "laterDeadlineAndSoap" : "laterDeadline") : soap ? "soap" : "over";
}

/** SEASON_OVER's heading for the advisor (escalation, digest), by how it stands. */
export const SEASON_OVER_TITLES: Readonly<Record<SeasonOverStanding, string>> = {
  over: "The Match season is over without a certified rank order list",
  laterDeadline: "No certified rank order list by the projected deadline: NRMP's may be later, check R3",
  soap: "No certified rank order list: the Match itself is closed, SOAP is still open if R3 allows",
  laterDeadlineAndSoap:
    "No certified rank order list by the projected deadline: NRMP's may be later, and SOAP is still open if R3 allows",
};

/**
 * SEASON_OVER's notice title to the applicant while NRMP's later deadline may still be open (its
 * notice goes out then, SOAP open or not), by how it stands: the subject, the one line many read,
 * says what the words say. While SOAP is open to them too, never "the Match is over for you": SOAP
 * is part of that Match ({year}: the target Match).
 */
export function seasonOverNoticeTitle(risk: Pick<Risk, "message">): string {
  return seasonOverStanding(risk) === "laterDeadlineAndSoap"
    ? "No certified rank order list by the projected deadline: check R3 now, NRMP's may be later, and SOAP in Match Week is still open to you if R3 shows you eligible"
    : "Check R3 now: the {year} Match is over for you unless NRMP's deadline is later than projected";
}

/** SEASON_OVER's first sentence to the advisor, by how it stands: never "over" while something is open. */
export function seasonOverVoice(
  standing: SeasonOverStanding,
  { fullName, matchYear }: { fullName: string; matchYear: number },
): string {
  const later = `NRMP's deadline may be later than our projection, so R3 may still take a list`;
  const soap = "SOAP in Match Week is still open to them if R3 shows them eligible";
  switch (standing) {
    case "over":
      return `The ${matchYear} Match season is over and ${fullName} has no certified rank order list.`;
    case "laterDeadline":
      return `${fullName} has no certified rank order list by our projected ${matchYear} deadline: ${later}.`;
    case "soap":
      return `${fullName} has no certified rank order list, so cannot match in the ${matchYear} Match itself; ${soap}.`;
    case "laterDeadlineAndSoap":
      return `${fullName} has no certified rank order list by our projected ${matchYear} deadline: ${later}, and ${soap}.`;
  }
}
