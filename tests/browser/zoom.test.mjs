// Reflow at 200 % zoom (WCAG 1.4.4 / 1.4.10): "the layout works at 320 px wide and at
// 200 % zoom". Chrome's zoom at 200 % of a 1280 × 800 window gives the page a 640 × 400 CSS px
// viewport at 2 device pixels per CSS px (media queries, vw and rem all follow), so that is what
// the browser context here is. Every page, empty and filled/with errors, with and without 大字模式:
// no sideways scrolling, no box or text past the viewport's edges, and the main heading visible.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useServerAndBrowser } from "./support.mjs";

const ZOOM_200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };
const PAGES = ["#/", "#/data", "#/applicants", "#/rules", "#/step/photo", "#/step/pledge", "#/step/info", "#/step/achievements", "#/step/attachments", "#/step/preview", "#/process"];

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

/** A 200 %-zoom page on `hash`, with 大字模式 switched on through its header button if asked. */
async function openZoomed(hash, largeText) {
  const opened = await openApp(browser, server.url, hash, ZOOM_200);
  const { page } = opened;
  const screen = await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio]);
  assert.deepEqual(screen, [640, 400, 2], "the context emulates 200 % of 1280 × 800");
  if (largeText) {
    await page.getByRole("button", { name: "大字模式" }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains("large-text"));
  }
  return opened;
}

/** Goes to `hash` in the same page and waits until its heading has replaced the previous one. */
async function show(page, hash) {
  const previous = await page.locator("#main-heading").textContent();
  await page.goto(server.url + hash);
  await page.waitForFunction((old) => {
    const heading = document.getElementById("main-heading");
    return heading !== null && heading.textContent !== old;
  }, previous);
  await settle(page);
}

/** Two frames: the heading focus and scroll the router schedules have run, layout is current. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Everything that does not fit the viewport's width: the document's scroll width, and every
 * element box and piece of text that sticks out past the left or right edge (an element wholly
 * off screen to the left, like the skip link, is deliberately hidden; so is text inside a ≤ 1 px
 * clipping box, like .visually-hidden).
 */
function measure(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const edge = root.clientWidth;
    const name = (el) => {
      const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "";
      const id = el.id ? "#" + el.id : "";
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30);
      return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ""}`;
    };
    const hiddenOnPurpose = (el) => {
      for (let a = el; a && a !== root; a = a.parentElement) {
        const style = getComputedStyle(a);
        const box = a.getBoundingClientRect();
        if (style.overflowX !== "visible" && box.width <= 1) return true;
        if (style.clip !== "auto" && style.position === "absolute") return true;
      }
      return false;
    };
    const offenders = [];
    const check = (rect, label, el) => {
      if (rect.width === 0 && rect.height === 0) return;
      if (rect.right <= 0) return; // wholly off to the left: hidden on purpose (skip link)
      const tooFarRight = rect.right > edge + 1;
      const tooFarLeft = rect.left < -1;
      if ((tooFarRight || tooFarLeft) && !hiddenOnPurpose(el)) {
        offenders.push(`${label} spans ${Math.round(rect.left)}…${Math.round(rect.right)} px (viewport 0…${edge})`);
      }
    };
    for (const el of document.body.querySelectorAll("*")) {
      check(el.getBoundingClientRect(), name(el), el);
    }
    // Text can overflow a box that itself fits (a long unbreakable word, white-space: nowrap).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !node.parentElement) continue;
      range.selectNodeContents(node);
      check(range.getBoundingClientRect(), `text "${node.textContent.trim().slice(0, 30)}" in ${name(node.parentElement).split(" ")[0]}`, node.parentElement);
    }
    const heading = document.getElementById("main-heading");
    const headingBox = heading?.getBoundingClientRect();
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: edge,
      offenders,
      heading: heading && { text: heading.textContent.trim(), left: headingBox.left, right: headingBox.right },
    };
  });
}

async function assertFits(page, where) {
  await settle(page);
  const { scrollWidth, clientWidth, offenders, heading } = await measure(page);
  assert.ok(scrollWidth <= clientWidth + 1, `${where}: the document scrolls sideways (${scrollWidth} px wide in a ${clientWidth} px viewport)`);
  assert.deepEqual(offenders, [], `${where}: past the viewport's edge:\n${offenders.join("\n")}`);
  assert.ok(heading, `${where}: there is no #main-heading`);
  assert.ok(await page.locator("#main-heading").isVisible(), `${where}: the main heading is not visible`);
  assert.ok(heading.left >= -1 && heading.right <= clientWidth + 1, `${where}: the main heading "${heading.text}" is not within the viewport`);
}

