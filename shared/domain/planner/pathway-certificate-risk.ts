import type { Risk } from "../plan.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { CERTIFIED_TO_START_URL } from "./earliest-certification.ts";
import { soapStillOpen } from "./season-over-risk.ts";

const CERTIFICATION = indexedStep("ecfmg_certification");
const PATHWAY = indexedStep("ecfmg_pathway");
const MATCH_DAY = indexedStep("match_day");
const CONTRACT = indexedStep("contract");
const RANK_ORDER_LIST = indexedStep("rank_order_list");

/**
 * ECFMG's page on permanent validation: certificates issued through the Pathways "are subject to
 * expiration" until the holder completes at least 12 months of ACGME-accredited U.S. GME; ECFMG runs a
 * Pathways Revalidation application for expired or expiring ones (official, read 2026-11-30).
 */
export const PATHWAY_CERTIFICATE_SOURCE =
  "https://ecfmg.org/certification-pathways/permanent-validation.html";

/**
 * PATHWAY_CERTIFICATE_MAY_EXPIRE (warning): the applicant is ECFMG-certified, the certificate came
 * through a Pathway (the applicant recorded ecfmg_pathway done), and they are not yet in GME: not
 * matched this season (a matched applicant's certificate stays valid for entry into GME that year, per
 * https://ecfmg.org/certification-pathways/info-applicants.html) and before its residency start. So the
 * certificate can expire before it is validated for good. Shape: zero or one Risk naming ecfmg_certification and ecfmg_pathway. Pure.
 */
export function pathwayCertificateRisks(context: PlanContext): Risk[] {
  const certified = isFinished(statusAt(context, CERTIFICATION.index));
  // The applicant's own record, not a status inferred from certification: only they know it came through a Pathway.
  const throughPathway = context.entries.at(PATHWAY.index)?.status === "done";
  const matched =
    isFinished(statusAt(context, MATCH_DAY.index)) || isFinished(statusAt(context, CONTRACT.index));
  const beforeGme = context.now < context.calendar.dates.residency_start.at;
  if (!certified || !throughPathway || matched || !beforeGme) return [];
  return [
    {
      code: "PATHWAY_CERTIFICATE_MAY_EXPIRE",
      severity: "warning",
      message: `Your ECFMG certificate came through a Pathway, and such certificates can expire until you complete 12 months of ACGME-accredited GME. ${checkValidity(context)}`,
      milestones: ["ecfmg_certification", "ecfmg_pathway"],
      sources: mayMatchNow(context)
        ? [PATHWAY_CERTIFICATE_SOURCE, CERTIFIED_TO_START_URL]
        : [PATHWAY_CERTIFICATE_SOURCE],
    },
  ];
}

/**
 * Whether the applicant may still start residency from this season although its rank order list
 * deadline has passed: their list is certified (Match Week ahead) or SOAP is open to them.
 */
function mayMatchNow(context: PlanContext): boolean {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return (
    context.now > rol && (isFinished(statusAt(context, RANK_ORDER_LIST.index)) || soapStillOpen(context))
  );
}

/**
 * What to do about the validity date, fitted to where the applicant stands (tester t9i F8: "before
 * you apply for another Match" to someone about to match): before the rank order list deadline,
 * before ranking; while they may match this season (mayMatchNow), the certificate must be valid when
 * residency starts, since certification is needed to start (CERTIFIED_TO_START_URL), with another
 * Match only if this season does not work out; once the season is over for them, another Match.
 */
function checkValidity(context: PlanContext): string {
  const { dates } = context.calendar;
  const check = "Check the validity date on your certificate in MyIntealth";
  if (mayMatchNow(context))
    return `${check}: it must still be valid when residency starts on ${dates.residency_start.date}, since you need a valid certificate to start. If it ends before then, apply for ECFMG's Pathways Revalidation now, before your residency starts; if you do not match this season, before you apply for another Match.`;
  const ranked = context.now > dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return `${check}; if it ends before you would start residency, apply for ECFMG's Pathways Revalidation ${ranked ? "before you apply for another Match" : "before you rank programs"}.`;
}
