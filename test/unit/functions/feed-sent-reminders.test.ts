import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/** Every alarm's absolute instant in the feed (the feed writes absolute UTC triggers). */
function alarmInstants(ics: string): string[] {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component
    .getAllSubcomponents("vevent")
    .flatMap((vevent) => vevent.getAllSubcomponents("valarm"))
    .map((alarm) => (alarm.getFirstPropertyValue("trigger") as ICAL.Time).toJSDate().toISOString())
    .sort();
}

describe("the calendar feed's alarms are the emails still to come", () => {
  it("a rung the ledger records as sent is no alarm, where the planner re-times it to the next slot", async () => {
    // Prepare: a rung sent at its hour, the feed read two hours later.
    const start = new Date("2026-06-01T00:00:00Z");
    const store = new InMemoryApplicantStore();
    store.add(profileFactory());
    const first = domainPlanning.plan(store.state("a_ada"), start);
    // A ladder's rung: a critical risk's notice (on 1 Jun 2026 Ada's last day for the 2027 Match,
    // goes first) is laid where the ledger says it went out, never re-timed. The
    // rungs due that morning join the notice at 07:00 UTC, an hour before the delivery slot, so the
    // feed is read two hours after, once that slot too has passed: the planner alone re-times the
    // sent rung to the next one, the next morning.
    const rung = first.reminders.find(
      (reminder) => Date.parse(reminder.sendAt) > start.getTime() && reminder.risk === undefined,
    );
    if (!rung) throw new Error("the fixture plans no reminder ahead");
    const sentAt = new Date(rung.sendAt);
    store.state("a_ada").ledger.push({
      reminderId: rung.id,
      status: "sent",
      claimedAt: sentAt.toISOString(),
      sentAt: sentAt.toISOString(),
      messageId: "m-1",
    });
    const later = new Date(sentAt.getTime() + 2 * 60 * 60 * 1000);
    const ghost = domainPlanning
      .plan(store.state("a_ada"), later)
      .reminders.find((reminder) => reminder.id === rung.id);
    // The premise: the planner alone would re-time the sent rung ahead of `later`.
    expect(ghost && Date.parse(ghost.sendAt) > later.getTime()).toBe(true);
    const api = applicantPagesApi(store, { clock: new FixedClock(later) });
    const links = linksSignedAt(later);

    // Act
    const feed = await api(linkRequest("GET", links.feed));
    const timeline = await api(linkRequest("GET", links.timeline));

    // Assess: no alarm at the ghost's instant, and the timeline lists no email then either.
    expect(feed.statusCode).toBe(200);
    const alarms = alarmInstants(feed.body ?? "");
    expect(alarms.length).toBeGreaterThan(0);
    const coming = domainPlanning
      .plan(store.state("a_ada"), later)
      .reminders.filter(
        (reminder) => reminder.id !== rung.id && Date.parse(reminder.sendAt) > later.getTime(),
      )
      .map((reminder) => new Date(reminder.sendAt).toISOString());
    // One alarm per email item still to come, none for the sent rung (another item may share its slot).
    expect(alarms).toEqual(coming.sort());
    expect(timeline.statusCode).toBe(200);
  });
});
