// Provably private (issue 8): every request of a whole journey goes to the app's own files, and
// the Content-Security-Policy refuses any other connection.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SUB_PATH, useServerAndBrowser, makePhotoFixtures } from "./support.mjs";
import { makePdf, file } from "./pdf-fixtures.mjs";

let server;
let browser;
let fixtures;
before(() => (fixtures = makePhotoFixtures()));
useServerAndBrowser((started) => ({ server, browser } = started));

test("a whole journey requests nothing but the app's own files", async () => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  const origin = new URL(server.url).origin;

  await page.goto(server.url + "#/");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.goto(server.url + "#/step/photo");
  await page.getByLabel("选择证件照文件").setInputFiles(join(fixtures, "passing.jpg"));
  await page.locator('[data-check="background"]').first().waitFor();
  await page.getByRole("button", { name: "生成合规照片" }).click();
  await page.locator('[data-generated="true"]').waitFor();
  await page.goto(server.url + "#/step/pledge");
  await page.getByLabel("本人已阅读并承诺").check();
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("张三");
  await page.goto(server.url + "#/step/achievements");
  await page.getByRole("button", { name: "添加论文著作" }).click();
  await page.goto(server.url + "#/step/attachments");
  await page.locator("#evidence-continuing_education").setInputFiles(file("继续教育.pdf", "application/pdf", makePdf(2)));
  await page.locator('[data-evidence="continuing_education"] [data-check="pages"]').waitFor({ state: "attached" });
  await page.goto(server.url + "#/step/preview");
  await page.getByRole("button", { name: "打印 / 保存为 PDF" }).waitFor();
  await page.emulateMedia({ media: "print" });
  await page.pdf({ format: "A4" });
  await page.emulateMedia({ media: "screen" });
  await page.goto(server.url + "#/");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出备份" }).click(),
  ]);
  const backup = readFileSync(await download.path());
  await page.getByLabel(/导入备份/).setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: backup });
  // 张三 is already on the list: the import asks, and becomes a second applicant.
  await page.getByRole("button", { name: "作为新申报人「张三（2）」导入" }).click();
  await page.getByText(/已导入为新申报人「张三（2）」/).waitFor();
  await page.goto(server.url + "#/data");
  await page.getByRole("heading", { level: 1, name: "数据去哪儿了" }).waitFor();
  // Plain words on the page (issue 16); the storage names and the F12 proof behind two folds.
  const jargon = /localStorage|IndexedDB|Service Worker|F12|Network|Content-Security-Policy/;
  assert.doesNotMatch(await page.locator("main").innerText(), jargon);
  for (const fold of await page.locator("main details > summary").all()) await fold.click();
  assert.match(await page.locator("main").innerText(), /IndexedDB/);
  assert.match(await page.locator("main").innerText(), /F12/);

  const foreign = requests.filter(
    (url) => !(url.startsWith(origin + SUB_PATH) || url.startsWith("blob:") || url.startsWith("data:")),
  );
  console.log(`privacy: ${requests.length} requests during the journey, ${foreign.length} elsewhere`);
  assert.deepEqual(foreign, []);
  assert.ok(requests.length > 3);

  // Once the app runs, the browser itself refuses any connection — even to the app's own site,
  // which would otherwise answer — and reports the policy that refused it.
  const attempt = (url) =>
    page.evaluate(async (url) => {
      const violations = [];
      const listener = (event) => violations.push(event.effectiveDirective);
      document.addEventListener("securitypolicyviolation", listener);
      const outcome = await fetch(url).then(
        () => "sent",
        (error) => error.name,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      document.removeEventListener("securitypolicyviolation", listener);
      return { outcome, violations };
    }, url);
  for (const url of [server.url + "index.html", "http://127.0.0.2:9/leak"]) {
    const { outcome, violations } = await attempt(url);
    assert.equal(outcome, "TypeError", url);
    assert.ok(violations.length > 0 && violations.every((d) => d === "connect-src"), `${url}: ${violations}`);
  }
  const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((m) => m.content));
  assert.equal(policies.length, 2);
  assert.match(policies[0], /connect-src 'self'/, "index.html's policy lets the .wasm load");
  assert.match(policies[0], /form-action 'none'/);
  assert.match(policies[0], /default-src 'none'/);
  assert.equal(policies[1], "connect-src 'none'", "the app then forbids every connection");
  await context.close();
});

test("清除本机全部数据 needs the typed word, then removes every draft and file", async () => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("要清除的人");
  await page.goto(server.url + "#/step/attachments");
  await page.locator("#evidence-continuing_education").setInputFiles(file("继续教育.pdf", "application/pdf", makePdf(2)));
  await page.locator('[data-evidence="continuing_education"][data-state="ok"]').waitFor();
  await page.goto(server.url + "#/data");
  await page.locator("[data-usage]", { hasText: "MB" }).waitFor();
  const button = page.getByRole("button", { name: "清除本机全部数据" });
  assert.equal(await button.isDisabled(), true);
  await page.getByLabel(/请输入「清除」两个字确认/).fill("清");
  assert.equal(await button.isDisabled(), true);
  await page.getByLabel(/请输入「清除」两个字确认/).fill("清除");
  await button.click();
  await page.getByText(/已清除：申报人 1 位及其填写内容、照片和佐证文件 1 个/).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("zhicheng-yanlian.")));
  assert.deepEqual(keys, []);
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.ok(!databases.includes("zhicheng-yanlian"), databases.join(","));
  // The durable copy of the drafts (persist/journal.rs) goes too: nothing comes back on restart.
  assert.ok(!databases.includes("zhicheng-yanlian-journal"), databases.join(","));
  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "");
  await context.close();
});
