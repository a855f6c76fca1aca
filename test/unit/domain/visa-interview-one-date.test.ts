import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate from Karachi matched for a Thu 1 Jul 2027 start on a J-1, everything before the visa
// done, has booked the consular interview. This plan wants the visa in hand by Wed 16 Jun 2027
// (two weeks before the start, our advice). Whether the interview is booked before that day
// (Wed 2 Jun) or after it (Fri 25 Jun), the interview is what the applicant acts on: the row, the
// critical notice, the reminders and the calendar show its day, and no email counts down to
// 16 Jun while it is ahead (one went out as "Due Wed 16 Jun" on the morning of the 2 Jun interview).

const calendar = seasonCalendar(2027);
const ZONE = "Asia/Karachi";
const NOW = new Date("2027-05-20T05:00:00Z"); // 10:00 in Karachi

function booked(interview: string) {
  return matched2027(ZONE, {
    visa: "J-1",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      milestoneFactory("j1_ds2019", "done", "2027-05-10"),
      milestoneFactory("visa_j1", "scheduled", interview),
    ],
  });
}
/** An HTML fragment's words as a reader sees them: its tags, and the links inside them, dropped. */
const visibleWords = (html: string) => html.replace(/<[^>]*>/g, "");
const visaRow = (result: ReturnType<typeof plan>) =>
  result.nextSteps.find((step) => step.milestone === "visa_j1");
const visaReminders = (result: ReturnType<typeof plan>) =>
  result.reminders.filter((reminder) => reminder.milestone === "visa_j1");

describe("a J-1 visa interview booked before the day this plan needs the visa in hand", () => {
  const result = plan(booked("2027-06-02"), calendar, NOW);

  it("shows the interview's day as the visa step's date, in both columns", () => {
    expect(visaRow(result)?.deadline?.local).toBe("Wed 2 Jun 2027");
    expect(visaRow(result)?.deadline?.et).toBe("Wed 2 Jun 2027");
  });

  it("sends no email counting down to the visa's date while the interview is ahead", () => {
    const reminders = visaReminders(result);
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders) {
      expect(reminder.countsDownTo, reminder.rung).toBe("own-date");
      expect(reminder.deadlineDetail.local).toContain("Wed 2 Jun 2027");
    }
    expect(reminders.map((reminder) => reminder.rung)).not.toContain("deadline-in-14d");
  });

  it("awaits the visa by residency's start once the interview day has gone by, never overdue since the visa's date", () => {
    const after = plan(booked("2027-06-02"), calendar, new Date("2027-06-20T05:00:00Z"));
    expect(visaRow(after)?.deadline?.local).toBe("by residency's start, Thu 1 Jul 2027");
    expect(after.overdue).toEqual([]);
  });

  it("is one event in the calendar feed, on the interview's day, carrying its reminders", () => {
    const feed = renderApplicantFeed({
      applicantId: "a_hira",
      timezone: ZONE,
      plan: result,
      interviews: [],
      updatedAt: result.now,
    });
    const events = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents("vevent")
      .map((vevent) => new ICAL.Event(vevent))
      // Its start-by day is an event of its own, as every step's is.
      .filter((event) => event.uid.startsWith("a_hira.visa_j1.") && !event.uid.includes(".start@"));
    expect(events.map((event) => event.uid)).toEqual(["a_hira.visa_j1.own-date@matchpath"]);
    expect(events[0]?.startDate.toString()).toBe("2027-06-02");
    expect(events[0]?.description).not.toContain("16 Jun");
    expect(events[0]?.component.getAllSubcomponents("valarm").length).toBeGreaterThan(0);
  });

  it("shows the interview's day once on the timeline, as the applicant's date, never a second 'Due' day", () => {
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "a_hira",
      feedGeneration: 0,
      now: NOW,
    });
    const page = timelinePage({
      firstName: "Hira",
      timezone: ZONE,
      plan: result,
      links,
      comingReminders: [],
    });
    const card = String(page.body)
      .split("<li")
      .find((item) => item.includes("Get your J-1 visa"))
      ?.split("</li>")[0];
    expect(card).toContain("Your date: <strong>Wed 2 Jun 2027");
    // Its words, not its markup: each button's link carries a signed token with a random nonce,
    // whose base64 signature spells "Due" now and then (about one render in two thousand).
    expect(visibleWords(card ?? "")).not.toContain("Due");
  });
});

describe("a J-1 visa interview booked after the day this plan needs the visa in hand", () => {
  const result = plan(booked("2027-06-25"), calendar, NOW);

  it("heads its critical notice with the interview's day, never the visa's date it cannot meet", () => {
    const notice = visaReminders(result).find((reminder) => reminder.rung === "critical-risk");
    expect(notice?.countsDownTo).toBe("own-date");
    expect(notice?.deadlineDetail.local).toBe("Fri 25 Jun 2027");
    expect(visaRow(result)?.deadline?.local).toBe("Fri 25 Jun 2027");
    // The risk still says when the plan needs the visa: the words, not the step's date.
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain("after Wed 16 Jun 2027 (our advice)");
  });
});
