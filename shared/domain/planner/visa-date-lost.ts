import type { CatalogEntry } from "../catalog/index.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { PlanContext } from "./context.ts";
import { applicantDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { h1bPetitionLastDay, petitionVerdictWords } from "./h1b-petition-last-day.ts";
import { petitionPastVisaDateChase } from "./h1b-petition-past-visa-date.ts";
import { j1StartOutOfReach, OUT_OF_REACH_WORDS } from "./j1-start-out-of-reach.ts";
import { lateVisaAtWords } from "./visa-moved-past-start.ts";

// A derived visa step past its date is chased weekly (visa-behind.ts). While the visa's own date
// holds, the chase says so; once the plan's verdict says the start is out of reach (J-1) or the
// H-1B petition's last filing day has come or gone (or, a few days before it, its warning band),
// the chase says what the plan says, never "still holds" beside a risk saying it cannot. The J-1 file's last day, before that verdict, is
// said by derivedStepPastWords (visa-step-late.ts), as the risk's own words.

/** The J-1 steps counted back from the J-1 visa, which the J-1 verdicts are about. */
const J1_CHAIN = new Set(["j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019"]);

/**
 * The chase's words for a derived visa step past its date (`missedWords`: that day with its label)
 * when the plan's verdict says the start is out of reach (J-1) or the H-1B petition's last filing day
 * has come, from the same verdict as the plan's risk; null otherwise (derivedStepPastWords speaks).
 */
export function visaDateLostWords(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "advisorName">,
  missedWords: string,
  dates: PlanDates,
): string | null {
  const passed = `This plan's day for your ${entry.advisorName}, ${missedWords}, has passed`;
  if (entry.key === "visa_h1b") {
    const petition = h1bPetitionLastDay(context, dates);
    // A few days past the filing day, the warning's words (the visa's date lost, the start holding).
    if (petition === null) return petitionPastVisaDateChase(context, dates);
    return `${passed}. ${petitionVerdictWords(context, petition, [])}`;
  }
  if (!J1_CHAIN.has(entry.key)) return null;
  const start = residencyStartWords(context.calendar.dates.residency_start, []);
  const out = j1StartOutOfReach(context, dates);
  if (out !== null)
    return `${passed}, and a start on ${start}${OUT_OF_REACH_WORDS}: your J-1 visa would come around ${applicantDay(context, out.visaAt)} at the earliest, ${lateVisaAtWords(context, out.visaAt)}. Tell your program's GME office now and ask whether it can hold your position for a delayed start, and until when (our advice).`;
  // The visa's date past reach while the start is not: derivedStepPastWords says it (the last day's words).
  return null;
}
