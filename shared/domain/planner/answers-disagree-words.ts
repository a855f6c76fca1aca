import { MILESTONE_CATALOG } from "../catalog/index.ts";
import { seasonInstantEt } from "../seasons/date-words.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import type { OverriddenAnswer } from "./answers-overridden.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { ECFMG_REVIEW_URL } from "./done-before-season.ts";
import { QUESTION_NAMES } from "./step-question-names.ts";

// The questions DONE_DATES_OUT_OF_ORDER asks beside the out-of-order dates: an answer "not done"
// that a step reported done overrides (answers-overridden.ts), and a DS-2019 dated or expected
// before ECFMG's review could have issued it.

const NRMP_AT = stepIndex("nrmp_registration");
const LIST_AT = stepIndex("rank_order_list");
const DS2019_AT = stepIndex("j1_ds2019");
const SPONSORSHIP_AT = stepIndex("j1_ecfmg_sponsorship");

/** The answer's own words: "not started", "in progress", "scheduled for Sun 20 Jun 2027". */
function statusWords(each: OverriddenAnswer): string {
  const { status, date } = each.entry;
  if (status === "in_progress") return "in progress";
  if (status === "scheduled") return date === undefined ? "scheduled" : `scheduled for ${renderDate(date)}`;
  return "not started";
}

/** Whether the answer is still counted done in this context (a moved plan's earlier season is not asked). */
export function stillOverridden(context: PlanContext, each: OverriddenAnswer): boolean {
  if (context.statuses[each.step] !== "done") return false;
  const keyOf = (index: number) => MILESTONE_CATALOG[index]?.key as MilestoneKey;
  return !context.pastSeason.has(keyOf(each.step)) && !context.pastSeason.has(keyOf(each.by));
}

/**
 * The sentence for the answers one done step overrides (`answers`, all with the same `by`): both
 * answers, why they cannot both be right, which the plan goes by (the done one: it counts each
 * earlier step done and pushes no fee for it) and what to re-check.
 */
export function overriddenWords(context: PlanContext, answers: readonly OverriddenAnswer[]): string {
  const first = answers[0] as OverriddenAnswer;
  const by = QUESTION_NAMES[first.by] as string;
  const byEntry = context.entries.at(first.by);
  const byDate = byEntry?.date;
  // SOAP in progress from Monday's release (soap-taking-part.ts): taken part in, not done.
  const state = byEntry?.status === "in_progress" ? "in progress" : "done";
  const done =
    byDate === undefined ? state : `${state} ${state === "done" ? "on" : "since"} ${renderDate(byDate)}`;
  const list = (words: string[]) =>
    words.length === 1 ? (words[0] as string) : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
  const names = answers.map((each) => QUESTION_NAMES[each.step] as string);
  const said = list(answers.map((each, at) => `${names[at]} is ${statusWords(each)}`));
  const one = answers.length === 1;
  const check =
    first.by === LIST_AT && answers.some((each) => each.step === NRMP_AT)
      ? " Check in NRMP's R3 system that your registration and your certified list both show."
      : "";
  return `Your answers mark ${by} ${done} but say ${said}, though ${by} needs ${one ? "it" : "each of them"} first: which is right? Most likely ${one ? "the answer" : "the answers"} for ${list(names)} ${one ? "was" : "were"} not updated: if ${one ? "it is" : "they are"} done, mark ${one ? "it" : "them"} done; if ${by} is not ${state === "done" ? "done yet" : "under way"}, mark it as it stands.${check} Until you answer, your plan counts ${list(names)} done.`;
}

/** ECFMG's review once every document is in: 4–6 weeks (facts.md §5, official); the shorter end. */
const REVIEW_SHORTEST_DAYS = 28;

/**
 * A DS-2019 reported done, or expected ("scheduled"), on a day ECFMG's review cannot have ended
 * by: less than four weeks after Match Day's results (the applicant's local day), or before the J-1
 * sponsorship application reported sent. Only this season's answers (dated after the
 * previous ERAS season's end). A DS-2019 done before a sponsorship done is already the dates' own
 * pair (done-order.ts): not asked twice. The plan keeps the answer as given. Null for most plans.
 */
export function ds2019BeforeReviewWords(context: PlanContext): string | null {
  if (context.applicant.visa !== "J-1") return null;
  const entry = context.entries.at(DS2019_AT);
  if (entry === undefined || entry.date === undefined) return null;
  if (entry.status !== "done" && entry.status !== "scheduled") return null;
  const { calendar, zone } = context;
  if (entry.date <= calendar.dates.eras_previous_season_ends.date) return null;
  const matchDay = calendar.dates.nrmp_match_day;
  const local = localDate(zone, matchDay.at);
  const sponsorship = context.entries.at(SPONSORSHIP_AT);
  const sent =
    sponsorship?.status === "done" && sponsorship.date !== undefined ? sponsorship.date : undefined;
  if (entry.status === "done" && sent !== undefined && entry.date < sent) return null;
  // Before the sponsorship was sent is impossible at any pace. After it, the four weeks count from
  // Match Day's results, as for the J-1 visa (done-before-season.ts): the earliest a complete
  // application can be in, so a quick review of an application sent later is not asked about.
  const beforeSent = sent !== undefined && entry.date < sent;
  const earliest = new Date(Date.parse(local) + REVIEW_SHORTEST_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (!beforeSent && entry.date >= earliest) return null;
  const release = `${seasonInstantEt(matchDay)}${local === matchDay.date ? "" : `, ${renderDate(local)} where you are`}`;
  const when = beforeSent
    ? `before your J-1 sponsorship application to ECFMG (${renderDate(sent as string)})`
    : entry.date < local
      ? `before Match Day's results (${release})`
      : `less than four weeks after Match Day's results (${release})`;
  const why =
    "though ECFMG issues the DS-2019 only after reviewing your sponsorship application, 4 to 6 weeks once every document is in";
  return entry.status === "done"
    ? `Your answers date your DS-2019 ${renderDate(entry.date)}, ${when}, ${why}: which date is right? If you do not have it yet, mark it as it stands.`
    : `Your answers expect your DS-2019 on ${renderDate(entry.date)}, ${when}, ${why}: which date is right? If you have it, mark it done; if not, ask your program's J-1 liaison when ECFMG expects to issue it, and send that date.`;
}

/** The sources of ds2019BeforeReviewWords's sentence: ECFMG's review time, and Match Day's date. */
export function ds2019BeforeReviewSources(context: PlanContext): string[] {
  return [ECFMG_REVIEW_URL, context.calendar.dates.nrmp_match_day.source];
}
