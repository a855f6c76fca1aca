import { describe, expect, it } from "vitest";
import { pathwayDeadline } from "#domain/planner/pathway-deadlines.ts";
import { plannerReadsSent } from "#domain/planner/sent-reminders.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * The warning that asks an applicant whose
 * Pathway was accepted in an earlier Pathways season to check their certificate's validity date
 * against this Match's start is a warning, and warnings sent no email. It now sends one notice at
 * the next delivery slot when it first appears and one more 14 days before its date while it
 * stands; a Pathway of this Match's season ("nothing is needed now") sends none. Its date was the
 * (projected) rank order list deadline; now it is the
 * projected Pathways close the risk names (Revalidation goes through that application), on the
 * certificate's card, and no notice falls after it.
 */
const EXAMS = doneMilestones([
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "eras_token",
  "eras_application",
  "nrmp_registration",
]);
const pathwayOn = (date: string): MilestoneEntry[] => [
  ...EXAMS,
  { key: "ecfmg_pathway", status: "done", date },
  { key: "ecfmg_certification", status: "done", date: "2025-08-20" },
];
const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
// The projected Pathways close: 60 days before that deadline (the catalog's ecfmg_pathway rule).
const close = pathwayDeadline(calendar) ?? Number.NaN;

function planAt(milestones: MilestoneEntry[], now: string, remindersSent?: Record<string, string>) {
  const applicant = applicantFactory({
    fullName: "Chiamaka Obi",
    matchYear: 2027,
    timezone: "Africa/Lagos",
    graduation: "2024-06-30",
  });
  const input = inputFactory({ applicant, milestones });
  return plan({ ...input, ...(remindersSent ? { remindersSent } : {}) }, calendar, new Date(now));
}
const noticesOf = (result: ReturnType<typeof planAt>) =>
  result.reminders.filter((each) => each.risk === "PATHWAY_CERTIFICATE_MAY_EXPIRE");

describe("the earlier-season Pathway certificate's warning is emailed", () => {
  // 30 Nov 2026, 1 PM in Lagos: outside quiet hours; its next delivery slot is 09:00 on 1 Dec.
  const firstSeen = "2026-11-30T12:00:00.000Z";
  const nextSlot = "2026-12-01T08:00:00.000Z";
  const earlier = pathwayOn("2025-04-10");

  it("sends one notice at the next delivery slot, on the certificate's card, naming the check and the Pathways close", () => {
    const result = planAt(earlier, firstSeen);
    expect(result.risks.find((each) => each.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE")?.severity).toBe(
      "warning",
    );
    const [first, second] = noticesOf(result);
    // A catch-up, no late arrival (its date is weeks off): at the slot, not at once as before.
    expect(first?.sendAt).toBe(nextSlot);
    expect(first?.title).toContain("validity date");
    expect(first?.milestone).toBe("ecfmg_certification");
    expect(first?.title).toContain(
      "before Pathways closes, Sat 26 Dec 2026, end of the day (midnight GMT+1) (Sat 26 Dec 2026, 6:00 PM ET) (projected)",
    );
    expect(first?.title).not.toContain("rank order list");
    expect(first?.deadline).toBe(new Date(close).toISOString());
    expect(first?.why).toContain("ask ECFMG about Pathways Revalidation now");
    expect(first?.why).toContain("projects to close for the 2027 Match on Sat 26 Dec 2026");
    // The second, 14 days before the close, at the applicant's delivery slot that day.
    expect(second).toBeDefined();
    expect(second?.milestone).toBe("ecfmg_certification");
    const before = close - Date.parse(second?.sendAt ?? "");
    expect(before).toBeGreaterThan(13 * DAY_MS);
    expect(before).toBeLessThanOrEqual(15 * DAY_MS);
    expect(second?.id).not.toBe(first?.id);
  });

  it("keeps the first notice's id on every re-plan, laid where the ledger says it went out", () => {
    const [first] = noticesOf(planAt(earlier, firstSeen));
    if (first === undefined) throw new Error("no notice");
    const later = "2026-12-03T12:00:00.000Z";
    // Not marked sent: the same id, at the next slot again (the ledger's claim sends it once).
    expect(noticesOf(planAt(earlier, later))[0]).toMatchObject({
      id: first.id,
      sendAt: "2026-12-04T08:00:00.000Z",
    });
    // Marked sent: laid where it went out, never again at a later instant.
    const sent = { [first.id]: "2026-11-30T12:00:02.000Z" };
    const replanned = noticesOf(planAt(earlier, later, sent));
    expect(replanned.filter((each) => each.id === first.id).map((each) => each.sendAt)).toEqual([
      "2026-11-30T12:00:02.000Z",
    ]);
    expect(replanned.filter((each) => Date.parse(each.sendAt) >= Date.parse(later))).toHaveLength(1);
  });

  it("the 14-day rung stands at its own instant, and only it is left once the first went out", () => {
    const [first, second] = noticesOf(planAt(earlier, firstSeen));
    if (first === undefined || second === undefined) throw new Error("no notices");
    const sent = { [first.id]: firstSeen };
    const atRung = noticesOf(planAt(earlier, second.sendAt, sent));
    expect(atRung.map((each) => [each.id, each.sendAt])).toEqual(
      expect.arrayContaining([
        [first.id, firstSeen],
        [second.id, second.sendAt],
      ]),
    );
    // First seen within the last 14 days: the one notice at once, no rung already passed.
    const late = noticesOf(planAt(earlier, new Date(close - 5 * DAY_MS).toISOString()));
    expect(late).toHaveLength(1);
    // Past the close, before the rank order list deadline: no notice (none after the date it names),
    // and the warning says what to ask ECFMG now.
    const afterClose = planAt(earlier, new Date(close + DAY_MS).toISOString());
    expect(close + DAY_MS).toBeLessThan(rol.at);
    expect(noticesOf(afterClose)).toEqual([]);
    const risk = afterClose.risks.find((each) => each.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");
    expect(risk?.message).toContain(
      "Sat 26 Dec 2026, end of the day (midnight GMT+1) (Sat 26 Dec 2026, 6:00 PM ET), has passed",
    );
    expect(risk?.message).toContain("whether Revalidation for the 2027 Match is still open to you");
  });

  it("sends none for a Pathway of this Match's season (nothing is needed now)", () => {
    const result = planAt(pathwayOn("2026-10-01"), firstSeen);
    expect(result.risks.some((each) => each.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE")).toBe(true);
    expect(noticesOf(result)).toEqual([]);
  });

  it("its sent marks reach the planner, as a critical notice's do", () => {
    const [first] = noticesOf(planAt(earlier, firstSeen));
    expect(first === undefined ? false : plannerReadsSent(first)).toBe(true);
  });
});
