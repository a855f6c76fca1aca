import { describe, expect, it } from "vitest";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { runWhatIf } from "#usecases/console-what-if.ts";
import { whatIfResultFragment } from "../../../functions/console/pages/what-if.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

const RUTH: Principal = { email: "ruth.advisor@matchpath.example", role: "advisor", sub: "ruth" };

async function notWhatIf(): Promise<never> {
  throw new Error("A what-if does not call this");
}

const noConsoleStore: ConsoleStore = {
  listCohort: notWhatIf,
  recordLastEmail: notWhatIf,
  setRemindersPaused: notWhatIf,
  recordAudit: notWhatIf,
  listAudit: notWhatIf,
  listSubmissions: notWhatIf,
  listEvents: notWhatIf,
  eraseApplicant: notWhatIf,
};

/**
 * A what-if that adds an interview gives its new step as the applicant page does: in the
 * applicant's time and the program's, never ET, which is neither's. Farid lives in Tehran; the
 * interview is in Denver.
 */
describe("an interview added in a what-if", () => {
  it("is in the applicant's time and the program's, never ET", async () => {
    const store = new InMemoryApplicantStore();
    store.add(
      profileFactory({
        applicantId: "a_farid",
        externalId: "farid",
        advisorEmail: RUTH.email,
        timezone: "Asia/Tehran",
      }),
      { milestones: [] },
    );
    const deps = {
      applicants: store,
      intake: store,
      console: noConsoleStore,
      clock: new FixedClock(new Date("2026-10-20T12:00:00Z")),
    };
    const result = await runWhatIf(
      RUTH,
      "a_farid",
      [
        {
          kind: "interview",
          program: "Denver Health IM",
          startsAt: "2026-11-04T08:00:00-07:00",
          timezone: "America/Denver",
          format: "virtual",
        },
      ],
      deps,
    );
    const html = whatIfResultFragment("a_farid", result, "[]");
    const row = /<tr><td>Interview with Denver Health IM[\s\S]*?<\/tr>/.exec(html)?.[0] ?? "";
    expect(row).toContain(
      "Wed 4 Nov 2026, 6:30 PM GMT+3:30 their time · Wed 4 Nov 2026, 8:00 AM MST (at the program)",
    );
    expect(row).not.toContain(" ET");
  });
});
