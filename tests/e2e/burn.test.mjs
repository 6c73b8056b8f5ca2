// btt-burn end to end: a category payment burns its fee, transaction fees are split, the
// total issuance falls by exactly what was burned, and the runtime API agrees with storage.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';


import { signAndWait, useDevNode } from './lib/node.mjs';

const UNIT = 10n ** 18n;
const TOTAL_SUPPLY = 210_000_000n * UNIT;

describe('btt-burn (btt-node --dev)', () => {
  const dev = useDevNode();
  let api;
  let alice;
  let bob;

  before(() => {
    api = dev.api;
    alice = dev.keyring.addFromUri('//Alice');
    bob = dev.keyring.addFromUri('//Bob');
  });

  /** Issuance and burn totals in the state at `blockHash`. */
  async function booksAt(blockHash) {
    const at = await api.at(blockHash);
    const issuance = (await at.query.balances.totalIssuance()).toBigInt();
    const burned = (await at.query.bttBurn.totalBurned()).toBigInt();
    return { issuance, burned };
  }

  it('the supply rule holds at genesis: nothing burned, 210M issued', async () => {
    const genesis = await api.rpc.chain.getBlockHash(0);
    const { issuance, burned } = await booksAt(genesis);
    assert.equal(issuance, TOTAL_SUPPLY);
    assert.equal(burned, 0n);
  });

  it('a compute-trade payment burns its 2% fee; issuance falls by exactly the burned amount', async () => {
    const amount = 1_000n * UNIT;
    // Genesis stores every category's rate: compute trade 2% (20,000 parts per million).
    const rate = (await api.query.bttBurn.categoryRates('ComputeTrade')).unwrapOr(null);
    assert.equal(rate?.toNumber(), 20_000, 'the 2% rate is stored from genesis');

    const tx = api.tx.bttBurn.pay('ComputeTrade', bob.address, amount);
    const { blockHash, events, dispatchError } = await signAndWait(api, tx, alice);
    assert.equal(dispatchError, null, `pay failed: ${dispatchError}`);

    const settled = events.map(({ event }) => event).find((e) => api.events.bttBurn.PaymentSettled.is(e));
    assert.ok(settled, 'a bttBurn.PaymentSettled event');
    assert.equal(settled.data.amount.toBigInt(), amount);
    const fee = settled.data.fee.toBigInt();
    assert.equal(fee, (amount * 2n) / 100n);

    const burns = events.map(({ event }) => event).filter((e) => api.events.bttBurn.Burned.is(e));
    const categoryBurn = burns.find((e) => e.data.source.isCategoryFee && e.data.source.asCategoryFee.isComputeTrade);
    assert.ok(categoryBurn, `a Burned event for the category fee (got ${burns.map((e) => e.data.source.toString())})`);
    assert.equal(categoryBurn.data.amount.toBigInt(), fee);
    const feeBurn = burns.find((e) => e.data.source.isTransactionFee);
    assert.ok(feeBurn, 'a Burned event for the transaction fee share');

    const { parentHash } = await api.rpc.chain.getHeader(blockHash);
    const before = await booksAt(parentHash);
    const after = await booksAt(blockHash);
    const burnedInBlock = after.burned - before.burned;
    assert.equal(burnedInBlock, fee + feeBurn.data.amount.toBigInt());
    assert.equal(before.issuance - after.issuance, burnedInBlock, 'issuance fell by exactly what was burned');
    assert.equal(after.issuance + after.burned, TOTAL_SUPPLY, 'total_issuance + total_burned == 210M');

    // The runtime API agrees with storage.
    const apiAt = await api.at(blockHash);
    assert.equal((await apiAt.call.bttBurnApi.totalBurned()).toBigInt(), after.burned);
    const bySource = await apiAt.call.bttBurnApi.burnedBySource();
    const sum = bySource.reduce((acc, [, total]) => acc + total.toBigInt(), 0n);
    assert.equal(sum, after.burned);
  });

  it('transaction fees are split 40/30/20/10 between the funds, the author and a burn', async () => {
    const tx = api.tx.balances.transferKeepAlive(bob.address, 5n * UNIT);
    const { blockHash, events, dispatchError } = await signAndWait(api, tx, alice);
    assert.equal(dispatchError, null);
    const paid = events.map(({ event }) => event).find((e) => api.events.transactionPayment.TransactionFeePaid.is(e));
    const fee = paid.data.actualFee.toBigInt() + paid.data.tip.toBigInt();
    const burned = events
      .map(({ event }) => event)
      .find((e) => api.events.bttBurn.Burned.is(e) && e.data.source.isTransactionFee);
    assert.ok(burned, 'the burned share has a Burned event');
    const development = (fee * 40n) / 100n;
    const stakers = (fee * 30n) / 100n;
    const author = (fee * 10n) / 100n;
    assert.equal(burned.data.amount.toBigInt(), fee - development - stakers - author);
    const { parentHash } = await api.rpc.chain.getHeader(blockHash);
    const [before, after] = [await booksAt(parentHash), await booksAt(blockHash)];
    assert.equal(before.issuance - after.issuance, burned.data.amount.toBigInt());
  });

  it('a voluntary burn and a failed burn: the failure is named and changes nothing', async () => {
    const ok = await signAndWait(api, api.tx.bttBurn.burn(3n * UNIT, true), bob);
    assert.equal(ok.dispatchError, null);
    const voluntary = ok.events.map(({ event }) => event).find((e) => api.events.bttBurn.Burned.is(e) && e.data.source.isVoluntary);
    assert.equal(voluntary.data.amount.toBigInt(), 3n * UNIT);

    const tooMuch = await signAndWait(api, api.tx.bttBurn.burn(TOTAL_SUPPLY, true), bob);
    assert.equal(tooMuch.dispatchError, 'bttBurn.InsufficientBalance');
  });

  it('governance (sudo, until the governance tracks exist) executes a milestone burn once', async () => {
    const burn = api.tx.bttBurn.executeMilestoneBurn('MainnetLaunch');
    const first = await signAndWait(api, api.tx.sudo.sudo(burn), alice);
    const sudid = first.events.map(({ event }) => event).find((e) => api.events.sudo.Sudid.is(e));
    assert.ok(sudid?.data.sudoResult.isOk, `the milestone burn failed: ${sudid?.data.sudoResult}`);
    const executed = first.events.map(({ event }) => event).find((e) => api.events.bttBurn.MilestoneBurnExecuted.is(e));
    assert.equal(executed.data.amount.toBigInt(), 1_000_000n * UNIT);

    const { parentHash } = await api.rpc.chain.getHeader(first.blockHash);
    const [before, after] = [await booksAt(parentHash), await booksAt(first.blockHash)];
    assert.equal(before.issuance - after.issuance, after.burned - before.burned);
    assert.ok(before.issuance - after.issuance >= 1_000_000n * UNIT);
    const milestone = await api.query.bttBurn.milestoneBurns('MainnetLaunch');
    assert.ok(milestone.unwrap().executedAt.isSome);

    // A second time fails with its named error, inside the sudo call.
    const again = await signAndWait(api, api.tx.sudo.sudo(burn), alice);
    const result = again.events.map(({ event }) => event).find((e) => api.events.sudo.Sudid.is(e)).data.sudoResult;
    assert.ok(result.isErr);
    const { section, name } = api.registry.findMetaError(result.asErr.asModule);
    assert.equal(`${section}.${name}`, 'bttBurn.MilestoneAlreadyExecuted');
  });
});
