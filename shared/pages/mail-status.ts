import { escapeHtml as e } from "./layout.ts";

/**
 * Why Matchpath sends the applicant no email, if it does not: their own one-click unsubscribe, or
 * the address's suppression after a bounce or a spam complaint (the suppression list's reasons).
 */
export type MailStopped = "unsubscribe" | "bounce" | "complaint";

/** What "Subscribe again" did (the store's ResubscribeOutcome). */
export type ResubscribeResult = "resubscribed" | "already-subscribed" | "bounce" | "complaint";

const STILL_WORKS = "Your timeline and your calendar feed keep working and stay up to date.";

/**
 * Why no email comes, in the applicant's words. Only an unsubscribe can be undone from a link: the
 * applicant stopped the mail with one click, so one click may start it again. A complaint (the
 * mailbox reported an email as spam) or a bounce (the address cannot receive mail) is the mail
 * system's verdict on the address, which a link in a forwarded or old email must not overrule.
 */
export function mailStoppedText(reason: MailStopped): { heading: string; detail: string } {
  switch (reason) {
    case "unsubscribe":
      return {
        heading: "You are unsubscribed",
        detail: `You stopped Matchpath's emails with one click, so none is planned. ${STILL_WORKS}`,
      };
    case "bounce":
      return {
        heading: "Matchpath cannot email you",
        detail: `Mail to your address bounced (it could not be delivered), so Matchpath stopped sending. ${STILL_WORKS} To get emails again, ask your advisor to update your email address.`,
      };
    case "complaint":
      return {
        heading: "Matchpath no longer emails you",
        detail: `One of its emails was reported as spam from your mailbox, so Matchpath stopped sending, and a link cannot undo that. ${STILL_WORKS} If the report was a mistake, tell your advisor: only whoever runs Matchpath can lift it.`,
      };
  }
}

/** The timeline's email section when no email comes: says so instead of listing next emails. */
export function mailStoppedSection(reason: MailStopped, preferencesUrl: string): string {
  const { heading, detail } = mailStoppedText(reason);
  const way =
    reason === "unsubscribe"
      ? `<p><a href="${e(preferencesUrl)}">Subscribe again on your email preferences page</a></p>`
      : "";
  return `<section aria-labelledby="emails"><h2 id="emails">Your emails</h2>
<p class="note critical"><strong>${e(heading)}.</strong> ${e(detail)}</p>
${way}</section>`;
}

/** The preferences page's banner: the state of the subscription, with the way back when there is one. */
export function subscriptionBanner(input: {
  stopped?: MailStopped;
  unsubscribedOn?: string;
  resubscribe?: ResubscribeResult;
  formAction: string;
}): string {
  if (input.resubscribe === "resubscribed") {
    return `<p class="note" role="status"><strong>You are subscribed again.</strong> Matchpath plans your next emails now, following the choices below.</p>`;
  }
  if (input.resubscribe === "already-subscribed") {
    return `<p class="note" role="status">You are already subscribed; nothing changed.</p>`;
  }
  if (input.stopped === undefined) return "";
  const { heading, detail } = mailStoppedText(input.stopped);
  const since = input.unsubscribedOn ? ` (since ${e(input.unsubscribedOn)})` : "";
  if (input.stopped !== "unsubscribe") {
    return `<div class="note critical"${input.resubscribe ? ' role="status"' : ""}><p><strong>${e(heading)}.</strong> ${e(detail)}</p></div>`;
  }
  return `<div class="note critical"><p><strong>${e(heading)}</strong>${since}. ${e(detail)} The choices below apply once you subscribe again.</p>
<form method="post" action="${e(input.formAction)}"><button type="submit" class="primary" name="intent" value="resubscribe">Subscribe again</button></form>
<p class="due">You stopped the emails yourself, so you can start them again here. Had your mail provider reported an email as spam, or had mail to your address bounced, this page could not undo it.</p></div>`;
}
