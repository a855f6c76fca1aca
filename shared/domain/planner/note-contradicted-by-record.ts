import type { Risk } from "../plan.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { localDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { seasonDayOrWhen } from "./day-words.ts";
import { SCHOOL_POLICY_URL } from "./presumed-sponsor-note.ts";
import { addSource } from "./risk-sources.ts";
import {
  ALL_EVIDENCE_BITS,
  OPENS_GATE_BITS,
  RECORD_EVIDENCE_BITS,
  recordEvidence,
  SITTING_EVIDENCE_BITS,
} from "./sponsor-note-evidence.ts";

const NRMP_AT = stepIndex("nrmp_registration");
const RANK_LIST_AT = stepIndex("rank_order_list");
const BIT = RECORD_EVIDENCE_BITS;
const SAT = SITTING_EVIDENCE_BITS;
/** noteRecordEvidence's bit for an ECFMG certificate reported done. */
const CERTIFICATE = BIT.ecfmg_certification;
/** noteRecordEvidence's bits for a USMLE pass. */
const EXAMS = BIT.usmle_step1 | BIT.usmle_step2ck;
/** recordRiskOf's kind bit for the rank order list named: above every evidence bit. */
const RANK_LIST_NAMED = ALL_EVIDENCE_BITS + 1;
/** noteRecordEvidence's bits for USMLE Step 1 and Step 2 CK booked or sat, not passed (FSMB's permit). */
const SITTINGS = SAT.usmle_step1 | SAT.usmle_step2ck;
/**
 * USMLE's public page on the path to licensure: an IMG registers for the Step exams through FSMB,
 * whose application needs an approved ECFMG application (as ANSWERS_CONTRADICT_INTERVIEW cites it).
 */
const FSMB_USMLE_URL = "https://www.usmle.org/path-licensure";
/** ECFMG's USMLE application overview: an approved Application for ECFMG Certification comes first. */
const ECFMG_BEFORE_USMLE_URL = "https://iwa2.ecfmg.org/Overview.asp";

/**
 * The record's evidence against a sponsor note reported `false`,
 * as bits (RECORD_EVIDENCE_BITS): the Application for ECFMG Certification reported done (ECFMG
 * approved it), USMLE Step 1 reported passed, Step 2 CK reported passed, the ECFMG certificate
 * reported done; and (SITTING_EVIDENCE_BITS) Step 1 or Step 2 CK booked or sat but not passed
 * (scheduled, or a failed result: the sitting needed FSMB's scheduling permit as a pass did).
 * ECFMG approves the application and certifies, and
 * FSMB lets an IMG sit a Step, only for a school with a sponsor note covering the graduation year
 * (SCHOOL_POLICY_URL, FSMB_USMLE_URL). 0 for any other note, or no such answer: one comparison for
 * almost every plan. Only the applicant's own answers count, never a presumption.
 */
export function noteRecordEvidence(context: PlanContext): number {
  if (context.applicant.medicalSchool.wdomsSponsorNote !== false) return 0;
  return recordEvidence(context.entries, context.failedScores);
}

/**
 * Whether the note reported `false` stands beside the applicant's own ECFMG certificate, USMLE
 * pass or USMLE sitting (OPENS_GATE_BITS), which ECFMG and FSMB allow only for a school with a sponsor note: the record proves the
 * school eligible (eligibilityOf), so every step is planned and reminded as an eligible applicant's,
 * the question still asked (noteRecordRisk, on the WDOMS check's card until residency starts): the
 * same bits as eligibilityOf's, so the card never says "every step planned" beside a held plan. An
 * application reported done alone keeps the gate (often marked done on submitting). One comparison
 * for almost every plan.
 */
export function recordOpensGate(context: PlanContext): boolean {
  return (noteRecordEvidence(context) & OPENS_GATE_BITS) !== 0;
}

/**
 * Whether the WDOMS check is a next step whatever its status, with no date to meet (the one thing
 * to do now): no sponsor note (`ineligible`: a check marked done does not resolve it), or a "no"
 * beside a certificate, a pass or a sitting (recordOpensGate), whose question rides on it.
 */