/** A 330 × 450 JPEG made by the page's own canvas (no fixture files needed). */
async function jpegFromCanvas(page) {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 330;
    canvas.height = 450;
    const g = canvas.getContext("2d");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, 330, 450);
    g.fillStyle = "#445566";
    g.fillRect(90, 80, 150, 370);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

for (const largeText of [false, true]) {
  const mode = largeText ? "200 % zoom with 大字模式" : "200 % zoom";

  test(`${mode}: every page reflows into 640 CSS px with its heading in view`, async () => {
    const { context, page, errors } = await openZoomed(PAGES[0], largeText);
    await assertFits(page, `${mode} ${PAGES[0]}`);
    for (const hash of PAGES.slice(1)) {
      await show(page, hash);
      await assertFits(page, `${mode} ${hash}`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("large-text")), largeText);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${mode}: filled pages, entries and error messages reflow too`, async () => {
    const { context, page, errors } = await openZoomed("#/step/photo", largeText);

    // Step 1 with a checked photo (the long file name is shown under it).
    await page.getByLabel("选择证件照文件").setInputFiles({
      name: "证件照_张三_温州某机电有限公司_2024年版_最终确认稿_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.jpg",
      mimeType: "image/jpeg",
      buffer: await jpegFromCanvas(page),
    });
    await page.locator(".photo-result [data-check]").first().waitFor();
    await assertFits(page, `${mode} #/step/photo with a photo`);

    // Step 3: some answers, open 学历 and 工作经历 entries, then 下一步 → the error summary.
    await show(page, "#/step/info");
    await page.getByLabel("姓名", { exact: true }).fill("欧阳张三丰");
    await page.getByLabel("现工作单位名称").fill("温州市鹿城区某某机电设备制造与技术服务有限责任公司第二分公司");
    await page.getByLabel("单位地址").fill("Wenzhou-Lucheng-District-Industrial-Park-Building-12-Room-1203");
    await page.getByRole("button", { name: "添加一条学历" }).click();
    await page.getByRole("button", { name: "添加一条工作经历" }).click();
    await page.getByRole("link", { name: /^下一步/ }).click();
    await page.locator("#error-summary").waitFor();
    await assertFits(page, `${mode} #/step/info with the error summary`);

    // Step 4: entries with scores, a continuing-education year with a wrong number, the breakdown open.
    await show(page, "#/step/achievements");
    for (const [section, row, title] of [
      ["论文著作", "核心期刊论文", "基于多传感器融合的大型机电设备故障诊断与预测性维护方法研究及其在温州地区的应用"],
      ["专利", "发明专利", "一种带自动定位功能的阀门装配夹具"],
    ]) {
      await page.getByRole("button", { name: `添加${section}` }).click();
      const index = await page.locator("fieldset[data-entry]").last().getAttribute("data-entry");
      await page.locator(`#ach-${index}-row`).selectOption({ label: row });
      await page.locator(`#ach-${index}-title`).fill(title);
      await page.locator(`#ach-${index}-rank`).fill("1");
      await page.locator(`#ach-${index}-date`).fill("2021-03-01");
      await page.locator(`[data-entry-score="${index}"]`, { hasText: /计 \d+ 分/ }).waitFor();
    }
    await page.getByRole("button", { name: "添加一年继续教育" }).click();
    await page.locator("#ce-0-year").fill("2021");
    await page.locator("#ce-0-professional").fill("五十");
    await page.locator("#ce-0-professional-error", { hasText: "不是学时数" }).waitFor();
    await page.locator("details.breakdown").evaluateAll((all) => all.forEach((d) => (d.open = true)));
    await assertFits(page, `${mode} #/step/achievements with entries and an error`);

    // Step 6 and the overview with all of the above.
    await show(page, "#/step/preview");
    await assertFits(page, `${mode} #/step/preview with answers and problems`);
    await show(page, "#/");
    await assertFits(page, `${mode} #/ with statuses`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
