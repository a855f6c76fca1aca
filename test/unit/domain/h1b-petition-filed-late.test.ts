import { describe, expect, it } from "vitest";
import type { Plan, Risk } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant whose program reports the petition filed (in progress) on its day. Unfiled
// past the plan's filing day (Fri 16 Apr 2027), she was told the start "still holds if your program
// files by about Fri 23 Apr 2027 … filed later, [the visa] would come in [the start's last] week, and
// your start would be at risk". The filing reported keeps that arithmetic: filed 24 to 30 Apr, USCIS's
// premium approval (15 business days) and the stamping's allowance after it bring the visa into the
// start's last week, a warning the day the filing is told, and past the approval's day without it,
// the critical, never "your visa's own date still holds". On a change of status (the stamping waived)
// no visa follows: an approval after orientation, on the eve of the start, is at least a warning.

const calendar = seasonCalendar(2027);
function consular(filed: string, now: string, zone = "Africa/Lagos"): Plan {
  const input = matched2027(zone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-04-06"),
      milestoneFactory("visa_h1b", "in_progress", filed),
    ],
  });
  return plan(input, calendar, new Date(now));
}
function changeOfStatus(filed: string, now: string): Plan {
  const input = matched2027("America/Chicago", {
    visa: "H-1B",
    extra: [
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-04-06"),
      milestoneFactory("visa_h1b", "in_progress", filed),
      milestoneFactory("visa_h1b_stamping", "waived"),
    ],
  });
  return plan(input, calendar, new Date(now));
}
const filedLate = (result: Plan): Risk | undefined =>
  result.risks.find((risk) => risk.code === "H1B_PETITION_FILED_LATE");
const critical = (result: Plan): Risk | undefined =>
  result.risks.find((risk) => risk.severity === "critical" && risk.code === "VISA_NOT_READY_FOR_START");

describe("an H-1B petition filed after the warning band's last day, consular route", () => {
  it.each([
    ["2027-04-24", "Mon 17 May 2027", "Sat 26 Jun 2027"],
    ["2027-04-30", "Fri 21 May 2027", "Wed 30 Jun 2027"],
  ])(
    "filed %s: a warning the day it is told, approval %s, the visa around %s in the start's last week",
    (filed, approval, visa) => {
      const result = consular(filed, "2027-05-02T08:00:00Z");
      const risk = filedLate(result);
      expect(risk?.severity).toBe("warning");
      expect(risk?.message).toContain(`USCIS's approval is expected around ${approval} (our advice)`);
      expect(risk?.message).toContain(
        `your visa would come around ${visa}, in the last week before residency starts`,
      );
      expect(risk?.message).toContain("book the earliest consular interview the day the approval comes");
      expect(risk?.message).toContain("tell your program's GME office now");
      expect(critical(result)).toBeUndefined();
      for (const each of result.risks) expect(each.message).not.toContain("still holds");
      // Its notice goes at the next delivery slot, on the petition's card, due by the approval's day.
      const notice = result.reminders.find((each) => each.risk === "H1B_PETITION_FILED_LATE");
      expect(notice?.milestone).toBe("visa_h1b");
      expect(notice?.sendAt).toBe("2027-05-02T08:00:00.000Z");
      expect(notice?.deadlineDetail?.local).toBe(approval);
    },
  );

  it("filed by the band's last day (Fri 23 Apr): the visa before the start's last week, as the band promised: no warning", () => {
    expect(filedLate(consular("2027-04-23", "2027-05-02T08:00:00Z"))).toBeUndefined();
  });

  it("filed Sat 1 May: the visa after the start, the critical at once, no warning beside it", () => {
    const result = consular("2027-05-01", "2027-05-02T08:00:00Z");
    expect(critical(result)).toBeDefined();
    expect(filedLate(result)).toBeUndefined();
  });

  it("filed 30 Apr, the approval not reported the morning after its day (Sat 22 May): critical, overdue since that day, the visa named", () => {
    const result = consular("2027-04-30", "2027-05-22T08:00:00Z");
    expect(filedLate(result)).toBeUndefined();
    expect(result.risks.map((risk) => risk.code)).not.toContain("VISA_STEP_LATE");
    const risk = critical(result);
    expect(risk?.message).toContain(
      "USCIS's approval of your H-1B petition, expected by Fri 21 May 2027 (our advice) with premium processing, is not reported: approved today",
    );
    expect(risk?.message).toContain(
      "your visa would come around Thu 1 Jul 2027, on the day residency starts",
    );
    expect(result.overdue.find((row) => row.milestone === "visa_h1b")?.deadline.local).toBe(
      "Fri 21 May 2027",
    );
    const email = renderReminderEmail({
      recipientName: "Chidi Okafor",
      reminders: result.reminders
        .filter((each) => each.milestone === "visa_h1b" && each.sendAt >= result.now)
        .slice(0, 1),
      plan: result,
      unsubscribeUrl: "https://example.org/unsubscribe",
      weeklySummaryDay: "Monday",
    });
    expect(email.text).not.toContain("still holds");
  });

  it("in the US with the route untold, the warning counts the consular route's safer dates and says so", () => {
    const result = consular("2027-04-30", "2027-05-02T14:00:00Z", "America/Chicago");
    expect(filedLate(result)?.message).toContain("(if your program files for consular processing)");
  });
});

