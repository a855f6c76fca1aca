import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { localDate, renderDate } from "../time.ts";
import { CONSULAR_WAIT_DAYS, VISITOR_VISA_WAIT_SOURCE } from "./advice.ts";
import { indexedStep, PREREQUISITES_AT } from "./catalog-index.ts";
import { isFinished, isSatisfiedAt, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { step3ChainNow, step3VisaDays } from "./h1b.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import { addSource } from "./risk-sources.ts";

// On the H-1B track abroad, Step 3 waits for the ECFMG certificate (official), but the visitor
// visa (B-1/B-2) for its trip does not, and this plan's allowance for the visa's interview (advice)
// is longer than FSMB's processing (official): asked for only once the certificate is issued, the
// visa is what holds Step 3 back. So with the certificate expected within that allowance (its
// earliest day, as STEP3_NEEDED_FOR_H1B counts it), the visa is asked for now, on the certificate's
// card and in the risk; not earlier (a hopeful with the exams ahead is asked for no fee a year
// before the trip), not once Step 3 is booked (its trip's own words speak then), and not once
// ranking is over (Step 3 then waits on where the applicant matched). The certificate may wait on
// an exam already booked (Step 2 CK's result pending): expected within the allowance, it is asked
// for all the same, and its wait then counts from today (earliestPetitionSitting).

const STEP3 = indexedStep("usmle_step3");
const CERTIFICATION = indexedStep("ecfmg_certification");

/** Whether the visitor visa is to be asked for now, before the certificate is issued (see above). */
export function visaBeforeCertificate(context: PlanContext): boolean {
  const visaDays = step3VisaDays(context);
  if (visaDays === 0 || isFinished(statusAt(context, CERTIFICATION.index))) return false;
  // The certificate's step not blocked, or blocked only by exams booked or sat whose result is
  // awaited: it is what is expected soon (an exam still to book is no certificate within weeks).
  if ((PREREQUISITES_AT[CERTIFICATION.index] ?? []).some((each) => !satisfiedOrAwaited(context, each.index)))
    return false;
  // Once ranking is over, Step 3 waits on where the applicant matched (its card asks): no fee pushed.
  if (context.now > context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at)
    return false;
  if (isFinished(statusAt(context, STEP3.index)) || context.entries.at(STEP3.index)?.date !== undefined)
    return false;
  const { certificateAt } = step3ChainNow(context, feasibilityOf(context).readyAt);
  return certificateAt <= shiftDays(context.now, context.zone, visaDays);
}

/** A prerequisite finished (or not applicable), or under way with a day given: booked or sat, its result awaited. */
function satisfiedOrAwaited(context: PlanContext, index: number): boolean {
  if (isSatisfiedAt(context, index)) return true;
  const status = statusAt(context, index);
  return (
    (status === "scheduled" || status === "in_progress") && context.entries.at(index)?.date !== undefined
  );
}

/**
 * The ask while visaBeforeCertificate, its allowance labelled as advice (its source added to
 * `sources`), with the exams the certificate still waits on (awaitedExamWords), else "".
 */
export function visitorVisaNowWords(context: PlanContext, sources: string[]): string {
  if (!visaBeforeCertificate(context)) return "";
  addSource(sources, VISITOR_VISA_WAIT_SOURCE);
  return `${VISA_BEFORE_CERTIFICATE}${awaitedExamWords(context)}`;
}

const VISA_BEFORE_CERTIFICATE = ` Apply for the US visitor visa (B-1/B-2) for Step 3's trip now, unless you hold a valid one: only Step 3 itself waits for your ECFMG certificate, and the visa's interview wait is longer than FSMB's processing (this plan allows ${CONSULAR_WAIT_DAYS} days, our advice; check your consulate's in the State Department's Global Visa Wait Times tool), so applied for only once your certificate is issued, the visa would hold Step 3 back (our advice).`;

/**
 * The exams the certificate still waits on (booked, or sat with the result awaited) in words: the ask
 * for a visa paid now leans on their pass, and an exam not sat yet is no pass yet; a dated Pathway
 * is no exam to sit but an application ECFMG has yet to accept ("Complete an ECFMG Pathway, planned
 * for … and not sat yet" called it one). "" when none.
 */
function awaitedExamWords(context: PlanContext): string {
  const today = localDate(context.zone, context.now);
  const exams: string[] = [];
  let pathway = false;
  for (const each of PREREQUISITES_AT[CERTIFICATION.index] ?? []) {
    if (isSatisfiedAt(context, each.index)) continue;
    const date = context.entries.at(each.index)?.date;
    if (date === undefined) continue;
    const entry = MILESTONE_CATALOG[each.index] as CatalogEntry;
    if (entry.key === "ecfmg_pathway") {
      pathway = true;
      exams.push("your ECFMG Pathway application, not yet accepted by ECFMG");
      continue;
    }
    const exam = entry.title.replace(/^Pass /, "");
    exams.push(
      date < today
        ? `${exam}, sat on ${renderDate(date)}, its result not yet in`
        : `${exam}, ${statusAt(context, each.index) === "scheduled" ? "booked" : "planned"} for ${renderDate(date)} and not sat yet`,
    );
  }
  if (exams.length === 0) return "";
  const leans = pathway
    ? exams.length > 1
      ? "a pass and on ECFMG's acceptance; if either does not come"
      : "ECFMG's acceptance; if it does not come"
    : "a pass; if it is not one";
  return ` Your certificate still waits on ${exams.join(" and on ")}: this ask leans on ${leans}, tell us, and the visa can wait with Step 3.`;
}
