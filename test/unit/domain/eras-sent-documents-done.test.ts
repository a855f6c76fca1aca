import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * ERAS submitted on 20 Sep 2026, the documents that went with it (personal statement, letters, CV,
 * program list) still not started, in progress or dated in the snapshot, an answer never updated:
 * planned in November the plan listed them overdue since September although MyERAS took them with
 * the application. A done ERAS application makes them done (the catalog's `inErasApplication`),
 * whatever they still say, but letters, which their writers may upload after submission
 * (`mayFollow`): reported under way, they stay asked for. Chidi (Lagos, H-1B, Step 3 booked) and Nusrat (Dhaka, J-1, her statement
 * dated after ERAS went), both 2027 Match.
 */
const DIR = fileURLToPath(new URL("../../fixtures/eras-sent-documents-open/", import.meta.url));
const FILES = readdirSync(DIR).filter((file) => file.endsWith(".json"));
const DOCUMENTS = ["personal_statement", "cv", "program_list"];
const NOW = new Date("2026-11-16T10:00:00Z");

const snapshotOf = (file: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
const planOf = (snapshot: ApplicantSnapshot) =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), NOW);

describe.each(FILES)("%s: the documents went with the ERAS application", (file) => {
  const snapshot = snapshotOf(file);
  const result = planOf(snapshot);

  it("the snapshot still says some are not done (the case under test)", () => {
    const open = snapshot.milestones.filter(
      (entry) => DOCUMENTS.includes(entry.key) && entry.status !== "done",
    );
    expect(open.length).toBeGreaterThanOrEqual(2);
  });

  it("none of them is a next step, overdue or reminded", () => {
    const keys = [
      ...result.nextSteps.map((step) => step.milestone),
      ...result.blocked.map((step) => step.milestone),
      ...result.overdue.map((step) => step.milestone),
      ...result.reminders.map((reminder) => reminder.milestone),
    ];
    for (const key of DOCUMENTS) expect(keys).not.toContain(key);
  });

  it("the letters, reported not done, stay asked for: their writers may upload them after submission", () => {
    expect(snapshot.milestones.find((entry) => entry.key === "lors")?.status).not.toBe("done");
    expect([...result.nextSteps, ...result.overdue].map((step) => step.milestone)).toContain("lors");
  });

  it("each fee is counted once, and the totals add the rows", () => {
    const keys = result.budget.items.map((item) => item.key);
    expect(keys.filter((key) => key === "eras_token")).toHaveLength(1);
    expect(new Set(keys).size).toBe(keys.length);
    const sum = (status: string) =>
      result.budget.items
        .filter((item) => item.status === status)
        .reduce((total, item) => total + item.amountUsd, 0);
    expect(result.budget.spentUsd).toBe(sum("spent"));
    expect(result.budget.totalUsd).toBe(sum("spent") + sum("presumed") + sum("upcoming"));
  });

  it("with the ERAS application still in progress, the documents are still asked for", () => {
    const unsent = {
      ...snapshot,
      milestones: snapshot.milestones.map((entry) =>
        entry.key === "eras_application" ? { key: entry.key, status: "in_progress" as const } : entry,
      ),
    };
    const asked = planOf(unsent).nextSteps.map((step) => step.milestone);
    expect(asked).toContain("cv");
    expect(asked).toContain("program_list");
  });
});
