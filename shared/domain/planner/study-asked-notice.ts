import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { subjectOf } from "./late-for-ranking-words.ts";
import { appliedAndRegistered } from "./presumption-evidence.ts";

/** The notice phase of EXAMS_LATE_FOR_RANKING when it asks whether preparation has begun. */
export const STUDY_ASKED_PHASE = "study-asked";

const STUDY_ASKED_TITLE =
  "Have you started preparing for {exam}? Tell us now: your answer decides whether the {year} Match stays in reach";

/**
 * The exam EXAMS_LATE_FOR_RANKING asks about (tightStudyWords' question): reported not started by
 * an applicant who paid for this Match (ERAS application and NRMP registration) with no interview
 * for it. Undefined otherwise. The notice's title asks as the text does: "move it earlier" would
 * tell an applicant with nothing booked to move a sitting.
 */
export function studyAskedExam(context: PlanContext, risk: Risk): MilestoneKey | undefined {
  if (risk.code !== "EXAMS_LATE_FOR_RANKING" || !appliedAndRegistered(context)) return undefined;
  if (interviewingForMatch(context)) return undefined;
  for (const key of risk.milestones) {
    const exam = key as MilestoneKey;
    // Only the exam the risk asks about (an OET at its fastest pace is told to book, not asked).
    if (statusOf(context, exam) !== "not_started") continue;
    if (risk.message.includes(`your ${subjectOf(exam)} is not started. Have you started`)) return exam;
  }
  return undefined;
}

/** STUDY_ASKED_PHASE's title template ({year} left to the caller), or undefined when nothing is asked. */
export function studyAskedTitle(context: PlanContext, risk: Risk): string | undefined {
  const exam = studyAskedExam(context, risk);
  return exam === undefined ? undefined : STUDY_ASKED_TITLE.replace("{exam}", catalogEntry(exam).advisorName);
}
