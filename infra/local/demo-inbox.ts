import type { DemoApplicant } from "./demo-applicants.ts";
import type { StoredEmail } from "./ses-local.ts";

/** The demo's requests and what it reads back from the SES emulator's inbox (`GET /store`). */

/** Ends the demo: the message on stderr, exit code 1. */
export function fail(message: string): never {
  process.stderr.write(`✗ ${message}\n`);
  process.exit(1);
}

/** A request whose body is parsed as JSON when it is JSON; an unreachable server ends the demo. */
export async function request<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    fail(
      `Cannot reach ${url} (${error instanceof Error ? error.message : String(error)}). Is \`npm start\` running?`,
    );
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the message.
  }
  return { status: response.status, body: body as T };
}

/** The emails in the inbox sent to any of `addresses` (lower case). */
export async function emailsTo(inbox: string, addresses: ReadonlySet<string>): Promise<StoredEmail[]> {
  const reply = await request<{ emails: StoredEmail[] }>(`${inbox}/store`);
  if (reply.status !== 200) fail(`The SES emulator at ${inbox} answered ${reply.status}`);
  return reply.body.emails.filter((email) =>
    email.destination.to.some((to) => addresses.has(to.toLowerCase())),
  );
}

/**
 * The escalation emails the consenting applicants' advisors got (one per critical risk or missed
 * step), so the demo says where to look at one; the advisors' daily digests are not counted here.
 */
export async function reportEscalations(inbox: string, applicants: readonly DemoApplicant[]): Promise<void> {
  const advisors = new Set(
    applicants.flatMap(({ snapshot: { applicant } }) =>
      applicant.escalateToAdvisor && applicant.advisorEmail ? [applicant.advisorEmail.toLowerCase()] : [],
    ),
  );
  if (advisors.size === 0) return;
  const escalations = (await emailsTo(inbox, advisors)).filter((email) =>
    email.subject.includes(" needs attention: "),
  );
  process.stdout.write(
    `\n${escalations.length} escalation email(s) to advisors (the applicant consented):\n`,
  );
  for (const email of escalations)
    process.stdout.write(`  - to ${email.destination.to.join(", ")}: "${email.subject}"\n`);
}

/**
 * The newest of the emails whose first action button opens a confirmation page that can record
 * something (a form to confirm with), if any. A 200 alone is not enough: a step of a season that is
 * over answers 200 "Nothing to record".
 */
export async function newestWorkingEmail(emails: readonly StoredEmail[]): Promise<StoredEmail | undefined> {
  for (let index = emails.length - 1; index >= 0; index -= 1) {
    const email = emails[index];
    const link = /https?:\/\/\S+\/actions\?[^\s)>\]"]+/.exec(email?.body.text ?? "")?.[0];
    if (email === undefined || link === undefined) continue;
    const response = await fetch(link);
    const page = await response.text();
    if (response.status === 200 && page.includes('<form method="post"')) return email;
  }
  return undefined;
}
