// Backups (issue 8, first part): export one file with the draft and its files; import it in a
// fresh browser after confirmation; a damaged file is refused with a message and changes nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startStaticServer, launchBrowser, openApp } from "./support.mjs";
import { makePdf, file } from "./pdf-fixtures.mjs";

let server;
let browser;
before(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

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
  await fresh.page.getByText(/会替换本机现在的填写内容/).waitFor();
  await fresh.page.getByRole("button", { name: "确定导入" }).click();
  await fresh.page.getByText(/已导入/).waitFor();
  await fresh.page.goto(server.url + "#/step/attachments");
  await fresh.page.locator('[data-evidence="continuing_education"] [data-check="pages"][data-outcome="pass"]').waitFor();
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
