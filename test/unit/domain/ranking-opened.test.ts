import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";

/**
 * "Ranking opens" after ranking has opened: the opening's notice is news
 * on its day only. An applicant who arrives after it, or whose rank list is already in progress,
 * gets no "ranking opens" email, and the rank list's text speaks of the opening in the past tense.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-before-opening-2027.json", SCENARIO_DIR), "utf8")),
);
const withRankList = (entry: MilestoneEntry | null): ApplicantSnapshot => ({
  ...base,
  milestones: [
    ...base.milestones.filter((m) => m.key !== "rank_order_list"),
    ...(entry === null ? [] : [entry]),
  ],
});
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const rungs = (result: Plan) =>
  result.reminders.filter((r) => r.milestone === "rank_order_list").map((r) => r.rung);
const rankStep = (result: Plan) => result.nextSteps.find((step) => step.milestone === "rank_order_list");

describe("ranking opens (projected Fri 15 Jan 2027, 12:00 PM ET)", () => {
  it("a not-started list planned before the opening still hears on its day, in the future tense", () => {
    const result = planAt(withRankList(null), "2026-12-01T12:00:00Z");
    expect(rungs(result)).toContain("ranking-opens");
    expect(rankStep(result)?.action).toContain("once ranking opens");
  });

  it("an applicant who arrives after the opening gets no 'ranking opens' notice", () => {
    for (const now of ["2027-01-16T12:00:00Z", "2027-01-20T12:00:00Z", "2027-02-01T12:00:00Z"]) {
      expect(rungs(planAt(withRankList(null), now)), now).not.toContain("ranking-opens");
    }
  });

  it("nor one whose list, dated before the opening, is not counted", () => {
    expect(rungs(planAt(base, "2027-01-20T12:00:00Z"))).not.toContain("ranking-opens");
  });

  it("after the opening the text says ranking opened, never 'once ranking opens'", () => {
    const action = rankStep(planAt(withRankList(null), "2027-02-01T12:00:00Z"))?.action ?? "";
    expect(action).not.toContain("once ranking opens");
    // Projected (the 2027 opening is not confirmed): expected then, and possibly as late as Feb 3.
    expect(action).toContain("now (ranking was expected to open on Fri 15 Jan 2027");
  });

  it("a rank list in progress gets no 'ranking opens' notice, before or after the opening", () => {
    const inProgress = withRankList({ key: "rank_order_list", status: "in_progress", date: "2027-01-20" });
    expect(rungs(planAt(inProgress, "2027-01-25T12:00:00Z"))).not.toContain("ranking-opens");
    const early = withRankList({ key: "rank_order_list", status: "in_progress" });
    expect(rungs(planAt(early, "2026-12-01T12:00:00Z"))).not.toContain("ranking-opens");
  });

  it("no three emails in four days about the rank list for a list dated before the opening, planned 1 Feb", () => {
    const result = planAt(
      withRankList({ key: "rank_order_list", status: "done", date: "2027-01-14" }),
      "2027-02-01T12:00:00Z",
    );
    const times = result.reminders
      .filter((r) => r.milestone === "rank_order_list")
      .map((r) => Date.parse(r.sendAt));
    const fourDays = 4 * 24 * 3600 * 1000;
    for (let index = 0; index + 2 < times.length; index++) {
      expect((times[index + 2] as number) - (times[index] as number)).toBeGreaterThan(fourDays);
    }
  });
});

describe("ROL_BEFORE_RANKING_OPENS once ranking has opened", () => {
  const early = withRankList({ key: "rank_order_list", status: "done", date: "2026-11-28" });
  const message = (now: string) =>
    planAt(early, now).risks.find((risk) => risk.code === "ROL_BEFORE_RANKING_OPENS")?.message ?? "";

  it("before the opening asks for the list once ranking opens", () => {
    expect(message("2026-12-01T12:00:00Z")).toContain("once ranking opens");
  });

  it("after the opening asks to certify it again now; the projected opening is only expected", () => {
    const said = message("2027-01-20T12:00:00Z");
    expect(said).toContain("before ranking opened");
    // The 2027 opening is projected: R3 may open as late as the latest opening on record (Feb 3).
    expect(said).toContain("ranking was expected to open on Fri 15 Jan 2027, 10:30 PM GMT+5:30");
    expect(said).toContain("(projected) and a list cannot be certified before then");
    expect(said).toContain(
      "certify it again now (if R3 is not open yet, it may open as late as Wed 3 Feb 2027",
    );
    expect(said).not.toContain("ranking opened on");
    expect(said).not.toMatch(/once ranking opens|ranking opens on/);
  });

  it("past the latest opening on record, the projected opening was expected, and ranking is open", () => {
    const said = message("2027-02-10T12:00:00Z");
    expect(said).toContain("ranking was expected to open on Fri 15 Jan 2027");
    expect(said).toContain("in every season on record it opened no later than Wed 3 Feb 2027");
    expect(said).toContain("Ranking is open: enter your list in R3 and certify it again now");
    expect(said).not.toContain("ranking opened on");
  });
});

describe("the rank list's notice once ranking is open", () => {
  const noticeTitles = (result: Plan) =>
    result.reminders
      .filter((r) => r.rung === "critical-risk" && r.milestone === "rank_order_list")
      .map((r) => r.title);

  it("a list dated before the opening, reported after it, is told to certify again now, not 'once ranking opens'", () => {
    const titles = noticeTitles(planAt(base, "2027-01-20T12:00:00Z"));
    expect(titles).toHaveLength(1);
    expect(titles[0]).not.toContain("once ranking opens");
    expect(titles[0]).toContain("certify it again now");
  });

  it("before the opening the notice still says to certify it once ranking opens", () => {
    expect(noticeTitles(planAt(base, "2026-12-01T12:00:00Z"))[0]).toContain("once ranking opens");
  });
});
