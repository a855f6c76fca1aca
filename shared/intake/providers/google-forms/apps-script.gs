/**
 * Matchpath — Google Forms connector (Apps Script). Paste this whole file into the form's script editor.
 *
 * What it does: on every form submission, it sends the answers to Matchpath as
 *   POST <MATCHPATH_URL>   (e.g. https://api.example.org/intake/google-forms)
 *   { "formId": "<form id>", "responseId": "<response id>", "namedValues": { "<question title>": ["answer", ...] } }
 * signed per Standard Webhooks (https://www.standardwebhooks.com): HMAC-SHA256 over
 * "<webhook-id>.<webhook-timestamp>.<body>" with the base64 key after "whsec_", sent as the headers
 * webhook-id, webhook-timestamp and webhook-signature ("v1,<base64>").
 *
 * Setup (once per form):
 *   1. In the form: ⋮ menu > Script editor. Replace the editor's contents with this file. Save.
 *   2. Project Settings (gear) > Script properties > add
 *        MATCHPATH_URL     https://<your api>/intake/google-forms
 *        MATCHPATH_SECRET  whsec_...   (the same value as GOOGLE_FORMS_SECRET on the Matchpath side)
 *      The secret lives in script properties, never in this code.
 *   3. Editor: choose the function "installTrigger" and press Run once; accept the permissions
 *      (it needs: view the form, connect to an external service). This installs the "On form submit"
 *      trigger; running it again does not add a second one.
 *   4. Submit a test response; Executions (left bar) shows each delivery and Matchpath's answer.
 *
 * Matchpath is idempotent on responseId, so a retried delivery never creates a second applicant.
 */

const MATCHPATH_HANDLER = "sendToMatchpath";
const MATCHPATH_MAX_ATTEMPTS = 3;

/** Installs the form-submit trigger that calls sendToMatchpath (run once from the editor). */
// biome-ignore lint/correctness/noUnusedVariables: run by hand from the Apps Script editor
function installTrigger() {
  const form = FormApp.getActiveForm();
  const triggers = ScriptApp.getProjectTriggers();
  for (let i = 0; i < triggers.length; i++) {
    if (triggers[i].getHandlerFunction() === MATCHPATH_HANDLER) return;
  }
  ScriptApp.newTrigger(MATCHPATH_HANDLER).forForm(form).onFormSubmit().create();
}

/** The installable "On form submit" trigger's handler: e.response is the FormResponse just submitted. */
// biome-ignore lint/correctness/noUnusedVariables: called by the trigger that installTrigger creates
function sendToMatchpath(e) {
  const props = PropertiesService.getScriptProperties();
  const url = props.getProperty("MATCHPATH_URL");
  const secret = props.getProperty("MATCHPATH_SECRET");
  if (!url || !secret)
    throw new Error("Set MATCHPATH_URL and MATCHPATH_SECRET in Project Settings > Script properties");

  const response = e.response;
  const body = JSON.stringify({
    formId: FormApp.getActiveForm().getId(),
    responseId: response.getId(),
    namedValues: matchpathNamedValues(response),
  });
  // Send exactly the bytes that were signed: UTF-8 of the JSON text.
  const bytes = Utilities.newBlob(body).getBytes();
  const messageId = `msg_${response.getId().replace(/[^A-Za-z0-9_-]/g, "")}`;

  for (let attempt = 1; attempt <= MATCHPATH_MAX_ATTEMPTS; attempt++) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const result = UrlFetchApp.fetch(url, {
      method: "post",
      contentType: "application/json",
      payload: bytes,
      headers: {
        "webhook-id": messageId,
        "webhook-timestamp": timestamp,
        "webhook-signature": matchpathSign(secret, messageId, timestamp, body),
      },
      muteHttpExceptions: true,
      followRedirects: false,
    });
    const status = result.getResponseCode();
    if (status >= 200 && status < 300) return;
    // 4xx (other than 429) will not change on retry: show Matchpath's problem report in Executions.
    if (status < 500 && status !== 429) {
      throw new Error(`Matchpath refused the response (${status}): ${result.getContentText()}`);
    }
    if (attempt < MATCHPATH_MAX_ATTEMPTS) Utilities.sleep(2000 * attempt);
  }
  throw new Error(`Matchpath did not accept the response after ${MATCHPATH_MAX_ATTEMPTS} attempts`);
}

/** Question title -> list of answers (checkboxes give several; grids are flattened row by row). */
function matchpathNamedValues(response) {
  const named = {};
  const items = response.getItemResponses();
  for (let i = 0; i < items.length; i++) {
    const title = items[i].getItem().getTitle();
    const answer = items[i].getResponse();
    const list = [];
    matchpathFlatten(answer, list);
    named[title] = list;
  }
  const email = response.getRespondentEmail();
  if (email && !Object.hasOwn(named, "Email address")) named["Email address"] = [email];
  return named;
}

function matchpathFlatten(value, into) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) matchpathFlatten(value[i], into);
    return;
  }
  into.push(String(value));
}

/** Standard Webhooks v1 signature: base64(HMAC-SHA256(base64decode(secret without whsec_), id.timestamp.body)). */
function matchpathSign(secret, messageId, timestamp, body) {
  const key = Utilities.base64Decode(secret.replace(/^whsec_/, ""));
  const message = Utilities.newBlob(`${messageId}.${timestamp}.${body}`).getBytes();
  return `v1,${Utilities.base64Encode(Utilities.computeHmacSha256Signature(message, key))}`;
}
