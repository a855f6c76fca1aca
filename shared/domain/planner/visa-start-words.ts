import type { Visa } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { DoneBeforeSeason } from "./done-before-season.ts";

// VISA_NOT_READY_FOR_START's closing words (split out of visa-start-risk.ts): who to contact, by
// track and route, and what to say of a visa the applicant reported done on a date the season
// cannot give (done-before-season.ts), whose earlier steps the plan still asks for.

/**
 * Who to contact, by visa track. Until a route is chosen the words stay route-neutral
 * (the critical notice said "your J-1 visa" and sent an undecided applicant to ECFMG beside
 * VISA_UNDECIDED, which asks them to choose): the program's GME office says which visa it
 * sponsors, and each route's sponsor is named only as an option. With no visa needed (a US citizen
 * or permanent resident), only the contract is in this chain.
 */
const TRACK_ADVICE: Record<Visa, string> = {
  "J-1":
    "Without your J-1 visa you cannot start. Contact your program's GME office and ECFMG (it sponsors J-1 physicians) now",
  "H-1B":
    "Without your H-1B visa you cannot start. Contact your program's GME office (it files the H-1B petition) now",
  undecided:
    "Without your visa you cannot start. Contact your program's GME office now: it decides which visa it sponsors (a J-1 through ECFMG, the only J-1 sponsor for physicians, or an H-1B that the program files itself); choose your route with it",
  none: "Without your signed contract you cannot start. Contact your program's GME office now",
};

/** TRACK_ADVICE's H-1B words on the change-of-status route (changeOfStatus): status, never a visa. */
export const CHANGE_OF_STATUS_ADVICE =
  "Without your H-1B status you cannot start: your program's petition asks USCIS for a change of status, which must be approved first. Contact your program's GME office (it files the H-1B petition) now";

/**
 * TRACK_ADVICE's H-1B words in the US before the program says which route it files
 * (h1bInUs): a change of status brings H-1B status with no visa stamp, consular processing a visa.
 */
export const IN_US_ADVICE =
  "Without your H-1B status (change of status) or visa you cannot start. Contact your program's GME office (it files the H-1B petition and chooses the route) now";

/** The visas a track's "Without your … visa" names, as the applicant reports them done. */
export const VISA_STEP_OF: Partial<Record<Visa, DoneBeforeSeason["key"]>> = {
  "J-1": "visa_j1",
  "H-1B": "visa_h1b_stamping",
};

/** How that visa is named when reported done on a date to check. */
const VISA_DONE_NAME: Partial<Record<Visa, string>> = {
  "J-1": "your J-1 visa was issued",
  "H-1B": "your H-1B visa was stamped",
};

/**
 * TRACK_ADVICE for the applicant's track; with the track's visa reported done on a date flagged as
 * before the season allows (context.doneBeforeSeason, DONE_DATES_OUT_OF_ORDER asks which date is
 * right), the words fit a visa the applicant says they hold: check that date, and only if the visa
 * is not in hand yet, no start without it.
 */
export function trackAdvice(context: PlanContext): string {
  const visa = context.applicant.visa;
  const advice = TRACK_ADVICE[visa];
  const flagged = visaReportedEarly(context);
  if (flagged === undefined) return advice;
  const contact = advice.slice(advice.indexOf(". ") + 2);
  // Reported with no date, the answer is checked as of the plan's day: no date to name.
  const when = flagged.date === undefined ? "" : ` on ${renderDate(flagged.date)}`;
  return `You told us ${VISA_DONE_NAME[visa]}${when}, though the steps it needs are still open here: check that${flagged.date === undefined ? " answer" : " date"} (your plan asks about it). If you do not hold the visa yet, you cannot start without it. ${contact}`;
}

/** The track's visa reported done on a date flagged as before the season allows (trackAdvice), if so. */
export function visaReportedEarly(context: PlanContext): DoneBeforeSeason | undefined {
  const key = VISA_STEP_OF[context.applicant.visa];
  return key === undefined ? undefined : context.doneBeforeSeason?.find((each) => each.key === key);
}

/** VISA_NOT_READY_FOR_START's notice title beside a visa reported done on a date to check (visaReportedEarly). */
export const VISA_REPORTED_EARLY_TITLE =
  "Your visa steps are behind, and the date you gave for your visa needs checking: without the visa you cannot start residency";

/**
 * VISA_NOT_READY_FOR_START's opening: whose steps are behind. With no visa needed (a US citizen or
 * permanent resident) the chain is the contract alone, and "visa steps" would name steps she has
 * none of; on the change-of-status route and in the US before the route is told, H-1B steps.
 */
export function behindOpening(context: PlanContext, h1bStatus: boolean): string {
  if (context.applicant.visa === "none") return "Your contract is behind";
  return `Your ${h1bStatus ? "H-1B" : "visa"} steps are behind`;
}

/** VISA_NOT_READY_FOR_START's closing advice: the change-of-status route's, in the US before the route is told, or the track's. */
export function behindAdvice(context: PlanContext, changeOfStatus: boolean, inUs: boolean): string {
  return changeOfStatus ? CHANGE_OF_STATUS_ADVICE : inUs ? IN_US_ADVICE : trackAdvice(context);
}

/** VISA_NOT_READY_FOR_START's notice title with no visa needed: the contract alone (behindOpening). */
export const NO_VISA_BEHIND_TITLE = "Your contract is not signed: you cannot start residency without it";

/** VISA_NOT_READY_FOR_START's notice title with IN_US_ADVICE: status or visa, as its text. */
export const IN_US_BEHIND_TITLE =
  "Your H-1B steps are behind: you cannot start residency without your H-1B status (change of status) or visa";
