import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListInLagos, milestoneFactory } from "./factories.ts";

/**
 * A J-1 applicant with everything done and a certified
 * 2027 rank list never tells us Match Day's result. After 1 Jul 2027 the weekly question went on
 * every Friday for ever under a new id each week, the card's date moved with `now`, and the one
 * "The 2027 Match is over" notice reused March's id (sent once per Match year, so never sent when
 * March's went). Rule: after residency's start one notice under its own id, then at most one
 * check a month until answered, ending when the next Match's ERAS applications open (its
 * submission day, season data); the card's date is that day, whatever `now`.
 */
const ZONES = ["Africa/Lagos", "America/New_York", "Pacific/Auckland"];
const inZone = (zone: string) => {
  const input = certifiedListInLagos(`match-over-${zone}`);
  return { ...input, applicant: { ...input.applicant, timezone: zone } };
};
const planAt = (zone: string, now: string, told = false): Plan => {
  const input = inZone(zone);
  const milestones = told
    ? [...input.milestones, milestoneFactory("match_day", "done", "2027-03-19")]
    : input.milestones;
  return plan({ ...input, milestones }, seasonCalendar(2027), new Date(now));
};
const nextSubmit = seasonCalendar(2028).dates.eras_applicants_may_submit.at;
const DAY = 86_400_000;

describe.each(ZONES)("in %s: after residency's start", (zone) => {
  it("over a year of daily re-plans sends one Match-over notice and at most one check a month, none after the next Match's ERAS submission day", () => {
    const sent = new Map<string, number>();
    const start = Date.parse("2027-06-30T12:00:00Z");
    for (let day = 0; day < 366; day++) {
      const now = start + day * DAY;
      for (const reminder of planAt(zone, new Date(now).toISOString()).reminders) {
        if (reminder.milestone !== "match_day") continue;
        const at = Date.parse(reminder.sendAt);
        // What the one wake-up of this day would send: due before the next day's re-plan.
        if (at < now + DAY && !sent.has(reminder.id)) sent.set(reminder.id, at);
      }
    }
    const after = [...sent.values()].filter((at) => at >= Date.parse("2027-07-01T00:00:00Z"));
    // Jul (the notice), Aug and, zone permitting, the morning of 1 Sep before ERAS opens at 9 AM ET.
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(after.length).toBeLessThanOrEqual(3);
    for (const at of after) expect(at).toBeLessThan(nextSubmit);
    const sorted = [...after].sort((a, b) => a - b);
    for (let index = 1; index < sorted.length; index++)
      expect((sorted[index] as number) - (sorted[index - 1] as number)).toBeGreaterThanOrEqual(27 * DAY);
  });

  it("the Match-over notice has its own id, never March's, the same at every instant", () => {
    const march = planAt(zone, "2027-03-19T18:00:00Z").reminders.find(
      (each) => each.rung === "match-day-result",
    );
    const ids = ["2027-07-01T12:00:00Z", "2027-07-02T12:00:00Z", "2027-07-20T12:00:00Z"].map(
      (now) => planAt(zone, now).reminders.find((each) => each.rung === "match-over")?.id,
    );
    expect(march?.id).toBeDefined();
    expect(ids[0]).toBeDefined();
    expect(ids[0]).not.toBe(march?.id);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe(ids[0]);
    const weekly = planAt(zone, "2027-07-10T12:00:00Z").reminders.filter(
      (each) => each.rung === "match-day-weekly" || each.rung === "match-day-result",
    );
    expect(weekly).toEqual([]);
  });

  it.each([
    "2027-07-01T12:00:00Z",
    "2027-07-10T12:00:00Z",
    "2027-09-05T12:00:00Z",
    "2027-12-01T12:00:00Z",
    "2028-02-25T12:00:00Z",
  ])(
    "at %s the card's date is the 2028 Match's ERAS submission day, not a date that moves with now",
    (now) => {
      const step = planAt(zone, now).nextSteps.find((each) => each.milestone === "match_day");
      const overdue = planAt(zone, now).overdue.find((each) => each.milestone === "match_day");
      const at = step?.deadline?.at ?? overdue?.deadline.at;
      expect(Date.parse(at ?? "")).toBe(nextSubmit);
    },
  );

  it("two months ahead the card is not badged urgent", () => {
    const step = planAt(zone, "2027-07-01T12:00:00Z").nextSteps.find(
      (each) => each.milestone === "match_day",
    );
    expect(step?.title).toContain("We never heard whether you matched in the 2027 Match");
    expect(step?.urgency).toBe("later");
  });
});

