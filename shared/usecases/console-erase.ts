import { InvalidInputError } from "#errors";
import type { ErasureReport } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { authorizedApplicant, type ConsoleDeps } from "./console.ts";

/** How an erase confirmation compares names: case and runs of spaces do not matter. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-US");
}

/**
 * Erases the applicant and every item of theirs (right to erasure). Confirmed twice: the caller
 * must send `confirm` "erase" and the applicant's full name as shown.
 */
export async function eraseApplicant(
  principal: Principal,
  applicantId: string,
  confirmation: { confirm?: string; fullName?: string },
  deps: ConsoleDeps,
): Promise<ErasureReport> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const problems = [];
  if (confirmation.confirm !== "erase") problems.push({ path: "confirm", message: "must be erase" });
  if (normalizeName(confirmation.fullName ?? "") !== normalizeName(state.profile.fullName))
    problems.push({
      path: "fullName",
      message: `must repeat the applicant's full name, ${state.profile.fullName} (case and extra spaces do not matter)`,
    });
  if (problems.length > 0) throw new InvalidInputError("The erase was not confirmed", problems);
  return deps.console.eraseApplicant(applicantId, {
    at: deps.clock.now().toISOString(),
    actor: principal.email,
    role: principal.role,
    action: "applicant.erase",
    applicantId,
  });
}
