import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import {
  ds2019BeforeReviewSources,
  ds2019BeforeReviewWords,
  overriddenWords,
  stillOverridden,
} from "./answers-disagree-words.ts";
import { NOT_ASKED } from "./answers-overridden.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { doneBeforeSeasonWords, ECFMG_REVIEW_URL, H1B_PETITION_TIME_SOURCE } from "./done-before-season.ts";
import { addSource } from "./risk-sources.ts";
import { QUESTION_NAMES as NAMES } from "./step-question-names.ts";

/**
 * A step and a step it cannot be done without (catalog `prerequisites`), whose reported done dates
 * must keep that order; `since`: only for a step dated on or after it (the rule's first day seen).
 */
interface OrderedPair {
  step: number;
  needs: number;
  source: string;
  since: string | undefined;
}

/**
 * ECFMG asks for the Application for ECFMG Certification before an exam application
 * (https://iwa2.ecfmg.org/appforcert/onlinedocs/afcoverview.aspx); the earliest of its Information
 * Booklets seen that names that application is 2013's (http://www.ecfmg.org/2013ib/). An exam
 * passed before 2013 may predate the application, so only later passes are compared.
 */
const APPLICATION_FIRST_SINCE = "2013-01-01";

/**
 * The pairs, made once from the static catalog: every official prerequisite but a result that may
 * follow the step (`neededByOwnDate`: the OET beside the Pathway, PATHWAY_DONE_BEFORE_OET's) and
 * NOT_ASKED's (answers-overridden.ts: the WDOMS check is the day of a look-up, the ERAS token is
 * issued on the application's submission, not its approval). Advice and secondary prerequisites are
 * no rule to hold an applicant's dates to.
 */
const PAIRS: readonly OrderedPair[] = MILESTONE_CATALOG.flatMap((entry) =>
  entry.prerequisites
    .filter(
      (prerequisite) =>
        prerequisite.basis === "official" &&
        prerequisite.neededByOwnDate !== true &&
        !NOT_ASKED.has(`${entry.key} ${prerequisite.key}`),
    )
    .map((prerequisite) => ({
      step: stepIndex(entry.key),
      needs: stepIndex(prerequisite.key),
      source: prerequisite.source,
      since: prerequisite.key === "ecfmg_application" ? APPLICATION_FIRST_SINCE : undefined,
    })),
);

const CONTRACT_AT = stepIndex("contract");
const SOAP_AT = stepIndex("soap");

/**
 * The pairs of the applicant's own done answers dated out of the catalog's order: a step dated
 * before a step it needs. Only entries that count for this Match (an earlier season's work, a
 * refused rank list or an outcome told too early are reset before this is read) and passes (a
 * result below its passing score is a retake, SCORE_BELOW_PASSING's). Same-day pairs are in order.
 * A contract dated before Match Day beside an accepted SOAP offer is in order: that offer is the
 * position. Catalog order; usually empty after one read per pair.
 */
export function doneOutOfOrder(context: PlanContext): readonly OrderedPair[] {
  const { entries } = context;
  // Made only when a pair is found: every plan reads this, almost none finds one.
  let out: OrderedPair[] | undefined;
  for (const pair of PAIRS) {
    const step = entries.at(pair.step);
    if (step?.status !== "done" || step.date === undefined) continue;
    const needs = entries.at(pair.needs);
    if (needs?.status !== "done" || needs.date === undefined || step.date >= needs.date) continue;
    if (pair.since !== undefined && step.date < pair.since) continue;
    if (failed(context, pair.step) || failed(context, pair.needs)) continue;
    if (pair.step === CONTRACT_AT && entries.at(SOAP_AT)?.status === "done") continue;
    if (out === undefined) out = [pair];
    else out.push(pair);
  }
  return out ?? NO_PAIRS;
}

const NO_PAIRS: readonly OrderedPair[] = Object.freeze([]);
const NO_ANSWERS: readonly never[] = Object.freeze([]);

/** Whether the step at `index` is reported below its passing score (a failed attempt, not a pass). */
function failed(context: PlanContext, index: number): boolean {
  const key: MilestoneKey | undefined = MILESTONE_CATALOG[index]?.key;
  return context.failedScores.some((each) => each.key === key);
}

/** ECFMG verifies the diploma with the school, so certifies only after graduation (official, facts.md). */
const DIPLOMA_VERIFIED_URL = "http://www.ecfmg.org/certification/how-the-certification-process-works.html";

/**
 * The sentence for an ECFMG certificate reported done before the applicant's graduation (dated
 * before it, or undated with graduation still ahead): ECFMG certifies only a graduate. Null otherwise.
 */
function certifiedBeforeGraduation(context: PlanContext): string | null {
  const certificate = context.entries.get("ecfmg_certification");
  if (certificate?.status !== "done") return null;
  const graduation = context.applicant.graduation;
  const on = certificate.date ?? localDate(context.zone, context.now);
  if (on >= graduation) return null;
  const dated = certificate.date === undefined ? "done" : `done on ${renderDate(certificate.date)}`;
  return `Your answers mark your ECFMG certification ${dated}, before your graduation on ${renderDate(graduation)}, though ECFMG certifies you only after it verifies your diploma: which is right?`;
}

