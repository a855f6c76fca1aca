import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { futureDoneProblems } from "#domain/done-date.ts";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";

/**
 * For karachi_ck_sat_late.json at 2026-12-02T14:00+05:00 the CLI's NEXT STEPS read
 * overdue ERAS, "soon" OET (sitting 10 Dec), "urgent" Pathway (latest safe start 28 Nov, passed), …,
 * while `--json` listed ERAS, Pathway, NRMP, Step 2 CK, OET: the table showed the reading order and the
 * JSON the planner's own. One order everywhere: the CLI's table, its JSON and the applicant's timeline.
 * And the JSON's next steps held a `budget` entry; the budget is a section, never a step.
 */
const DIR = fileURLToPath(new URL("../../fixtures/new-user-trial-2027/", import.meta.url));
const FILES = readdirSync(DIR).filter((name) => name.endsWith(".json"));
const INSTANTS = [
  "2026-10-01T09:00:00Z",
  "2026-12-02T09:00:00Z",
  "2026-12-31T04:30:00Z",
  "2027-01-28T03:00:00Z",
  "2027-02-20T03:00:00Z",
  "2027-04-10T09:00:00Z",
];

function cli(file: string, now: string, json: boolean): string {
  let out = "";
  const code = runPlanCli([file, "--now", now, ...(json ? ["--json"] : [])], {
    readFile: (path) => readFileSync(`${DIR}${path}`, "utf8"),
    now: () => new Date(now),
    out: (text) => {
      out += text;
    },
    err: () => {},
  });
  expect(code).toBe(0);
  return out;
}

/** The CLI table's NEXT STEPS rows: [standing, step] in the order shown. */
function tableRows(text: string): [string, string][] {
  const start = text.indexOf("NEXT STEPS");
  return text
    .slice(start, text.indexOf("\n\n", start))
    .split("\n")
    .slice(3)
    .filter((row) => /^ {2}\S/.test(row) && !row.startsWith("  - ") && !row.startsWith("  (*"))
    .map((row) => {
      const cells = row.trim().split(/\s{2,}/);
      return [cells[0] ?? "", cells[1] ?? ""];
    });
}

const subject = (step: { milestone: string; interviewId?: string }) =>
  step.interviewId === undefined ? step.milestone : `interview ${step.interviewId}`;

/** The timeline's next-step card titles, in the order shown. */
function timelineTitles(thePlan: Plan, timezone: string): string[] {
  const now = new Date(thePlan.now);
  const body =
    timelinePage({
      firstName: "Ada",
      timezone,
      plan: thePlan,
      comingReminders: [],
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_ada",
        feedGeneration: 0,
        now,
      }),
    }).body ?? "";
  const next = body.slice(body.indexOf('<h2 id="next">'));
  const list = next.slice(0, next.indexOf("</ul>"));
  return [...list.matchAll(/<h3>([^<]*?) <span class="tag /g)].map((match) => match[1] ?? "");
}

describe("the CLI's table, its --json and the timeline list the next steps in one order", () => {
  const all = FILES.flatMap((file) => INSTANTS.map((now) => [file, now] as const));
  // A fixture before the day it marks a step done is a snapshot the intake refuses, and so does the
  // CLI (submission-refusals.ts): it is planned only from that day on.
  const doneAhead = ([file, now]: readonly [string, string]) => {
    const snapshot = JSON.parse(readFileSync(`${DIR}${file}`, "utf8")) as {
      applicant: { timezone: string };
      milestones: { status: MilestoneEntry["status"]; date?: string }[];
    };
    return futureDoneProblems(snapshot.milestones, snapshot.applicant.timezone, new Date(now));
  };
  const cases = all.filter((pair) => doneAhead(pair).length === 0);
  const refused = all.filter((pair) => doneAhead(pair).length > 0);

  it.each(refused)(
    "%s at %s, before a step it marks done: refused naming the date, as the intake does",
    (file, now) => {
      let err = "";
      const code = runPlanCli([file, "--now", now], {
        readFile: (path) => readFileSync(`${DIR}${path}`, "utf8"),
        now: () => new Date(now),
        out: () => {},
        err: (text) => {
          err += text;
        },
      });
      expect(code).toBe(2);
      for (const problem of doneAhead([file, now]))
        expect(err).toContain(`${problem.path}: ${problem.message}`);
    },
  );

  it.each(cases)("%s at %s", (file, now) => {
    const json = JSON.parse(cli(file, now, true)) as Plan;
    const zone = (JSON.parse(readFileSync(`${DIR}${file}`, "utf8")) as { applicant: { timezone: string } })
      .applicant.timezone;
    const jsonOrder = json.nextSteps.map(subject);
    expect(tableRows(cli(file, now, false)).map((row) => row[1])).toEqual(jsonOrder);
    expect(jsonOrder).not.toContain("budget");
    // The timeline leaves out what it shows as passed; what it lists comes in the same order.
    const titles = timelineTitles(json, zone);
    const listed = json.nextSteps.filter((step) => titles.includes(step.title)).map((step) => step.title);
    expect(titles).toEqual(listed);
  });

  it("karachi_ck_sat_late at 2026-12-02T14:00+05:00: the Pathway, its latest safe start passed, before the OET sitting 8 days out", () => {
    const rows = tableRows(cli("karachi_ck_sat_late.json", "2026-12-02T14:00:00+05:00", false));
    expect(rows.slice(0, 5)).toEqual([
      ["overdue", "eras_application"],
      ["urgent", "ecfmg_pathway"],
      ["urgent: early deadline passed", "nrmp_registration"],
      ["result pending", "usmle_step2ck"],
      ["soon", "oet_medicine"],
    ]);
  });

  it("lagos_ck_sat.json --json: no budget among the next steps; the budget is its section", () => {
    const json = JSON.parse(cli("lagos_ck_sat.json", "2026-12-02T10:00:00+01:00", true)) as Plan;
    expect(json.nextSteps.map((step) => step.milestone)).not.toContain("budget");
    expect(json.budget.items.length).toBeGreaterThan(0);
  });
});
