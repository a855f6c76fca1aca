import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { PROJECTED_SENTENCE } from "#calendar/feed-parts.ts";
import { applyPreferences } from "#domain/apply-preferences.ts";
import { dateBasis } from "#domain/date-basis.ts";
import { plan } from "#domain/planner.ts";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { shownStartByDay } from "#domain/start-by-day.ts";
import { applicantFactory, interviewFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/** The feed must parse with ical.js (a calendar app's parser) and hold every date of the plan. */
function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  // As a calendar app does: the feed's own VTIMEZONEs define its TZIDs.
  for (const zone of component.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return {
    component,
    events: component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent)),
  };
}

/**
 * Each alarm's instant, as a calendar app computes it: absolute, or relative to the event's start
 * in the start's zone (ical.js adds a duration to the start's wall-clock time, as RFC 5545 §3.3.6
 * counts days: nominal, so a DST change between the two moves the instant).
 */
function alarmInstants(event: ICAL.Event | undefined): string[] {
  if (!event) return [];
  return event.component
    .getAllSubcomponents("valarm")
    .map((alarm) => {
      const trigger = alarm.getFirstPropertyValue("trigger");
      if (trigger instanceof ICAL.Duration) {
        const at = event.startDate.clone();
        at.addDuration(trigger);
        return at.toJSDate().toISOString();
      }
      return (trigger as ICAL.Time).toJSDate().toISOString();
    })
    .sort();
}

