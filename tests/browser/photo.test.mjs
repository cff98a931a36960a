// Step 1 上传证件照 (issue 4): verdicts on screen for real files, 生成合规照片, the photo surviving
// a reload, and the speed figures. Fixtures are written by `cargo run --example make_photo_fixtures`.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openApp, useServerAndBrowser, makePhotoFixtures } from "./support.mjs";

let server;
let browser;
let fixtures;
before(() => (fixtures = makePhotoFixtures()));
useServerAndBrowser((started) => ({ server, browser } = started));

const fixture = (name) => join(fixtures, name);

async function choose(page, name) {
  await page.getByLabel("选择证件照文件").setInputFiles(fixture(name));
}

async function outcomeOf(page, key, scope = page.locator(".photo-result").first()) {
  return scope.locator(`[data-check="${key}"]`).getAttribute("data-outcome");
}

async function textOf(page, key, scope = page.locator(".photo-result").first()) {
  return (await scope.locator(`[data-check="${key}"]`).textContent()).trim();
}

test("a passing photo gets 通过 on every hard check and 已完成 on the overview", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/photo");
  await choose(page, "passing.jpg");
  await page.getByText("硬性要求全部通过").or(page.getByText("全部通过。")).waitFor();
  for (const key of ["type", "size", "pixels", "ratio"]) {
    assert.equal(await outcomeOf(page, key), "pass", key);
  }
  assert.match(await textOf(page, "size"), /58\.6 KB/);
  assert.match(await textOf(page, "pixels"), /330 × 450/);
  assert.match(await textOf(page, "ratio"), /0\.73/);
  await page.locator('[data-check="background"]').first().waitFor();
  assert.equal(await outcomeOf(page, "background"), "pass");
  await page.getByText(/已自动保存/).waitFor();
  await page.goto(server.url + "#/");
  const status = page.locator(".task-list__item", { hasText: "上传证件照" }).locator(".status");
  assert.equal((await status.textContent()).trim(), "已完成");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a too-small photo, a renamed PNG and a 5 MB photo each get their verdict", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/photo");
  await choose(page, "too-small.jpg");
  await page.locator('[data-check="pixels"][data-outcome="fail"]').waitFor();
  assert.match(await textOf(page, "pixels"), /200 × 280 像素：宽 200 须大于 215，高 280 须大于 300/);

  await choose(page, "renamed-png.jpg");
  await page.getByText("文件实际格式为 PNG，请另存为 JPG").waitFor();
  assert.equal(await outcomeOf(page, "type"), "fail");

  await choose(page, "five-mb.jpg");
  await page.locator('[data-check="size"][data-outcome="fail"]').waitFor();
  assert.match(await textOf(page, "size"), /5120\.0 KB（5\.0 MB），平台要求小于 1 MB/);
  assert.equal(await outcomeOf(page, "pixels"), "pass");
  await page.getByText(/有 1 项不符合平台要求/).waitFor();
  await page.goto(server.url + "#/");
  const status = page.locator(".task-list__item", { hasText: "上传证件照" }).locator(".status");
  assert.equal((await status.textContent()).trim(), "有问题");
  await context.close();
});

