import { basisMark } from "../date-basis.ts";
import type { PlanContext } from "./context.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import { dueDay } from "./day-words.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";

/**
 * The one date of a matched applicant's Pathway-certificate check (PATHWAY_CERTIFICATE_MAY_EXPIRE
 * once matched): its notice's date (pathway-certificate-notice.ts) and the day its risk text names
 * (pathway-certificate-risk.ts) are this one, so the email never reads "Check it by Fri 2 Apr 2027"
 * beside a text that names only the residency start. The check is due before the first step after
 * the Match that needs a valid certificate: ECFMG sponsors a J-1 only with one (its sponsorship
 * application), and the H-1B petition is filed with it; with neither track, or that step's date
 * passed, the residency start itself.
 */

/** The step after the Match that needs the certificate first, by visa track (undefined: none). */
function firstStepNeedingIt(context: PlanContext): "j1_ecfmg_sponsorship" | "visa_h1b" | undefined {
  if (context.applicant.visa === "J-1") return "j1_ecfmg_sponsorship";
  if (context.applicant.visa === "H-1B") return "visa_h1b";
  return undefined;
}

/**
 * The matched check's date: the day that step needs the certificate, while ahead, else the residency
 * start. ECFMG's sponsorship needs it in the application, whose date is the step's own; the H-1B
 * petition needs it (with Step 3) when the program files, not by the petition's date, which is the
 * approval in hand 60 days before the stamping (petitionFilingDue).
 */
export function matchedCheckDue(dates: PlanDates, context: PlanContext): DueDate {
  const key = firstStepNeedingIt(context);
  const due = key === undefined ? null : key === "visa_h1b" ? petitionFilingDue(dates) : dates.due(key);
  return due !== null && due.at >= context.now ? due : residencyStartDue(dates.calendar);
}

/**
 * When the program files the H-1B petition: the petition's card asks it to file as soon as the
 * contract is signed (the catalog's visa_h1b action; the petition is for the position the contract
 * offers, its contract prerequisite), so the contract's date, the earliest the filing can come, not
 * the petition's own date (the approval in hand, after USCIS's processing, for which the fact sheet
 * gives no figure). Advice. One per contract date (PlanDates keeps each date it renders).
 */
function petitionFilingDue(dates: PlanDates): DueDate | null {
  const contract = dates.due("contract");
  if (contract === null) return null;
  let filing = filingDues.get(contract);
  if (filing === undefined) {
    filing = shapedDueDate({
      ...contract,
      basis: "advice",
      source: `the H-1B petition's filing, with your certificate: the contract's date (${contract.source}); advice: your program files the petition for the position your contract offers, as soon as it is signed (the petition's card asks it to), before USCIS approves it by the petition's date`,
    });
    filingDues.set(contract, filing);
  }
  return filing;
}

const filingDues = new WeakMap<DueDate, DueDate>();

/** Whether the check's date `due` is the residency start itself (no earlier step needs the certificate). */
export function checkedByStart(context: PlanContext, due: DueDate): boolean {
  return due.at >= residencyStartDue(context.calendar).at;
}

/** The notice title's words after "residency start": what its date is (the notice's Due line gives the date). */
export function matchedCheckWhen(context: PlanContext, due: DueDate): string {
  if (checkedByStart(context, due)) return "before it comes";
  return firstStepNeedingIt(context) === "j1_ecfmg_sponsorship"
    ? "before you apply for ECFMG's J-1 sponsorship"
    : "before your program files your H-1B petition";
}

/**
 * The risk text's "Check …" with the notice's date, when it is earlier than the start: "Check by
 * Fri 2 Apr 2027 (our advice), before your program files your H-1B petition, which it does once your
 * contract is signed,"; "Check" alone when the check is due by the start, which the text names.
 */
export function matchedCheckBy(context: PlanContext, due: DueDate): string {
  if (checkedByStart(context, due)) return "Check";
  const why =
    firstStepNeedingIt(context) === "j1_ecfmg_sponsorship"
      ? "before you apply for ECFMG's J-1 sponsorship, which needs a valid certificate"
      : "before your program files your H-1B petition, which it does once your contract is signed";
  return `Check by ${dueDay(context, due)}${basisMark(due)}, ${why},`;
}