describe("applicant calendar feed", () => {
  const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata" });
  const interview = interviewFactory({
    id: "mercy-im-1",
    startsAt: "2026-11-12T10:00:00-06:00",
    timezone: "America/Chicago",
  });
  const now = new Date("2026-06-01T00:00:00Z");
  const thePlan = plan(
    {
      applicant,
      milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")],
      interviews: [interview],
    },
    seasonCalendar(2027),
    now,
  );
  const feed = renderApplicantFeed({
    applicantId: "a_test",
    timezone: applicant.timezone,
    plan: thePlan,
    interviews: [interview],
    updatedAt: "2026-05-20T08:00:00.000Z",
  });
  const { component, events } = parse(feed);

  it("holds one timed event per deadline, in US Eastern, ending at the cut-off, with both zones in the description", () => {
    // An exam day the applicant booked is the day itself (all-day; tested below), not a cut-off.
    // An exam's last sitting day is a day too, all day in the applicant's zone: below.
    const withDeadline = thePlan.nextSteps.filter(
      (step) =>
        step.milestone !== "interview" &&
        step.deadline &&
        step.deadline.status !== "applicant" &&
        step.deadline.precision !== "day",
    );
    expect(withDeadline.length).toBeGreaterThan(3);
    for (const step of withDeadline) {
      const event = events.find(
        (candidate) => candidate.uid === `a_test.${step.milestone}.deadline@matchpath`,
      );
      expect(event, step.milestone).toBeDefined();
      expect(event?.description).toContain(step.deadline?.local);
      expect(event?.description).toContain(step.deadline?.et);
      expect(event?.startDate.isDate).toBe(false);
      expect(event?.endDate.zone?.tzid).toBe("America/New_York");
      expect(event?.endDate.toJSDate().toISOString()).toBe(new Date(step.deadline?.at ?? "").toISOString());
    }
    const days = thePlan.nextSteps.filter((step) => step.deadline?.precision === "day");
    expect(days.map((step) => step.milestone)).toContain("usmle_step2ck");
    for (const step of days) {
      const event = events.find(
        (candidate) => candidate.uid === `a_test.${step.milestone}.deadline@matchpath`,
      );
      expect(event?.startDate.isDate, step.milestone).toBe(true);
      expect(event?.startDate.toString()).toBe(step.deadline?.day);
    }
  });

  it("marks projected dates in the title and says so in a sentence (the rule stays in the plan)", () => {
    // Projected: an authority's date (dateBasis), not advice counted from one.
    const projected = thePlan.nextSteps.filter(
      (step) => step.deadline !== undefined && dateBasis(step.deadline) === "projected",
    );
    expect(projected.length).toBeGreaterThan(0);
    for (const step of projected) {
      const event = events.find(
        (candidate) => candidate.uid === `a_test.${step.milestone}.deadline@matchpath`,
      );
      expect(event?.summary).toMatch(/\(projected\)$/);
      expect(event?.description).toContain(PROJECTED_SENTENCE);
      expect(event?.description).not.toContain(step.deadline?.source);
    }
  });

  it("words each alarm by what its date is: 'due' for a deadline, 'on' for the applicant's own date, never 'due' for a target", () => {
    const alarms = events.flatMap((event) =>
      event.component
        .getAllSubcomponents("valarm")
        .map((alarm) => String(alarm.getFirstPropertyValue("description"))),
    );
    const own = alarms.filter((text) => text.startsWith("Your USMLE Step 2 CK exam: "));
    expect(own.length).toBeGreaterThan(0);
    for (const text of own) expect(text).toMatch(/: on Thu 20 Aug 2026$/);
    expect(alarms.some((text) => /\(target date\): due /.test(text))).toBe(false);
    expect(alarms.some((text) => /: due /.test(text))).toBe(true);
  });

  it("holds start-by days still ahead as Start: events, and no passed one (the step is pressed now)", () => {
    const starts = thePlan.nextSteps.filter((step) => step.milestone !== "interview" && step.startBy);
    const ahead = starts.filter((step) => shownStartByDay(step, thePlan.now, applicant.timezone));
    expect(ahead.length).toBeGreaterThan(0);
    expect(ahead.length).toBeLessThan(starts.length);
    for (const step of starts) {
      expect(
        events.some((event) => event.uid === `a_test.${step.milestone}.start@matchpath`),
        step.milestone,
      ).toBe(ahead.includes(step));
    }
  });

  it("holds the interview as a timed event in its own zone, with a VTIMEZONE", () => {
    const event = events.find(
      (candidate) => candidate.uid === "a_test.interview-mercy-im-1.interview@matchpath",
    );
    expect(event?.startDate.zone?.tzid).toBe("America/Chicago");
    expect(event?.startDate.toJSDate().toISOString()).toBe("2026-11-12T16:00:00.000Z");
    expect(
      component.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid")),
    ).toContain("America/Chicago");
  });

  it("has one alarm per reminder of the step, at the reminder's send time", () => {
    // The exam day's countdown rings on the exam-day event, the deadline's rung on the deadline.
    const step2 = events.find((candidate) => candidate.uid === "a_test.usmle_step2ck.deadline@matchpath");
    const examDay = events.find((candidate) => candidate.uid === "a_test.usmle_step2ck.own-date@matchpath");
    const reminders = thePlan.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");
    expect(reminders.length).toBeGreaterThan(0);
    expect([...alarmInstants(step2), ...alarmInstants(examDay)].sort()).toEqual(
      reminders.map((reminder) => new Date(reminder.sendAt).toISOString()).sort(),
    );
    expect(alarmInstants(examDay)).toEqual(
      reminders
        .filter((reminder) => reminder.deadlineDetail.status === "applicant")
        .map((reminder) => new Date(reminder.sendAt).toISOString())
        .sort(),
    );
    expect(alarmInstants(examDay).length).toBeGreaterThan(0);
    expect(alarmInstants(step2).length).toBeGreaterThan(0);
  });

  it("keeps UIDs stable: the same plan a week later gives the same UIDs", () => {
    const later = plan(
      {
        applicant,
        milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")],
        interviews: [interview],
      },
      seasonCalendar(2027),
      new Date("2026-06-08T00:00:00Z"),
    );
    const again = parse(
      renderApplicantFeed({
        applicantId: "a_test",
        timezone: "Asia/Kolkata",
        plan: later,
        interviews: [interview],
        updatedAt: "2026-05-20T08:00:00.000Z",
      }),
    );
    const uids = (list: ICAL.Event[]) => new Set(list.map((event) => event.uid));
    const before = uids(events);
    // A start-by day shows only while it is ahead (shownStartByDay): it comes and goes as the step's
    // start-by moves (ERAS's token, its target passed, is started by its deadline's lead), under its step's UID.
    for (const uid of uids(again.events))
      if (!uid.endsWith(".start@matchpath")) expect(before.has(uid), uid).toBe(true);
  });

  it("carries no link at all: nothing in a shared calendar can act for the applicant", () => {
    // Public sources (the rule a projected date follows) stay; nothing of ours that a token opens.
    expect(feed).not.toMatch(/token=|\/(timeline|actions|preferences|calendar\.ics)\b|^URL[:;]/m);
    // Where to act, in words true of the emails: steps through the timeline every
    // email links; interviews, which have no buttons anywhere, through the interview form with the
    // interview's reference ("send your interview form again" without it
    // adds a second interview beside this one rather than moving it).
    for (const event of events) {
      expect(event.description).toContain("See my whole timeline in any recent Matchpath email");
      if (event.summary.startsWith("Interview:")) {
        expect(event.description).toContain(
          "To move or cancel this interview, send your interview form with its reference, mercy-im-1,",
        );
        expect(event.description).toContain("without the reference, a form adds a second interview");
        expect(event.description).not.toContain("send your interview form again");
        expect(event.description).not.toMatch(/mark it done|snoozed/);
      } else expect(event.description).toContain("To mark it done, scheduled or snoozed");
    }
    expect(events.some((event) => event.summary.startsWith("Interview:"))).toBe(true);
  });

  it("reads the same on every refresh until the record changes (no per-fetch tokens or stamps)", () => {
    const anHourLater = plan(
      {
        applicant,
        milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")],
        interviews: [interview],
      },
      seasonCalendar(2027),
      new Date(now.getTime() + 60 * 60 * 1000),
    );
    const refreshed = renderApplicantFeed({
      applicantId: "a_test",
      timezone: applicant.timezone,
      plan: anHourLater,
      interviews: [interview],
      updatedAt: "2026-05-20T08:00:00.000Z",
    });
    expect(refreshed).toBe(feed);
  });

  it("marks a moved date as a newer revision: a later DTSTAMP and a higher SEQUENCE", () => {
    const moved = plan(
      {
        applicant,
        milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-09-15")],
        interviews: [interview],
      },
      seasonCalendar(2027),
      now,
    );
    const after = parse(
      renderApplicantFeed({
        applicantId: "a_test",
        timezone: applicant.timezone,
        plan: moved,
        interviews: [interview],
        updatedAt: "2026-06-01T00:05:00.000Z",
      }),
    ).events;
    const own = (list: ICAL.Event[]) =>
      list.find((event) => event.uid === "a_test.usmle_step2ck.own-date@matchpath");
    expect(own(events)?.startDate.toString()).toBe("2026-08-20");
    expect(own(after)?.startDate.toString()).toBe("2026-09-15");
    for (const event of after) {
      const before = events.find((candidate) => candidate.uid === event.uid);
      if (!before) continue;
      expect(event.sequence).toBeGreaterThan(before.sequence);
      const stamp = (e: ICAL.Event) => (e.component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate();
      expect(stamp(event).getTime()).toBeGreaterThan(stamp(before).getTime());
    }
    expect(own(after)?.sequence).toBe((Date.parse("2026-06-01T00:05:00Z") - Date.UTC(2026, 0, 1)) / 1000);
  });

  it("writes every absolute alarm trigger in UTC (RFC 5545 §3.8.6.3), interview alarms at the reminder's instant", () => {
    const triggers = feed.split("\r\n").filter((line) => line.startsWith("TRIGGER"));
    expect(triggers.length).toBeGreaterThan(0);
    for (const line of triggers) expect(line).toMatch(/^TRIGGER;VALUE=DATE-TIME:\d{8}T\d{6}Z$/);
    const event = events.find(
      (candidate) => candidate.uid === "a_test.interview-mercy-im-1.interview@matchpath",
    );
    // The preparation reminders, those before the start; the thank-you note after it comes by
    // email only (no alarm after the event's start).
    const start = Date.parse("2026-11-12T16:00:00Z");
    const reminders = thePlan.reminders.filter(
      (reminder) => reminder.interviewId === "mercy-im-1" && Date.parse(reminder.sendAt) < start,
    );
    expect(reminders.length).toBeGreaterThan(0);
    expect(
      thePlan.reminders.filter((reminder) => reminder.interviewId === "mercy-im-1").length,
    ).toBeGreaterThan(reminders.length);
    expect(alarmInstants(event)).toEqual(
      reminders.map((reminder) => new Date(reminder.sendAt).toISOString()).sort(),
    );
  });
});

describe("an exam date the applicant booked", () => {
  it("is an all-day event on the applicant's own date, worded as the sitting, not 'Due'", () => {
    const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Karachi" });
    const thePlan = plan(
      {
        applicant,
        milestones: [milestoneFactory("oet_medicine", "scheduled", "2026-12-10")],
        interviews: [],
      },
      seasonCalendar(2027),
      new Date("2026-11-30T12:00:00Z"),
    );
    const { events } = parse(
      renderApplicantFeed({
        applicantId: "a_karachi",
        timezone: applicant.timezone,
        plan: thePlan,
        interviews: [],
        updatedAt: "2026-11-30T12:00:00.000Z",
      }),
    );
    const exam = events.find((event) => event.uid === "a_karachi.oet_medicine.own-date@matchpath");
    expect(exam?.summary).toBe("OET Medicine exam");
    expect(exam?.startDate.isDate).toBe(true);
    expect(exam?.startDate.toString()).toBe("2026-12-10");
    expect(exam?.endDate.toString()).toBe("2026-12-11");
  });
});

describe("a date the applicant gave after the authority's deadline", () => {
  const applicant = applicantFactory({ matchYear: 2028, timezone: "Asia/Kolkata" });
  const planAt = (now: string) =>
    plan(
      {
        applicant,
        milestones: [
          milestoneFactory("wdoms_listing", "done", "2026-10-01"),
          milestoneFactory("ecfmg_application", "done", "2026-11-01"),
          milestoneFactory("usmle_step2ck", "scheduled", "2027-06-15"),
          milestoneFactory("ecfmg_pathway", "scheduled", "2028-05-01"),
        ],
        interviews: [],
      },
      seasonCalendar(2028),
      new Date(now),
    );
  const feedOf = (now: string) =>
    parse(
      renderApplicantFeed({
        applicantId: "a_priya",
        timezone: applicant.timezone,
        plan: planAt(now),
        interviews: [],
        updatedAt: "2026-11-30T12:00:00.000Z",
      }),
    ).events;
  const events = feedOf("2026-11-30T12:00:00Z");
  const byUid = (uid: string) => events.find((event) => event.uid === uid);

  it("keeps the Pathway deadline as its own timed event, with its UID, and adds the applicant's date", () => {
    const deadline = byUid("a_priya.ecfmg_pathway.deadline@matchpath");
    const own = byUid("a_priya.ecfmg_pathway.own-date@matchpath");
    expect(deadline?.summary).toBe("Due: Complete an ECFMG Pathway (projected)");
    expect(deadline?.startDate.isDate).toBe(false);
    expect(deadline?.endDate.toJSDate().toISOString()).toBe(
      planAt("2026-11-30T12:00:00Z").nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.deadline
        ?.at,
    );
    expect(deadline?.description).toContain(
      "Your date: Mon 1 May 2028, after this deadline: move it earlier.",
    );
    expect(own?.summary).toBe("Complete an ECFMG Pathway (your date)");
    expect(own?.startDate.toString()).toBe("2028-05-01");
  });

  it("keeps the Step 2 CK deadline and adds the exam day, both with stable UIDs", () => {
    const deadline = byUid("a_priya.usmle_step2ck.deadline@matchpath");
    const exam = byUid("a_priya.usmle_step2ck.own-date@matchpath");
    // The last sitting day is the rank order list deadline less the result's time: our advice.
    expect(deadline?.summary).toBe("Due: Pass USMLE Step 2 CK (our advice)");
    expect(exam?.summary).toBe("USMLE Step 2 CK exam");
    expect(exam?.startDate.toString()).toBe("2027-06-15");
    const later = feedOf("2027-01-15T12:00:00Z").map((event) => event.uid);
    expect(later).toContain("a_priya.usmle_step2ck.deadline@matchpath");
    expect(later).toContain("a_priya.usmle_step2ck.own-date@matchpath");
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
  });
});

describe("alarms across a US DST change", () => {
  // Fatima's case: Match 2028 from Karachi; the OET, Pathway and Step 2 CK deadlines fall in EST
  // (November to January) while their reminders go out in EDT (June to October).
  const applicant = applicantFactory({ matchYear: 2028, timezone: "Asia/Karachi" });
  const thePlan = plan(
    {
      applicant,
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-10-01"),
        milestoneFactory("ecfmg_application", "done", "2026-10-01"),
        milestoneFactory("usmle_step1", "done", "2026-10-01"),
      ],
      interviews: [],
    },
    seasonCalendar(2028),
    new Date("2027-01-15T06:00:00Z"),
  );
  const { events } = parse(
    renderApplicantFeed({
      applicantId: "a_dst",
      timezone: applicant.timezone,
      plan: thePlan,
      interviews: [],
      updatedAt: "2027-01-15T06:00:00.000Z",
    }),
  );

  it.each(["oet_medicine", "ecfmg_pathway", "usmle_step2ck"])(
    "fires each %s alarm at the instant its email goes out",
    (key) => {
      const deadline = events.find((event) => event.uid === `a_dst.${key}.deadline@matchpath`);
      // The reminders counting down to the target ride on the target's own event.
      const target = events.find((event) => event.uid === `a_dst.${key}.target@matchpath`);
      const dueRungs = thePlan.reminders.filter(
        (reminder) => reminder.milestone === key && reminder.deadlineDetail.status !== "applicant",
      );
      const crossing = dueRungs.filter(
        (reminder) => Date.parse(reminder.sendAt) < Date.parse("2027-11-07T06:00:00Z"),
      );
      expect(crossing.length).toBeGreaterThan(0);
      // An exam's last sitting day is an all-day date; the Pathway's a cut-off in ET.
      if (key === "ecfmg_pathway") expect(deadline?.startDate.zone?.tzid).toBe("America/New_York");
      else expect(deadline?.startDate.isDate).toBe(true);
      expect([...alarmInstants(deadline), ...alarmInstants(target)].sort()).toEqual(
        dueRungs.map((reminder) => reminder.sendAt).sort(),
      );
    },
  );
});

