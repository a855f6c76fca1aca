import type { Risk } from "../plan.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { SCHOOL_POLICY_URL } from "./presumed-sponsor-note.ts";

const APPLICATION_AT = stepIndex("ecfmg_application");
const STEP1_AT = stepIndex("usmle_step1");
const STEP2_AT = stepIndex("usmle_step2ck");
/**
 * USMLE's public page on the path to licensure: an IMG registers for the Step exams through FSMB,
 * whose application needs an approved ECFMG application (as ANSWERS_CONTRADICT_INTERVIEW cites it).
 */
const FSMB_USMLE_URL = "https://www.usmle.org/path-licensure";
/** ECFMG's USMLE application overview: an approved Application for ECFMG Certification comes first. */
const ECFMG_BEFORE_USMLE_URL = "https://iwa2.ecfmg.org/Overview.asp";

/**
 * The record's evidence against a sponsor note reported `false` (tester t9r F10, session 24 task O,
 * lead's ruling 1), as bits: 1 the Application for ECFMG Certification reported done (ECFMG
 * approved it), 2 USMLE Step 1 reported passed, 4 Step 2 CK reported passed. ECFMG approves the
 * application, and FSMB lets an IMG sit a Step, only for a school with a sponsor note covering the
 * graduation year (SCHOOL_POLICY_URL, FSMB_USMLE_URL). 0 for any other note, or no such answer: one
 * comparison for almost every plan. Only the applicant's own answers count, never a presumption.
 */
export function noteRecordEvidence(context: PlanContext): number {
  if (context.applicant.medicalSchool.wdomsSponsorNote !== false) return 0;
  const { entries } = context;
  return (
    (entries.at(APPLICATION_AT)?.status === "done" ? 1 : 0) |
    (entries.at(STEP1_AT)?.status === "done" ? 2 : 0) |
    (entries.at(STEP2_AT)?.status === "done" ? 4 : 0)
  );
}

/** The record question's opening words (recordRisk): what asksAboutNoteRecord reads. */
const RECORD_OPENING = "One of your answers conflicts with the rest of what you report";

/**
 * Whether a risk is this question (noteRecordRisk) rather than an interview's: read from the risk's
 * own message, so the escalation and the advisor's digest, which hold only a risk's code and message
 * (stored escalations too), name no interview when there is none (tester t9s F8). The code stays
 * ANSWERS_CONTRADICT_INTERVIEW: notice ids and stored escalations carry it.
 */
export function asksAboutNoteRecord(risk: Pick<Risk, "code" | "message">): boolean {
  return risk.code === "ANSWERS_CONTRADICT_INTERVIEW" && risk.message.startsWith(RECORD_OPENING);
}

/** The risks made so far, by evidence bits (at most 7): the words read nothing else. */
const made = new Map<number, Risk>();

/**
 * ANSWERS_CONTRADICT_INTERVIEW for a note reported false that the record contradicts
 * (noteRecordEvidence), when no interview asks about the note already: the same question and
 * wording pattern as for an interview. The gate stays as given (the plan holds every step needing
 * ECFMG), and nothing says certification is impossible or talks of refunds until the applicant
 * confirms (first-gate.ts). Frozen, shared per evidence; null when there is none.
 */
export function noteRecordRisk(context: PlanContext): Risk | null {
  const evidence = noteRecordEvidence(context);
  if (evidence === 0) return null;
  let risk = made.get(evidence);
  if (risk === undefined) {
    risk = recordRisk(evidence);
    made.set(evidence, risk);
  }
  return risk;
}

/** The words for these evidence bits (see noteRecordEvidence), frozen. */
function recordRisk(evidence: number): Risk {
  const exams = [evidence & 2 ? "USMLE Step 1" : "", evidence & 4 ? "USMLE Step 2 CK" : ""].filter(Boolean);
  const passed = exams.length === 0 ? "" : `you passed ${exams.join(" and ")}`;
  const reported =
    evidence & 1 ? `ECFMG approved your application${passed === "" ? "" : ` and ${passed}`}` : passed;
  const sources = [SCHOOL_POLICY_URL];
  if (evidence & 1) sources.push(ECFMG_BEFORE_USMLE_URL);
  if (exams.length > 0) sources.push(FSMB_USMLE_URL);
  return Object.freeze({
    code: "ANSWERS_CONTRADICT_INTERVIEW",
    severity: "critical",
    message: `${RECORD_OPENING}, most likely by mistake: please check it now. Your answers say your school has no ECFMG sponsor note, yet you report ${reported}, which ECFMG and FSMB allow only for a school with a sponsor note covering your graduation year: check WDOMS for your graduation year now; if the note is there, change your answer, and your plan shows the steps it now holds back. If there is truly no note for your graduation year, ask your school's dean's office and ECFMG, and pay no further fee until then. Tell us: send your intake form again, or ask your advisor.`,
    milestones: Object.freeze(["wdoms_listing"]) as Risk["milestones"],
    sources: Object.freeze(sources) as string[],
  });
}