describe("an H-1B petition filed for a change of status, its approval after orientation", () => {
  it("filed on its last day (Tue 8 Jun): approval around Wed 30 Jun, the eve of the start, after orientation: a warning to tell the GME office", () => {
    const result = changeOfStatus("2027-06-08", "2027-06-10T15:00:00Z");
    const risk = filedLate(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain(
      "USCIS's approval is expected around Wed 30 Jun 2027 (our advice), only the day before residency starts",
    );
    expect(risk?.message).toContain("after orientation, which this plan puts by Wed 16 Jun 2027");
    expect(risk?.message).toContain("tell your program's GME office now");
    expect(risk?.message).not.toMatch(/\bvisa\b/i);
    // The start still holds on a change of status (an approval before it is in time): no critical.
    expect(critical(result)).toBeUndefined();
    const notice = result.reminders.find((each) => each.risk === "H1B_PETITION_FILED_LATE");
    expect(notice?.title).toBe(
      "Your H-1B approval is expected after orientation: tell your program's GME office now",
    );
  });

  it("filed Tue 1 Jun: approval around Wed 23 Jun, 8 days before the start, after orientation: the warning", () => {
    expect(filedLate(changeOfStatus("2027-06-01", "2027-06-02T15:00:00Z"))?.message).toContain(
      "Wed 23 Jun 2027 (our advice), only 8 days before residency starts",
    );
  });

  it("filed Tue 25 May: approval by orientation (Wed 16 Jun): nothing to warn of", () => {
    expect(filedLate(changeOfStatus("2027-05-25", "2027-05-26T15:00:00Z"))).toBeUndefined();
  });

  it("filed Wed 9 Jun, after the last day: the critical alone", () => {
    const result = changeOfStatus("2027-06-09", "2027-06-10T15:00:00Z");
    expect(critical(result)).toBeDefined();
    expect(filedLate(result)).toBeUndefined();
  });
});

describe("an H-1B petition approved late, abroad, the stamping not booked", () => {
  const approved = (day: string, now: string): Plan =>
    plan(
      matched2027("Africa/Lagos", {
        visa: "H-1B",
        extra: [
          milestoneFactory("usmle_step3", "done", "2027-01-20"),
          milestoneFactory("contract", "done", "2027-04-06"),
          milestoneFactory("visa_h1b", "done", day),
        ],
      }),
      calendar,
      new Date(now),
    );
  const approvedLate = (result: Plan) =>
    result.risks.find((risk) => risk.code === "H1B_APPROVAL_RECEIVED_LATE");

  it("approved Thu 20 May: the visa around Tue 29 Jun, in the start's last week: a warning and its notice, where it was silent", () => {
    const result = approved("2027-05-20", "2027-05-20T12:00:00Z");
    const risk = approvedLate(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain(
      "later than the approval this plan expected from its filing day, Fri 7 May 2027 (our advice)",
    );
    expect(risk?.message).toContain(
      "your visa would come around Tue 29 Jun 2027, in the last week before residency starts",
    );
    expect(risk?.message).toContain("book the earliest consular interview");
    expect(critical(result)).toBeUndefined();
    const notice = result.reminders.find((each) => each.risk === "H1B_APPROVAL_RECEIVED_LATE");
    expect(notice?.milestone).toBe("visa_h1b_stamping");
  });

  it("approved Fri 14 May, the last day an approval awaited stays behind our plan: the visa before the start's last week, silent", () => {
    expect(approvedLate(approved("2027-05-14", "2027-05-14T12:00:00Z"))).toBeUndefined();
  });

  it("approved Sat 22 May: the visa after the start, the critical alone", () => {
    const result = approved("2027-05-22", "2027-05-22T12:00:00Z");
    expect(critical(result)).toBeDefined();
    expect(approvedLate(result)).toBeUndefined();
  });
});