/**
 * A reminder planned at the plan's own instant goes by email at once (a critical notice, a late
 * arrival); the feed is planned at each download, so as an alarm it sat at the download's instant,
 * moving on every refresh with no email behind it. The feed keeps only
 * alarms for emails still to come, and reads the same on two downloads a few seconds apart.
 */
describe("the feed's alarms are emails still to come", () => {
  // A Lagos applicant: everything but NRMP done, signing up at 13:00 on the day of NRMP's
  // early deadline (23:59 ET), so "due in 16 hours" goes at once.
  const done = [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "ecfmg_pathway",
    "usce",
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "eras_token",
    "eras_application",
  ] as const;
  const applicant = applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos" });
  const feedAt = (instant: string) => {
    const now = new Date(instant);
    const thePlan = plan(
      {
        applicant,
        milestones: done.map((key) => milestoneFactory(key, "done", "2026-09-02")),
        interviews: [],
      },
      seasonCalendar(2027),
      now,
    );
    return {
      thePlan,
      text: renderApplicantFeed({
        applicantId: "a_test",
        timezone: applicant.timezone,
        plan: thePlan,
        interviews: [],
        updatedAt: "2026-10-01T00:00:00.000Z",
      }),
    };
  };

  it("has no alarm at the plan's instant, and two downloads seconds apart are the same", () => {
    const first = feedAt("2026-11-30T12:00:03Z");
    expect(
      first.thePlan.reminders.some(
        (reminder) =>
          reminder.milestone === "nrmp_registration" && reminder.sendAt === "2026-11-30T12:00:03.000Z",
      ),
    ).toBe(true);
    const triggers = parse(first.text)
      .events.flatMap((event) => alarmInstants(event))
      .filter((at) => at === "2026-11-30T12:00:03.000Z");
    expect(triggers).toEqual([]);
    expect(feedAt("2026-11-30T12:00:09Z").text).toBe(first.text);
  });
});

