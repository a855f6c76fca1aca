import { describe, expect, it } from "vitest";
import {
  applyPreferences,
  categoryOf,
  hasSeasonTiedDeadline,
  isCritical,
} from "#domain/apply-preferences.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { DEFAULT_PREFERENCES, PreferencesSchema } from "#domain/preferences.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_KEYS, type MilestoneKey } from "#domain/snapshot.ts";
import { applySnoozes, snoozeLimit, snoozeUntil } from "#domain/snoozes.ts";
import { applicantFactory, doneMilestones, milestoneFactory } from "./factories.ts";

const zone = "Asia/Kolkata";
const applicant = applicantFactory({ matchYear: 2027, timezone: zone });
const now = new Date("2026-06-01T00:00:00Z");
const basePlan: Plan = plan(
  { applicant, milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")], interviews: [] },
  seasonCalendar(2027),
  now,
);
const localHour = (iso: string) => Number(iso.slice(11, 13));
const localWeekday = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();

describe("email preferences applied to a plan", () => {
  it("leaves the plan alone without preferences", () => {
    expect(applyPreferences(basePlan, undefined, zone)).toBe(basePlan);
    expect(applyPreferences(basePlan, DEFAULT_PREFERENCES, zone).reminders).toEqual(basePlan.reminders);
  });

  it("drops a muted category's reminders but keeps the critical ones, and no other category's", () => {
    const muted = applyPreferences(basePlan, { ...DEFAULT_PREFERENCES, mutedCategories: ["exams"] }, zone);
    const exams = basePlan.reminders.filter((reminder) => categoryOf(reminder.milestone) === "exams");
    expect(exams.length).toBeGreaterThan(0);
    for (const reminder of exams) {
      expect(muted.reminders.some((kept) => kept.id === reminder.id)).toBe(isCritical(reminder, basePlan));
    }
    const others = basePlan.reminders.filter((reminder) => categoryOf(reminder.milestone) !== "exams");
    for (const reminder of others) expect(muted.reminders.map((kept) => kept.id)).toContain(reminder.id);
  });

  it("always keeps reminders within 72 hours of an authority's deadline", () => {
    const critical = basePlan.reminders.filter((reminder) => isCritical(reminder, basePlan));
    expect(critical.length).toBeGreaterThan(0);
    const allMuted = applyPreferences(
      basePlan,
      { ...DEFAULT_PREFERENCES, mutedCategories: ["exams", "eras_nrmp", "interviews", "visa", "budget"] },
      zone,
    );
    expect(allMuted.reminders.map((reminder) => reminder.id).sort()).toEqual(
      critical.map((r) => r.id).sort(),
    );
  });

  it("gathers a weekly digest onto the chosen day, keeping anything due within 72 hours on time", () => {
    const weekly = applyPreferences(
      basePlan,
      { ...DEFAULT_PREFERENCES, digest: "weekly", digestDay: 1 },
      zone,
    );
    expect(weekly.reminders.map((reminder) => reminder.id)).toEqual(basePlan.reminders.map((r) => r.id));
    for (const [index, reminder] of weekly.reminders.entries()) {
      const before = basePlan.reminders[index];
      if (!before) throw new Error("missing");
      const dueSoon = Date.parse(before.deadline) - Date.parse(before.sendAt) <= 72 * 3_600_000;
      if (dueSoon) expect(reminder.sendAt).toBe(before.sendAt);
      else {
        // Into a summary: the next one, or the one a week before when the next falls within the 72 hours.
        expect(Date.parse(reminder.sendAt)).toBeGreaterThan(Date.parse(before.sendAt) - 7 * 86_400_000);
        expect(Date.parse(reminder.sendAt)).toBeGreaterThanOrEqual(Date.parse(basePlan.now));
        expect(Date.parse(reminder.sendAt)).toBeLessThanOrEqual(
          Date.parse(reminder.deadline) - 72 * 3_600_000,
        );
        expect(localWeekday(reminder.sendAtLocal)).toBe(1);
      }
    }
  });

  describe("a reminder more than 72 hours ahead whose next summary falls within them", () => {
    // Lagos, weekly on Wednesday at 07:30: the 3-day rung of a Wed 25 Aug 14:00 target comes on Sun 22 Aug,
    // 78.5 hours before; the next Wednesday summary (25 Aug 07:30) is 6.5 hours before it.
    const lagos = "Africa/Lagos";
    const weekly = {
      ...DEFAULT_PREFERENCES,
      deliveryTime: "07:30",
      quietHours: { start: "22:00", end: "07:00" },
      digest: "weekly" as const,
      digestDay: 3,
    };
    const [template] = basePlan.reminders;
    if (!template) throw new Error("the base plan has reminders");
    const rung = {
      ...template,
      deadline: "2027-08-25T13:00:00.000Z",
      sendAt: "2027-08-22T06:30:00.000Z",
      sendAtLocal: "2027-08-22T07:30:00.000+01:00",
    };
    const at = (now: string) =>
      applyPreferences({ ...basePlan, now, reminders: [rung] }, weekly, lagos).reminders;

    it("goes into the summary the Wednesday before, not on its own on Sunday", () => {
      expect(at("2027-08-10T00:00:00.000Z")).toEqual([
        { ...rung, sendAt: "2027-08-18T06:30:00.000Z", sendAtLocal: "2027-08-18T07:30:00.000+01:00" },
      ]);
      // Re-planned at that summary's own wake-up, it is still due then.
      expect(at("2027-08-18T06:30:00.000Z")[0]?.sendAt).toBe("2027-08-18T06:30:00.000Z");
    });

    it("keeps its own time, rather than being lost, once that summary has passed", () => {
      expect(at("2027-08-19T00:00:00.000Z")).toEqual([rung]);
    });
  });

  it("never gathers a critical risk's notice: it goes the day the risk is raised, summary or not", () => {
    // Lagos, weekly on Wednesday: a notice raised on Thu 12 Aug, its day to act by two weeks on.
    const lagos = "Africa/Lagos";
    const [template] = basePlan.reminders;
    if (!template) throw new Error("the base plan has reminders");
    const at = { sendAt: "2027-08-12T08:00:00.000Z", sendAtLocal: "2027-08-12T09:00:00.000+01:00" };
    const deadline = { deadline: "2027-08-26T22:59:00.000Z" };
    const notice = { ...template, ...at, ...deadline, id: "r-notice", rung: "critical-risk" };
    const outOfReach = { ...notice, id: "r-out-of-reach", rung: "match-year-out-of-reach" };
    const chase = { ...template, ...at, ...deadline, id: "chase", rung: "visa-behind" };
    const weekly = { ...DEFAULT_PREFERENCES, digest: "weekly" as const, digestDay: 3 };
    const now = "2027-08-11T12:00:00.000Z";
    const applied = applyPreferences(
      { ...basePlan, now, reminders: [notice, outOfReach, chase] },
      weekly,
      lagos,
    );
    expect(applied.reminders.map((reminder) => [reminder.id, reminder.sendAtLocal])).toEqual([
      ["r-notice", "2027-08-12T09:00:00.000+01:00"],
      ["r-out-of-reach", "2027-08-12T09:00:00.000+01:00"],
      // A routine chase waits for Wednesday's summary.
      ["chase", "2027-08-18T09:00:00.000+01:00"],
    ]);
  });

  it("moves a reminder out of the applicant's quiet hours, never past its deadline", () => {
    const quiet = applyPreferences(
      basePlan,
      { ...DEFAULT_PREFERENCES, quietHours: { start: "08:00", end: "12:00" } },
      zone,
    );
    for (const reminder of quiet.reminders) {
      const hour = localHour(reminder.sendAtLocal);
      const moved = reminder.sendAt !== basePlan.reminders.find((r) => r.id === reminder.id)?.sendAt;
      if (moved) expect(hour).toBe(12);
      expect(Date.parse(reminder.sendAt)).toBeLessThan(Date.parse(reminder.deadline));
    }
    expect(quiet.reminders.some((reminder) => localHour(reminder.sendAtLocal) === 12)).toBe(true);
  });

  it.each([
    [{ deliveryTime: "22:00" }, "deliveryTime"],
    [{ deliveryTime: "9am" }, "deliveryTime"],
    [{ digest: "daily" }, "digest"],
    [{ mutedCategories: ["sports"] }, "mutedCategories.0"],
  ])("refuses %j, naming %s", (input, path) => {
    const result = PreferencesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});

describe("snoozes", () => {
  it("silence a step's reminders until the snooze ends, never its deadline's last rung", () => {
    const limit = snoozeLimit(basePlan, "usmle_step2ck", zone);
    expect(limit).toBeDefined();
    const until = snoozeUntil(basePlan, "usmle_step2ck", "2026-06-01", 365, zone);
    expect(until).toBe(limit);
    const snoozed = applySnoozes(
      basePlan,
      [{ key: "usmle_step2ck", status: "scheduled", date: "2026-08-20", snoozedUntil: until }],
      zone,
    );
    const step2 = snoozed.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");
    const before = basePlan.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");
    expect(step2.length).toBeLessThan(before.length);
    const last = before.reduce((latest, reminder) => (reminder.sendAt > latest.sendAt ? reminder : latest));
    expect(step2.map((reminder) => reminder.id)).toContain(last.id);
  });

  it("cap a few days at the limit and offer the plain length when it fits", () => {
    expect(snoozeUntil(basePlan, "usmle_step2ck", "2026-06-01", 2, zone)).toBe("2026-06-03");
  });
});

describe("critical means an authority's deadline", () => {
  // Match 2028 on 1 Jun 2027: the season dates are projected, so Matchpath's own target dates and
  // dates counted from another step are projected too; they are ours, not ECFMG's, ERAS's or NRMP's.
  const applicant2028 = applicantFactory({ matchYear: 2028, timezone: zone });
  const plan2028 = plan(
    { applicant: applicant2028, milestones: [], interviews: [] },
    seasonCalendar(2028),
    now,
  );
  const noRisks: Plan = { ...plan2028, risks: [] };
  const within72h = (iso: string, sendAt: string) => Date.parse(iso) - Date.parse(sendAt) <= 72 * 3_600_000;

  it("does not count a projected target date within 72 hours as critical", () => {
    const targets = noRisks.reminders.filter(
      (r) => r.title.endsWith("(target date)") && r.deadlineDetail.status === "projected",
    );
    expect(targets.length).toBeGreaterThan(0);
    const close = targets.map((r) => ({
      ...r,
      sendAt: new Date(Date.parse(r.deadline) - 3_600_000).toISOString(),
    }));
    for (const reminder of close) expect(isCritical(reminder, noRisks)).toBe(false);
  });

  it("still counts a projected authority deadline within 72 hours as critical", () => {
    const rol = noRisks.reminders.find(
      (r) => r.milestone === "nrmp_registration" && !r.title.endsWith("(target date)"),
    );
    expect(rol?.deadlineDetail.status).toBe("projected");
    if (rol === undefined) return;
    const close = { ...rol, sendAt: new Date(Date.parse(rol.deadline) - 3_600_000).toISOString() };
    expect(within72h(close.deadline, close.sendAt)).toBe(true);
    expect(isCritical(close, noRisks)).toBe(true);
  });
});

describe("a season-tied hard deadline keeps its last reminder whatever the categories", () => {
  // An applicant on the Pathway for the 2028 Match, signed up a year ahead: the Pathway and Step 2
  // CK deadlines are months away and their ladders have no rung within 72 hours of them.
  const pathwayApplicant = applicantFactory({ matchYear: 2028, timezone: "Asia/Karachi" });
  const pathwayPlan = plan(
    {
      applicant: pathwayApplicant,
      milestones: doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-10-01"),
      interviews: [],
    },
    seasonCalendar(2028),
    new Date("2027-01-15T06:00:00Z"),
  );
  const noRisks: Plan = { ...pathwayPlan, risks: [] };
  const allMuted = applyPreferences(
    noRisks,
    { ...DEFAULT_PREFERENCES, mutedCategories: ["exams", "eras_nrmp", "interviews", "visa", "budget"] },
    "Asia/Karachi",
  );
  const hardDeadlineRungs = (key: string, reminders: Plan["reminders"]) =>
    reminders.filter((r) => r.milestone === key && r.countsDownTo === undefined);

  // OET Medicine: its deadline is counted from the Pathway's and its
  // result goes in with the Pathway application, so missing it misses the Pathway too. Its last
  // booking day (the last sitting day less OET's booking allowance) is a second such deadline.
  it.each(["usmle_step2ck", "ecfmg_pathway", "oet_medicine"])(
    "keeps exactly the last rung before each %s deadline",
    (key) => {
      const all = hardDeadlineRungs(key, noRisks.reminders);
      expect(all.length).toBeGreaterThan(0);
      const lastOf = new Map<string, Plan["reminders"][number]>();
      for (const rung of all) {
        const known = lastOf.get(rung.deadline);
        if (known === undefined || Date.parse(rung.sendAt) > Date.parse(known.sendAt))
          lastOf.set(rung.deadline, rung);
      }
      expect(lastOf.size).toBe(key === "oet_medicine" ? 2 : 1);
      // The step's own deadline (the latest) has no rung within 72 hours of it.
      const latest = [...lastOf.keys()].sort().at(-1) ?? "";
      const last = lastOf.get(latest);
      expect(Date.parse(latest) - Date.parse(last?.sendAt ?? "")).toBeGreaterThan(72 * 3_600_000);
      const kept = hardDeadlineRungs(key, allMuted.reminders).map((r) => r.id);
      expect(kept.sort()).toEqual([...lastOf.values()].map((r) => r.id).sort());
    },
  );

  it("keeps no target ('aim to finish by') reminder of a muted category", () => {
    expect(noRisks.reminders.some((r) => r.countsDownTo === "target")).toBe(true);
    expect(allMuted.reminders.some((r) => r.countsDownTo === "target")).toBe(false);
  });
});

describe("which steps' last rung is critical: a hard deadline tied to a season date", () => {
  // Directly (its due rule counts from a season date) or through the step it goes in with: a
  // prerequisite whose deadline is counted from that step's (OET with the Pathway, the ERAS token
  // with the application). Advice dates before a step that does not need them (the personal
  // statement a week before ERAS opens) stay in their category.
  const expected: Record<MilestoneKey, boolean> = {
    wdoms_listing: false,
    ecfmg_application: true,
    usmle_step1: true,
    usmle_step2ck: true,
    oet_medicine: true,
    ecfmg_pathway: true,
    ecfmg_certification: true,
    usce: false,
    research: false,
    lors: false,
    personal_statement: false,
    cv: false,
    program_list: false,
    eras_token: true,
    eras_application: true,
    nrmp_registration: true,
    rank_order_list: true,
    match_week: true,
    soap: true,
    match_day: true,
    contract: false,
    usmle_step3: true,
    j1_statement_of_need: false,
    j1_ecfmg_sponsorship: true,
    j1_ds2019: true,
    visa_j1: true,
    visa_h1b: true,
    visa_h1b_stamping: true,
    budget: false,
  };

  it.each(MILESTONE_KEYS.map((key) => [key, expected[key]] as const))("%s: %s", (key, tied) => {
    expect(hasSeasonTiedDeadline(key)).toBe(tied);
  });
});
