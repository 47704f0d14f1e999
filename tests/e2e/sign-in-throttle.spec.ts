import { expect, test } from "@playwright/test";
import { signInWithForm } from "./fixtures";

// Password guessing (review finding 2): after a few wrong passwords the form asks to wait, with the
// same words whether or not the account exists. Each test comes from its own address.

for (const email of ["gina@globex.test", "no-such-person@globex.test"]) {
  test(`guessing at ${email} is slowed down, and the answer does not tell whether the account exists`, async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": email.startsWith("gina") ? "203.0.113.10" : "203.0.113.11" });
    const alert = page.getByRole("main").getByRole("alert");
    // A few wrong passwords get the ordinary answer.
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signInWithForm(page, email, `guess-${attempt}`);
      await expect(alert).toHaveText("The email or password is incorrect.");
    }
    // Then each failure makes the next attempt wait twice as long, so a quick guesser is soon told to wait.
    const answers: string[] = [];
    for (let attempt = 5; attempt <= 12 && !answers.at(-1)?.startsWith("Too many"); attempt++) {
      await signInWithForm(page, email, `guess-${attempt}`);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
      await expect(alert).not.toHaveText("");
      answers.push((await alert.textContent()) ?? "");
    }
    expect(answers.at(-1)).toBe("Too many sign-in attempts. Wait a few seconds, then try again.");
    await expect(page).toHaveURL(/\/signin/);
  });
}