/**
 * The weekly summary's alarm sits at the applicant's delivery time:
 * a reminder planned at the plan's instant (here the critical notice of a Step 2 CK
 * booked too late) and gathered into the next weekly summary took that instant's time of day, so
 * the summary's wake-up and the feed's alarm moved with every download. The critical notice is no
 * longer gathered (it goes the morning after it is raised, a summary or not); the summaries after it
 * keep the delivery time.
 */
describe("a weekly summary's alarm at the delivery time", () => {
  const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Karachi", reminderTime: "09:00" });
  const weekly = { ...DEFAULT_PREFERENCES, digest: "weekly" as const, digestDay: 3 };
  const feedAt = (instant: string) => {
    const thePlan = applyPreferences(
      plan(
        {
          applicant,
          milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2027-04-20")],
          interviews: [],
        },
        seasonCalendar(2027),
        new Date(instant),
      ),
      weekly,
      applicant.timezone,
    );
    return renderApplicantFeed({
      applicantId: "a_test",
      timezone: applicant.timezone,
      plan: thePlan,
      interviews: [],
      updatedAt: "2027-03-01T00:00:00.000Z",
    });
  };

  it("gives the same alarms on two downloads at different times of one day, at 09:00", () => {
    const morning = feedAt("2027-03-27T08:00:06Z");
    const afternoon = feedAt("2027-03-27T11:20:09Z");
    expect(afternoon).toBe(morning);
    const alarms = parse(morning).events.flatMap((event) => alarmInstants(event));
    // 09:00 in Karachi (UTC+5), not the download's time: the notice on Sun 28 Mar, the next
    // delivery slot, never held for Wednesday's summary; the summary of Wed 7 Apr.
    expect(alarms).toContain("2027-03-28T04:00:00.000Z");
    expect(alarms).not.toContain("2027-03-31T04:00:00.000Z");
    expect(alarms).toContain("2027-04-07T04:00:00.000Z");
    expect(alarms.every((at) => at.endsWith("T04:00:00.000Z"))).toBe(true);
  });
});

