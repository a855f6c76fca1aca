import type { CatalogEntry } from "../catalog/index.ts";
import { MATCH_DAY_REPORT_TITLE } from "../leading-step.ts";
import { localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { j1SponsorshipLastDay } from "./j1-sponsorship-last-day.ts";
import { j1StartOutOfReach } from "./j1-start-out-of-reach.ts";
import { phasedIn, type SeasonTexts } from "./match-outcome-texts.ts";

// Match Day untold by a J-1 applicant who told us she matched: once the J-1 verdict says a start on
// the program's date is out of reach (the file's last day gone by, or even a file complete today too
// late), its card's "each week lost can push back your start on Thu 1 Jul" sat beside that critical.
// The card then says what the critical says, and keeps asking where she matched.

/** Where the late words' question ends; the J-1 verdict's words follow it in place of "each week lost". */
const ASKED = "(mark Match Day done)";
const OUT_OF_REACH =
  ": on this plan's allowances a J-1 start on your program's date is already out of reach, so tell your program's GME office now and ask whether it can hold your position for a delayed start, and until when (programs hold one only briefly), and keep your contract and J-1 steps moving the day you can (our advice).";

/** Whether the J-1 verdict says the start on the program's date is out of reach (its last day gone by, or out of reach outright). */
export function j1StartLost(context: PlanContext, dates: PlanDates): boolean {
  if (context.applicant.visa !== "J-1") return false;
  if (j1StartOutOfReach(context, dates) !== null) return true;
  const last = j1SponsorshipLastDay(context, dates);
  return last !== null && last.lastDay < localDate(context.zone, context.now);
}

/** The card's entry for it: matchedDayLateAction's question, then the verdict, made once per season texts and entry. */
export function matchedOutOfReachEntry(texts: SeasonTexts, entry: CatalogEntry): CatalogEntry {
  let made = madeBy.get(texts);
  if (made === undefined) {
    made = new Map();
    madeBy.set(texts, made);
  }
  const late = texts.matchedDayLateAction;
  const at = late.indexOf(ASKED);
  const action = at < 0 ? late : `${late.slice(0, at + ASKED.length)}${OUT_OF_REACH}`;
  return phasedIn(made, entry, MATCH_DAY_REPORT_TITLE, action);
}
const madeBy = new WeakMap<SeasonTexts, Map<CatalogEntry, CatalogEntry>>();
