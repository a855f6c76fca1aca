import type { Risk } from "../plan.ts";
import { localDate, startOfLocalDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import { applicantDay, dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { J1_CONSULAR_ALLOWANCE_DAYS, J1_CONSULAR_ALLOWANCE_SOURCE, visaDayFrom } from "./j1-allowances.ts";
import { J1_SHORTEST_REVIEW_SOURCE } from "./j1-start-out-of-reach.ts";
import { addSource } from "./risk-sources.ts";
import { visaLineOf } from "./visa-moved-past-start.ts";

// Before the Match, on a J-1 (split out of j1-start-out-of-reach.ts): where the certificate's
// earliest day leaves the J-1 visa, told while the programs ranked can still be asked (or chosen).

/**
 * Before the Match (CERTIFICATION_AFTER_START's words for the programs ranked): on a J-1 whose
 * certificate, at the earliest (`certificateAt`), leaves the J-1 visa after the plan's own visa date,
 * where that visa stands on the visa phase's one line (visaLineOf): before the start's last week a
 * warning (the start can still hold), in its last week or after the start the verdict (critical);
 * with what to ask the programs ({programs}; {rank}: while the list is open, to rank those that can).
 * Null on any other track or when the visa keeps its date.
 */
export function j1StartOutOfReachBeforeMatch(
  context: PlanContext,
  dates: PlanDates,
  certificateAt: number,
  sources: string[],
): { words: string; critical: boolean } | null {
  const planned = dates.due("visa_j1");
  if (context.applicant.visa !== "J-1" || planned === null) return null;
  // In the applicant's days, as j1StartOutOfReach counts after the Match: the visa's day counts whole.
  const visaDay = visaDayFrom(localDate(context.zone, certificateAt));
  const line = visaLineOf(context, planned.at, dayEnd(context.zone, visaDay));
  if (line === "in time") return null;
  const visaAt = startOfLocalDate(context.zone, visaDay);
  addSource(sources, J1_SHORTEST_REVIEW_SOURCE);
  addSource(sources, J1_CONSULAR_ALLOWANCE_SOURCE);
  const chain = `ECFMG sponsors a J-1 physician only with a valid certificate and allows 4–6 weeks for its review once every document is in (we count the shorter, 4 weeks), and this plan allows ${J1_CONSULAR_ALLOWANCE_DAYS} days after your DS-2019 for the consular interview, so your J-1 visa would come around ${applicantDay(context, visaAt)} at the earliest`;
  const match = `The ${context.calendar.matchYear} Match stays planned: a program may hold your position for a later start.`;
  if (line === "before the last week")
    return {
      words: ` On a J-1, your visa may come after this plan's date for it (${dueDay(context, planned)}): ${chain}, before your start's last week, so your start can still hold, with less time to travel. Ask the programs {programs} whether they could hold your position for a delayed start should your visa slip{rank} (our advice). ${match}`,
      critical: false,
    };
  return {
    words: ` ${BEFORE_MATCH_WORDS}: ${chain}. Ask the programs {programs} whether they can hold your position for a delayed start{rank} (our advice). ${match}`,
    critical: true,
  };
}

/** The critical notice's title for it before the Match: the certificate itself may be in time for orientation. */
export const J1_START_OUT_OF_REACH_BEFORE_MATCH_TITLE =
  "A J-1 start on your program's date is out of reach: ask the programs you rank about a delayed start";

/** How the certificate's risk says the verdict before the Match, and how a stored risk is read as saying it. */
const BEFORE_MATCH_WORDS = "On a J-1, a start on your program's date is out of reach on these allowances";

/**
 * Whether `risk` tells the verdict before the Match: read from the certificate's risk's own message,
 * as the escalation and the advisor's digest hold only a risk's code and message (stored ones too).
 */
export function tellsJ1StartBeforeMatch(risk: Pick<Risk, "code" | "message">): boolean {
  return risk.code === "CERTIFICATION_AFTER_START" && risk.message.includes(BEFORE_MATCH_WORDS);
}