export function noteAskedOnCheck(context: PlanContext, ineligible: boolean): boolean {
  return ineligible || recordOpensGate(context);
}

/** The WDOMS check's card beside a certificate, a pass or a sitting (recordOpensGate): the question, nothing held. */
export function openedNoteAction(context: PlanContext): string {
  const evidence = noteRecordEvidence(context);
  return `Your answers say your school shows no ECFMG sponsor note, yet ${evidenceWords(evidence & OPENS_GATE_BITS)}, which ECFMG and FSMB allow only for a school with one: check WDOMS for your graduation year and correct your answer (send your intake form again, or ask your advisor). Your plan keeps every step planned meanwhile, as ${showsWords(evidence)}.`;
}

/** What shows the note, the strongest evidence of a gate it opens: "your USMLE results show". */
function showsWords(evidence: number): string {
  if (evidence & CERTIFICATE) return "your certificate shows";
  return evidence & EXAMS ? "your USMLE results show" : "your USMLE registration shows";
}

/**
 * Whether the note's question names the rank order list: the
 * applicant reported NRMP registration, the list is not finished and its deadline is ahead. Then
 * "if the note is there" means "certify your list", not NRMP's late registration.
 */
export function rankListNamed(context: PlanContext): boolean {
  return (
    context.entries.at(NRMP_AT)?.status === "done" &&
    !isFinished(statusAt(context, RANK_LIST_AT)) &&
    context.now <= context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at
  );
}

/**
 * "…, change your answer and certify your rank order list in R3 by Wed 24 Feb 2027 (ET, projected)"
 * (`rol`: the deadline's words, in both zones where the local day differs), its source
 * added.
 */
export function rankListWords(
  calendar: SeasonCalendar,
  sources: string[],
  rol = seasonDayEt(calendar.dates.nrmp_rol_certification_and_late_registration_deadline),
): string {
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  addSource(sources, rolDate.source);
  return `change your answer and certify your rank order list in R3 by ${rol}`;
}

/**
 * The record's evidence (noteRecordEvidence bits) in words, the strongest first, with `more` (an
 * interview's clause) last: "ECFMG certified you, you passed USMLE Step 1 and USMLE Step 2 CK, and
 * you have an ERAS interview". A certificate stands for the application it needs.
 */
export function evidenceWords(evidence: number, more?: string): string {
  const exams = [
    evidence & BIT.usmle_step1 ? "USMLE Step 1" : "",
    evidence & BIT.usmle_step2ck ? "USMLE Step 2 CK" : "",
  ].filter(Boolean);
  const sat = [
    evidence & SAT.usmle_step1 ? "USMLE Step 1" : "",
    evidence & SAT.usmle_step2ck ? "USMLE Step 2 CK" : "",
  ].filter(Boolean);
  const parts: string[] = [];
  if (evidence & CERTIFICATE) parts.push("ECFMG certified you");
  else if (evidence & BIT.ecfmg_application) parts.push("ECFMG approved your application");
  if (exams.length > 0) parts.push(`you passed ${exams.join(" and ")}`);
  if (sat.length > 0) parts.push(`you booked or sat ${sat.join(" and ")}`);
  if (more !== undefined) parts.push(more);
  if (parts.length <= 2) return parts.join(" and ");
  return `${parts.slice(0, -1).join(", ")}, and ${parts.at(-1)}`;
}

/** The record question's opening words (recordRisk): what asksAboutNoteRecord reads. */
const RECORD_OPENING = "One of your answers conflicts with the rest of what you report";

/**
 * Whether a risk is this question (noteRecordRisk) rather than an interview's: read from the risk's
 * own message, so the escalation and the advisor's digest, which hold only a risk's code and message
 * (stored escalations too), name no interview when there is none. Its code is
 * ANSWERS_CONTRADICT_RECORD; escalations stored before that code existed carry
 * ANSWERS_CONTRADICT_INTERVIEW with these words, read the same way.
 */
