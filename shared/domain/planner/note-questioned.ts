import { contradictedAnswers } from "./answers-contradict-interview.ts";
import { SCHOOL_CHECK_INDEX } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { noteRecordEvidence } from "./note-contradicted-by-record.ts";

/**
 * Whether a sponsor note reported `false` is asked about by a question (ANSWERS_CONTRADICT_RECORD or
 * ANSWERS_CONTRADICT_INTERVIEW): the applicant's own record contradicts it (noteRecordEvidence), or
 * an interview does (contradictedAnswers lists the school check). SCHOOL_NOT_ECFMG_ELIGIBLE, its
 * notice title and the school check's card then say "until you confirm or change that answer",
 * never "ECFMG certification is not possible". Only
 * plans with the note false get past the first comparison (noteRecordEvidence's).
 */
export function noteQuestioned(context: PlanContext): boolean {
  if (context.applicant.medicalSchool.wdomsSponsorNote !== false) return false;
  return noteRecordEvidence(context) !== 0 || contradictedAnswers(context).includes(SCHOOL_CHECK_INDEX);
}
