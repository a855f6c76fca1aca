import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import type { Eligibility } from "./context.ts";
import type { StepEntriesView } from "./step-entries.ts";

/**
 * The steps whose being done proves the school has an ECFMG sponsor note: ECFMG accepts an
 * application, gives a USMLE eligibility, accepts a Pathway or issues an ERAS token only for a
 * graduate of a school with one: without the note no ECFMG certification is possible (ECFMG's
 * medical school policy, https://www.ecfmg.org/resources/medical-school-policy.html, the catalog's
 * source for wdoms_listing). The ERAS application goes in only with that token. Waived proves nothing: it
 * says the step was not taken. NRMP registration and a certified rank list prove nothing either: NRMP
 * registers anyone.
 */
export const SPONSOR_NOTE_EVIDENCE: readonly MilestoneKey[] = [
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "ecfmg_pathway",
  "eras_token",
  "eras_application",
];
const EVIDENCE_AT: readonly number[] = SPONSOR_NOTE_EVIDENCE.map(stepIndex);
/**
 * The steps whose being done the record holds against a note answered "no", one bit each
 * (noteRecordEvidence, note-contradicted-by-record.ts): the application ECFMG approved, a USMLE
 * Step 1 or Step 2 CK passed, the certificate. Named, so OPENS_BESIDE_NO, which both the gate and
 * the question's words read, lists the same steps.
 */
export const RECORD_EVIDENCE_BITS = {
  ecfmg_application: 1,
  usmle_step1: 2,
  usmle_step2ck: 4,
  ecfmg_certification: 8,
} as const satisfies Partial<Record<MilestoneKey, number>>;
/** A step the record's evidence reads (RECORD_EVIDENCE_BITS). */
export type RecordEvidenceStep = keyof typeof RECORD_EVIDENCE_BITS;

/**
 * The steps whose being done opens the gate even beside a note answered "no": the ECFMG certificate,
 * and a USMLE Step 1 or Step 2 CK passed, which FSMB lets an IMG sit only with an approved ECFMG
 * application, given only for a school with the note (BOOKED_EXAM_EVIDENCE's sources). A matched
 * applicant with both exams passed and the certificate pending was silenced from Match Day on:
 * no contract, no J-1 chain, no email. A Step booked or sat (BOOKED_EXAM_EVIDENCE scheduled) opens it
 * as well (eligibilityOf): the same permit. An application reported done stays a question
 * (applicants mark it done on submitting).
 */
const OPENS_STEPS: readonly RecordEvidenceStep[] = ["ecfmg_certification", "usmle_step1", "usmle_step2ck"];
export const OPENS_BESIDE_NO: readonly MilestoneKey[] = OPENS_STEPS;
/**
 * The record's bits for USMLE Step 1 or Step 2 CK booked or sat but not passed (scheduled, or a
 * failed result, read as a retake): the sitting needed FSMB's permit as a pass did, so it opens the
 * gate beside "no" too (BOOKED_EXAM_EVIDENCE). Above RECORD_EVIDENCE_BITS and the rank list's bit (16).
 */
export const SITTING_EVIDENCE_BITS = {
  usmle_step1: 32,
  usmle_step2ck: 64,
} as const satisfies Partial<Record<MilestoneKey, number>>;
/** OPENS_BESIDE_NO and a sitting as the record's evidence bits (noteRecordEvidence): what opens the gate, one list. */
export const OPENS_GATE_BITS: number =
  OPENS_STEPS.reduce((bits, key) => bits | RECORD_EVIDENCE_BITS[key], 0) |
  SITTING_EVIDENCE_BITS.usmle_step1 |
  SITTING_EVIDENCE_BITS.usmle_step2ck;
const OPENS_BESIDE_NO_AT: readonly number[] = OPENS_BESIDE_NO.map(stepIndex);

/**
 * The exams whose sitting booked (scheduled) proves the note too: a sitting needs FSMB's
 * registration and scheduling permit, and an IMG registers for Step 1 and Step 2 CK "through FSMB's
 * USMLE application, which needs an approved ECFMG Application for Certification" (official,
 * FSMB's USMLE application page, read on its content server; the public pages cited are ECFMG's
 * https://iwa2.ecfmg.org/Overview.asp, the approved application first, and USMLE's
 * https://www.usmle.org/path-licensure, IMGs using FSMB's USMLE Portal).
 */
export const BOOKED_EXAM_EVIDENCE: readonly MilestoneKey[] = ["usmle_step1", "usmle_step2ck"];
const BOOKED_AT: readonly number[] = BOOKED_EXAM_EVIDENCE.map(stepIndex);

/**
 * The ECFMG eligibility gate from the school's WDOMS sponsor note (true: "eligible", false:
 * "ineligible"). An unknown note (null) is "unchecked" unless the record proves it:
 * one of SPONSOR_NOTE_EVIDENCE reported done or one of BOOKED_EXAM_EVIDENCE
 * reported scheduled (the snapshot's own entry, any season), or `interviewed`: the interviews are
 * evidence of being in the Match (interviewsAreEvidence, the one rule the presumption and the
 * intake warning share: an IMG's interview follows an ERAS application, which needs ECFMG's token;
 * one dated outside the season is not). Then the applicant counts as eligible, as if the WDOMS check
 * were done, for every reader (gates, risks, budget, the moved plan's later Match, which keeps this
 * gate). Reads the entries before any earlier season's are reset.
 */
export function eligibilityOf(
  note: boolean | null,
  entries: StepEntriesView,
  interviewed: boolean,
): Eligibility {
  if (note === true) return "eligible";
  // ECFMG certifies, and FSMB lets an IMG sit a Step, only for a school with the note: a "no" beside
  // the applicant's own certificate or pass is asked about (ANSWERS_CONTRADICT_RECORD), never let
  // silence the steps after it.
  // A Step booked (or sat, its result untold) needed FSMB's permit as a pass did: it opens the gate too.
  if (note === false)
    return OPENS_BESIDE_NO_AT.some((at) => entries.at(at)?.status === "done") ||
      BOOKED_AT.some((at) => entries.at(at)?.status === "scheduled")
      ? "eligible"
      : "ineligible";
  if (interviewed) return "eligible";
  for (let at = 0; at < EVIDENCE_AT.length; at++)
    if (entries.at(EVIDENCE_AT[at] as number)?.status === "done") return "eligible";
  for (let at = 0; at < BOOKED_AT.length; at++)
    if (entries.at(BOOKED_AT[at] as number)?.status === "scheduled") return "eligible";
  return "unchecked";
}
