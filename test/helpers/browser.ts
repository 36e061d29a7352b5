/** Real Chromium (Debian's package) driven by playwright-core, against the real web host. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findAppRoot } from '../../src/main/core/appRoot';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // The machine has no network: without these flags Chromium keeps dialling Google's hosts.
    // playwright-core gives each launch a fresh temporary profile.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Test artifacts (screenshots, PDFs) kept after the run, in test-results/. */
export function artifactPath(name: string): string {
  const dir = join(findAppRoot(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export function uiDir(): string {
  return join(findAppRoot(), 'dist', 'renderer');
}
