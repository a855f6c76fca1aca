import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { statusOf } from "./context.ts";
import { step3VisaDays } from "./h1b.ts";
import { matchDayPassedUnreported } from "./match-day-unreported.ts";
import { step3ApplicationUnderWay } from "./step3-sitting.ts";

/**
 * Whether Step 3 waits for the Match Day answer: on the H-1B track, not booked (not started, or
 * under way with no date), past Match Day with where they matched still untold
 * (matchDayPassedUnreported) and no contract begun (which would say they matched). Only a program
 * that files an H-1B petition needs Step 3, so its fee, the visitor visa for the trip and a test
 * date are not asked for until the applicant says where they matched: the card asks and names the
 * petition's sit-by day, and the step lays no reminder of its own (the Match Day notice chases the
 * answer). Once Match Day is done, the rules after the Match apply.
 */
export function step3AwaitsMatchAnswer(context: PlanContext): boolean {
  if (context.applicant.visa !== "H-1B") return false;
  const status = statusOf(context, "usmle_step3");
  if (status !== "not_started" && status !== "in_progress") return false;
  if (context.entries.get("usmle_step3")?.date !== undefined) return false;
  return statusOf(context, "contract") === "not_started" && matchDayPassedUnreported(context);
}

/**
 * Step 3's card while it waits for the Match Day answer (step3AwaitsMatchAnswer), after the words
 * that ask where they matched and give the petition's sit-by day (step3PetitionNeeds): what it holds
 * back, never "apply now". Null for any other step or plan: the card's own words stand.
 */
export function step3AwaitsMatchAction(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
): string | null {
  if (entry.key !== "usmle_step3" || (status !== "not_started" && status !== "in_progress")) return null;
  if (!step3AwaitsMatchAnswer(context)) return null;
  const abroad = step3VisaDays(context) > 0;
  // Under way, the FSMB application (and its fee) may already be paid: what is held back is what follows it.
  if (step3ApplicationUnderWay(context)) return abroad ? UNDER_WAY_ABROAD : UNDER_WAY_IN_US;
  return abroad ? HELD_ABROAD : HELD_IN_US;
}

const HELD =
  "Until you tell us, this plan asks you to pay for nothing for Step 3 (your budget lists its fee apart, not counted, until you know):";
const THEN =
  "wait for your answer; once you have told us, it gives you the day for each, with its reminders.";
const HELD_ABROAD = `${HELD} the FSMB application with its exam fee, a US visitor visa (B-1/B-2) for the trip and a test date ${THEN}`;
const HELD_IN_US = `${HELD} the FSMB application with its exam fee and a test date ${THEN}`;
const UNDER_WAY =
  "With your FSMB application under way (its exam fee may already be paid), this plan asks you to";
const UNDER_WAY_ABROAD = `${UNDER_WAY} book no test date and apply for no US visitor visa (B-1/B-2) for the trip until you tell us where you matched; once you have told us, it gives you the day for each, with its reminders.`;
const UNDER_WAY_IN_US = `${UNDER_WAY} book no test date until you tell us where you matched; once you have told us, it gives you the day to sit it by, with its reminders.`;