export function asksAboutNoteRecord(risk: Pick<Risk, "code" | "message">): boolean {
  return (
    risk.code === "ANSWERS_CONTRADICT_RECORD" ||
    (risk.code === "ANSWERS_CONTRADICT_INTERVIEW" && risk.message.startsWith(RECORD_OPENING))
  );
}

/** The risks made so far, by calendar, then evidence bits, whether the rank list is named (RANK_LIST_NAMED), and zone where its words name it. */
const made = new WeakMap<SeasonCalendar, Map<number | string, Risk>>();

/**
 * ANSWERS_CONTRADICT_RECORD for a note reported false that the record contradicts
 * (noteRecordEvidence), when no interview asks about the note already: the same question and
 * wording pattern as for an interview, the strongest evidence first, and the rank order list named
 * for a registered applicant (rankListNamed). The gate stays as given (nothing says certification
 * is impossible or talks of refunds until the applicant confirms: first-gate.ts), but beside a
 * certificate or a pass (recordOpensGate), which opens it: then the question says every step stays
 * planned, and names no list (its own card and reminders do). Frozen, shared per calendar and
 * kind; null when there is no evidence.
 */
export function noteRecordRisk(context: PlanContext): Risk | null {
  const evidence = noteRecordEvidence(context);
  if (evidence === 0) return null;
  const named = (evidence & OPENS_GATE_BITS) === 0 && rankListNamed(context);
  const kind = evidence | (named ? RANK_LIST_NAMED : 0);
  // The deadline in both zones where the applicant's day is not its ET day: kept under the zone.
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const zoned = named && localDate(context.zone, rolDate.at) !== rolDate.date;
  const key = zoned ? `${kind} ${context.zone}` : kind;
  let byKind = made.get(context.calendar);
  if (byKind === undefined) {
    byKind = new Map();
    made.set(context.calendar, byKind);
  }
  let risk = byKind.get(key);
  if (risk === undefined) {
    risk = recordRisk(
      context.calendar,
      evidence,
      named,
      zoned ? seasonDayOrWhen(context, rolDate) : undefined,
    );
    byKind.set(key, risk);
  }
  return risk;
}

/** The words for these evidence bits (see noteRecordEvidence), frozen. */
function recordRisk(calendar: SeasonCalendar, evidence: number, named: boolean, rol?: string): Risk {
  const sources = [SCHOOL_POLICY_URL];
  if (evidence & BIT.ecfmg_application) sources.push(ECFMG_BEFORE_USMLE_URL);
  if (evidence & (EXAMS | SITTINGS)) sources.push(FSMB_USMLE_URL);
  const then = named
    ? `${rankListWords(calendar, sources, rol)}; your plan then shows the steps it now holds back`
    : "change your answer, and your plan shows the steps it now holds back";
  // A certificate or a pass holds nothing back: every step stays planned while the answer is corrected.
  const ask =
    evidence & OPENS_GATE_BITS
      ? `check WDOMS for your graduation year now and correct your answer: meanwhile your plan keeps every step planned, as ${showsWords(evidence)} the note. If WDOMS truly shows no note for your graduation year, ask your school's dean's office and ECFMG at once.`
      : `check WDOMS for your graduation year now; if the note is there, ${then}. If there is truly no note for your graduation year, ask your school's dean's office and ECFMG, and pay no further fee until then.`;
  return Object.freeze({
    code: "ANSWERS_CONTRADICT_RECORD",
    severity: "critical",
    message: `${RECORD_OPENING}, most likely by mistake: please check it now. Your answers say your school has no ECFMG sponsor note, yet you report ${evidenceWords(evidence)}, which ECFMG and FSMB allow only for a school with a sponsor note covering your graduation year: ${ask} Tell us: send your intake form again, or ask your advisor.`,
    milestones: Object.freeze(["wdoms_listing"]) as Risk["milestones"],
    sources: Object.freeze(sources) as string[],
  });
}
