import { MAX_BODY_BYTES } from "#http/request.ts";
import { withoutByteOrderMark } from "#intake/json.ts";

/**
 * A snapshot file's text as JSON, read as the webhook reads a body: over its limit it is refused
 * before parsing (the webhook answers 413), a leading byte order mark is ignored, and text that is not
 * JSON is refused. `refused` is the problem's words for the `(root)` path.
 */
export function snapshotJson(text: string): { json: unknown } | { refused: string } {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_BODY_BYTES)
    return {
      refused: `${bytes.toLocaleString("en-US")} bytes, over the intake's limit of ${MAX_BODY_BYTES / 1024} KB (the webhook answers 413)`,
    };
  try {
    return { json: JSON.parse(withoutByteOrderMark(text)) };
  } catch (error) {
    return { refused: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