describe("every certification requirement done, Match Day never reported", () => {
  it.each(
    ZONES.flatMap((zone) =>
      ["2027-07-02T12:00:00Z", "2027-09-05T12:00:00Z", "2028-02-10T12:00:00Z"].map((now) => [zone, now]),
    ),
  )("in %s at %s, asks whether ECFMG has issued the certificate, with no orientation date", (zone, now) => {
    const risk = planAt(zone, now as string).risks.find((each) => each.code === "CERTIFICATION_AFTER_START");
    expect(risk?.message).toContain("has ECFMG issued it?");
    expect(risk?.message).not.toContain("2028");
    expect(risk?.severity).toBe("warning");
  });

  it.each(["2027-07-02T12:00:00Z", "2027-09-05T12:00:00Z", "2027-12-01T12:00:00Z"])(
    "at %s the certificate step takes no next season's orientation date, nor its reminders",
    (now) => {
      const result = planAt("Africa/Lagos", now);
      const step = result.nextSteps.find((each) => each.milestone === "ecfmg_certification");
      expect(step?.action).toContain("whether ECFMG has issued it");
      expect(step?.deadline).toBeUndefined();
      expect(result.reminders.filter((each) => each.milestone === "ecfmg_certification")).toEqual([]);
    },
  );

  it.each(["2026-12-02T12:00:00Z", "2027-03-01T12:00:00Z", "2027-06-10T12:00:00Z"])(
    "at %s the certificate step does not ask to send what is still missing when nothing is",
    (now) => {
      const step = planAt("Africa/Lagos", now).nextSteps.find(
        (each) => each.milestone === "ecfmg_certification",
      );
      expect(step?.action).not.toContain("send whatever is still missing");
      expect(step?.action).toContain("issued");
    },
  );
});

describe("a matched applicant with a signed contract whose certificate may come after the start", () => {
  const karachi = certifiedListInLagos("karachi-matched");
  const matched = {
    ...karachi,
    applicant: { ...karachi.applicant, timezone: "Asia/Karachi", graduation: "2027-05-31" },
    milestones: [
      ...karachi.milestones,
      milestoneFactory("match_day", "done", "2027-03-19"),
      milestoneFactory("contract", "done", "2027-03-30"),
    ],
  };
  it.each(["2027-05-20T05:00:00Z", "2027-06-05T05:00:00Z"])(
    "at %s tells the program's GME office, not the programs on a certified list, and no Match stays planned",
    (now) => {
      // On a J-1 the visa chain's critical risk carries the certificate's earliest day (the start
      // on a J-1 out of reach); with no visa to get, the certificate's own risk does.
      for (const visa of ["J-1", "none"] as const) {
        const applicant = { ...matched.applicant, visa };
        const risk = plan({ ...matched, applicant }, seasonCalendar(2027), new Date(now)).risks.find((each) =>
          each.milestones.includes("ecfmg_certification"),
        );
        expect(risk?.code).toBe(visa === "J-1" ? "VISA_NOT_READY_FOR_START" : "CERTIFICATION_AFTER_START");
        expect(risk?.message).toMatch(/can (complete|come) around/);
        expect(risk?.message).toContain("GME office");
        expect(risk?.message).not.toContain("certified list");
        expect(risk?.message).not.toContain("Match stays planned");
      }
    },
  );
});

describe("J-1 fees after a Match never reported and past residency's start", () => {
  const J1_FEES = ["j1_sponsorship", "j1_sevis_i901", "j1_visa_mrv"];
  const upcoming = (result: Plan) =>
    result.budget.items.filter((each) => each.status === "upcoming").map((each) => each.key);
  it.each(
    ZONES.flatMap((zone) => ["2027-07-02T12:00:00Z", "2027-12-01T12:00:00Z"].map((now) => [zone, now])),
  )("in %s at %s, they wait for the Match's result: not budgeted as upcoming", (zone, now) => {
    const keys = upcoming(planAt(zone as string, now as string));
    for (const key of J1_FEES) expect(keys).not.toContain(key);
  });
  it("before residency's start they wait too; once the applicant tells us they matched, they are budgeted", () => {
    for (const key of J1_FEES) {
      expect(upcoming(planAt("Africa/Lagos", "2027-06-20T12:00:00Z"))).not.toContain(key);
      expect(upcoming(planAt("Africa/Lagos", "2027-07-02T12:00:00Z", true))).toContain(key);
    }
  });
});
