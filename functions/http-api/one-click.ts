import { multipartFields } from "./form-data.ts";

/**
 * Whether a form body carries the RFC 8058 one-click field `List-Unsubscribe=One-Click`, as
 * application/x-www-form-urlencoded or multipart/form-data (RFC 7578, read by a real parser with
 * the boundary from the header, so any valid boundary works, even one whose text occurs in the
 * part). RFC 8058's own §8.3 example prints its delimiter lines without the extra leading "--"
 * (reported erratum); a boundary starting with "--" is therefore also tried as that example uses it.
 */
export async function isOneClickForm(contentType: string | undefined, body: Buffer): Promise<boolean> {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") {
    return new URLSearchParams(body.toString("utf8").trim()).get("List-Unsubscribe")?.trim() === "One-Click";
  }
  if (type !== "multipart/form-data" || contentType === undefined) return false;
  const oneClick = async (header: string) =>
    (await multipartFields(header, body))?.get("List-Unsubscribe")?.trim() === "One-Click";
  if (await oneClick(contentType)) return true;
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  return (
    boundary?.startsWith("--") === true && oneClick(`multipart/form-data; boundary="${boundary.slice(2)}"`)
  );
}
