/** A print route rendered to PDF in real Chromium, read back with poppler (pdftotext, pdfinfo, pdftoppm). */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { artifactPath } from './browser';

export interface Printed {
  /** pdftotext -layout output. */
  text: string;
  /** The same without any whitespace: table cells and letter spacing split words apart. */
  flat: string;
  pages: number;
  /** Page size in points, from pdfinfo. */
  width: number;
  height: number;
}

/**
 * Renders `#route` of the web host at `baseUrl` to `<name>.pdf` in test-results/ as the browser's
 * print makes it (the CSS page size wins, so a landscape sheet stays landscape), with a PNG of page 1.
 */
export async function printRoute(page: Page, baseUrl: string, route: string, name: string): Promise<Printed> {
  // A fresh load each time: a hash change alone could find the previous form's ready marker.
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#${route}`);
  await page.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 });
  // A string: this file is type-checked without the DOM library.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.emulateMedia({ media: 'print' });
  const pdf = artifactPath(`${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, artifactPath(name)]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info);
  return { text, flat: text.replace(/\s+/g, ''), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}
