import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { INTERVIEW_CANCELLED_RUNG } from "#domain/interview-cancellations.ts";
import type { Interview } from "#domain/snapshot.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { LedgerEntry } from "#ports/reminder-ledger.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { doneMilestones, PRE_ERAS_KEYS } from "../domain/factories.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  storePorts,
} from "./fakes.ts";

/**
 * A cancelled interview stayed for good in a calendar that imported the
 * .ics of its email. The email that carried the file is in the ledger; once the interview leaves
 * the record, one email cancels the file (METHOD:CANCEL, same UID, higher SEQUENCE), and only then.
 */
const interview: Interview = {
  id: "mercy-im",
  program: "Mercy Internal Medicine",
  startsAt: "2026-11-12T10:00:00-06:00",
  timezone: "America/Chicago",
  format: "virtual",
};
const SENDER = "reminders@matchpath.example";

/** A sent mark of an email that carried the interview's file, as the ledger keeps it. */
function sentInviteMark(sentAt = "2026-11-05T08:00:00.000Z"): LedgerEntry {
  return {
    reminderId: "iv-prep-1",
    status: "sent",
    claimedAt: sentAt,
    sentAt,
    messageId: "m-1",
    subject: {
      milestone: "interview",
      interviewId: "mercy-im",
      rung: "interview-prep-7d",
      title: "Prepare for your virtual interview with Mercy Internal Medicine",
      matchYear: 2027,
      interview: {
        program: interview.program,
        startsAt: interview.startsAt,
        timezone: interview.timezone,
        format: "virtual",
      },
    },
  };
}

function stateWith(rest: Partial<ApplicantState>): ApplicantState {
  return { profile: profileFactory(), milestones: [], interviews: [], ledger: [], ...rest };
}

const cancellationsOf = (state: ApplicantState, now: string) =>
  domainPlanning
    .plan(state, new Date(now))
    .reminders.filter((reminder) => reminder.rung === INTERVIEW_CANCELLED_RUNG);

describe("the reminder that cancels an interview's calendar file", () => {
  it("is planned when the file was sent and the interview is gone, due at once, with a stable id", () => {
    const state = stateWith({ ledger: [sentInviteMark()] });
    const [cancellation, ...more] = cancellationsOf(state, "2026-11-06T10:00:00Z");
    expect(more).toEqual([]);
    expect(cancellation).toMatchObject({
      milestone: "interview",
      interviewId: "mercy-im",
      title: "Your interview with Mercy Internal Medicine is cancelled",
      deadline: "2026-11-12T16:00:00.000Z",
      sendAt: "2026-11-05T08:00:00.000Z",
    });
    const later = cancellationsOf(state, "2026-11-08T10:00:00Z");
    expect(later.map((reminder) => reminder.id)).toEqual([cancellation?.id]);
    const due = domainPlanning.dueReminders(
      domainPlanning.plan(state, new Date("2026-11-06T10:00:00Z")),
      new Date("2026-11-06T10:00:00Z"),
      new Set(),
    );
    expect(due.map((reminder) => reminder.id)).toContain(cancellation?.id);
  });

  it("is not planned while the interview is still in the record, nor when its file never went out", () => {
    expect(
      cancellationsOf(
        stateWith({ ledger: [sentInviteMark()], interviews: [interview] }),
        "2026-11-06T10:00:00Z",
      ),
    ).toEqual([]);
    // Cancelled before any email about it: nothing to undo.
    expect(cancellationsOf(stateWith({}), "2026-11-06T10:00:00Z")).toEqual([]);
    // A mark without the interview (before marks kept it) cannot name a file to cancel.
    const { interview: _, ...bare } = sentInviteMark().subject ?? { milestone: "", rung: "", title: "" };
    expect(
      cancellationsOf(
        stateWith({ ledger: [{ ...sentInviteMark(), subject: bare }] }),
        "2026-11-06T10:00:00Z",
      ),
    ).toEqual([]);
  });

  it("is not planned once the interview's time has passed (past interviews are cancelled to make room)", () => {
    expect(cancellationsOf(stateWith({ ledger: [sentInviteMark()] }), "2026-11-12T16:00:00Z")).toEqual([]);
  });

  it("is worded as a move when the program is still in the record at another time (an interview without an operator's id)", () => {
    const moved = { ...interview, id: undefined, startsAt: "2026-11-19T10:00:00-06:00" };
    const [cancellation] = cancellationsOf(
      stateWith({ ledger: [sentInviteMark()], interviews: [moved] }),
      "2026-11-06T10:00:00Z",
    );
    expect(cancellation?.title).toBe("Your interview with Mercy Internal Medicine has moved");
  });
});

function world(now: string) {
  const store = new InMemoryApplicantStore();
  // In reach of the 2027 Match: a dropped Match's interviews get no reminders.
  store.add(profileFactory({ updatedAt: "2026-10-20T00:00:00.000Z" }), {
    milestones: doneMilestones([...PRE_ERAS_KEYS, "nrmp_registration"], "2026-09-10"),
    interviews: [interview],
  });
  const mailer = new InMemoryMailer();
  const clock = new FixedClock(new Date(now));
  const deps = {
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer,
    clock,
    planning: domainPlanning,
    senderAddress: SENDER,
    unsubscribeUrl: async () => "https://api.example.org/unsubscribe?token=t",
  };
  return { store, mailer, clock, deps };
}

