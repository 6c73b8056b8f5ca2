// btt-mining end to end on a dev chain with 5-block eras (the dev spec with its era length
// patched, so the chain runs the production code path): a provider stakes and registers, a
// consumer pays for a job (the compute-trade fee is burned), an oracle reports, the era
// passes and the provider claims the era's budget.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { patchedDevSpec, signAndWait, useDevNode, waitFor } from './lib/node.mjs';

const UNIT = 10n ** 18n;
const ERA_BLOCKS = 5;
const PHASE_1 = 25_200_000n * UNIT;
const ERAS_PER_PHASE = 730n;

/** Era `era`'s budget in the first phase: cap(era + 1) − cap(era). */
const budget = (era) => (PHASE_1 * (era + 1n)) / ERAS_PER_PHASE - (PHASE_1 * era) / ERAS_PER_PHASE;

describe('btt-mining (dev chain, 5-block eras)', () => {
  const spec = patchedDevSpec({ eraLength: ERA_BLOCKS });
  after(() => spec.remove());
  const dev = useDevNode({
    args: ['--chain', spec.file, '--alice', '--validator', '--force-authoring', '--node-key', '0'.repeat(63) + '1'],
  });
  let api;
  let alice;
  let bob;
  let charlie;

  before(() => {
    api = dev.api;
    alice = dev.keyring.addFromUri('//Alice');
    bob = dev.keyring.addFromUri('//Bob');
    charlie = dev.keyring.addFromUri('//Charlie');
  });

  const find = (events, section, method) =>
    events.map(({ event }) => event).find((e) => e.section === section && e.method === method);

  it('a provider goes from registration to a claimed reward', async () => {
    assert.equal((await api.query.bttMining.eraLength()).toNumber(), ERA_BLOCKS);

    // Without a 90-day stake, registration fails with its named error.
    let result = await signAndWait(api, api.tx.bttMining.register(156, 'ISO 27001, 4x H100'), alice);
    assert.equal(result.dispatchError, 'bttMining.InsufficientStake');
    result = await signAndWait(api, api.tx.bttStaking.stake('Days90', 5_000n * UNIT), alice);
    assert.equal(result.dispatchError, null);
    result = await signAndWait(api, api.tx.bttMining.register(156, 'ISO 27001, 4x H100'), alice);
    assert.equal(result.dispatchError, null);
    assert.ok(find(result.events, 'bttMining', 'ProviderRegistered'));

    // Governance (sudo on the dev chain) authorises Charlie as an oracle.
    result = await signAndWait(api, api.tx.sudo.sudo(api.tx.bttMining.addOracle(charlie.address)), alice);
    assert.ok(find(result.events, 'bttMining', 'OracleAdded'));

    // Bob pays Alice for a job (2% burned on top) and Charlie reports on her, sent together
    // so that both land in one era; an era boundary between them (eras are 5 blocks) means
    // one more try. Alice is the only provider with a score in the era: she earns its whole
    // budget, whatever her factors.
    let job;
    let jobResult;
    let issuanceBefore;
    for (let attempt = 1; ; attempt += 1) {
      issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
      const [paid, reportedResult] = await Promise.all([
        signAndWait(api, api.tx.bttMining.payForJob(alice.address, 1_000n * UNIT), bob),
        signAndWait(api, api.tx.bttMining.report(alice.address, 990_000, 50, 800_000), charlie),
      ]);
      assert.equal(paid.dispatchError, null);
      assert.equal(reportedResult.dispatchError, null);
      job = find(paid.events, 'bttMining', 'JobPaid');
      const reported = find(reportedResult.events, 'bttMining', 'Reported');
      assert.equal(reported.data.provider.toString(), alice.address);
      assert.equal(reported.data.oracle.toString(), charlie.address);
      jobResult = paid;
      if (reported.data.era.eq(job.data.era)) break;
      assert.ok(attempt < 3, 'the job and the report fell into different eras three times');
    }
    assert.equal(job.data.amount.toBigInt(), 1_000n * UNIT);
    assert.equal(job.data.feeBurned.toBigInt(), 20n * UNIT);
    assert.equal(job.data.priority.isTrue, false);
    const era = job.data.era.toBigInt();
    const issuanceAfter = (await (await api.at(jobResult.blockHash)).query.balances.totalIssuance()).toBigInt();
    // At least the compute-trade fee left the supply (plus burned shares of the fees).
    assert.ok(issuanceBefore - issuanceAfter >= 20n * UNIT, `burned ${issuanceBefore - issuanceAfter}`);

    // After the era, the whole budget is Alice's.
    await waitFor(async () => (await api.query.bttMining.currentEra()).toBigInt() > era, {
      timeoutMs: 90_000,
      what: `era ${era} to end`,
    });
    const poolBefore = (await api.query.system.account((await api.query.bttVesting.poolAccounts(8)).unwrap()))
      .data.free.toBigInt();
    result = await signAndWait(api, api.tx.bttMining.claim(era), alice);
    assert.equal(result.dispatchError, null);
    const claimed = find(result.events, 'bttMining', 'RewardClaimed');
    assert.equal(claimed.data.reward.toBigInt(), budget(era));
    const pool = (await api.query.bttVesting.poolAccounts(8)).unwrap();
    const poolAfter = (await api.query.system.account(pool)).data.free.toBigInt();
    assert.equal(poolBefore - poolAfter, budget(era));

    // Claiming twice fails with its named error.
    result = await signAndWait(api, api.tx.bttMining.claim(era), alice);
    assert.equal(result.dispatchError, 'bttMining.NothingToClaim');

    // The mining row's release is visible in the release report.
    const rows = await api.call.bttVestingApi.rows();
    const mining = rows.find((r) => r.row.toNumber() === 8);
    assert.ok(mining.released.toBigInt() >= budget(era));
  });
});
