import { describe, expect, it } from "vitest";
import { dayText, lastSittingDay, sittingCutOffOf } from "#domain/planner/last-sitting-day.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderDate } from "#domain/time.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A projected season's risk messages mark the projected days they name, not only the dates named
 * with their ET hour (projected-dates-marked.test.ts): these were found, for the projected
 * 2027 season, "take it by Wed 27 Jan 2027 at the latest" (the last sitting day), "submit your
 * Pathway application now, by Sat 26 Dec 2026 at the latest" (the Pathway deadline), TARGET_PASSED's
 * "The latest day that still works is Tue 5 Jan 2027" (the OET's) and ROL_BEFORE_RANKING_OPENS's and
 * RANKING_MAY_OPEN_LATER's "certify it … by <rank order list deadline>" bare. The scan: each
 * sentence naming a projected season date's day, or a day counted from one (each exam's last
 * sitting day, the Pathway deadline), says "projected". A day said "around …" is the applicant's
 * own estimate that happens to fall on that day (VISA_UNDECIDED's and Step 3's "around Wed 23 Feb
 * 2028 at the earliest"), not a season date; a
 * step's target is advice that says so ("was Wed 22 Sep 2027 (a target Matchpath suggests …)").
 */
const season = seasonCalendar(2028);
const projectedDays = new Set([
  ...Object.values(season.dates)
    .filter((date) => date.status === "projected")
    .map((date) => renderDate(date.date)),
  ...(["usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"] as const).map((key) =>
    dayText(lastSittingDay(sittingCutOffOf(season, key))),
  ),
]);

const TARGET_WORDS = "a target Matchpath suggests";

/** Each sentence of `texts` that names a projected day, not as an estimate, without the mark. */
function bareIn(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts)
    for (const sentence of text.split(/(?<=\.)\s+(?=[A-Z])/)) {
      // A target is Matchpath's advice, labelled so in its own words ("a target Matchpath suggests").
      // A day counted from a projected date is our advice, marked so (basisMark).
      if (
        sentence.includes("projected") ||
        sentence.includes("(our advice)") ||
        sentence.includes(TARGET_WORDS)
      )
        continue;
      for (const day of projectedDays)
        if (sentence.includes(day) && !sentence.includes(`around ${day}`)) found.push(`${day}: ${sentence}`);
    }
  return found;
}

/**
 * Each projected day `text` names without "(projected)" right after it (its hour and ET rendering
 * may come between), unless the words around it say so: MATCH_YEAR_LAST_DAY's any-seat and OET
 * sentences named the day bare and carried one mark at the
 * sentence's end, which the sentence-level scan (bareIn) lets through.
 */
function unmarkedIn(text: string): string[] {
  const found: string[] = [];
  for (const day of projectedDays)
    for (let at = text.indexOf(day); at >= 0; at = text.indexOf(day, at + day.length)) {
      const after = text.slice(at + day.length);
      const marked =
        /^(,[^()]*(\([^()]*\))?\)?)? \((projected|its deadline is projected|our advice)/.test(after) ||
        text.slice(0, at).endsWith("projected deadline, ") ||
        text.slice(0, at).endsWith(`around `);
      if (!marked) found.push(`${day}: …${text.slice(Math.max(0, at - 60), at + day.length + 30)}…`);
    }
  return found;
}

const registered = (...open: MilestoneEntry[]): MilestoneEntry[] => [
  ...doneMilestones(
    REGISTERED_KEYS.filter((key) => !open.some((entry) => entry.key === key)),
    "2027-09-10",
  ),
  ...open,
];
const pathwayOpen = (...open: MilestoneEntry[]): MilestoneEntry[] => [
  ...doneMilestones(DONE_BUT_OET_AND_PATHWAY, "2027-09-10"),
  ...open,
];

/** The five situations reported, a year later (2028, a projected season). */
const records: Record<string, MilestoneEntry[]> = {
  listBeforeOpening: registered(milestoneFactory("rank_order_list", "done", "2028-01-02")),
  listMayPredateOpening: registered(milestoneFactory("rank_order_list", "done", "2028-01-20")),
  step2LateSitting: registered(milestoneFactory("usmle_step2ck", "scheduled", "2028-02-05")),
  // Not booked: MATCH_YEAR_LAST_DAY's "find any … seat and sit it by <last sitting day>".
  step2Unbooked: registered(milestoneFactory("usmle_step2ck", "in_progress")),
  oetUndated: pathwayOpen(
    milestoneFactory("ecfmg_pathway", "not_started"),
    milestoneFactory("oet_medicine", "in_progress"),
  ),
  pathwayUndated: pathwayOpen(
    milestoneFactory("ecfmg_pathway", "in_progress"),
    milestoneFactory("oet_medicine", "done", "2027-03-01"),
  ),
};

describe("a projected season's risks mark the projected days they name", () => {
  it.each(["Pacific/Auckland", "Asia/Karachi", "America/New_York"])("2028 applicants in %s", (timezone) => {
    const bare: string[] = [];
    const seen = new Set<string>();
    const rol = season.dates.nrmp_rol_certification_and_late_registration_deadline.at;
    for (const [name, milestones] of Object.entries(records))
      for (const visa of ["J-1", "H-1B"] as const)
        for (let at = Date.parse("2027-11-01T09:00:00Z"); at < rol; at += 4 * 86_400_000) {
          const input = inputFactory({
            applicant: applicantFactory({ matchYear: 2028, visa, timezone, graduation: "2025-06-30" }),
            milestones,
          });
          const risks = plan(input, season, new Date(at)).risks;
          for (const risk of risks) seen.add(risk.code);
          const messages = risks.map((risk) => `${risk.code}: ${risk.message}`);
          for (const text of bareIn(messages)) bare.push(`${name} ${visa} ${text}`);
          // MATCH_YEAR_LAST_DAY marks each projected day, not only its sentence.
          for (const risk of risks)
            if (risk.code === "MATCH_YEAR_LAST_DAY")
              for (const text of unmarkedIn(risk.message)) bare.push(`${name} ${visa} ${risk.code} ${text}`);
        }
    expect([...new Set(bare)]).toEqual([]);
    // The scan reaches the reported texts: each rule they came from is raised.
    for (const code of [
      "ROL_BEFORE_RANKING_OPENS",
      "RANKING_MAY_OPEN_LATER",
      "EXAMS_LATE_FOR_RANKING",
      "TARGET_PASSED",
      "MATCH_YEAR_LAST_DAY",
    ])
      expect(seen).toContain(code);
  });

  it("the scan finds a bare projected day (it can fail)", () => {
    const sitting = dayText(lastSittingDay(sittingCutOffOf(season, "usmle_step2ck")));
    expect(bareIn([`Move it earlier and take it by ${sitting} at the latest. Next.`])).toHaveLength(1);
    expect(bareIn([`Take it by ${sitting} at the latest (projected). Next.`])).toEqual([]);
    expect(bareIn([`Your result is expected around ${sitting}. Next.`])).toEqual([]);
    expect(unmarkedIn(`Act by ${sitting}: sit it by ${sitting} (projected).`)).toHaveLength(1);
    expect(unmarkedIn(`Act by ${sitting} (projected): sit it by ${sitting} (projected).`)).toEqual([]);
  });
});
