import type busboy from "busboy";

/**
 * Reads the text fields of a multipart/form-data body (RFC 7578) with busboy, a streaming parser
 * that finds the delimiter from the Content-Type's `boundary` parameter, whatever text the parts
 * hold. Files are skipped; the first value of a repeated field wins. Resolves undefined when the
 * body is not multipart under that boundary (no boundary, no closing delimiter, bad part headers).
 * busboy is imported on the first multipart body: few requests carry one, and a cold start need not.
 */
export async function multipartFields(
  contentType: string,
  body: Uint8Array,
): Promise<Map<string, string> | undefined> {
  const { default: createParser } = await import("busboy");
  return new Promise((resolve) => {
    const fields = new Map<string, string>();
    let parser: busboy.Busboy;
    try {
      parser = createParser({
        headers: { "content-type": contentType },
        // One-click and form bodies are small; these bound a hostile one.
        limits: { fields: 100, fieldSize: 64 * 1024, parts: 100, files: 0 },
      });
    } catch {
      resolve(undefined);
      return;
    }
    parser.on("field", (name, value) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("error", () => resolve(undefined));
    parser.on("close", () => resolve(fields));
    parser.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
}
