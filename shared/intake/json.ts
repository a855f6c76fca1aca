import { InvalidInputError, LimitExceededError } from "#errors";

/**
 * How deep a JSON body may nest (objects and arrays). The deepest document Matchpath reads is a
 * provider's form payload, about 8 levels (Typeform: event → form_response → answers → choice →
 * labels); 32 leaves room for any form tool while keeping every later walk of the value (zod,
 * JSON.stringify, the mappers), all of them recursive, far from the stack's limit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The depth of the deepest object or array in a JSON text, counted without parsing and without
 * recursion, stopping as soon as it passes `limit`. Brackets inside strings do not count. Used on
 * text that will be parsed next: for invalid JSON the number means nothing, and the parse says why.
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return deepest;
}

/**
 * The text without a leading byte order mark (U+FEFF). Many Windows editors save JSON with one, and
 * RFC 8259 §8.1 lets a parser ignore it: every JSON door reads through here, so none refuses it.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * JSON.parse for request bodies (a leading byte order mark ignored): a document nested deeper than MAX_JSON_DEPTH is refused (422,
 * naming `path`) before it is parsed, and a syntax error is invalid input (400), never a crash.
 */
export function parseJsonText(withMark: string, what: string, path = "(body)"): unknown {
  const text = withoutByteOrderMark(withMark);
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new LimitExceededError(
      `${what} nests deeper than ${MAX_JSON_DEPTH} levels`,
      [{ path, message: `must nest at most ${MAX_JSON_DEPTH} levels of objects and arrays` }],
      422,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InvalidInputError(`${what} is not JSON`, [{ path, message: "must be valid JSON" }], {
      cause,
    });
  }
}
