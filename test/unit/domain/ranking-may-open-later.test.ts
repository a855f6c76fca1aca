import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, examsDone, inputFactory } from "./factories.ts";

/**
 * Ranking's opening is projected at the earlier candidate (Jan 15: 2026,
 * official; Feb 1 in 2024 and Feb 3 in 2025), the safe side for a deadline but not for refusing a
 * list as "before ranking opens": a list reported certified between the two candidates was
 * accepted silently although it could not exist if the season opens later. Until the season's
 * opening is confirmed such a list counts, flagged: "ranking may open later this season; check
 * that your list is certified in R3".
 */
const input = (date: string) =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos", graduation: "2024-06-30" }),
    milestones: [
      ...examsDone(),
      ...doneMilestones([
        "oet_medicine",
        "ecfmg_pathway",
        "eras_token",
        "eras_application",
        "nrmp_registration",
      ]),
      { key: "rank_order_list", status: "done", date } satisfies MilestoneEntry,
    ],
  });
const planOn = (date: string, now: string, year = 2027) =>
  plan(
    { ...input(date), applicant: { ...input(date).applicant, matchYear: year } },
    seasonCalendar(year),
    new Date(now),
  );
const flagged = (result: ReturnType<typeof planOn>) =>
  result.risks.find((risk) => risk.code === "RANKING_MAY_OPEN_LATER");

describe("a list certified before ranking's later candidate opening", () => {
  it("the 2027 opening is projected, with its later candidate in the rule's data", () => {
    const opens = seasonCalendar(2027).dates.nrmp_rank_order_list_entry_opens;
    expect(opens).toMatchObject({ date: "2027-01-15", status: "projected" });
    expect(opens.latestCandidate?.date).toBe("2027-02-03");
  });

  it("counts a list dated 20 Jan 2027 but flags it: ranking may open later", () => {
    const result = planOn("2027-01-20", "2027-01-21T12:00:00Z");
    expect(result.risks.map((risk) => risk.code)).not.toContain("ROL_BEFORE_RANKING_OPENS");
    expect(result.nextSteps.map((step) => step.milestone)).not.toContain("rank_order_list");
    const risk = flagged(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain(
      "ranking may open later this season; check that your list is certified in R3",
    );
    expect(risk?.message).toContain("Wed 3 Feb 2027");
    expect(risk?.milestones).toEqual(["rank_order_list"]);
    expect(risk?.sources?.some((source) => source.startsWith("projected: "))).toBe(true);
  });

  it.each([
    ["on the later candidate", "2027-02-03", "2027-02-04T12:00:00Z"],
    ["after it", "2027-02-10", "2027-02-11T12:00:00Z"],
  ])("does not flag a list dated %s", (_label, date, now) => {
    expect(flagged(planOn(date, now))).toBeUndefined();
  });

  it("still refuses a list dated before the earlier candidate", () => {
    const result = planOn("2026-11-28", "2026-11-30T12:00:00Z");
    expect(result.risks.map((risk) => risk.code)).toContain("ROL_BEFORE_RANKING_OPENS");
    expect(flagged(result)).toBeUndefined();
  });

  it("does not flag in a season whose opening is confirmed (2026: Jan 15, official)", () => {
    expect(seasonCalendar(2026).dates.nrmp_rank_order_list_entry_opens.status).toBe("confirmed");
    expect(flagged(planOn("2026-01-20", "2026-01-21T12:00:00Z", 2026))).toBeUndefined();
  });

  it("compares the list's local day with the candidates' local days", () => {
    // Manila: Fri 15 Jan 2027 12:00 PM ET is Sat 16 Jan 1:00 AM, Wed 3 Feb 12:00 PM ET Thu 4 Feb 1:00 AM.
    const inManila = (date: string, now: string) =>
      plan(
        { ...input(date), applicant: { ...input(date).applicant, timezone: "Asia/Manila" } },
        seasonCalendar(2027),
        new Date(now),
      );
    const onOpeningDay = inManila("2027-01-16", "2027-01-17T12:00:00Z");
    expect(onOpeningDay.risks.map((risk) => risk.code)).not.toContain("ROL_BEFORE_RANKING_OPENS");
    expect(flagged(onOpeningDay)).toBeDefined();
    const onCandidateEtDay = flagged(inManila("2027-02-03", "2027-02-04T12:00:00Z"));
    expect(onCandidateEtDay?.message).toContain("a list dated before Thu 4 Feb 2027 may predate it");
    expect(flagged(inManila("2027-02-04", "2027-02-05T12:00:00Z"))).toBeUndefined();
  });
});