/**
 * Match Week, Match Day and SOAP are things that happen on NRMP's dates, not deadlines the
 * applicant must meet: "Due: Match Day: learn where you matched" read as an obligation on a day
 * with nothing to do. Their events carry the step's title alone, say
 * "On …", and the news (Match Week's Monday, Match Day's release) starts at its hour.
 */
describe("NRMP's events are not deadlines", () => {
  const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Karachi" });
  const done = [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "ecfmg_pathway",
    "usce",
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "eras_token",
    "eras_application",
    "nrmp_registration",
  ] as const;
  const { events } = parse(
    renderApplicantFeed({
      applicantId: "a_test",
      timezone: applicant.timezone,
      plan: plan(
        {
          applicant,
          milestones: done.map((key) => milestoneFactory(key, "done", "2026-09-02")),
          interviews: [],
        },
        seasonCalendar(2027),
        new Date("2026-12-01T08:00:00Z"),
      ),
      interviews: [],
      updatedAt: "2026-10-01T00:00:00.000Z",
    }),
  );
  const byUid = (step: string) => events.find((event) => event.uid === `a_test.${step}.deadline@matchpath`);

  it.each(["match_week", "match_day", "soap"])("%s: no 'Due:' in the title or the description", (step) => {
    const event = byUid(step);
    expect(event).toBeDefined();
    expect(event?.summary.startsWith("Due")).toBe(false);
    expect(event?.description).toMatch(/^On /);
    expect(event?.description).not.toMatch(/^Due /m);
  });

  it("starts Match Day at the release and Match Week at NRMP's Monday announcement", () => {
    expect(byUid("match_day")?.summary).toMatch(/^Match Day: learn where you matched/);
    expect(byUid("match_day")?.startDate.toJSDate().toISOString()).toBe("2027-03-19T16:00:00.000Z");
    expect(byUid("match_week")?.startDate.toJSDate().toISOString()).toBe("2027-03-15T14:00:00.000Z");
  });

  it("keeps 'Due:' on a deadline", () => {
    expect(byUid("rank_order_list")?.summary).toMatch(/^Due: Certify your rank order list/);
  });
});