function parsed(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  for (const zone of calendar.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  return { calendar, event, wrapped: new ICAL.Event(event) };
}

describe("the cancellation email", () => {
  it("goes once, after the interview email, with a METHOD:CANCEL file of the same UID and a higher SEQUENCE", async () => {
    const { store, mailer, clock, deps } = world("2026-11-05T08:00:00Z");
    // The interview's email, carrying its file (METHOD:PUBLISH).
    expect((await sendDueReminders("a_ada", undefined, deps)).outcome).toBe("sent");
    const invite = mailer.sent
      .flatMap((email) => email.attachments ?? [])
      .find((file) => file.filename === "interview-mercy-im.ics");
    expect(invite?.contentType).toContain("method=PUBLISH");
    const published = parsed(invite?.content ?? "");
    expect(published.event.getFirstPropertyValue("organizer")).toBe(`mailto:${SENDER}`);

    // The interview is cancelled (the store removes it), and the record changes.
    const stored = store.applicants.get("a_ada");
    if (!stored) throw new Error("no applicant");
    stored.state = { ...stored.state, interviews: [], changedAt: "2026-11-06T09:59:00.000Z" };
    clock.set("2026-11-06T10:00:00Z");
    const before = mailer.sent.length;
    const result = await sendDueReminders("a_ada", undefined, deps);
    expect(result.outcome).toBe("sent");
    const [email, ...others] = mailer.sent.slice(before);
    expect(others).toEqual([]);
    expect(email?.subject).toMatch(
      /^Your interview with Mercy Internal Medicine is cancelled: was to start /,
    );
    expect(email?.text).toContain("A calendar file (.ics) that cancels this interview is attached");
    const files = email?.attachments ?? [];
    expect(files.map((file) => [file.filename, file.contentType])).toEqual([
      ["interview-mercy-im-cancelled.ics", "text/calendar; charset=utf-8; method=CANCEL"],
    ]);
    const cancel = parsed(files[0]?.content ?? "");
    expect(cancel.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancel.wrapped.uid).toBe(published.wrapped.uid);
    expect(cancel.wrapped.uid).toBe("a_ada.interview-mercy-im.interview@matchpath");
    expect(cancel.wrapped.sequence).toBeGreaterThan(published.wrapped.sequence);
    expect(cancel.event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancel.event.getFirstPropertyValue("organizer")).toBe(`mailto:${SENDER}`);
    expect(String(cancel.event.getFirstPropertyValue("attendee")).toLowerCase()).toBe(
      "mailto:ada@example.com",
    );
    expect(cancel.wrapped.startDate.toJSDate().toISOString()).toBe("2026-11-12T16:00:00.000Z");

    // Sent once: the next wake-up, and a re-delivery of this one, send no second cancellation.
    clock.set("2026-11-06T10:05:00Z");
    await sendDueReminders("a_ada", undefined, deps);
    await sendDueReminders("a_ada", new Date("2026-11-06T10:00:00Z"), deps);
    const cancellations = mailer.sent.filter((sent) =>
      (sent.attachments ?? []).some((file) => file.contentType.includes("method=CANCEL")),
    );
    expect(cancellations).toHaveLength(1);
  });

  it("does not go for an interview cancelled before any email carried its file", async () => {
    const { store, mailer, clock, deps } = world("2026-10-21T08:00:00Z");
    const stored = store.applicants.get("a_ada");
    if (!stored) throw new Error("no applicant");
    stored.state = { ...stored.state, interviews: [], changedAt: "2026-10-21T07:00:00.000Z" };
    for (const at of ["2026-10-21T08:00:00Z", "2026-11-05T08:00:00Z", "2026-11-11T08:00:00Z"]) {
      clock.set(at);
      await sendDueReminders("a_ada", undefined, deps);
    }
    expect(mailer.sent.flatMap((email) => email.attachments ?? [])).toEqual([]);
    expect(mailer.sent.map((email) => email.subject).join("\n")).not.toContain("Mercy");
  });
});

describe("a moved interview's next email", () => {
  it("updates the same UID with a higher SEQUENCE and the new time, and cancels nothing", async () => {
    const { store, mailer, clock, deps } = world("2026-11-05T08:00:00Z");
    await sendDueReminders("a_ada", undefined, deps);
    const first = mailer.sent.flatMap((email) => email.attachments ?? []);
    expect(first.map((file) => file.filename)).toEqual(["interview-mercy-im.ics"]);

    // Moved by its id to a week later.
    const stored = store.applicants.get("a_ada");
    if (!stored) throw new Error("no applicant");
    const moved = { ...interview, startsAt: "2026-11-19T10:00:00-06:00" };
    stored.state = { ...stored.state, interviews: [moved], changedAt: "2026-11-06T09:59:00.000Z" };
    clock.set("2026-11-12T08:00:00Z");
    const before = mailer.sent.length;
    await sendDueReminders("a_ada", undefined, deps);
    const files = mailer.sent.slice(before).flatMap((email) => email.attachments ?? []);
    expect(files.map((file) => [file.filename, file.contentType])).toEqual([
      ["interview-mercy-im.ics", "text/calendar; charset=utf-8; method=PUBLISH"],
    ]);
    const was = parsed(first[0]?.content ?? "");
    const now = parsed(files[0]?.content ?? "");
    expect(now.wrapped.uid).toBe(was.wrapped.uid);
    expect(now.wrapped.sequence).toBeGreaterThan(was.wrapped.sequence);
    expect(now.wrapped.startDate.toJSDate().toISOString()).toBe("2026-11-19T16:00:00.000Z");
  });
});