/**
 * DONE_DATES_OUT_OF_ORDER (warning): each pair doneOutOfOrder finds, both steps and both dates
 * named, and why the order cannot be so; the plan keeps both answers as given (each step done), so
 * only the question is added. Null when the dates keep the catalog's order.
 */
export function doneOutOfOrderRisk(context: PlanContext): Risk | null {
  const pairs = doneOutOfOrder(context);
  const beforeGraduation = certifiedBeforeGraduation(context);
  // Filtered only when there is something to filter: two arrays a plan made and dropped.
  const done = context.doneBeforeSeason;
  const beforeSeason = !done || done.length === 0 ? NO_ANSWERS : done.filter((each) => each.contradicts);
  const told = context.answersOverridden;
  const overridden =
    !told || told.length === 0 ? NO_ANSWERS : told.filter((each) => stillOverridden(context, each));
  const ds2019 = ds2019BeforeReviewWords(context);
  const answers = overridden.length + (ds2019 === null ? 0 : 1);
  if (pairs.length === 0 && beforeGraduation === null && beforeSeason.length === 0 && answers === 0)
    return null;
  const sources: string[] = [];
  const milestones: MilestoneKey[] = [];
  const said: string[] = [];
  if (beforeGraduation !== null) {
    said.push(beforeGraduation);
    addSource(sources, DIPLOMA_VERIFIED_URL);
    milestones.push("ecfmg_certification");
  }
  // A post-Match step dated before the season's own date allows (done-before-season.ts).
  for (const each of beforeSeason) {
    said.push(doneBeforeSeasonWords(each, context.calendar, context.zone));
    addSource(sources, context.calendar.dates.nrmp_match_day.source);
    if (each.key === "visa_j1") addSource(sources, ECFMG_REVIEW_URL);
    if (each.key === "visa_h1b" || each.key === "visa_h1b_stamping")
      addSource(sources, H1B_PETITION_TIME_SOURCE);
    milestones.push(each.key);
  }
  // One sentence per step dated too early, naming each step it needs that is dated after it.
  for (let at = 0; at < pairs.length; ) {
    const step = (pairs[at] as OrderedPair).step;
    const needs: string[] = [];
    for (; at < pairs.length && (pairs[at] as OrderedPair).step === step; at++) {
      const pair = pairs[at] as OrderedPair;
      needs.push(`${NAMES[pair.needs]} (${renderDate(context.entries.at(pair.needs)?.date as string)})`);
      addSource(sources, pair.source);
      const key = MILESTONE_CATALOG[pair.needs]?.key as MilestoneKey;
      if (!milestones.includes(key)) milestones.push(key);
    }
    milestones.push(MILESTONE_CATALOG[step]?.key as MilestoneKey);
    const listed = needs.length === 1 ? needs[0] : `${needs.slice(0, -1).join(", ")} and ${needs.at(-1)}`;
    said.push(
      `Your answers date ${NAMES[step]} ${renderDate(context.entries.at(step)?.date as string)}, before ${listed}, though it needs ${needs.length === 1 ? "that" : "each of them"} first: which ${needs.length === 1 ? "date is" : "dates are"} right?`,
    );
  }
  // A DS-2019 dated before ECFMG's review could end; answers "not done" a step reported done needs.
  if (ds2019 !== null) {
    said.push(ds2019);
    for (const source of ds2019BeforeReviewSources(context)) addSource(sources, source);
    if (!milestones.includes("j1_ds2019")) milestones.push("j1_ds2019");
  }
  // One sentence per done step, naming each answer it overrides.
  for (const by of new Set(overridden.map((each) => each.by))) {
    const byStep = overridden.filter((each) => each.by === by);
    said.push(overriddenWords(context, byStep));
    for (const each of byStep) {
      addSource(sources, each.source);
      for (const index of [each.step, each.by]) {
        const key = MILESTONE_CATALOG[index]?.key as MilestoneKey;
        if (!milestones.includes(key)) milestones.push(key);
      }
    }
  }
  const lead =
    overridden.length > 0
      ? said.length > 1 || overridden.length > 1
        ? "Some of your answers disagree, most likely by mistake: please check them."
        : "Two of your answers disagree, most likely by mistake: please check them."
      : said.length === 1 && pairs.length <= 1
        ? ds2019 !== null
          ? "One of your dates comes too early, most likely by mistake: please check it."
          : beforeSeason.length === 1
            ? beforeSeason[0]?.date === undefined
              ? "One of your answers comes before the season allows, most likely by mistake: please check it."
              : "One of your dates comes before the season allows, most likely by mistake: please check it."
            : "Two of your dates are out of order, most likely by mistake: please check them."
        : "Some of your dates are out of order, most likely by mistake: please check them.";
  const until =
    pairs.length === 0 && beforeSeason.length === 0 && answers === 0
      ? "goes by your graduation date"
      : overridden.length > 0
        ? "counts each step done as you report it, and each step a done one needs"
        : "counts each step done as you report it";
  return {
    code: "DONE_DATES_OUT_OF_ORDER",
    severity: "warning",
    message: `${lead} ${said.join(" ")} Send your intake form again with the right ${overridden.length > 0 ? "answers" : "dates"}, or ask your advisor; until then your plan ${until}.`,
    milestones,
    sources,
  };
}
