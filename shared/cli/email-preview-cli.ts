import { resolve } from "node:path";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { previewEmails } from "./email-preview.ts";
import { instantIn, writePreview } from "./email-preview-files.ts";
import { PREVIEW_APPLICANT_ID, PREVIEW_ORIGIN } from "./preview-ports.ts";

/**
 * `npm run plan -- <snapshot.json> --emails <dir>`: the applicant as the intake stores a new one
 * (no ledger, no stored plan, the default email preferences: a snapshot carries none), signed up
 * at `signedUp` (else `now`), its emails previewed from `now` (email-preview.ts) and written into
 * `dir` (email-preview-files.ts), one progress line each. Exit 0; 1 when the files cannot be written.
 */
export async function runEmailPreview(
  snapshot: ApplicantSnapshot,
  options: { dir: string; count: number; until: Date | undefined; now: Date; signedUp: string | undefined },
  io: { out(text: string): void; err(text: string): void },
): Promise<number> {
  const { now } = options;
  const signedUpAt = options.signedUp ?? now.toISOString();
  const state: ApplicantState = {
    profile: {
      ...snapshot.applicant,
      applicantId: PREVIEW_APPLICANT_ID,
      createdAt: signedUpAt,
      updatedAt: now.toISOString(),
    },
    milestones: snapshot.milestones,
    interviews: snapshot.interviews,
    ledger: [],
  };
  const { timezone, fullName } = snapshot.applicant;
  const bound =
    options.until === undefined
      ? `${options.count}`
      : `${options.count}, none after ${options.until.toISOString()}`;
  io.out(`Emails for ${fullName} from ${now.toISOString()} (at most ${bound}):\n`);
  const { emails, nextWakeUp } = await previewEmails(
    state,
    now,
    { count: options.count, until: options.until },
    (email, index) =>
      io.out(
        `  ${String(index).padStart(2)}. ${instantIn(email.sentAt, timezone)} (${timezone})  ${email.email.subject}\n`,
      ),
  );
  let index: string;
  try {
    index = writePreview(options.dir, emails, { applicantName: fullName, timezone, now, nextWakeUp });
  } catch (error) {
    io.err(
      `cannot write the emails into ${options.dir}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  if (emails.length === 0) io.out("  (none: this plan sends no email in that span)\n");
  io.out(
    `${nextWakeUp === undefined ? "No further email is armed." : `Stopped at the bound; the next wake-up is ${nextWakeUp.toISOString()}.`}\n` +
      `Wrote ${emails.length} email${emails.length === 1 ? "" : "s"} (links point at ${PREVIEW_ORIGIN}, open nothing); open ${resolve(index)}\n`,
  );
  return 0;
}
