import type { PlanContext } from "./context.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { asksEarlierSeasonCheck, asksMatchedCheck } from "./pathway-certificate-risk.ts";

/**
 * PATHWAY_CERTIFICATE_MAY_EXPIRE's notice (warning-risk-notice.ts). Before the Match, a Pathway of an
 * earlier season: revalidation goes through the season's Pathways application
 * (PATHWAYS_REVALIDATION_SOURCE), so the check is dated by the Pathways close the risk names (the
 * Pathway's projected deadline, the earlier candidate), not by the rank order list deadline two months
 * later. Its words stay short: the title is the email's subject (≤ 180 characters) and {due} may be
 * the instant in both zones (etDayOrWhen), 63 characters in Auckland. Once matched
 * (asksMatchedCheck), the check against the residency start is due before the first step after the
 * Match that needs a valid certificate: ECFMG sponsors a J-1 only
 * with one (its sponsorship application), and the H-1B petition is filed with it; with neither
 * track, or that step's date passed, the start itself (the
 * Pathways close had passed by Match Day, so no notice went out after it). Its ids are the matched
 * check's own (`idPhase`), so a notice sent before the Match does not stand for it.
 */
export const PATHWAY_CERTIFICATE_NOTICE = {
  title: (context: PlanContext, due: DueDate): string =>
    asksMatchedCheck(context)
      ? `Check your ECFMG certificate's validity date against your residency start ${matchedCheckWhen(context, due)}`
      : "Check your ECFMG certificate's validity date against the {year} residency start before Pathways closes, {due}",
  asks: (context: PlanContext): boolean => asksMatchedCheck(context) || asksEarlierSeasonCheck(context),
  on: { card: "ecfmg_certification" },
  dueBy: (dates: PlanDates, context: PlanContext): DueDate | null =>
    asksMatchedCheck(context) ? matchedCheckDue(dates, context) : dates.due("ecfmg_pathway"),
  againDaysBefore: 14,
  idPhase: (context: PlanContext): string | undefined => (asksMatchedCheck(context) ? "matched" : undefined),
} as const;

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
function matchedCheckDue(dates: PlanDates, context: PlanContext): DueDate {
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

/** The matched check's title after "residency start": what its date is (the notice's Due line gives the date). */
function matchedCheckWhen(context: PlanContext, due: DueDate): string {
  if (due.at >= residencyStartDue(context.calendar).at) return "before it comes";
  return firstStepNeedingIt(context) === "j1_ecfmg_sponsorship"
    ? "before you apply for ECFMG's J-1 sponsorship"
    : "before your program files your H-1B petition";
}
