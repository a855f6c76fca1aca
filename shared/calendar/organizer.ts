/**
 * The ORGANIZER of an interview's calendar file from the sender Matchpath's emails come from
 * (`SENDER_ADDRESS`), which may be an RFC 5322 mailbox with a display name ("Matchpath
 * <reminders@example.org>") or a bare address. The calendar's CAL-ADDRESS is `mailto:` the address
 * alone (RFC 5545 §3.3.3), the name goes in CN; a calendar app applies a cancellation only from the
 * event's organizer, so a name left inside the address makes the
 * METHOD:CANCEL file not match. Shape: { name, email }, as ical-generator's organizer takes it.
 */
export function organizerOf(sender: string): { name: string; email: string } {
  const mailbox = /^\s*(.*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(sender);
  if (mailbox === null) return { name: "Matchpath", email: sender.trim() };
  const name = (mailbox[1] ?? "").replace(/^"(.*)"$/, "$1").trim();
  return { name: name === "" ? "Matchpath" : name, email: mailbox[2] ?? "" };
}
