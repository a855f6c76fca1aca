import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { matchedCheckDue, matchedCheckWhen } from "./pathway-certificate-check-due.ts";
import { asksEarlierSeasonCheck, asksMatchedCheck } from "./pathway-certificate-risk.ts";

/**
 * PATHWAY_CERTIFICATE_MAY_EXPIRE's notice (warning-risk-notice.ts). Before the Match, a Pathway of an
 * earlier season: revalidation goes through the season's Pathways application
 * (PATHWAYS_REVALIDATION_SOURCE), so the check is dated by the Pathways close the risk names (the
 * Pathway's projected deadline, the earlier candidate), not by the rank order list deadline two months
 * later. Its words stay short: the title is the email's subject (≤ 180 characters) and {due} may be
 * the instant in both zones (etDayOrWhen), 63 characters in Auckland. Once matched
 * (asksMatchedCheck), the check against the residency start is due before the first step after the
 * Match that needs a valid certificate (matchedCheckDue, the date the risk's text names too; the
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
