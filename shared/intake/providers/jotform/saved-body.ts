import type { ProviderRequest } from "../common.ts";

/**
 * A saved Jotform body back into the request Jotform would send (for `npm run forms -- check`):
 * Jotform posts a form, so the parser needs its content type, given or guessed from the body
 * (multipart when it starts with "--", JSON when with "{", else urlencoded); a saved multipart body
 * that lost its CRLF line ends (git, editors) gets them back, as HTTP requires.
 */
export function jotformSavedRequest(body: Buffer, contentType?: string): ProviderRequest {
  const type = contentType ?? guessContentType(body);
  const rawBody =
    type.startsWith("multipart/") && !body.includes("\r\n")
      ? Buffer.from(body.toString("latin1").replace(/\n/g, "\r\n"), "latin1")
      : body;
  return { rawBody, headers: { "content-type": type } };
}

function guessContentType(body: Buffer): string {
  const start = body.subarray(0, 200).toString("latin1");
  if (start.startsWith("--")) {
    const boundary = start.slice(2).split(/\r?\n/)[0]?.trim() ?? "";
    return `multipart/form-data; boundary=${boundary}`;
  }
  if (start.trimStart().startsWith("{")) return "application/json";
  return "application/x-www-form-urlencoded";
}
