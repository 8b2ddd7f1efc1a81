import { createHmac } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../admin-ui/src/api/types';
import { messages } from '../../admin-ui/src/messages';

/**
 * Debian's chromium, headless; the flags keep it from phoning home or needing a GPU or sandbox.
 * `extraArgs` add to them, e.g. a fake camera.
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PANGOLIN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A fresh English-speaking browser profile, so stored languages and cookies never leak between tests. */
export function newContext(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? 'en-GB',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
}

/** The web app is part of `npm run build`; the server serves it only when it exists at its start. */
export { ensureBuilt as ensureWebAppBuilt } from './build';

export const demoPassword = 'pangolin-demo';

/** The demo accounts of the contract, one role each. */
export const demoAccounts: ReadonlyArray<{ email: string; role: Role }> = [
  { email: 'applicant@demo.test', role: 'applicant' },
  { email: 'ma@demo.test', role: 'ma_officer' },
  { email: 'sa@demo.test', role: 'sa_officer' },
  { email: 'customs@demo.test', role: 'customs_officer' },
  { email: 'designer@demo.test', role: 'form_designer' },
  { email: 'publisher@demo.test', role: 'form_publisher' },
  { email: 'admin@demo.test', role: 'admin' },
  { email: 'auditor@demo.test', role: 'auditor' },
];

export const en = messages.en;

/** Fills in and sends the sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(en.email).fill(email);
  await page.getByLabel(en.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: en.signIn, exact: true }).click();
}

/** A fresh profile signed in as a demo account, on the home page. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const page = await (await newContext(browser, { viewport })).newPage();
  await page.goto(`${baseUrl}/`);
  await signIn(page, email, demoPassword);
  await page.getByRole('heading', { level: 1, name: en.homeTitle }).waitFor();
  return page;
}

/** The names of the main menu's links, in order. */
export async function menuLabels(page: Page, navigationName: string = en.mainNavigation): Promise<string[]> {
  const links = page.getByRole('navigation', { name: navigationName }).getByRole('link');
  return (await links.allTextContents()).map((text) => text.trim());
}

/** Follows a link of the main menu, which is open on a desktop-sized screen. */
export async function openFromMenu(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: en.mainNavigation })
    .getByRole('link', { name: label, exact: true })
    .click();
}

/** A machine client of the API with a bearer token, for arranging what a test needs. */
export class ApiUser {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string, totp?: string): Promise<ApiUser> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, ...(totp ? { totp } : {}) }),
    });
    if (response.status !== 200) {
      throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
    }
    const { token } = (await response.json()) as { token: string };
    return new ApiUser(baseUrl, token);
  }

  async call<T>(method: string, pathname: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export const totpStepSeconds = 30;

export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / totpStepSeconds);
}

/** RFC 6238: HMAC-SHA1 over the 30-second step counter, dynamically truncated to `digits` digits. */
export function totp(secret: string, atMs: number = Date.now(), digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(totpStep(atMs)));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const number = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 10 ** digits).padStart(digits, '0');
}

/**
 * A code from a step later than `usedStep`, waiting for the next step if need be: the server
 * accepts each step's code once, so the code that enabled TOTP cannot also sign in.
 */
export async function freshTotp(secret: string, usedStep: number): Promise<string> {
  while (totpStep(Date.now()) <= usedStep) {
    const nextStepAt = (usedStep + 1) * totpStepSeconds * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, nextStepAt - Date.now() + 50)));
  }
  return totp(secret);
}
