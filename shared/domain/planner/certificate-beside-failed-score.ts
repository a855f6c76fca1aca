import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { addSource } from "./risk-sources.ts";

/** The medical-science exams ECFMG certification needs passed (facts.md §3, official). */
const CERTIFICATION_EXAMS: readonly MilestoneKey[] = ["usmle_step1", "usmle_step2ck"];
const CERTIFICATION_EXAMS_SOURCE =
  "https://www.ecfmg.org/news/2025/08/19/detailed-information-and-online-application-for-2026-pathways-now-available";

/**
 * CERTIFICATE_BESIDE_FAILING_SCORE (warning): the ECFMG certificate reported done while the latest
 * score on file for an exam it needs (Step 1, Step 2 CK) is below its passing score. ECFMG
 * certifies only after both are passed, so one of the two reports is out of date; most likely a
 * later, passing attempt was never recorded. A question, not a refusal: the certificate is kept as
 * reported, and SCORE_BELOW_PASSING still says what a failing score means for the exam.
 */
export function certificateBesideFailedScoreRisks(context: PlanContext): Risk[] {
  if (context.failedScores.length === 0) return [];
  if (context.entries.get("ecfmg_certification")?.status !== "done") return [];
  const risks: Risk[] = [];
  for (const failed of context.failedScores) {
    if (!CERTIFICATION_EXAMS.includes(failed.key)) continue;
    const name = catalogEntry(failed.key).advisorName.replace(/^USMLE /, "");
    const sources: string[] = [];
    addSource(sources, CERTIFICATION_EXAMS_SOURCE);
    const { mark } = failed;
    addSource(sources, mark.basis === "secondary" ? `secondary: ${mark.source}` : mark.source);
    risks.push({
      code: "CERTIFICATE_BESIDE_FAILING_SCORE",
      severity: "warning",
      message: `You reported your ECFMG certificate done, but your latest ${name} score on file, ${failed.score}, is below the passing score of ${mark.score}; ECFMG certifies only after Step 1 and Step 2 CK are passed. If a later attempt passed, report that attempt's score and date; your plan keeps the certificate as you reported it.`,
      milestones: ["ecfmg_certification", failed.key],
      sources,
    });
  }
  return risks;
}
