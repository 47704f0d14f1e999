import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { E2E_INBOUND_SMTP_PORT, E2E_MAIL_DIRECTORY } from "../setup/e2e-mail";
import { waitForSinkFile } from "../setup/smtp-sink";
import { openRequest, signIn, openAgentAction } from "./fixtures";

// The email channel end to end (docs/email.md): an agent answers in the console, the customer's mail
// arrives at a real SMTP server, the customer answers it by SMTP to Portico's own receiver, and the
// portal shows the answer without the quoted text — and the solved request is Open again.

test("an agent's reply reaches the customer by email, and the customer's emailed answer reopens the request", async ({ browser }) => {
  test.setTimeout(90_000);
  const subject = `Email round trip ${randomUUID().slice(0, 8)}`;

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "dave@acme.test");
  await expect(customer).toHaveURL(/\/requests$/);
  const requestId = await openRequest(customer, { subject, description: "The nightly export stops at 02:00.", priority: "S3-Tolerable" });

  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, "agent@portico.test", `/agent/requests/${requestId}`);
  const reply = agent.getByRole("form", { name: "Public reply", exact: true });
  await reply.getByLabel("Message").fill("We restarted the exporter. Does it run tonight?");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByRole("status")).toHaveText("Reply sent.");
  const solve = await openAgentAction(agent, "Solve");
  await solve.getByLabel("How it was solved").selectOption("agreed");
  await solve.getByRole("button", { name: "Solve" }).click();
  await expect(solve.getByRole("status")).toHaveText("The request is Solved.");

  // The reply, as the customer's mailbox got it.
  const delivered = await waitForSinkFile(
    E2E_MAIL_DIRECTORY,
    (message) => message.recipients.includes("dave@acme.test") && message.raw.includes(`[#${requestId}]`) && message.raw.includes("exporter"),
    30_000,
  );
  const mail = await simpleParser(delivered.raw);
  expect(mail.subject).toContain(`[#${requestId}]`);
  expect(mail.text).toContain("We restarted the exporter.");
  const replyTo = mail.replyTo?.value[0]?.address ?? "";
  expect(replyTo).toMatch(new RegExp(`^support\\+${requestId}\\.`));

  // The customer answers from their mail client: new words on top, the notification quoted below.
  const quoted = (mail.text ?? "").split("\n").map((line) => `> ${line}`).join("\n");
  const client = nodemailer.createTransport({ host: "127.0.0.1", port: E2E_INBOUND_SMTP_PORT, secure: false, ignoreTLS: true });
  await client.sendMail({
    from: "Dave <dave@acme.test>",
    to: replyTo,
    subject: `Re: ${mail.subject}`,
    inReplyTo: mail.messageId,
    references: [mail.messageId ?? ""],
    text: `It stopped again at 02:00 last night.\n\nOn Monday, Portico Support wrote:\n${quoted}\n`,
  });
  client.close();

  await expect(async () => {
    await customer.goto(`/requests/${requestId}`);
    await expect(customer.getByText("It stopped again at 02:00 last night.")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(customer.getByText("On Monday, Portico Support wrote:")).toHaveCount(0);
  await expect(customer.getByText("Reopened by this email reply")).toBeVisible();
  await expect(customer.getByRole("heading", { level: 1 }).locator("..").getByText("Open", { exact: true })).toBeVisible();
});
