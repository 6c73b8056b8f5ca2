// The BTT web app (app/) in a real browser: headless Chromium (Debian's `chromium`) driven by
// puppeteer-core against a dev node. The Supply page shows the 210M supply and the white
// paper's release table; on the Account page Alice stakes through the form (the chain's quote
// first, a bad amount refused with the error's documentation), sees her position and tier, and
// once the stake has matured Close pays the reward. Screenshots of each page are written to
// $BTT_E2E_ARTIFACTS (default tests/e2e/artifacts/).
//
// The dev spec runs here with 1-block days and governance (sudo) sets the 30-day tier to its
// shortest term, 7 days, so a stake matures in 7 blocks: the production code path, a short
// calendar.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import puppeteer from 'puppeteer-core';

import { serveDirectory } from '../../app/serve.mjs';
import { signAndWait, useDevNode } from './lib/node.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const UNIT = 10n ** 18n;
const CHROMIUM = process.env.BTT_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(process.env.BTT_E2E_ARTIFACTS ?? path.join(here, 'artifacts'));
/** How long the page may take to show what the chain says. */
const PAGE_WAIT_MS = 60_000;

describe('the BTT web app in Chromium (dev chain, 1-block days)', () => {
  const dev = useDevNode({ genesis: { dayLength: 1 } });
  let dist;
  let server;
  let browser;
  let page;
  let appUrl;
  const browserErrors = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (Debian's chromium package; BTT_CHROMIUM overrides)`);
    dist = mkdtempSync(path.join(os.tmpdir(), 'btt-app-'));
    execFileSync(process.execPath, [path.join(here, '../../app/build.mjs'), dist], { stdio: 'ignore' });
    server = await serveDirectory(dist);
    appUrl = `http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(dev.node.wsUrl)}`;
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      protocolTimeout: 120_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => browserErrors.push(error.message));
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** Opens `hash` and waits until the page has read the chain. */
  async function open(hash) {
    await page.goto(`${appUrl}#${hash}`);
    await page.waitForSelector(`#page[data-page="${hash}"][data-ready="true"]`, { timeout: PAGE_WAIT_MS });
  }

  const text = (selector) => page.$eval(selector, (element) => element.textContent);
  const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, `app-${name}.png`), fullPage: true });

  it('Supply shows the 210,000,000 BTT supply and the white paper beside the chain', async () => {
    await open('supply');
    await page.waitForFunction(
      () => document.querySelector('#card-total-supply .value')?.textContent === '210,000,000 BTT',
      { timeout: PAGE_WAIT_MS },
    );
    const periods = await page.$$eval('#release tr[data-period]', (rows) =>
      rows.map((row) => [...row.cells].slice(0, 3).map((cell) => cell.textContent)),
    );
    assert.deepEqual(periods, [
      ['2025', '22%', '22%'],
      ['2026', '18%', '40%'],
      ['2027', '15%', '55%'],
      ['2028', '12%', '67%'],
      ['2029', '10%', '77%'],
      ['2030+', '23%', '100%'],
    ]);
    // The allocation table as the chain reports it: one row per line of the table.
    const rows = await dev.api.call.bttVestingApi.rows();
    assert.equal(await page.$$eval('#rows tr', (r) => r.length - 1), rows.length);
    assert.ok(await page.$('#release-chart'), 'the release chart');
    await shot('supply');
  });

  it('Account: Alice sees the quote, a bad amount is refused by name, she stakes, and Close pays the reward', async () => {
    const api = dev.api;
    const alice = dev.keyring.addFromUri('//Alice');
    const term = (await api.query.bttStaking.terms('Days30')).unwrap();
    const { dispatchError } = await signAndWait(
      api,
      api.tx.sudo.sudo(api.tx.bttStaking.setTerm('Days30', { ...term.toJSON(), days: 7 })),
      alice,
    );
    assert.equal(dispatchError, null);

    await open('account');
    await page.select('#account-select', alice.address);
    await page.waitForSelector('#page[data-page="account"][data-ready="true"] #stake-form', { timeout: PAGE_WAIT_MS });
    await page.select('#stake-tier', 'Days30');

    // Below the tier's minimum: the chain's quote refuses it with the error's documentation.
    await page.type('#stake-amount', '10');
    await page.waitForSelector('#quote-error', { timeout: PAGE_WAIT_MS });
    assert.equal(await text('#quote-error'), "bttStaking.BelowMinimum: The stake is below the tier's minimum.");
    assert.equal(await page.$eval('#stake-submit', (b) => b.disabled), true);

    // 1,000 BTT for 7 days at 3%: the quote is the chain's, shown before signing.
    await page.$eval('#stake-amount', (input) => (input.value = ''));
    await page.type('#stake-amount', '1000');
    await page.waitForSelector('#quote-table', { timeout: PAGE_WAIT_MS });
    const reward = (1_000n * UNIT * 30_000n * 7n) / (1_000_000n * 365n);
    const quoted = (await api.call.bttStakingApi.quote(alice.address, 'Days30', 1_000n * UNIT)).asOk;
    assert.equal(quoted.reward.toBigInt(), reward);
    assert.equal(await text('#quote-paid'), `${formatBtt(reward)} BTT`);
    await shot('account-quote');

    await page.click('#stake-submit');
    await page.waitForSelector('#positions tr[data-position]', { timeout: PAGE_WAIT_MS });
    await page.waitForFunction(() => document.querySelector('#card-tier .value')?.textContent === '30 days', {
      timeout: PAGE_WAIT_MS,
    });
    const [position] = (await api.query.bttStaking.positions(alice.address)).unwrap();
    assert.equal(position.reward.toBigInt(), reward);
    await shot('account-staked');

    // The stake matures after 7 one-block days: Close is enabled and pays the reward.
    const close = `#positions button[data-close="${position.id}"]`;
    await page.waitForSelector(`${close}:not([disabled])`, { timeout: PAGE_WAIT_MS * 2 });
    const before = (await api.query.system.account(alice.address)).data.free.toBigInt();
    await page.click(close);
    await page.waitForFunction(
      (id) => document.querySelector('#tx-status')?.textContent === `close position ${id}: done`,
      { timeout: PAGE_WAIT_MS },
      position.id.toString(),
    );
    assert.ok((await api.query.bttStaking.positions(alice.address)).isNone, 'the position is closed');
    const afterClose = (await api.query.system.account(alice.address)).data.free.toBigInt();
    // The reward (no burn in this tier) minus the close's fee reached Alice.
    assert.ok(afterClose > before && afterClose <= before + reward, `${before} -> ${afterClose}, reward ${reward}`);
    await page.waitForFunction(() => document.querySelector('#positions')?.textContent.includes('no stakes'), {
      timeout: PAGE_WAIT_MS,
    });
  });

  it('Mining, Governance and Validators read the chain', async () => {
    const era = await dev.api.call.bttMiningApi.era();
    await open('mining');
    assert.match(await text('#card-era .value'), new RegExp(`of ${era.endEra.toNumber()}$`));
    assert.equal(await text('#card-participants .value'), `0 · 0 (quorum ${era.minOracleReports})`);
    await shot('mining');
    await open('governance');
    const tracks = dev.api.consts.referenda.tracks.length;
    assert.equal(await page.$$eval('#tracks tr', (r) => r.length - 1), tracks);
    await shot('governance');
    await open('validators');
    assert.match(await page.$eval('#validator-set', (t) => t.textContent), new RegExp((await dev.api.query.session.validators())[0].toString()));
    await shot('validators');
    assert.deepEqual(browserErrors, []);
  });
});

/** Plancks as the page shows them: thousands separated, at most four decimals, trimmed. */
function formatBtt(plancks) {
  const whole = (plancks / UNIT).toLocaleString('en-US');
  const fraction = (plancks % UNIT).toString().padStart(18, '0').slice(0, 4).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
