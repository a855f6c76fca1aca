import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, Visa } from "#domain/snapshot.ts";
import { doneMilestones, matched2027 } from "./factories.ts";

// A matched J-1 applicant in Manila (2027 Match) with the contract, Statement of Need,
// sponsorship, DS-2019, visa and certificate all not done. On 2 July 2027 the plan had only
// CERTIFICATION_AFTER_START (whose notice announced 1 July, so none went) and no reminder at all:
// VISA_NOT_READY_FOR_START stops at residency start. The applicant whose start slips is the one an
// advisor chases hardest.

const calendar = seasonCalendar(2027);
const START = calendar.dates.residency_start.at;
const WEEK_MS = 7 * 24 * 3_600_000;

function matched(extra: MilestoneKey[] = [], visa: Visa = "J-1", matchDay = true) {
  return matched2027("Asia/Manila", { visa, matchDay, extra: doneMilestones(extra, "2027-04-10") });
}
const planAt = (at: string | number, input = matched()) => plan(input, calendar, new Date(at));
const delayed = (result: Plan) => result.risks.find((each) => each.code === "START_DELAYED");
const notice = (result: Plan) =>
  result.reminders.find((each) => each.rung === "critical-risk" && each.risk === "START_DELAYED");

describe("START_DELAYED: a matched applicant who cannot have started is chased, not dropped", () => {
  it("at residency start: one critical notice to contact the GME office and ECFMG today, sent at once", () => {
    const now = "2027-07-02T02:00:00Z";
    const result = planAt(now);
    const risk = delayed(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.milestones).toEqual([
      "contract",
      "j1_statement_of_need",
      "j1_ecfmg_sponsorship",
      "j1_ds2019",
      "visa_j1",
      "ecfmg_certification",
    ]);
    expect(risk?.message).toContain("your start is delayed");
    expect(risk?.message).toContain("Contact your program's GME office and ECFMG today");
    expect(risk?.message).toContain("until Wed 1 Sep 2027");
    expect(risk?.sources).toContain(
      "advice: programs hold a delayed start only briefly and publish no limit, so we follow it up each week until 1 September; the GME office says how long yours waits",
    );
    const sent = notice(result);
    expect(sent?.title).toContain("Your residency start is delayed");
    expect(sent?.title).toContain("GME office and ECFMG today");
    expect(Date.parse(sent?.sendAt ?? "")).toBeGreaterThanOrEqual(Date.parse(now));
    expect(Date.parse(sent?.sendAt ?? "")).toBeLessThan(Date.parse(now) + 24 * 3_600_000);
    expect(sent?.deadline).toBe(new Date(START + WEEK_MS).toISOString());
  });

  it("is re-planned at residency start: the plan before it lists the start among its wake-up instants", () => {
    const before = planAt("2027-06-25T02:00:00Z");
    expect(delayed(before)).toBeUndefined();
    expect(before.riskChangesAt).toContain(new Date(START).toISOString());
  });

  it("follows up each week with a new notice id, the same id all week, until 1 September", () => {
    const week0 = planAt(START + 3_600_000);
    const week0Later = planAt(START + 5 * 24 * 3_600_000);
    const week1 = planAt(START + WEEK_MS + 3_600_000);
    expect(notice(week0)?.id).toBeDefined();
    expect(notice(week0Later)?.id).toBe(notice(week0)?.id);
    expect(notice(week1)?.id).toBeDefined();
    expect(notice(week1)?.id).not.toBe(notice(week0)?.id);
    // The next week's instant wakes the applicant for its follow-up.
    expect(week0.riskChangesAt).toContain(new Date(START + WEEK_MS).toISOString());
    const lastWeek = planAt("2027-08-31T12:00:00Z");
    expect(notice(lastWeek)).toBeDefined();
    expect(Date.parse(notice(lastWeek)?.deadline ?? "")).toBeLessThanOrEqual(
      Date.parse("2027-09-01T04:00:00Z"),
    );
    // Past 1 September one final notice, then nothing once its four weeks are over.
    const final = planAt("2027-09-02T02:00:00Z");
    expect(notice(final)?.id).not.toBe(notice(lastWeek)?.id);
    expect(notice(planAt("2027-09-20T02:00:00Z"))?.id).toBe(notice(final)?.id);
    const after = planAt("2027-09-29T12:00:00Z");
    expect(delayed(after)).toBeUndefined();
    expect(notice(after)).toBeUndefined();
  });

  it("says what next in one final notice after 1 September: the position, the program, an advisor, the next Match", () => {
    const final = planAt("2027-09-02T02:00:00Z");
    const risk = delayed(final);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("this is our last notice about it");
    expect(risk?.message).toContain("your program may release your position");
    expect(risk?.message).toContain("Talk to your program's GME office and your advisor this week");
    // The 2028 Match's ERAS opening, projected as the season data has it.
    const opens = seasonCalendar(2028).dates.eras_applicants_may_submit;
    expect(opens.status).toBe("projected");
    // Projected for Wed 1 Sep 2027, the day before: "opened".
    expect(risk?.message).toContain("plan for the 2028 Match, whose ERAS applications opened ");
    expect(risk?.message).toContain(`${opens.date.slice(8, 10).replace(/^0/, "")} Sep 2027 (projected)`);
    expect(risk?.sources).toContain(opens.source);
    expect(notice(final)?.title).toBe(
      "Your residency start is still delayed: talk to your program and your advisor about the next Match",
    );
  });

  it("shows its Due as a day, not a midnight instant", () => {
    const detail = notice(planAt("2027-07-02T02:00:00Z"))?.deadlineDetail;
    expect(detail?.precision).toBe("day");
    // The week's notice runs through Wed 7 Jul: the next follow-up is at midnight ET starting 8 Jul.
    expect(detail?.day).toBe("2027-07-07");
    expect(detail?.local).not.toMatch(/12:00 AM/);
  });

  it("is deterministic: the same plan twice gives the same notice", () => {
    const first = notice(planAt("2027-07-09T02:00:00Z"));
    expect(first?.id).toMatch(/^r-/);
    expect(notice(planAt("2027-07-09T02:00:00Z"))).toEqual(first);
  });

  it("names the certificate alone when only the certificate is missing, and no J-1 words for a US citizen", () => {
    const citizen = matched(["contract"], "none");
    const risk = delayed(planAt("2027-07-02T02:00:00Z", citizen));
    expect(risk?.milestones).toEqual(["ecfmg_certification"]);
    expect(risk?.message).toContain("ECFMG issues your certificate");
    expect(risk?.message).not.toContain("J-1");
  });

  it("names only the GME office for an H-1B contract and petition, with the certificate done", () => {
    const h1b = matched(["usmle_step3", "ecfmg_certification"], "H-1B");
    const risk = delayed(planAt("2027-07-02T02:00:00Z", h1b));
    expect(risk?.milestones).toEqual(["contract", "visa_h1b", "visa_h1b_stamping"]);
    expect(risk?.message).toContain("Contact your program's GME office today");
    expect(notice(planAt("2027-07-02T02:00:00Z", h1b))?.title).not.toContain("ECFMG");
  });

  it("is absent when everything is done, or when Match Day is not reported done", () => {
    const ready = matched([
      "contract",
      "j1_statement_of_need",
      "j1_ecfmg_sponsorship",
      "j1_ds2019",
      "visa_j1",
      "ecfmg_certification",
    ]);
    expect(delayed(planAt("2027-07-02T02:00:00Z", ready))).toBeUndefined();
    expect(delayed(planAt("2027-07-02T02:00:00Z", matched([], "J-1", false)))).toBeUndefined();
  });
});
