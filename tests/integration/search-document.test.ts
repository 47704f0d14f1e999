import { describe, expect, it } from "vitest";
import { prepareSeededDatabase } from "../setup/seeded-database";

// A request's search document (docs/PERFORMANCE.md, "1. Search: one search document per request"):
// its subject and description, its public replies and its chats — never an internal note. The
// triggers keep it; an internal note, which is in no document, leaves the request's row unwritten,
// and so does a change that leaves the document as it was.

const seeded = prepareSeededDatabase();
const REQUEST = 1001;
const AGENT = "seed-user-agent";

/** The request row's version (xmin changes whenever the row is rewritten) and what its document finds. */
async function requestRow(word: string) {
  const [row] = await seeded.db.$queryRaw<{ version: string; finds: boolean }[]>`
    SELECT xmin::text AS version, "documentVector" @@ portico_search_query(${word}) AS finds FROM "Request" WHERE id = ${REQUEST}`;
  return row!;
}

describe("the request's search document", () => {
  it("takes in a public reply, and lets it go when it is made internal or removed", async () => {
    const word = "marmoset";
    const reply = await seeded.db.comment.create({ data: { requestId: REQUEST, authorId: AGENT, body: `The ${word} export works again.` }, select: { id: true } });
    expect((await requestRow(word)).finds).toBe(true);
    await seeded.db.comment.update({ where: { id: reply.id }, data: { visibility: "internal" } });
    expect((await requestRow(word)).finds).toBe(false);
    await seeded.db.comment.update({ where: { id: reply.id }, data: { visibility: "public" } });
    expect((await requestRow(word)).finds).toBe(true);
    await seeded.db.comment.delete({ where: { id: reply.id } });
    expect((await requestRow(word)).finds).toBe(false);
  });

  it("never holds an internal note, and writing, editing or removing one leaves the request's row as it was", async () => {
    const word = "quokka";
    const before = await requestRow(word);
    const note = await seeded.db.comment.create({ data: { requestId: REQUEST, authorId: AGENT, body: `Asked the ${word} team.`, visibility: "internal" }, select: { id: true } });
    await seeded.db.comment.update({ where: { id: note.id }, data: { body: `Asked the ${word} team twice.` } });
    await seeded.db.comment.delete({ where: { id: note.id } });
    expect(await requestRow(word)).toEqual({ version: before.version, finds: false });
  });

  it("leaves the request's row alone when a reply changes in a way the document does not show", async () => {
    const word = "axolotl";
    const reply = await seeded.db.comment.create({ data: { requestId: REQUEST, authorId: AGENT, body: `The ${word} chart is fixed.` }, select: { id: true } });
    const before = await requestRow(word);
    // The same words again: the document is the same, so the row is not rewritten.
    await seeded.db.comment.update({ where: { id: reply.id }, data: { body: `The ${word} chart is fixed.` } });
    expect(await requestRow(word)).toEqual(before);
  });
});
