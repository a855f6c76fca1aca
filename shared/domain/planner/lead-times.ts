import { catalogEntry, FEEDS_RANKING } from "../catalog/index.ts";
import type { StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { SCORE_REPORTING_DAYS, SCORE_REPORTING_SOURCE } from "./advice.ts";
import { subjectOf } from "./late-for-ranking-words.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/**
 * The lead time each late step's message rests on (EXAMS_LATE_FOR_RANKING's last sentences): USMLE
 * score reporting for the exams, the Pathway's own review allowance (advice, from the catalog) for
 * the Pathway, which is no USMLE score. Their sources go to `sources`.
 */
export function leadTimes(keys: readonly StepSubject[], sources: string[], reviewSaid = false): string {
  const said = keptSaid(keys, reviewSaid) ?? keepSaid(keys, reviewSaid);
  for (const source of said.sources) addSource(sources, source);
  return said.text;
}

/** What leadTimes says for some steps, and the sources it cites, in the order it cites them. */
interface LeadTimesSaid {
  keys: readonly StepSubject[];
  reviewSaid: boolean;
  text: string;
  sources: string[];
}

/**
 * leadTimes' words per late steps, in their order, and whether the Pathway's review was said
 * already: nothing else is read, the catalog is static. Found by comparing the steps in place (no
 * key text joined and hashed per plan). The sources are replayed through addSource on every use, so
 * each plan's list dedupes against what it holds already, as before. A few steps make few lists;
 * at most SAID_LIMIT, then the list starts again.
 */
const saidFor: LeadTimesSaid[] = [];
const SAID_LIMIT = 64;

function keptSaid(keys: readonly StepSubject[], reviewSaid: boolean): LeadTimesSaid | undefined {
  for (let at = 0; at < saidFor.length; at++) {
    const known = saidFor[at] as LeadTimesSaid;
    if (known.reviewSaid !== reviewSaid || known.keys.length !== keys.length) continue;
    let same = true;
    for (let index = 0; index < keys.length && same; index++) same = known.keys[index] === keys[index];
    if (same) return known;
  }
  return undefined;
}

function keepSaid(keys: readonly StepSubject[], reviewSaid: boolean): LeadTimesSaid {
  if (saidFor.length >= SAID_LIMIT) saidFor.length = 0;
  const said = { keys: keys.slice(), reviewSaid, ...composeLeadTimes(keys, reviewSaid) };
  saidFor.push(said);
  return said;
}

function composeLeadTimes(
  keys: readonly StepSubject[],
  reviewSaid: boolean,
): Pick<LeadTimesSaid, "text" | "sources"> {
  const said: string[] = [];
  const sources: string[] = [];
  // Each exam's own reporting allowance and its source (a Step 2 CK risk
  // cited ECFMG's Step 3 note).
  const exams = keys.filter((key) => key !== "ecfmg_pathway" && !FEEDS_RANKING.has(key as MilestoneKey));
  if (exams.length > 0) {
    const allowances = exams.map((key) => catalogEntry(key as MilestoneKey).reportingDays);
    const days = Math.max(...allowances.map((allowance) => allowance?.days ?? SCORE_REPORTING_DAYS));
    said.push(` We allow up to ${days} days for a USMLE result to be reported.`);
    for (const allowance of allowances)
      addSource(sources, allowance === undefined ? SCORE_REPORTING_SOURCE : citationSource(allowance));
  }
  const pathway = catalogEntry("ecfmg_pathway").reportingDays;
  if (keys.includes("ecfmg_pathway") && pathway !== undefined) {
    // Said once: a Pathway to submit now already gives the review in its own sentence.
    if (!reviewSaid) said.push(` ECFMG's review of a Pathway application is allowed ${pathway.days} days.`);
    addSource(sources, citationSource(pathway));
  }
  // A result the Pathway needs (OET): its own allowance and its deadline's, both advice.
  for (const key of keys) {
    const entry = FEEDS_RANKING.has(key as MilestoneKey) ? catalogEntry(key as MilestoneKey) : undefined;
    if (entry?.reportingDays === undefined) continue;
    said.push(` We allow ${entry.reportingDays.days} days for ${subjectOf(entry.key)} results.`);
    addSource(sources, citationSource(entry.reportingDays));
    addSource(sources, citationSource(entry.due));
  }
  return { text: said.join(""), sources };
}
