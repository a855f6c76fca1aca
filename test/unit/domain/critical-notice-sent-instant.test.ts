import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * The critical notice is laid at each plan's now, so a plan made at a
 * wake-up's own instant laid the notice (sent days before) there and dropped the rung the wake-up
 * was for. Given the ledger's sent instants (PlannerInput.remindersSent), a sent notice is laid
 * where it went out. Yusuf (Dhaka) signs up on 20 Jan 2027 with an interview, NRMP never told.
 */
const input = inputFactory({
  applicant: applicantFactory({
    externalId: "yusuf",
    fullName: "Yusuf Rahman",
    timezone: "Asia/Dhaka",
    matchYear: 2027,
    graduation: "2025-06-30",
    medicalSchool: { name: "Example Medical College", country: "BD", wdomsSponsorNote: true },
  }),
  milestones: [milestoneFactory("usmle_step2ck", "done", "2026-08-01")],
  interviews: [interviewFactory({ id: "dhaka-im", startsAt: "2026-12-10T10:00:00-05:00" })],
});
const calendar = seasonCalendar(2027);
const nrmp = (remindersSent: Record<string, string> | undefined, now: string) =>
  plan({ ...input, ...(remindersSent ? { remindersSent } : {}) }, calendar, new Date(now)).reminders.filter(
    (reminder) => reminder.milestone === "nrmp_registration",
  );

describe("a sent critical notice is laid where it went out", () => {
  const signUp = "2027-01-20T06:00:00.000Z"; // noon in Dhaka
  const [notice, rung] = nrmp(undefined, signUp);

  it("keeps the rung a later wake-up, planned at its own instant, wakes for", () => {
    expect(notice?.rung).toBe("critical-risk");
    if (notice === undefined || rung === undefined) throw new Error("no NRMP reminders");
    // Without the ledger the notice sits at the wake-up's instant and the rung is dropped for it.
    expect(nrmp(undefined, rung.sendAt).map((each) => each.id)).not.toContain(rung.id);
    const sent = { [notice.id]: "2027-01-20T06:00:03.000Z" };
    const later = nrmp(sent, rung.sendAt);
    expect(later.map((each) => [each.id, each.sendAt])).toEqual(
      expect.arrayContaining([
        [notice.id, "2027-01-20T06:00:03.000Z"],
        [rung.id, rung.sendAt],
      ]),
    );
  });

  it("ignores a mark later than the plan's now, and keeps the ids", () => {
    const sent = { [notice?.id ?? ""]: "2027-01-21T00:00:00.000Z" };
    expect(nrmp(sent, signUp)).toEqual(nrmp(undefined, signUp));
  });
});
