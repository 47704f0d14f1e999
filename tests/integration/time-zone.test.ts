import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatDateTime } from "@/i18n/format";
import { acceptChat, endChat } from "@/server/chat/chat-actions";
import { setChatAvailability } from "@/server/chat/presence";
import { startChat } from "@/server/chat/start-chat";
import { renderRequestMail } from "@/server/mail/templates";
import { adoptBrowserTimeZone, getTimeZone, updateTimeZone } from "@/server/people/time-zone";
import { createRequest } from "@/server/requests/create-request";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Each person's time zone (docs/product.md §8): chosen on the profile page, or adopted from the
// browser while they have none; every date on their pages and in their mail is shown in it.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const viewer = (email: string) => viewerFor(seeded.db, email, NOW);
const savedZone = async (email: string) => (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { timeZone: true } })).timeZone;

describe("choosing a time zone", () => {
  it("saves a valid IANA zone, and the next request's viewer carries it", async () => {
    const bob = await viewer("bob@acme.test");
    expect(bob.person.timeZone).toBeNull();
    expect(await updateTimeZone(seeded.db, bob, { timeZone: "Asia/Seoul" })).toEqual({ ok: true, timeZone: "Asia/Seoul" });
    expect(await savedZone("bob@acme.test")).toBe("Asia/Seoul");
    expect((await viewer("bob@acme.test")).person.timeZone).toBe("Asia/Seoul");
    expect(await getTimeZone(seeded.db, bob)).toEqual({ ok: true, timeZone: "Asia/Seoul" });
    // Another name of a zone is kept in the spelling the zone list uses.
    expect(await updateTimeZone(seeded.db, bob, { timeZone: "Asia/Kolkata" })).toEqual({ ok: true, timeZone: canonicalTimeZone("Asia/Kolkata") });
    expect(await updateTimeZone(seeded.db, bob, { timeZone: "UTC" })).toEqual({ ok: true, timeZone: "UTC" });
  });

  it.each([
    ["an offset", "+09:00", "invalid"],
    ["an abbreviation", "KST", "invalid"],
    ["an unknown zone", "Mars/Olympus_Mons", "invalid"],
    ["a path", "../../etc/passwd", "invalid"],
    ["an empty choice", "", "invalid"],
    ["a number", 9, "invalid"],
    ["nothing", undefined, "required"],
  ])("refuses %s and changes nothing", async (_, timeZone, code) => {
    const carol = await viewer("carol@acme.test");
    await updateTimeZone(seeded.db, carol, { timeZone: "Europe/Rome" });
    expect(await updateTimeZone(seeded.db, carol, { timeZone })).toEqual({ ok: false, reason: "invalid", fieldErrors: { timeZone: code } });
    expect(await savedZone("carol@acme.test")).toBe("Europe/Rome");
  });
});

describe("the browser's time zone", () => {
  it("becomes the person's while they have none, and never replaces one", async () => {
    const dave = await viewer("dave@acme.test");
    expect(await adoptBrowserTimeZone(seeded.db, dave, { timeZone: "America/New_York" })).toEqual({ ok: true, adopted: true });
    expect(await savedZone("dave@acme.test")).toBe("America/New_York");
    // Travelling: another browser zone later changes nothing.
    expect(await adoptBrowserTimeZone(seeded.db, dave, { timeZone: "Asia/Tokyo" })).toEqual({ ok: true, adopted: false });
    expect(await savedZone("dave@acme.test")).toBe("America/New_York");
    // A browser's nonsense is refused like the form's.
    const erin = await viewer("erin@acme.test");
    expect(await adoptBrowserTimeZone(seeded.db, erin, { timeZone: "GMT+9 (KST)" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await savedZone("erin@acme.test")).toBeNull();
  });
});

describe("mail in the recipient's time zone", () => {
  it("quotes the message's time in the zone given, UTC when none", async () => {
    const base = {
      kind: "agent_reply" as const,
      locale: "en" as const,
      recipientName: "Bob",
      request: { id: 1042, subject: "Dashboard", status: "pending" as const, solvedReason: null, mergedIntoId: null },
      message: { authorName: "Jane Agent", body: "Hello", at: new Date("2025-06-03T23:30:00Z") },
      requestUrl: "https://help.example.com/requests/1042",
      preferencesUrl: "https://help.example.com/settings/notifications",
      unsubscribeUrl: "https://help.example.com/unsubscribe/t",
      supportName: "Example Support",
    };
    const seoul = await renderRequestMail({ ...base, timeZone: "Asia/Seoul" });
    expect(seoul.text).toContain("June 4, 2025");
    expect(seoul.text).toContain("8:30");
    expect(seoul.text).toContain("GMT+9");
    const utc = await renderRequestMail(base);
    expect(utc.text).toContain("June 3, 2025");
    expect(utc.text).toContain("11:30");
    expect(utc.text).toContain("UTC");
  });
});

describe("mail sent in the recipient's saved zone", () => {
  const mailTo = (requestId: number, toAddress: string) => seeded.db.outboundMail.findMany({ where: { requestId, toAddress }, select: { subject: true, text: true } });

  it("quotes a new request's description at its time in Seoul for its requester, and in UTC for agents without a zone", async () => {
    const gina = await viewer("gina@globex.test");
    expect(await updateTimeZone(seeded.db, gina, { timeZone: "Asia/Seoul" })).toMatchObject({ ok: true });
    const opened = await createRequest(seeded.db, await viewer("gina@globex.test"), { subject: `Zones ${randomUUID().slice(0, 6)}`, description: "What time is it?", priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const { createdAt } = await seeded.db.request.findUniqueOrThrow({ where: { id: opened.id }, select: { createdAt: true } });
    const [acknowledgement] = await mailTo(opened.id, "gina@globex.test");
    expect(acknowledgement?.text).toContain(formatDateTime(createdAt, "en", "Asia/Seoul"));
    const [toAgent] = await mailTo(opened.id, "agent@portico.test");
    expect(toAgent?.text).toContain(formatDateTime(createdAt, "en", "UTC"));
  });

  it("writes a chat transcript's times in the customer's zone", async () => {
    const jiho = await viewer("jiho@globex.test");
    expect(await updateTimeZone(seeded.db, jiho, { timeZone: "America/New_York" })).toMatchObject({ ok: true });
    const agent = await viewer("agent@portico.test");
    expect(await setChatAvailability(seeded.db, agent, { available: "available" })).toMatchObject({ ok: true });
    const started = await startChat(seeded.db, await viewer("jiho@globex.test"), { message: "Hello, what time is it?", submissionKey: randomUUID() });
    if (!started.ok || started.mode !== "chat") throw new Error(JSON.stringify(started));
    expect(await acceptChat(seeded.db, await viewer("agent@portico.test"), { chatId: started.chatId })).toMatchObject({ ok: true });
    expect(await endChat(seeded.db, await viewer("jiho@globex.test"), { chatId: started.chatId })).toMatchObject({ ok: true });
    const { startedAt } = await seeded.db.chatSession.findUniqueOrThrow({ where: { id: started.chatId }, select: { startedAt: true } });
    const mails = await mailTo(started.requestId, "jiho@globex.test");
    // Ji-ho reads Korean: the transcript's date is in his language, its time in New York's zone.
    const transcript = mails.find((mail) => mail.text.includes(formatDateTime(startedAt, "ko", "America/New_York")));
    expect(transcript?.text).toContain("Hello, what time is it?");
    expect(mails.some((mail) => mail.text.includes(formatDateTime(startedAt, "ko", "UTC")))).toBe(false);
  });
});