test("生成合规照片 turns an oversized photo into one that passes, and it survives a reload", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/photo");
  await choose(page, "landscape-4000x3000-1mb.jpg");
  await page.locator('[data-check="ratio"][data-outcome="fail"]').waitFor();
  assert.equal(await outcomeOf(page, "size"), "fail");

  await page.getByRole("button", { name: "生成合规照片" }).click();
  const generated = page.locator('[data-generated="true"]');
  await generated.waitFor();
  for (const key of ["type", "size", "pixels", "ratio"]) {
    assert.equal(await outcomeOf(page, key, generated), "pass", key);
  }
  assert.match(await textOf(page, "pixels", generated), /295 × 413/);
  await page.getByRole("button", { name: "使用这张照片" }).click();
  await page.locator(".photo-result figcaption", { hasText: "证件照-一寸-295x413.jpg" }).first().waitFor();
  await page.getByText(/已自动保存/).waitFor();
  // Let IndexedDB finish its write before the reload.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("zhicheng-yanlian.draft") ?? "{}").photo?.generated === true);

  await page.reload();
  await page.locator(".photo-result figcaption", { hasText: "证件照-一寸-295x413.jpg" }).first().waitFor();
  await page.locator('.photo-result [data-check="pixels"]').first().waitFor();
  assert.match(await textOf(page, "pixels"), /295 × 413/);
  const loaded = await page.locator(".id-frame img").first().evaluate((img) => img.decode().then(() => img.naturalWidth));
  assert.equal(loaded, 295);
  assert.deepEqual(errors, []);
  await context.close();
});

test("删除照片 asks first, then removes the photo", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/photo");
  await choose(page, "passing.jpg");
  await page.locator('[data-check="size"]').first().waitFor();
  const focused = (id) => page.waitForFunction((id) => document.activeElement?.id === id, id);
  await page.getByRole("button", { name: "删除照片" }).click();
  await focused("delete-photo-dialog");
  await page.getByRole("button", { name: "取消" }).click();
  await focused("delete-photo-button");
  assert.equal(await page.locator(".photo-result").count(), 1);
  await page.getByRole("button", { name: "删除照片" }).click();
  await focused("delete-photo-dialog");
  await page.keyboard.press("Escape");
  await focused("delete-photo-button");
  await page.getByRole("button", { name: "删除照片" }).click();
  await page.getByRole("button", { name: "确定删除" }).click();
  await page.locator(".photo-result").waitFor({ state: "detached" });
  await focused("photo-file");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "上传证件照" }).waitFor();
  assert.equal(await page.locator(".photo-result").count(), 0);
  await context.close();
});

test("speed: a 1 MB 4000 × 3000 verdict within 300 ms, a 20 MB file refused within 50 ms", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/photo");
  const verdictMs = () =>
    page.locator(".checks[data-verdict-ms]").first().getAttribute("data-verdict-ms").then(Number);
  // Three tries each, the median reported: one slow try on a busy machine is not the app.
  const oneMbTries = [];
  const twentyMbTries = [];
  for (let i = 0; i < 3; i++) {
    await choose(page, "landscape-4000x3000-1mb.jpg");
    await page.locator('[data-check="ratio"][data-outcome="fail"]').waitFor();
    oneMbTries.push(await verdictMs());
    await choose(page, "twenty-mb.jpg");
    await page.getByText(/太大（20\.0 MB），本工具不读取超过 15 MB 的文件/).waitFor();
    twentyMbTries.push(await verdictMs());
  }
  assert.match(await textOf(page, "size"), /文件有 20\.0 MB.*请先用手机或电脑把照片缩小/);
  const median = (xs) => [...xs].sort((a, b) => a - b)[1];
  const oneMb = median(oneMbTries);
  const twentyMb = median(twentyMbTries);
  console.log(
    `photo verdict: 1 MB 4000×3000 JPEG in ${oneMb} ms (tries ${oneMbTries.join(", ")}); 20 MB file refused in ${twentyMb} ms (tries ${twentyMbTries.join(", ")})`,
  );
  assert.ok(oneMb < 300, `1 MB verdict took ${oneMb} ms`);
  assert.ok(twentyMb < 50, `20 MB refusal took ${twentyMb} ms`);
  await context.close();
});

test("a photo dropped on the page is checked like a chosen one", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/photo");
  const bytes = [...readFileSync(fixture("passing.jpg"))];
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], "拖进来的照片.jpg", { type: "image/jpeg" }));
    const zone = document.querySelector(".dropzone");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await page.locator('[data-check="pixels"][data-outcome="pass"]').waitFor();
  await page.locator(".photo-result figcaption", { hasText: "拖进来的照片.jpg" }).first().waitFor();
  await context.close();
});

