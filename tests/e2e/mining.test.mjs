// btt-mining end to end on a dev chain with 5-block days (the dev spec with its day length
// patched, so the chain runs the production code path; a mining era is one day): a provider
// stakes and registers in a listed region, governance makes Bob a verified consumer with a
// compute allowance and authorises three oracles, Bob pays for a job (the compute-trade fee
// is burned, the allowance used), the three oracles report, the era passes and the provider
// claims the era's budget.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { signAndWait, useDevNode, waitFor } from './lib/node.mjs';

const UNIT = 10n ** 18n;
const DAY_BLOCKS = 5;
const PHASE_1 = 25_200_000n * UNIT;
const ERAS_PER_PHASE = 730n;

/** Era `era`'s budget in the first phase: cap(era + 1) − cap(era). */
const budget = (era) => (PHASE_1 * (era + 1n)) / ERAS_PER_PHASE - (PHASE_1 * era) / ERAS_PER_PHASE;

describe('btt-mining (dev chain, 5-block days)', () => {
  const dev = useDevNode({ genesis: { dayLength: DAY_BLOCKS } });
  let api;
  let alice;
  let bob;
  let oracles;

  before(() => {
    api = dev.api;
    alice = dev.keyring.addFromUri('//Alice');
    bob = dev.keyring.addFromUri('//Bob');
    oracles = ['//Charlie', '//Dave', '//Eve'].map((uri) => dev.keyring.addFromUri(uri));
  });

  /** The era of the best block: eras are days of DAY_BLOCKS blocks from genesis. */
  const currentEra = async () => BigInt((await api.rpc.chain.getHeader()).number.toNumber()) / BigInt(DAY_BLOCKS);
  const sudo = (call) => signAndWait(api, api.tx.sudo.sudo(call), alice);

  const find = (events, section, method) =>
    events.map(({ event }) => event).find((e) => e.section === section && e.method === method);

  it('a provider goes from registration to a claimed reward', async () => {
    // Without a 90-day stake, registration fails with its named error; an unlisted region
    // is refused.
    let result = await signAndWait(api, api.tx.bttMining.register(156, 'ISO 27001, 4x H100'), alice);
    assert.equal(result.dispatchError, 'bttMining.InsufficientStake');
    result = await signAndWait(api, api.tx.bttStaking.stake('Days90', 5_000n * UNIT), alice);
    assert.equal(result.dispatchError, null);
    result = await signAndWait(api, api.tx.bttMining.register(999, 'ISO 27001, 4x H100'), alice);
    assert.equal(result.dispatchError, 'bttMining.UnknownRegion');
    result = await signAndWait(api, api.tx.bttMining.register(156, 'ISO 27001, 4x H100'), alice);
    assert.equal(result.dispatchError, null);
    assert.ok(find(result.events, 'bttMining', 'ProviderRegistered'));

    // Governance (sudo on the dev chain) authorises three oracles, the quorum, and makes
    // Bob (a hospital) a verified consumer with a 10,000 BTT compute allowance.
    assert.equal((await api.query.bttMining.minOracleReports()).toNumber(), 3);
    for (const oracle of oracles) {
      result = await sudo(api.tx.bttMining.addOracle(oracle.address));
      assert.ok(find(result.events, 'bttMining', 'OracleAdded'), `oracle ${oracle.address}`);
    }
    result = await sudo(api.tx.bttMining.setConsumerAllowance(bob.address, 10_000n * UNIT));
    assert.ok(find(result.events, 'bttMining', 'ConsumerAllowanceSet'));
    assert.equal((await api.query.bttMining.consumerAllowances(bob.address)).unwrap().toBigInt(), 10_000n * UNIT);

    // Bob pays Alice for a job (2% burned on top) and the three oracles report on her, sent
    // together so that all land in one era; an era boundary between them means one more
    // try. Alice is the only provider with a score in the era: she earns its whole budget.
    let job;
    let jobResult;
    let issuanceBefore;
    for (let attempt = 1; ; attempt += 1) {
      issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
      const [paid, ...reports] = await Promise.all([
        signAndWait(api, api.tx.bttMining.payForJob(alice.address, 1_000n * UNIT), bob),
        ...oracles.map((oracle, i) =>
          signAndWait(api, api.tx.bttMining.report(alice.address, 990_000 - i * 1_000, 50 + i, 800_000), oracle),
        ),
      ]);
      assert.equal(paid.dispatchError, null);
      job = find(paid.events, 'bttMining', 'JobPaid');
      jobResult = paid;
      const eras = reports.map((r) => {
        assert.equal(r.dispatchError, null);
        const reported = find(r.events, 'bttMining', 'Reported');
        assert.equal(reported.data.provider.toString(), alice.address);
        return reported.data.era.toBigInt();
      });
      if (eras.every((era) => era === job.data.era.toBigInt())) break;
      assert.ok(attempt < 3, 'the job and the reports fell into different eras three times');
    }
    assert.equal(job.data.amount.toBigInt(), 1_000n * UNIT);
    assert.equal(job.data.feeBurned.toBigInt(), 20n * UNIT);
    assert.equal(job.data.scored.toBigInt(), 1_000n * UNIT, 'the job counts: Bob is verified');
    const era = job.data.era.toBigInt();
    const issuanceAfter = (await (await api.at(jobResult.blockHash)).query.balances.totalIssuance()).toBigInt();
    // At least the compute-trade fee left the supply (plus burned shares of the fees).
    assert.ok(issuanceBefore - issuanceAfter >= 20n * UNIT, `burned ${issuanceBefore - issuanceAfter}`);
    // The job used up its part of Bob's allowance (a second attempt would use more).
    const allowance = (await api.query.bttMining.consumerAllowances(bob.address)).unwrap().toBigInt();
    assert.ok(allowance <= 9_000n * UNIT, `allowance left ${allowance}`);

    // After the era, the whole budget is Alice's.
    await waitFor(async () => (await currentEra()) > era, {
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
