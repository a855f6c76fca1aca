import type { Risk } from "../plan.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { localDate } from "../time.ts";
import { SCHOOL_CHECK_INDEX, stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { seasonDayOrWhen } from "./day-words.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL } from "./earliest-certification.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import {
  evidenceWords,
  noteRecordEvidence,
  rankListNamed,
  rankListWords,
  recordOpensGate,
} from "./note-contradicted-by-record.ts";
import { notePathwayDay } from "./note-question-pathway.ts";
import { addSource, ERAS_TIMELINE_URL } from "./risk-sources.ts";

const APPLICATION_AT = stepIndex("ecfmg_application");
const ERAS_AT = stepIndex("eras_application");

/** ECFMG's page on the ERAS token (the catalog's source for the token's and the ERAS application's prerequisites). */
const ERAS_TOKEN_URL = "https://www.ecfmg.org/eras/applicants-token.html";
/** ECFMG's medical school policy: no sponsor note, no ECFMG service (the catalog's wdoms_listing source). */
const SCHOOL_POLICY_URL = "https://www.ecfmg.org/resources/medical-school-policy.html";
/**
 * USMLE's public page on the path to licensure: since January 2026 an IMG uses FSMB's USMLE Portal
 * for every Step exam service, registration included; FSMB's application needs an approved ECFMG
 * application (the catalog's ecfmg_application `why`). Not FSMB's content-server host, which is no
 * public page.
 */
const FSMB_USMLE_URL = "https://www.usmle.org/path-licensure";
/** ECFMG's USMLE application overview: an approved Application for ECFMG Certification comes first. */
const ECFMG_BEFORE_USMLE_URL = "https://iwa2.ecfmg.org/Overview.asp";

/** Most plans: nothing questioned (one shared empty list). */
const NONE: readonly number[] = [];

/**
 * The answers an interview for the entered Match contradicts,
 * by catalog index in catalog order: an interview that counts
 * (interviewingForMatch) came through ERAS, whose token ECFMG issues only once the applicant has
 * applied for certification (ERAS_TOKEN_URL) and only to a school with a sponsor note
 * (SCHOOL_POLICY_URL). So beside it these reported answers are most likely wrong:
 * - wdoms_listing: the school's sponsor note reported false (the gate stays: the applicant said so),
 *   listed with the others below;
 * - ecfmg_application: reported not started or in progress, nothing later implying it done;
 * - eras_application: reported not started for this season (an earlier season's reset entry is not
 *   the applicant's answer for this one).
 * Step 1 or Step 2 CK reported unfinished beside an interview are plausible and not questioned.
 * Pure; the empty list for a plan with no interview, after one length check.
 */
export function contradictedAnswers(context: PlanContext): readonly number[] {
  if (context.interviews.length === 0) return NONE;
  // Asked up to five times a plan of the same context (risks, feasibility, the late-step rules,
  // the presumption), each a pass over the interviews: the last context's answer is kept (a
  // PlanContext is never changed once built; contextWith makes a new one).
  if (context === lastContext) return lastAnswer;
  lastAnswer = answersOf(context);
  lastContext = context;
  return lastAnswer;
}

let lastContext: PlanContext | undefined;
let lastAnswer: readonly number[] = NONE;

/** contradictedAnswers' answer for a context with interviews, worked out. */
function answersOf(context: PlanContext): readonly number[] {
  const questioned: number[] = [];
  // Beside a certificate or a pass the record's own question asks about the note (noteRecordRisk): the gate is
  // open, so no "holds back" beside an interview.
  const noteFalse = context.applicant.medicalSchool.wdomsSponsorNote === false && !recordOpensGate(context);
  if (noteFalse) questioned.push(SCHOOL_CHECK_INDEX);
  // The note "false" is asked about with the others, so the form is corrected once.
  if (noteFalse || context.eligibility !== "ineligible") {
    const application = context.entries.at(APPLICATION_AT)?.status;
    if (
      (application === "not_started" || application === "in_progress") &&
      !isFinished(statusAt(context, APPLICATION_AT))
    )
      questioned.push(APPLICATION_AT);
    if (
      context.entries.at(ERAS_AT)?.status === "not_started" &&
      !context.pastSeason.has("eras_application") &&
      !isFinished(statusAt(context, ERAS_AT))
    )
      questioned.push(ERAS_AT);
  }
  if (questioned.length === 0 || !interviewingForMatch(context)) return NONE;
  return questioned;
}

/**
 * Whether the ECFMG application's reported status is questioned (contradictedAnswers): feasibility
 * then counts it approved, as the interview suggests, and the presumed exams stay presumed done
 * (no write-off on an answer the interview contradicts).
 */
export function applicationQuestioned(context: PlanContext): boolean {
  return contradictedAnswers(context).includes(APPLICATION_AT);
}

/**
 * ANSWERS_CONTRADICT_INTERVIEW (critical; first among the risks): each answer contradictedAnswers
 * questions, why it conflicts with the interview, and what to do either way; the dates with their
 * projected marks. The applicant's answer stays on its card: the plan only plans as if the interview
 * is right (the ECFMG application counted approved; an ERAS application not started gets no
 * "weigh the next Match" advice, ERAS_LATE_SUBMISSION being left out beside this question).
 * `moved`: the plan moved to a later Match for another reason (graduation, an exam), `context` the
 * entered Match's: only the ECFMG application is asked about (its exams stay presumed in the later
 * plan), with no word of the entered Match's deadline, and no ERAS application for a Match out of
 * reach. Once the entered Match's rank order list deadline has passed, no sentence names it or asks
 * to act by it (never a past instruction), nor does it while the Match is out of reach even as if
 * the interview is right (`outOfReach`). Null when nothing is questioned.
 */
export function answersContradictInterviewRisk(
  context: PlanContext,
  moved = false,
  outOfReach = false,
): Risk | null {
  const all = contradictedAnswers(context);
  const questioned = moved ? all.filter((index) => index === APPLICATION_AT) : all;
  if (questioned.length === 0) return null;
  const { calendar } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  // Moved, or past the deadline: no sentence rests on the entered Match's rank order list deadline.
  // Out of reach even as if the interview is right (outOfReach: feasibility judged so), no date of
  // the entered Match is asked for either: MATCH_YEAR_NOT_FEASIBLE beside it is the one verdict.
  const dated = !moved && !outOfReach && context.now <= rolDate.at;
  const started = context.entries.at(APPLICATION_AT)?.status === "in_progress";
  // Past the projected deadline, the note's refusal names its later candidate while it is ahead
  // (as RANK_LIST_UNREPORTED does): the words read the calendar only, so a flag in the kind.
  const noteAsked = questioned.includes(SCHOOL_CHECK_INDEX);
  const hedge = !moved && context.now > rolDate.at && noteAsked ? laterCandidateHedge(context, rolDate) : "";
  // Beside the note, the record's own evidence is listed, and a registered applicant is told to
  // certify the rank order list rather than to register late.
  const evidence = noteAsked && !moved ? noteRecordEvidence(context) : 0;
  const named = noteAsked && !moved && rankListNamed(context);
  // The Pathway's own day first, while it is ahead: its words are the zone's.
  const pathway = named ? notePathwayDay(context) : "";
  // The words read only the season and these answers, never the zone or `now` itself: made once
  // per calendar and kind, shared frozen (the bench's interviewing inputs carry the question).
  // The deadline in both zones where the applicant's day is not its ET day (the hedge names
  // the later candidate so): those zones' words are their own, kept under the zone.
  const zoned = hedge !== "" || localDate(context.zone, rolDate.at) !== rolDate.date;
  let byZone = madeRisks.get(calendar);
  if (byZone === undefined) {
    byZone = new Map();
    madeRisks.set(calendar, byZone);
  }
  // A number, not a string made per plan: each questioned answer (a subset of three, in catalog
  // order), the two flags and whether the later-candidate hedge is said is one bit.
  const kind =
    (questioned.includes(SCHOOL_CHECK_INDEX) ? 1 : 0) |
    (questioned.includes(APPLICATION_AT) ? 2 : 0) |
    (questioned.includes(ERAS_AT) ? 4 : 0) |
    (started ? 8 : 0) |
    (dated ? 16 : 0) |
    (hedge === "" ? 0 : 32) |
    (evidence << 6) |
    (named ? 1024 : 0) |
    (pathway === "" ? 0 : 2048);
  // Kept under the zone where its words name it, else under "" (no IANA zone): a Map per zone, so
  // no "kind zone" text is built and hashed on every plan (0.6 % of a bench plan, sampled).
  const zone = zoned || pathway !== "" ? context.zone : "";
  let made = byZone.get(zone);
  if (made === undefined) {
    made = new Map();
    byZone.set(zone, made);
  }
  let risk = made.get(kind);
  if (risk === undefined) {
    // The deadline's words only for words not made yet (most plans find theirs above).
    const rol = zoned ? seasonDayOrWhen(context, rolDate) : seasonDayEt(rolDate);
    risk = questionRisk(calendar, questioned, { started, dated, hedge, evidence, named, rol, pathway });
    made.set(kind, risk);
  }
  return risk;
}

/**
 * The risks made so far, by calendar, zone where its words name it ("" where they do not) and kind
 * (at most a few dozen kinds and zones: see answersContradictInterviewRisk).
 */
const madeRisks = new WeakMap<SeasonCalendar, Map<string, Map<number, Risk>>>();

/** What else the words read (answersContradictInterviewRisk's kind bits). */
interface QuestionWords {
  started: boolean;
  dated: boolean;
  hedge: string;
  /** noteRecordEvidence, listed beside the interview; 0 when none or the note is not asked. */
  evidence: number;
  /** rankListNamed: "certify your rank order list" replaces the late registration words. */
  named: boolean;
  /** The rank order list deadline's words: seasonDayEt, or in both zones where the local day differs. */
  rol: string;
  /** notePathwayDay: the Pathway application's day to name first, or "". */
  pathway: string;
}

/** ANSWERS_CONTRADICT_INTERVIEW's words for these questioned answers (catalog indices), frozen. */
function questionRisk(calendar: SeasonCalendar, questioned: readonly number[], words: QuestionWords): Risk {
  const { started, dated, hedge, evidence, named, rol, pathway } = words;
  const year = calendar.matchYear;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  const said: string[] = [];
  // Beside a sponsor note in doubt no fee is pushed ("pay no fee until then"): the other answers'
  // "if you truly have not" waits for the note.
  const noteAsked = questioned.includes(SCHOOL_CHECK_INDEX);
  const milestones: Risk["milestones"] = [];
  for (const index of questioned) {
    if (index === SCHOOL_CHECK_INDEX) {
      milestones.push("wdoms_listing");
      const interview = "you have an ERAS interview, which needs ECFMG's ERAS token";
      const reported =
        evidence === 0
          ? `${interview}, and ECFMG`
          : `you report that ${evidenceWords(evidence, interview)}; ECFMG`;
      addSource(sources, SCHOOL_POLICY_URL);
      addSource(sources, ERAS_TOKEN_URL);
      // Only when named: rankListWords adds the deadline's source.
      const rank = named ? rankListWords(calendar, sources, rol) : "";
      const then = named
        ? ` ${pathway === "" ? rank : rank.replace("change your answer and ", `change your answer now, submit your ECFMG Pathway application by ${pathway}, then `)}`
        : `${dated ? `: NRMP's late registration closes ${rol}, and without registering you cannot rank programs, so cannot match` : hedge !== "" ? `: NRMP's late registration closed ${rol}, so you cannot rank programs in the ${year} Match${hedge}; your plan then shows the steps it now holds back` : ", and your plan shows the steps it now holds back"}`;
      said.push(
        `Your answers say your school has no ECFMG sponsor note, yet ${reported} serves only graduates of a school with a sponsor note: check WDOMS for your graduation year now. If the note is there,${named ? "" : " change your answer"}${then}. If there is truly no note for your graduation year, ${dated ? `ECFMG cannot certify you, so you cannot match in ${year}, nor later until your school obtains the note: ask` : "ask"} your school's dean's office and ECFMG how your interview came about, and pay no fee until then.`,
      );
      // What each answer changes, the no-note one too: no ECFMG certification, no Match (NRMP's rule).
      if (dated) addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
      if (!named && (dated || hedge !== "")) addSource(sources, rolDate.source);
    } else if (index === APPLICATION_AT) {
      // Behind the closed gate a risk names only the gate's step (advisor-rules: no risk names a
      // step the gate holds); the words still ask about it.
      if (!noteAsked) milestones.push("ecfmg_application");
      said.push(
        `Your answers say your Application for ECFMG Certification is ${started ? "in progress, not yet approved" : "not started"}, yet your ERAS interview needs ECFMG's ERAS token, which ECFMG issues only once you have applied, and USMLE Step 1 and Step 2 CK can be booked only after ECFMG approves the application (FSMB's USMLE application needs it). If it is approved, mark it done. If you truly have not ${started ? "been approved, ask ECFMG in MyIntealth today what it still needs" : noteAsked ? "applied, apply once the sponsor note is confirmed" : "applied, submit it in MyIntealth today"} and tell your advisor${!dated ? "." : `: NRMP keeps an IMG in the ${year} Match only if ECFMG confirms USMLE Step 1, USMLE Step 2 CK and the Pathway by the rank order list deadline, ${rol}.`}${noteAsked ? "" : " Until you tell us, your plan counts it as approved, as your interview suggests."}`,
      );
      addSource(sources, ERAS_TOKEN_URL);
      addSource(sources, ECFMG_BEFORE_USMLE_URL);
      addSource(sources, FSMB_USMLE_URL);
      if (dated) addSource(sources, rolDate.source);
    } else {
      if (!noteAsked) milestones.push("eras_application");
      const ask = !dated
        ? ""
        : noteAsked
          ? " If you truly have not submitted it, submit it as soon as the sponsor note is confirmed."
          : " If you truly have not submitted it, submit it now so the programs that interview you have your application.";
      said.push(
        `Your answers say your ERAS application is not started, yet programs invite applicants through ERAS, so your interview suggests it went in. If it is submitted, mark it done.${ask}`,
      );
      addSource(sources, ERAS_TIMELINE_URL);
    }
  }
  const lead =
    said.length === 1
      ? `One of your answers conflicts with your interview for the ${year} Match, most likely by mistake: please check it now.`
      : `Some of your answers conflict with your interview for the ${year} Match, most likely by mistake: please check them now.`;
  return Object.freeze({
    code: "ANSWERS_CONTRADICT_INTERVIEW",
    severity: "critical",
    message: `${lead} ${said.join(" ")} Tell us: send your intake form again, or ask your advisor.`,
    milestones: Object.freeze(milestones) as Risk["milestones"],
    sources: Object.freeze(sources) as string[],
  });
}
