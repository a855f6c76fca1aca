import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant, list certified and ECFMG-certified, who booked Step 3 for a day after the
 * petition's sit-by day (Fri 19 Mar 2027, our advice), planned once that day has passed. No seat
 * can meet it any more, so the booking is as far from the petition as no booking: the critical
 * visa risk the unbooked applicant gets, the same question to the program on the card (keep the
 * seat, ask about a later start or a J-1), and no passed day shown as "urgent" on the row, the
 * overdue list or the critical notice. The seat is paid: its exam-day reminders stay. Booked in
 * time, the plan stays calm. Leilani lives in Honolulu (in the US), Jun in Manila, Tama in Auckland.
 */
const calendar = seasonCalendar(2027);

function applicant(timezone: string, step3: string, matchDay: boolean) {
  const input = matched2027(timezone, {
    visa: "H-1B",
    matchDay,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "scheduled", step3),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
}

const step3Row = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const visaRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe.each([
  ["Honolulu", "Pacific/Honolulu"],
  ["Manila", "Asia/Manila"],
  ["Auckland", "Pacific/Auckland"],
])("Step 3 booked after its passed petition day, in %s", (_, timezone) => {
  describe.each([
    ["Match Day past, where they matched untold", false],
    ["matched", true],
  ])("%s", (_outcome, matchDay) => {
    it.each(["2027-03-21T20:00:00Z", "2027-03-24T03:00:00Z"])(
      "at %s: the visa risk is critical, the card and the row call the day out of reach, the notice has no date",
      (now) => {
        const result = plan(applicant(timezone, "2027-03-26", matchDay), calendar, new Date(now));
        const risk = visaRisk(result);
        expect(risk?.severity).toBe("critical");
        expect(risk?.message).toMatch(/the H-1B for your start date is likely out of reach/i);
        expect(risk?.message).toContain(
          "Your Step 3 seat on Fri 26 Mar 2027 comes after it: keep it (take an earlier one only if it opens)",
        );
        const row = step3Row(result);
        expect(row?.urgency).toBe("urgent");
        expect(row?.deadline).toBeUndefined();
        expect(result.overdue.map((step) => step.milestone)).not.toContain("usmle_step3");
        const action = row?.action ?? "";
        expect(action).toContain("after Fri 19 Mar 2027 (our advice), the last day to sit it");
        const condition = matchDay
          ? ""
          : "if you matched with a program that files an H-1B petition for you, ";
        expect(action).toContain(
          `That day has passed, so ${condition}by this plan's allowances the H-1B for your start date is likely out of reach`,
        );
        expect(action).toContain(
          "Keep your seat (take an earlier one only if it opens, and tell us the new date)",
        );
        expect(action).toContain(
          "whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1",
        );
        expect(action).not.toMatch(
          /Move it earlier|has passed\)|too late for (that|your program's) petition before/,
        );
        // The critical notice rides on the undated card: no date, as the row.
        const notices = result.reminders.filter((r) => r.risk === "VISA_NOT_READY_FOR_START");
        expect(notices.length).toBe(1);
        expect(notices[0]?.onWaitingStep).toBe(true);
        expect(notices[0]?.overdueSince).toBeUndefined();
        // The paid seat keeps its exam-day reminders, dated by the exam day.
        const examDay = result.reminders.filter((r) => r.milestone === "usmle_step3" && r.risk === undefined);
        for (const reminder of examDay) expect(reminder.deadlineDetail.local).toContain("Fri 26 Mar 2027");
      },
    );
  });

  it("booked in time, before the petition's day: no visa risk and no out-of-reach words", () => {
    const result = plan(applicant(timezone, "2027-03-17", true), calendar, new Date("2027-03-12T20:00:00Z"));
    expect(visaRisk(result)).toBeUndefined();
    const action = step3Row(result)?.action ?? "";
    expect(action).not.toContain("out of reach");
    expect(action).not.toContain("That day has passed");
  });
});
