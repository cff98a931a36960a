// Backups (issue 8): export one file with the draft and its files; import it in a fresh browser as
// a new applicant; a name already on the list asks first; a damaged file is refused and nothing
// changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openApp, useServerAndBrowser } from "./support.mjs";
import { makePdf, file } from "./pdf-fixtures.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

test("导出备份 then 导入备份 in another browser restores the draft and its files", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("备份张三");
  await page.goto(server.url + "#/step/attachments");
  await page.locator("#evidence-continuing_education").setInputFiles(file("继续教育.pdf", "application/pdf", makePdf(2)));
  await page.locator('[data-evidence="continuing_education"][data-state="ok"]').waitFor();
  await page.goto(server.url + "#/");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出备份" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^职称申报演练备份-备份张三\d{4}-\d\d-\d\d\.json$/);
  const path = await download.path();
  const text = readFileSync(path, "utf8");
  assert.match(text, /"format":"zhicheng-yanlian-backup"/);
  await page.getByText(/含 1 个文件/).waitFor();
  await context.close();

  const fresh = await openApp(browser, server.url, "#/");
  await fresh.page.getByLabel(/导入备份/).setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(text) });
  // A first visit's blank, unnamed applicant takes the import: no empty entry is left beside it.
  await fresh.page.getByText(/已导入申报人「备份张三」/).waitFor();
  assert.equal(await fresh.page.locator("[data-current-applicant]").textContent(), "备份张三");
  await fresh.page.goto(server.url + "#/applicants");
  assert.deepEqual(await fresh.page.locator(".applicant__name").allTextContents(), ["备份张三"]);
  await fresh.page.goto(server.url + "#/step/attachments");
  await fresh.page.locator('[data-evidence="continuing_education"] [data-check="pages"][data-outcome="pass"]').waitFor({ state: "attached" });
  await fresh.page.goto(server.url + "#/step/info");
  assert.equal(await fresh.page.getByLabel("姓名", { exact: true }).inputValue(), "备份张三");
  await fresh.context.close();
});

test("a damaged or foreign backup is refused and nothing changes", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("原来的人");
  await page.goto(server.url + "#/");
  const input = page.getByLabel(/导入备份/);
  await input.setInputFiles({ name: "cut.json", mimeType: "application/json", buffer: Buffer.from('{"format":"zhicheng-yanlian-backup","format_version":1,"draft":{"vers') });
  await page.getByText(/没有导入：备份文件不完整/).waitFor();
  await input.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"hello":1}') });
  await page.getByText(/没有导入：.*不是本工具导出的备份/).waitFor();
  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "原来的人");
  await context.close();
});

test("importing a backup of an applicant already on the list asks: as a new one, replace, or cancel", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("王五");
  await page.getByLabel("民族").fill("汉族");
  await page.goto(server.url + "#/");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出备份" }).click(),
  ]);
  const backup = readFileSync(await download.path());
  // Change the draft after the export, so that replacing it is visible.
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("民族").fill("");
  await page.goto(server.url + "#/");
  const input = page.getByLabel(/导入备份/);
  const offer = () => input.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: backup });

  await offer();
  await page.getByText("本机已有名为「王五」的申报人。", { exact: false }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "import-dialog");
  await page.getByRole("button", { name: "取消" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "backup-file");
  await page.goto(server.url + "#/applicants");
  assert.equal(await page.locator(".applicant").count(), 1, "cancel adds nobody");

  await page.goto(server.url + "#/");
  await offer();
  await page.getByRole("button", { name: "替换「王五」的内容" }).click();
  await page.getByText(/已用备份替换申报人「王五」的内容/).waitFor();
  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("民族").inputValue(), "汉族");

  await page.goto(server.url + "#/");
  await offer();
  await page.getByRole("button", { name: "作为新申报人「王五（2）」导入" }).click();
  await page.getByText(/已导入为新申报人「王五（2）」/).waitFor();
  await page.goto(server.url + "#/applicants");
  assert.deepEqual(await page.locator(".applicant__name").allTextContents(), ["王五", "王五（2）"]);
  assert.match(await page.locator(".applicant", { hasText: "王五（2）" }).textContent(), /最后保存于/, "an import is listed as saved");

  // Replacing an applicant who is not the one being edited: their draft changes, then they open.
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("民族").fill("");
  await page.goto(server.url + "#/applicants");
  await page.getByRole("button", { name: "切换到「王五」" }).click();
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("民族").fill("回族");
  await page.goto(server.url + "#/applicants");
  await page.getByRole("button", { name: "切换到「王五（2）」" }).click();
  await page.goto(server.url + "#/");
  await offer();
  await page.getByRole("button", { name: "替换「王五」的内容" }).click();
  await page.getByText(/已用备份替换申报人「王五」的内容/).waitFor();
  assert.equal(await page.locator("[data-current-applicant]").textContent(), "王五");
  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("民族").inputValue(), "汉族");
  await page.goto(server.url + "#/applicants");
  assert.deepEqual(await page.locator(".applicant__name").allTextContents(), ["王五", "王五（2）"]);
  await context.close();
});
