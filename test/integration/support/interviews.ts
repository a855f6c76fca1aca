import type { StoredEmail } from "#local/ses-local.ts";
import { step2Applicant, type TestApplicant } from "./applicants.ts";
import { clockTo, drainStream, postWebhook } from "./local-stack.ts";

/** An attachment as the SES emulator stores it (content base64). */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** The attachments of a stored email (none: an empty list). */
export function attachmentsOf(email: StoredEmail | undefined): StoredAttachment[] {
  return (email as { attachments?: StoredAttachment[] } | undefined)?.attachments ?? [];
}

/**
 * The Step 2 CK applicant (step2Applicant) with one virtual interview in Chicago, sent as her
 * intake on 20 October 2026 and planned (the stream drained). Returns the HTTP status of the intake.
 */
export async function applicantWithInterview(interview: {
  id: string;
  program: string;
  startsAt: string;
}): Promise<{ applicant: TestApplicant; status: number }> {
  const applicant = step2Applicant();
  applicant.snapshot.interviews = [{ ...interview, timezone: "America/Chicago", format: "virtual" }];
  await clockTo("2026-10-20T00:00:00Z");
  const { status } = await postWebhook(applicant.snapshot);
  await drainStream();
  return { applicant, status };
}
