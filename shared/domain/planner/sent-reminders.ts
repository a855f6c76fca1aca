import { AFTER_TARGET_RUNG } from "./after-target-rung.ts";
import { isCertificateQuestion } from "./certificate-question.ts";
import type { PlanContext } from "./context.ts";
import { isRiskNoticeRung } from "./critical-notice-id.ts";

/**
 * When the reminder `id` went out (epoch ms), as the caller's ledger says (PlannerInput.remindersSent),
 * else undefined: not sent, no ledger given, or marked sent after this plan's now (a plan as of an
 * earlier instant, which must not know of it).
 */
export function sentAt(context: PlanContext, id: string): number | undefined {
  const iso = context.remindersSent?.[id];
  if (iso === undefined) return undefined;
  const at = Date.parse(iso);
  return at <= context.now ? at : undefined;
}

/**
 * Whether the planner reads a sent mark of a reminder about `subject` (PlannerInput.remindersSent):
 * a risk's notice (critical or a warning's that opted in: laid where it went out) or an NRMP registration reminder's (the question's
 * spacing counts from it), or a passed target's follow-up (a sent one holds back the catch-up for good:
 * target-passed.ts). A caller passes only these, so the ledger's other sends, most of them,
 * leave the planner's input as it was (the cohort look-ahead re-plans only when its input changes).
 */
export function plannerReadsSent(subject: { milestone: string; rung: string }): boolean {
  // The certificate question's spacing counts from a sent one too (certificate-question-spacing.ts).
  return (
    isRiskNoticeRung(subject.rung) ||
    subject.milestone === "nrmp_registration" ||
    subject.rung === AFTER_TARGET_RUNG ||
    isCertificateQuestion(subject)
  );
}
