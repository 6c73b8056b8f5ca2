// btt-vesting end to end: a beneficiary's lock is visible from polkadot.js, a claim during
// the lock fails with its named error and changes nothing, pool releases arrive, and the
// BttVestingApi runtime API answers.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { signAndWait, useDevNode } from './lib/node.mjs';

const UNIT = 10n ** 18n;

describe('btt-vesting (btt-node --dev)', () => {
  const dev = useDevNode();
  let api;
  let alice;

  before(() => {
    api = dev.api;
    // On the dev chain Alice is BitWave's beneficiary (row 1): 21M BTT, 6-month lock, then
    // 36 months linear.
    alice = dev.keyring.addFromUri('//Alice');
  });

  it("the allocation row, the schedule and the freeze are visible in Alice's account", async () => {
    const row = (await api.query.bttVesting.allocationRows(1)).unwrap();
    assert.equal(row.name.toUtf8(), 'BitWave Protocol Labs');
    assert.equal(row.bps.toNumber(), 1_000);
    assert.equal(row.amount.toBigInt(), 21_000_000n * UNIT);

    const schedules = (await api.query.bttVesting.schedules(alice.address)).unwrap();
    assert.equal(schedules.length, 1);
    const [schedule] = schedules;
    assert.equal(schedule.total.toBigInt(), 21_000_000n * UNIT);
    assert.equal(schedule.released.toBigInt(), 0n);
    // Months are 30 of the chain's days, set in genesis (10 blocks on the dev chain).
    const day = (await api.query.bttGovernance.dayLength()).toBigInt();
    assert.equal(day, 10n);
    const month = 30n * day;
    assert.equal(schedule.cliff.toBigInt(), 6n * month);
    assert.equal(schedule.duration.toBigInt(), 36n * month);

    const freezes = await api.query.balances.freezes(alice.address);
    const vesting = freezes.find((f) => f.id.isBttVesting && f.id.asBttVesting.isVesting);
    assert.ok(vesting, `a BttVesting freeze (got ${freezes.toString()})`);
    assert.equal(vesting.amount.toBigInt(), 21_000_000n * UNIT);
    const account = await api.query.system.account(alice.address);
    assert.equal(account.data.frozen.toBigInt(), 21_000_000n * UNIT);
  });

  it('a claim during the lock fails with bttVesting.NothingToClaim and changes nothing', async () => {
    const { dispatchError } = await signAndWait(api, api.tx.bttVesting.claim(alice.address), alice);
    assert.equal(dispatchError, 'bttVesting.NothingToClaim');
    const schedules = (await api.query.bttVesting.schedules(alice.address)).unwrap();
    assert.equal(schedules[0].released.toBigInt(), 0n);
  });

  it('approved milestones are not paid before their tranche falls due', async () => {
    const approve = api.tx.bttVesting.approveMilestones(7, 0, 1);
    const approved = await signAndWait(api, api.tx.sudo.sudo(approve), alice);
    assert.ok(approved.events.some(({ event }) => api.events.bttVesting.MilestonesApproved.is(event)));
    const tranche = (await api.query.bttVesting.tranches(7, 0)).unwrap();
    assert.equal(tranche.approved.toNumber(), 1);
    assert.equal(tranche.tranches.toNumber(), 48);
    // Tranche 1 falls due a month after genesis: a claim now fails, named.
    const { dispatchError } = await signAndWait(api, api.tx.bttVesting.claimTranches(7, 0), alice);
    assert.equal(dispatchError, 'bttVesting.NothingToClaim');
  });

  it('the BttVestingApi runtime API reports rows, circulating supply and the yearly release', async () => {
    const rows = await api.call.bttVestingApi.rows();
    assert.equal(rows.length, 12);
    const bitwave = rows[0];
    assert.equal(bitwave.row.toNumber(), 1);
    assert.equal(bitwave.name.toUtf8(), 'BitWave Protocol Labs');
    assert.equal(bitwave.locked.toBigInt(), 21_000_000n * UNIT);
    assert.equal(bitwave.claimable.toBigInt(), 0n);
    const liquidity = rows.find((r) => r.row.toNumber() === 11);
    assert.equal(liquidity.released.toBigInt(), 4_200_000n * UNIT);
    for (const r of rows) {
      assert.equal(
        r.released.toBigInt() + r.claimable.toBigInt() + r.locked.toBigInt() + r.keptForBurns.toBigInt(),
        r.amount.toBigInt(),
        `row ${r.row} adds up`,
      );
    }

    const supply = await api.call.bttVestingApi.supply();
    const total = (await api.query.balances.totalIssuance()).toBigInt();
    assert.equal(supply.totalIssuance.toBigInt(), total);
    assert.equal(
      supply.circulating.toBigInt(),
      total - supply.vestingLocked.toBigInt() - supply.undistributedPools.toBigInt() - supply.staked.toBigInt(),
    );
    // The liquidity row circulates, less the fees burned so far.
    const burned = (await api.query.bttBurn.totalBurned()).toBigInt();
    assert.ok(supply.circulating.toBigInt() >= 4_200_000n * UNIT - burned, 'liquidity circulates');

    const projection = await api.call.bttVestingApi.projectedRelease();
    // One calendar: vesting months, years and mining eras are all counted in the chain day
    // (10 blocks on the dev chain), so the mining pool's four two-year phases end the
    // projection after 8 years, as on mainnet.
    assert.equal(projection.years.length, 8);
    // Community incentives, ecosystem fund and reserve have no schedule, less the 11M the
    // ecosystem fund keeps back for the milestone burns (burned, never released).
    assert.equal(projection.discretionary.toBigInt(), 31_000_000n * UNIT);
    assert.equal(projection.milestoneBurns.toBigInt(), 11_000_000n * UNIT);
    const ecosystem = rows.find((r) => r.row.toNumber() === 10);
    assert.equal(ecosystem.keptForBurns.toBigInt(), 11_000_000n * UNIT);
    const scheduled = projection.years.reduce((sum, y) => sum + y.released.toBigInt(), 0n);
    assert.equal(
      scheduled + projection.discretionary.toBigInt() + projection.milestoneBurns.toBigInt(),
      210_000_000n * UNIT,
    );

    const vesting = await api.call.bttVestingApi.account(alice.address);
    assert.equal(vesting.frozen.toBigInt(), 21_000_000n * UNIT);
    assert.equal(vesting.schedules.toNumber(), 1);
  });
});
