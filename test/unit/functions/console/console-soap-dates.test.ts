import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDateLabel } from "#domain/date-words.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { REGISTERED_KEYS } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * SOAP's date on every display: before NRMP's Monday release it is SOAP's start, an NRMP event "on"
 * it (the console said "due"); from the release it is SOAP's end, "Ends" (the emails said "On" of
 * the end). One who tapped "Not matched: I'm in SOAP" reads a title for one taking part, not "Take
 * part in SOAP if you did not match". A 2027 applicant in Karachi, list certified.
 */
const REGISTERED: MilestoneEntry[] = [
  ...REGISTERED_KEYS.map((key) => ({ key, status: "done" as const, date: "2026-09-20" })),
  { key: "rank_order_list", status: "done", date: "2027-02-10" },
];

function view(now: string, soap?: MilestoneEntry): ApplicantView {
  const state = {
    profile: profileFactory({ matchYear: 2027, timezone: "Asia/Karachi" }),
    milestones: soap === undefined ? REGISTERED : [...REGISTERED, soap],
    interviews: [],
    ledger: [],
  };
  return { state, plan: domainPlanning.plan(state, new Date(now)), audit: [], submissions: [], events: [] };
}

const soapItem = (html: string): string => {
  const start = html.indexOf("<strong>SOAP");
  return html.slice(start, html.indexOf("</li>", start));
};

describe("SOAP's date: on its start before the release, ends at its end from it", () => {
  it("before Match Week: the console says 'on' SOAP's start, never 'due'", () => {
    const item = soapItem(timelineCard(view("2027-03-10T12:00:00Z"), "2027-03-10"));
    expect(item).toContain(`on <time datetime="2027-03-15T14:00:00.000Z">`);
    expect(item).not.toContain("due <time");
  });

  it("on Tuesday, taking part: its own title, and 'Ends' on the step, its reminders and the console", () => {
    const tuesday = view("2027-03-16T12:00:00Z", { key: "soap", status: "in_progress" });
    const step = tuesday.plan.nextSteps.find((each) => each.milestone === "soap");
    expect(step?.title).toBe("SOAP: you are taking part");
    if (step === undefined) return;
    expect(stepDateLabel(step, { label: "Due", inline: "due" }).label).toBe("Ends");
    const reminders = tuesday.plan.reminders.filter((each) => each.milestone === "soap");
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders) expect(reminderDateLabel(reminder).label).toBe("Ends");
    expect(soapItem(timelineCard(tuesday, "2027-03-16"))).toContain(
      `ends <time datetime="2027-03-18T21:00:00.000Z">`,
    );
  });

  it("on Tuesday, not answered: SOAP keeps its 'if you did not match' title, and ends", () => {
    const step = view("2027-03-16T12:00:00Z").plan.nextSteps.find((each) => each.milestone === "soap");
    expect(step?.title).toContain("Take part in SOAP if you did not match");
    if (step !== undefined) expect(stepDateLabel(step, { label: "Due", inline: "due" }).label).toBe("Ends");
  });
});
