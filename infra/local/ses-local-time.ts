import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import type { Clock } from "#ports/clock.ts";
import { aroundSendEmail } from "./ses-send-middleware.ts";

/**
 * The local clock's instant each message was sent at, in the emulator's inbox. aws-ses-v2-local
 * stamps a message with the real second it stored it, and its inbox page (`/`) dates each email by
 * that: with the local clock moved (MATCHPATH_CLOCK, POST /local/clock) an email saying "due today"
 * sat beside a date weeks away. The local stack adds the local clock's instant as a header of its
 * own (the emulator keeps a message's headers), and serves the emulator's page with its "At" line
 * reading that header. The store's `at` stays the real second: `GET /store?since=` reads by it.
 */
export const LOCAL_CLOCK_HEADER = "X-Matchpath-Local-Clock";

/** The factory with every SES client it builds stamping what it sends with `clock`'s instant. */
export function stampingLocalClock(clients: AwsClientFactory, clock: Clock): AwsClientFactory {
  return aroundSendEmail(clients, "localClockStamp", (input, send) => {
    const simple = input.Content?.Simple;
    if (simple === undefined) return send(input);
    const stamp = { Name: LOCAL_CLOCK_HEADER, Value: clock.now().toISOString() };
    const Simple = { ...simple, Headers: [...(simple.Headers ?? []), stamp] };
    return send({ ...input, Content: { ...input.Content, Simple } });
  });
}

/** The emulator page's line dating an email by the real second it was stored. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the page's own template text, matched as written.
const STORED_AT_LINE = "<p><b>At:</b> ${new Date(e.at * 1000)}</p>";
/** Its replacement: a placeholder of the page's template for each email `e` (escape is the page's). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the page's template text, written as it reads there.
const LOCAL_AT_LINE = "<p><b>At:</b> ${escape(matchpathSentAt(e))}</p>";
/** The page's script line that LOCAL_AT_LINE's function goes before. */
const SCRIPT_ANCHOR = "const seenEmails = {}";
/** The function LOCAL_AT_LINE calls: the stamp's instant and the real time, or the real time alone. */
const SENT_AT_FUNCTION = `const matchpathSentAt = (e) => { const stamp = (e.headers || []).find((h) => h.name.toLowerCase() === '${LOCAL_CLOCK_HEADER.toLowerCase()}'); const real = new Date(e.at * 1000); return stamp ? new Date(stamp.value) + ' (the local clock; stored ' + real.toLocaleString() + ' real time)' : String(real); };`;

/**
 * The emulator's inbox page with each email dated by the local clock's instant it was sent at
 * (LOCAL_CLOCK_HEADER), the real time beside it; an email without the header (sent by another
 * client) keeps the real time alone. Undefined when the package's page no longer has the lines this
 * changes (a new version): the stack then serves the emulator's own page.
 */
export function localClockInboxPage(): string | undefined {
  const entry = createRequire(import.meta.url).resolve("aws-ses-v2-local");
  const page = readFileSync(new URL("../static/index.html", pathToFileURL(entry)), "utf8");
  if (!page.includes(STORED_AT_LINE) || !page.includes(SCRIPT_ANCHOR)) return undefined;
  return page
    .replace(STORED_AT_LINE, LOCAL_AT_LINE)
    .replace(SCRIPT_ANCHOR, `${SENT_AT_FUNCTION}\n        ${SCRIPT_ANCHOR}`);
}
