import { resolve } from "node:path";
import { fieldProblems } from "#domain/field-problems.ts";
import { type Preferences, PreferencesSchema } from "#domain/preferences.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { previewEmails } from "./email-preview.ts";
import { instantIn, writePreview } from "./email-preview-files.ts";
import { PREVIEW_APPLICANT_ID, PREVIEW_ORIGIN } from "./preview-ports.ts";
import { snapshotJson } from "./snapshot-json.ts";

/**
 * `npm run plan -- <snapshot.json> --emails <dir>`: the applicant as the intake stores a new one
 * (no ledger, no stored plan), with the preferences of the `preferences` file (a snapshot carries
 * none: absent, the defaults), signed up at `signedUp` (else `now`), its emails previewed from `now`
 * (email-preview.ts) and written into `dir` (email-preview-files.ts), one progress line each.
 * Exit 0; 1 when a file cannot be read or written; 2 preferences the page would refuse.
 */
export async function runEmailPreview(
  snapshot: ApplicantSnapshot,
  options: {
    dir: string;
    count: number;
    until: Date | undefined;
    preferences: string | undefined;
    now: Date;
    signedUp: string | undefined;
  },
  io: { readFile(path: string): string; out(text: string): void; err(text: string): void },
): Promise<number> {
  const { now } = options;
  const preferences =
    options.preferences === undefined ? undefined : readPreferences(options.preferences, io);
  if (typeof preferences === "number") return preferences;
  const signedUpAt = options.signedUp ?? now.toISOString();
  const state: ApplicantState = {
    profile: {
      ...snapshot.applicant,
      applicantId: PREVIEW_APPLICANT_ID,
      createdAt: signedUpAt,
      updatedAt: now.toISOString(),
      ...(preferences === undefined ? {} : { preferences }),
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

/** The preferences file, as the preferences page would save it; else the exit code, the problems printed. */
function readPreferences(
  path: string,
  io: { readFile(path: string): string; err(text: string): void },
): Preferences | number {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    io.err(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const read = snapshotJson(text);
  const parsed = "refused" in read ? undefined : PreferencesSchema.safeParse(read.json);
  if (parsed?.success) return parsed.data;
  const problems =
    parsed === undefined
      ? [{ path: "(root)", message: "refused" in read ? read.refused : "" }]
      : fieldProblems(parsed.error);
  io.err(
    `invalid preferences in ${path}:\n${problems.map((each) => `  ${each.path}: ${each.message}`).join("\n")}\n`,
  );
  return 2;
}
