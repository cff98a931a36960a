// How long every step is, on a phone (390 × 844) and a laptop (1366 × 768), for an applicant who
// has chosen 助理工程师 and nothing else: printed for the record, and step 3's limits asserted.
// Before issue 16's redesign this test measured step 3 at 8 247 px on the phone (commit d7bb289,
// no CJK font installed), its verdict 3 208 px below 申报级别's top; it must stay at most half
// that, with the verdict within one screen of 申报级别.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useServerAndBrowser } from "./support.mjs";

const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  laptop: { viewport: { width: 1366, height: 768 } },
};
const STEPS = ["photo", "pledge", "info", "achievements", "attachments", "preview"];
/** Half of step 3's height on the phone before issue 16 (8 247 px, measured by this test). */
const INFO_PHONE_LIMIT = 4123;

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function show(page, step) {
  await page.goto(`${server.url}#/step/${step}`);
  await page.locator("#main-heading").filter({ hasText: /./ }).waitFor();
  await page.waitForFunction((s) => location.hash === `#/step/${s}`, step);
  await settle(page);
  await page.waitForTimeout(200);
}

for (const [screen, options] of Object.entries(SCREENS)) {
  test(`heights of every step on the ${screen} for a 助理工程师`, async () => {
    const { context, page, errors } = await openApp(browser, server.url, "#/step/info", options);
    await page.locator("#level").selectOption({ label: "助理工程师" });
    await page.getByText("已自动保存").waitFor();
    const heights = {};
    for (const step of STEPS) {
      await show(page, step);
      heights[step] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
    await show(page, "info");
    const gap = await page.evaluate(() => {
      const level = document.getElementById("level").closest(".field").getBoundingClientRect();
      const verdict = document.querySelector("[data-eligibility]").getBoundingClientRect();
      return Math.round(verdict.bottom - level.top);
    });
    console.log(`${screen} ${options.viewport.width}×${options.viewport.height}: ` +
      STEPS.map((s) => `${s} ${heights[s]} px`).join(", ") + `; step 3 申报级别 → verdict ${gap} px`);
    if (screen === "phone") {
      assert.ok(heights.info <= INFO_PHONE_LIMIT, `step 3 is ${heights.info} px on the phone, limit ${INFO_PHONE_LIMIT}`);
      assert.ok(gap <= options.viewport.height, `the verdict ends ${gap} px below 申报级别's top, more than one screen`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a step 3 left without 下一步 comes back without red; 下一步 then shows every problem", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.locator("#level").selectOption({ label: "助理工程师" });
  await page.getByLabel("出生日期").fill("1990-05-01");
  await page.getByLabel("参加工作时间").fill("1989-07-01");
  await page.getByText("已自动保存").waitFor();
  await page.getByRole("link", { name: "返回总览" }).click();
  await page.locator(".task-list__item").first().waitFor();
  await show(page, "info");
  assert.equal(await page.locator("#error-summary").count(), 0, "no error summary on return");
  assert.equal(await page.locator(".field--error").count(), 0, "no field marked red on return");
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.locator("#error-summary").waitFor();
  assert.match(await page.locator("#work-start-date-error").textContent(), /参加工作时间早于出生日期/);
  assert.deepEqual(errors, []);
  await context.close();
});
