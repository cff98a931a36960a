// A browser killed by force (power cut, task manager, a phone ending the app) right after the
// header says 已自动保存 must not lose what it said was saved (issue 16). Playwright's own browser
// keeps its profile in memory, so this starts Debian's chromium itself with a profile folder on
// disk, talks to it over its debugging port, kills it with SIGKILL and starts it again on the
// same folder.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startStaticServer, CHROMIUM_ARGS } from "./support.mjs";
import { makePdf, file } from "./pdf-fixtures.mjs";

const server = await startStaticServer();
after(() => server.close());

/** Starts chromium on `profile` and connects to it; `kill()` ends it as a crash would. */
async function startChromium(profile) {
  const portFile = join(profile, "DevToolsActivePort");
  rmSync(portFile, { force: true });
  const child = spawn(
    process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"],
    // Its own process group, so a kill ends the renderers and helpers with it, as a crash does.
    { stdio: "ignore", detached: true },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const killAll = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  };
  const deadline = Date.now() + 20_000;
  while (!existsSync(portFile) || readFileSync(portFile, "utf8").split("\n").length < 2) {
    if (Date.now() > deadline) throw new Error("chromium did not open its debugging port");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const port = readFileSync(portFile, "utf8").split("\n")[0].trim();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    page,
    errors,
    kill: async () => {
      killAll();
      await exited;
    },
    close: async () => {
      await browser.close().catch(() => {});
      killAll();
      await exited;
    },
  };
}

/**
 * Does `action`, then waits until the save indicator has gone from 正在保存… to 已自动保存 (an
 * 已自动保存 still showing from an earlier save does not count).
 */
async function savedAfter(page, action) {
  await page.evaluate(() => {
    window.__saved = false;
    let pending = false;
    new MutationObserver(() => {
      const state = document.querySelector(".save-state")?.textContent ?? "";
      if (state.includes("正在保存")) pending = true;
      else if (pending && state.includes("已自动保存")) window.__saved = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await action();
  await page.waitForFunction(() => window.__saved === true);
}

test("killed at once after 已自动保存: the typed name and the uploaded file are there after a restart", async () => {
  const profile = mkdtempSync(join(tmpdir(), "zhicheng-profile-"));
  const lost = [];
  // Three kills, each straight after 已自动保存: a typed field, a second edit, an upload.
  // Starts chromium on the profile with step 3 open; returns it and its 姓名 field.
  const openStep3 = async () => {
    const started = await startChromium(profile);
    await started.page.goto(server.url + "#/step/info");
    const name = started.page.getByLabel("姓名", { exact: true });
    await name.waitFor();
    return [started, name];
  };
  let [browser, name] = await openStep3();
  try {
    await savedAfter(browser.page, () => name.fill("王一"));
    await browser.kill();

    const [second, again] = await openStep3();
    browser = second;
    if ((await again.inputValue()) !== "王一") lost.push(`first edit: ${await again.inputValue()}`);
    await savedAfter(browser.page, () => again.fill("王二"));
    const typed = Date.now();
    await savedAfter(browser.page, () => browser.page.getByLabel(/^身份证号/).fill("330302199001011234"));
    // The 300 ms pause after typing, then localStorage and the journal's write to disk.
    console.log(`typed → 已自动保存 in ${Date.now() - typed} ms`);
    await browser.kill();

    const [restarted, third] = await openStep3();
    browser = restarted;
    if ((await third.inputValue()) !== "王二") lost.push(`second edit: ${await third.inputValue()}`);
    if ((await browser.page.getByLabel(/^身份证号/).inputValue()) !== "330302199001011234") lost.push("身份证号码");
    await browser.page.goto(server.url + "#/step/attachments");
    const item = browser.page.locator('[data-evidence="continuing_education"]');
    await item.waitFor();
    await savedAfter(browser.page, () =>
      browser.page.locator("#evidence-continuing_education").setInputFiles(file("继续教育.pdf", "application/pdf", makePdf(2))),
    );
    await item.locator('[data-check="pages"][data-outcome="pass"]').waitFor({ state: "attached" });
    await browser.kill();

    browser = await startChromium(profile);
    await browser.page.goto(server.url + "#/step/attachments");
    const after = browser.page.locator('[data-evidence="continuing_education"]');
    await after.waitFor();
    // The stored file is read back and checked again on start: its name and checks return.
    await after.locator('[data-check="pages"][data-outcome="pass"]').waitFor({ state: "attached", timeout: 5_000 }).catch(() => lost.push("upload"));
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    // A helper process may still be finishing a write for a moment after the kill.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
  assert.deepEqual(lost, [], `lost after a kill: ${lost.join("; ")}`);
});
