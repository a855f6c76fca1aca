import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import {
  SEASON_DATE_KEYS,
  type SeasonCalendar,
  type SeasonDate,
  seasonCalendar,
} from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A risk about a season date cites that date's own citation from the calendar: its projection rule
 * while projected, the page confirmed.json read it from once confirmed, never a fixed page (NRMP's
 * events page lists month and day without a year, so it shows no 2027 date). The 2027 calendar is
 * taken as it is projected and then with every date marked confirmed, same day and hour, each with a
 * page of its own (a test's stand-in URL, not NRMP's), so the confirmation moves no date, only the
 * citation: every risk that cited a date's rule must cite that date's page instead.
 */
const DIR = fileURLToPath(new URL("../../fixtures/confirmed-date-sources/", import.meta.url));
const EVENTS_PAGE = "http://www.nrmp.org/residency/main-match-events/";
const pageOf = (key: string) => `https://calendar.example.test/2027/${key}`;

const projected = seasonCalendar(2027);
const confirmed: SeasonCalendar = {
  ...projected,
  status: "confirmed",
  dates: Object.fromEntries(
    SEASON_DATE_KEYS.map((key): [string, SeasonDate] => {
      const { latestCandidate: _, ...date } = projected.dates[key];
      return [key, { ...date, status: "confirmed", source: pageOf(key) }];
    }),
  ) as SeasonCalendar["dates"],
};

function planOn(file: string, now: string, calendar: SeasonCalendar): Plan {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
  return plan(snapshot, calendar, new Date(now));
}

/** Each risk's citations of a season date's rule on the projected calendar, as "CODE page-once-confirmed". */
function ruleCitations(risks: Plan["risks"]): string[] {
  return risks.flatMap((risk) =>
    SEASON_DATE_KEYS.filter((key) => (risk.sources ?? []).includes(projected.dates[key].source)).map(
      (key) => `${risk.code} ${pageOf(key)}`,
    ),
  );
}

const CASES: [string, string][] = [
  // An H-1B applicant abroad: STEP3_NEEDED_FOR_H1B and NRMP_LATE_FEE name the ROL deadline.
  ["h1b-karachi.json", "2026-12-05T05:00:00Z"],
  ["none-toronto.json", "2026-12-05T05:00:00Z"],
  ["j1-lagos.json", "2026-12-05T05:00:00Z"],
  ["j1-rol-jan20.json", "2027-02-20T12:00:00Z"],
];

it("the cases below name season dates in their risks (so the checks below can fail)", () => {
  const codes = CASES.flatMap(([file, now]) => ruleCitations(planOn(file, now, projected).risks));
  expect(codes).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^STEP3_NEEDED_FOR_H1B /),
      expect.stringMatching(/^NRMP_LATE_FEE /),
    ]),
  );
});

describe.each(CASES)("%s at %s", (file, now) => {
  const before = planOn(file, now, projected);
  const after = planOn(file, now, confirmed);

  it("cites a confirmed date's own page wherever the projected plan cited its rule", () => {
    // A risk that is only about a date being projected (RANKING_MAY_OPEN_LATER) goes with confirmation.
    const kept = new Set<string>(after.risks.map((risk) => risk.code));
    const cited = ruleCitations(before.risks).filter((each) => kept.has(each.split(" ")[0] ?? ""));
    const citedAfter = after.risks.flatMap((risk) =>
      (risk.sources ?? []).map((source) => `${risk.code} ${source}`),
    );
    for (const each of cited) expect(citedAfter).toContain(each);
  });

  it("cites no fixed events page for a season date", () => {
    for (const risk of after.risks)
      expect([risk.code, risk.sources]).not.toEqual([risk.code, expect.arrayContaining([EVENTS_PAGE])]);
  });
});
