import { beforeEach, describe, expect, it } from "vitest";
import type { MilestoneEntry, MilestoneKey, Submission } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import type { AuditEntry, ConsoleStore } from "#ports/console-store.ts";
import type { IntakeSource, IntakeStore } from "#ports/intake-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { type ConsoleDeps, markStepDone } from "#usecases/console.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

/** The audit trail in memory; the console store's other reads and writes are not Mark done's. */
class InMemoryAudit implements ConsoleStore {
  readonly entries: AuditEntry[] = [];
  async recordAudit(entry: AuditEntry): Promise<void> {
    this.entries.unshift(entry);
  }
  async listAudit(applicantId: string): Promise<AuditEntry[]> {
    return this.entries.filter((entry) => entry.applicantId === applicantId);
  }
  listCohort = notMarkDone;
  setRemindersPaused = notMarkDone;
  listSubmissions = notMarkDone;
  listEvents = notMarkDone;
  eraseApplicant = notMarkDone;
  recordLastEmail = notMarkDone;
}

async function notMarkDone(): Promise<never> {
  throw new Error("Mark done does not call this");
}

const PRIYA: Principal = { email: "priya.advisor@matchpath.example", role: "advisor", sub: "priya" };

/**
 * The console's "Mark done": the step the advisor chose is recorded
 * done on the date given, as the advisor's, audited, and the write is conditioned on the step as
 * the check read it. A change to the step between that read and the write (the applicant's own
 * Done link, a form) was overwritten unseen; now the step is decided again on what is stored.
 */
describe("marking a step done from the console", () => {
  let store: InMemoryApplicantStore;
  let audit: InMemoryAudit;
  let sources: { submission: Submission; source: IntakeSource }[];
  let beforeWrite: (() => Promise<void>) | undefined;
  const clock = new FixedClock(new Date("2026-06-01T09:00:00Z"));
  const personalStatement: MilestoneEntry = { key: "personal_statement", status: "in_progress" };

  const deps = (): ConsoleDeps => {
    // The intake as the use case sees it: what it was asked to write, and a hook that lands
    // another change first (the race), once.
    const intake: IntakeStore = {
      applySubmission: async (submission, source, receivedAt) => {
        sources.push({ submission, source });
        const first = beforeWrite;
        beforeWrite = undefined;
        await first?.();
        return store.applySubmission(submission, source, receivedAt);
      },
    };
    return {
      applicants: store,
      intake,
      console: audit,
      clock,
    };
  };
  const stored = (key: MilestoneKey) => store.state("a_ada").milestones.find((entry) => entry.key === key);

  beforeEach(() => {
    store = new InMemoryApplicantStore();
    audit = new InMemoryAudit();
    sources = [];
    beforeWrite = undefined;
    store.add(profileFactory({ advisorEmail: PRIYA.email }), {
      milestones: [
        { key: "usmle_step1", status: "done", date: "2025-05-02" },
        { key: "usmle_step2ck", status: "done", date: "2025-09-10" },
        personalStatement,
      ],
    });
  });

  it("records the chosen step done on the date given, as the advisor's, conditioned on the step it checked", async () => {
    const outcome = await markStepDone(PRIYA, "a_ada", "personal_statement", "2026-05-30", deps());

    expect(outcome).toEqual({ outcome: "recorded", date: "2026-05-30" });
    expect(stored("personal_statement")).toEqual({
      key: "personal_statement",
      status: "done",
      date: "2026-05-30",
    });
    expect(sources).toHaveLength(1);
    expect(sources[0]?.submission).toMatchObject({
      type: "milestone.update",
      milestones: [{ key: "personal_statement", status: "done", date: "2026-05-30" }],
    });
    expect(sources[0]?.source.provider).toBe("console");
    // The checked state travels with the write: the store refuses it if the step changed meanwhile.
    expect(sources[0]?.source.decidedOn).toEqual(new Map([["personal_statement", personalStatement]]));
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actor: PRIYA.email,
        role: "advisor",
        action: "milestone.mark",
        applicantId: "a_ada",
        before: [personalStatement],
        after: [{ key: "personal_statement", status: "done", date: "2026-05-30" }],
      }),
    ]);
  });

  it("does not overwrite the applicant's own Done that landed between the check and the write", async () => {
    beforeWrite = async () => {
      await store.applySubmission(
        {
          type: "milestone.update",
          submissionId: "link-applicant",
          applicant: { externalId: "ada" },
          milestones: [{ key: "personal_statement", status: "done", date: "2026-05-28" }],
        },
        { provider: "link", submissionId: "link-applicant" },
        clock.now(),
      );
    };

    const outcome = await markStepDone(PRIYA, "a_ada", "personal_statement", "2026-05-31", deps());

    // Decided again on what is stored: the step is done already, and stays as the applicant recorded it.
    expect(outcome).toEqual({ outcome: "already-done", date: "2026-05-28" });
    expect(stored("personal_statement")).toEqual({
      key: "personal_statement",
      status: "done",
      date: "2026-05-28",
    });
    expect(audit.entries).toEqual([]);
  });

  it("marks a step done once: a second Mark done (a double click, a stale page) changes and audits nothing", async () => {
    await markStepDone(PRIYA, "a_ada", "personal_statement", "2026-05-30", deps());
    const again = await markStepDone(PRIYA, "a_ada", "personal_statement", "2026-06-01", deps());

    expect(again).toEqual({ outcome: "already-done", date: "2026-05-30" });
    expect(stored("personal_statement")).toEqual({
      key: "personal_statement",
      status: "done",
      date: "2026-05-30",
    });
    expect(audit.entries.map((entry) => entry.action)).toEqual(["milestone.mark"]);
  });

  it("still refuses a date in the future, naming date, and writes nothing", async () => {
    await expect(
      markStepDone(PRIYA, "a_ada", "personal_statement", "2026-06-05", deps()),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(sources).toEqual([]);
    expect(audit.entries).toEqual([]);
  });

  it("gives a step done without a date the date given, and never invents one when none is given", async () => {
    store.add(profileFactory({ applicantId: "a_bo", externalId: "bo", advisorEmail: PRIYA.email }), {
      milestones: [{ key: "cv", status: "done" }],
    });
    expect(await markStepDone(PRIYA, "a_bo", "cv", undefined, deps())).toEqual({ outcome: "already-done" });
    expect(audit.entries).toEqual([]);
    expect(await markStepDone(PRIYA, "a_bo", "cv", "2012-03-01", deps())).toEqual({
      outcome: "recorded",
      date: "2012-03-01",
    });
    expect(store.state("a_bo").milestones).toEqual([{ key: "cv", status: "done", date: "2012-03-01" }]);
  });
});