test("leaving the page while a photo is still being read, checked or stored never breaks the app", async () => {
  // Each round leaves a little later, so the page is gone at a different point of the async work.
  for (const delay of [0, 5, 20, 60, 150]) {
    const { context, page, errors } = await openApp(browser, server.url, "#/step/photo");
    await choose(page, "landscape-4000x3000-1mb.jpg");
    await page.waitForTimeout(delay);
    await page.evaluate(() => (location.hash = "#/step/pledge"));
    await page.getByRole("heading", { level: 1, name: "真实性保证书" }).waitFor();
    await page.waitForTimeout(400);
    assert.deepEqual(errors, [], `left after ${delay} ms`);
    assert.equal(await page.locator(".fatal").count(), 0, `left after ${delay} ms`);
    await context.close();
  }
});

test("a generated photo not used: 下一步 asks; 使用这张照片 shows the result where the applicant looks; zoom too far is refused with the most it can", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/photo");
  await choose(page, "landscape-4000x3000-1mb.jpg");
  await page.locator('[data-check="ratio"][data-outcome="fail"]').waitFor();
  await page.locator("#zoom").fill("200");
  assert.match(await page.locator('label[for="zoom"]').textContent(), /200%/);
  await page.getByRole("button", { name: "生成合规照片" }).click();
  await page.locator('[data-generated="true"]').waitFor();
  assert.match(await textOf(page, "pixels", page.locator('[data-generated="true"]')), /295 × 413/);

  // 下一步 without 使用这张照片: asked, not silently kept.
  await page.getByRole("link", { name: /^下一步/ }).click();
  const question = page.locator("#unused-photo-question");
  await question.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "unused-photo-question");
  assert.match(await question.textContent(), /生成的合规照片还没有使用。.*它不符合平台要求/);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "上传证件照");
  await question.getByRole("button", { name: "取消" }).click();
  await question.waitFor({ state: "detached" });

  // 使用这张照片: the result above takes focus, in view, and says it is the generated one.
  await page.getByRole("button", { name: "使用这张照片" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "photo-checks-title");
  const used = page.locator("[data-used-generated]");
  await used.waitFor();
  const box = await used.boundingBox();
  const height = page.viewportSize().height;
  assert.ok(box.y >= 0 && box.y + box.height <= height, `the result is at ${box.y} px in a ${height} px window`);
  assert.equal(await outcomeOf(page, "ratio"), "pass");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("zhicheng-yanlian.draft") ?? "{}").photo?.generated === true);
  // Nothing is pending now: 下一步 goes on.
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.getByRole("heading", { level: 1, name: "真实性保证书" }).waitFor();

  // Generated again and left: 下一步 → 使用生成的照片，下一步 keeps the new one and goes on.
  await page.goto(server.url + "#/step/photo");
  await choose(page, "landscape-4000x3000-1mb.jpg");
  await page.locator('[data-check="ratio"][data-outcome="fail"]').waitFor();
  await page.getByRole("button", { name: "生成合规照片" }).click();
  await page.locator('[data-generated="true"]').waitFor();
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.getByRole("button", { name: "使用生成的照片，下一步" }).click();
  await page.getByRole("heading", { level: 1, name: "真实性保证书" }).waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("zhicheng-yanlian.draft") ?? "{}").photo?.generated === true);

  // A small picture cannot be zoomed far.
  await page.goto(server.url + "#/step/photo");
  await choose(page, "passing.jpg");
  await page.locator('[data-check="ratio"]').first().waitFor();
  await page.locator("#zoom").fill("300");
  await page.getByRole("button", { name: "生成合规照片" }).click();
  await page.getByText(/放大到 300% 后只剩 .* 像素，达不到平台要求的大于 215 × 300。这张照片最多放大到 \d+%/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
