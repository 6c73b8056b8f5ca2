// btt-staking end to end: a 180-day stake from polkadot.js, its position, freeze and reward
// hold, a named error for a stake below the minimum, and the same transfer costing a
// 180-day staker 20% less than a non-staker.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { signAndWait, useDevNode } from './lib/node.mjs';

const UNIT = 10n ** 18n;

describe('btt-staking (btt-node --dev)', () => {
  const dev = useDevNode();
  let api;
  let bob;
  let charlie;
  let eve;

  before(() => {
    api = dev.api;
    bob = dev.keyring.addFromUri('//Bob');
    charlie = dev.keyring.addFromUri('//Charlie');
    eve = dev.keyring.addFromUri('//Eve');
  });

  /** The events of `section.method` in `events`. */
  const find = (events, section, method) =>
    events.map(({ event }) => event).filter((e) => e.section === section && e.method === method);

  it('the five terms of the paper are in genesis', async () => {
    const expected = {
      Days30: [30, 3, 1_000n],
      Days90: [90, 5, 5_000n],
      Days180: [180, 8, 10_000n],
      Days365: [365, 12, 50_000n],
      Days1095: [1095, 18, 100_000n],
    };
    for (const [tier, [days, apy, minimum]] of Object.entries(expected)) {
      const term = (await api.query.bttStaking.terms(tier)).unwrap();
      assert.equal(term.days.toNumber(), days, tier);
      assert.equal(term.apy.toNumber(), apy * 10_000, tier);
      assert.equal(term.minimum.toBigInt(), minimum * UNIT, tier);
    }
  });

  it('a stake below the minimum fails with bttStaking.BelowMinimum', async () => {
    const { dispatchError } = await signAndWait(api, api.tx.bttStaking.stake('Days180', 9_999n * UNIT), bob);
    assert.equal(dispatchError, 'bttStaking.BelowMinimum');
    assert.ok((await api.query.bttStaking.positions(bob.address)).isNone);
  });

  it('a 180-day stake freezes the principal and reserves the reward in the community pool', async () => {
    const principal = 10_000n * UNIT;
    const { events, dispatchError, blockHash } = await signAndWait(
      api,
      api.tx.bttStaking.stake('Days180', principal),
      bob,
    );
    assert.equal(dispatchError, null);
    const [staked] = find(events, 'bttStaking', 'Staked');
    assert.ok(staked, 'a bttStaking.Staked event');
    const reward = (principal * 80_000n * 180n) / (1_000_000n * 365n);
    assert.equal(staked.data.reward.toBigInt(), reward);
    const block = (await api.rpc.chain.getHeader(blockHash)).number.toBigInt();
    // Terms are counted in the chain's one day, set in genesis (10 blocks on the dev chain).
    const day = (await api.query.bttGovernance.dayLength()).toBigInt();
    assert.equal(day, 10n);
    assert.equal(staked.data.maturity.toBigInt(), block + 180n * day);

    const [position] = (await api.query.bttStaking.positions(bob.address)).unwrap();
    assert.equal(position.tier.toString(), 'Days180');
    assert.equal(position.principal.toBigInt(), principal);

    const freezes = await api.query.balances.freezes(bob.address);
    const staking = freezes.find((f) => f.id.isBttStaking && f.id.asBttStaking.isStaking);
    assert.ok(staking, `a BttStaking freeze (got ${freezes.toString()})`);
    // The stake is frozen on top of Bob's 10.5M vesting freeze (freezes do not add up, so
    // the staking freeze covers both): the stake is backed by tokens free of vesting.
    const vesting = (await api.call.bttVestingApi.account(bob.address)).frozen.toBigInt();
    assert.equal(vesting, 10_500_000n * UNIT);
    assert.equal(staking.amount.toBigInt(), vesting + principal);

    const pool = (await api.query.bttVesting.poolAccounts(9)).unwrap();
    const holds = await api.query.balances.holds(pool);
    const hold = holds.find((h) => h.id.isBttStaking && h.id.asBttStaking.isStakingReward);
    assert.equal(hold.amount.toBigInt(), reward);
    assert.equal((await api.query.bttStaking.totalStaked()).toBigInt(), principal);

    // The stake is backed by tokens outside Bob's vesting freeze: it leaves circulation as
    // staked, counted once.
    const supply = await api.call.bttVestingApi.supply();
    assert.equal(supply.staked.toBigInt(), principal);
  });

  it('the same transfer costs the 180-day staker 20% less than a non-staker', async () => {
    const transfer = api.tx.balances.transferKeepAlive(eve.address, 10n * UNIT);
    // The wallet's estimate already shows the discount.
    const estimateBob = (await transfer.paymentInfo(bob)).partialFee.toBigInt();
    const estimateCharlie = (await transfer.paymentInfo(charlie)).partialFee.toBigInt();
    assert.equal(estimateBob, estimateCharlie - estimateCharlie / 5n);

    // On chain: Bob's transfer, then the fee a non-staker would have paid for the same
    // transfer in the same block (the fee multiplier is the parent block's).
    const bobTx = api.tx.balances.transferKeepAlive(eve.address, 10n * UNIT);
    const { events, blockHash } = await signAndWait(api, bobTx, bob);
    const [paid] = find(events, 'transactionPayment', 'TransactionFeePaid');
    const bobFee = paid.data.actualFee.toBigInt();

    const header = await api.rpc.chain.getHeader(blockHash);
    const parent = await api.at(header.parentHash);
    const charlieTx = api.tx.balances.transferKeepAlive(eve.address, 10n * UNIT);
    await charlieTx.signAsync(charlie, { nonce: (await api.rpc.system.accountNextIndex(charlie.address)) });
    const full = (await parent.call.transactionPaymentApi.queryInfo(charlieTx.toU8a(), charlieTx.encodedLength))
      .partialFee.toBigInt();
    assert.ok(full > 0n);
    assert.equal(bobFee, full - full / 5n, `Bob paid ${bobFee}, a non-staker ${full}`);

    // And Charlie, who does not stake, pays the full fee when he sends it.
    const sent = await signAndWait(api, api.tx.balances.transferKeepAlive(eve.address, 10n * UNIT), charlie);
    const [charliePaid] = find(sent.events, 'transactionPayment', 'TransactionFeePaid');
    const charlieHeader = await api.rpc.chain.getHeader(sent.blockHash);
    const charlieParent = await api.at(charlieHeader.parentHash);
    const again = api.tx.balances.transferKeepAlive(eve.address, 10n * UNIT);
    await again.signAsync(charlie, { nonce: 0 });
    const expected = (await charlieParent.call.transactionPaymentApi.queryInfo(again.toU8a(), again.encodedLength))
      .partialFee.toBigInt();
    assert.equal(charliePaid.data.actualFee.toBigInt(), expected);
  });

  it('every one of the five terms takes a stake at its minimum from polkadot.js', async () => {
    const dave = dev.keyring.addFromUri('//Dave');
    const tiers = [
      ['Days30', 1_000n, 30n, 30_000n],
      ['Days90', 5_000n, 90n, 50_000n],
      ['Days180', 10_000n, 180n, 80_000n],
      ['Days365', 50_000n, 365n, 120_000n],
      ['Days1095', 100_000n, 1095n, 180_000n],
    ];
    const staked = [];
    for (const [tier, minimum] of tiers) {
      const result = await signAndWait(api, api.tx.bttStaking.stake(tier, minimum * UNIT), dave);
      assert.equal(result.dispatchError, null, tier);
      staked.push(...find(result.events, 'bttStaking', 'Staked'));
    }
    assert.equal(staked.length, 5);
    for (const [i, [tier, minimum, days, apyPpm]] of tiers.entries()) {
      const event = staked[i];
      assert.equal(event.data.tier.toString(), tier);
      assert.equal(event.data.principal.toBigInt(), minimum * UNIT);
      // principal × APY × days / 365, rounded down.
      assert.equal(event.data.reward.toBigInt(), (minimum * UNIT * apyPpm * days) / (1_000_000n * 365n), tier);
    }
    const positions = (await api.query.bttStaking.positions(dave.address)).unwrap();
    assert.equal(positions.length, 5);
    const freezes = await api.query.balances.freezes(dave.address);
    const staking = freezes.find((f) => f.id.isBttStaking && f.id.asBttStaking.isStaking);
    // Dave's 6.3M vesting freeze plus the five principals.
    const vesting = (await api.call.bttVestingApi.account(dave.address)).frozen.toBigInt();
    assert.equal(staking.amount.toBigInt(), vesting + 166_000n * UNIT);
  });
});
