// The flows holders and institutions perform, end to end on a dev chain with 1-block days
// (the production code path, a short calendar): the council approves the foundation's first
// milestone by motion and the foundation's 2-of-3 multisig claims the tranche once it falls
// due; a treasurer-track referendum spends from the development fund; an economic-params
// referendum changes the fee split and the next transaction's fee is shared by the new split
// (all four shares read from its events); and a staker is paid its fee share out of the
// fees those transactions paid.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { createKeyMulti, encodeAddress, sortAddresses } from '@polkadot/util-crypto';

import { eventsOf, proposeAndBack, UNIT, waitUntilApproved } from './lib/governance.mjs';
import { signAndWait, useDevNode, waitFor } from './lib/node.mjs';

/** Generous bounds for calls made through the council and the multisig. */
const MAX_WEIGHT = { refTime: 20_000_000_000n, proofSize: 1_000_000n };

describe('holder and institution flows (dev chain, 1-block days)', () => {
  const dev = useDevNode({ genesis: { dayLength: 1 } });
  let api;
  let alice;
  let bob;
  let charlie;
  let dave;
  let eve;
  const votes = () => [
    [alice, 20_000_000n * UNIT],
    [bob, 10_000_000n * UNIT],
  ];

  const spendAmount = 1_234n * UNIT;
  const newSplit = { development: 500_000, stakers: 250_000, burn: 150_000, author: 100_000 };
  /** The referenda, proposed up front so that they run while the tranche falls due. */
  const referenda = {};

  before(async () => {
    api = dev.api;
    [alice, bob, charlie, dave, eve] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => dev.keyring.addFromUri(`//${n}`));
    // Dave stakes first, so the fees every later transaction pays earn him a share.
    const staked = await signAndWait(api, api.tx.bttStaking.stake('Days90', 5_000n * UNIT), dave);
    assert.equal(staked.dispatchError, null);
    referenda.spend = await proposeAndBack(api, {
      proposer: alice,
      origin: { BttGovernance: 'Treasurer' },
      call: api.tx.treasury.spend(null, spendAmount, eve.address, null),
      votes: votes(),
    });
    referenda.split = await proposeAndBack(api, {
      proposer: alice,
      origin: { BttGovernance: 'EconomicParams' },
      call: api.tx.bttBurn.setFeeSplit(newSplit),
      votes: votes(),
    });
  });

  const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

  it("a council motion approves the foundation's milestone; its 2-of-3 multisig claims the due tranche", async () => {
    // The motion: two of the three council members approve tranche 1 of row 7's first sub-row.
    const motion = api.tx.bttVesting.approveMilestones(7, 0, 1);
    const length = motion.method.encodedLength;
    let result = await signAndWait(api, api.tx.council.propose(2, motion, length), alice);
    assert.equal(result.dispatchError, null);
    const { proposalIndex, proposalHash } = eventsOf(result, 'council', 'Proposed')[0].data;
    result = await signAndWait(api, api.tx.council.vote(proposalHash, proposalIndex, true), alice);
    assert.equal(result.dispatchError, null);
    result = await signAndWait(api, api.tx.council.vote(proposalHash, proposalIndex, true), bob);
    assert.equal(result.dispatchError, null);
    result = await signAndWait(api, api.tx.council.close(proposalHash, proposalIndex, MAX_WEIGHT, length), charlie);
    assert.equal(result.dispatchError, null);
    const [executed] = eventsOf(result, 'council', 'Executed');
    assert.ok(executed?.data.result.isOk, `the motion executed: ${executed?.data.result.toString()}`);
    assert.equal((await api.query.bttVesting.tranches(7, 0)).unwrap().approved.toNumber(), 1);

    // Tranche 1 falls due a month (30 one-block days) after genesis.
    const month = 30 * (await api.query.bttGovernance.dayLength()).toNumber();
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= month + 1, {
      timeoutMs: 6 * month * 1_000 + 60_000,
      what: 'the first tranche to fall due',
    });

    // The foundation's multisig claims it: Alice approves, Bob executes.
    const members = [alice, bob, charlie].map((k) => k.address);
    const multisig = encodeAddress(createKeyMulti(sortAddresses(members, 42), 2), 42);
    assert.equal((await api.query.bttVesting.foundationAccount()).unwrap().toString(), multisig);
    const others = (me) => sortAddresses(members.filter((m) => m !== me.address), 42);
    const claim = api.tx.bttVesting.claimTranches(7, 0);
    const before = await free(multisig);
    result = await signAndWait(api, api.tx.multisig.approveAsMulti(2, others(alice), null, claim.method.hash, MAX_WEIGHT), alice);
    assert.equal(result.dispatchError, null);
    const pending = (await api.query.multisig.multisigs(multisig, claim.method.hash)).unwrap();
    result = await signAndWait(api, api.tx.multisig.asMulti(2, others(bob), pending.when, claim.method, MAX_WEIGHT), bob);
    assert.equal(result.dispatchError, null);
    const [done] = eventsOf(result, 'multisig', 'MultisigExecuted');
    assert.ok(done?.data.result.isOk, `the multisig's claim executed: ${done?.data.result.toString()}`);
    const [paid] = eventsOf(result, 'bttVesting', 'TranchesClaimed');
    assert.ok(paid, 'a TranchesClaimed event');
    // Row 7's first sub-row: 14.7M BTT in 48 tranches.
    const tranche = (14_700_000n * UNIT) / 48n;
    assert.equal(paid.data.amount.toBigInt(), tranche);
    assert.equal(await free(multisig), before + tranche);
  });

  it('a treasurer-track referendum spends from the development fund', async () => {
    const amount = spendAmount;
    // The fund holds only the fees' development share so far; a donation tops it up.
    const fund = api.consts.bttBurn.developmentFund;
    const donated = await signAndWait(api, api.tx.balances.transferKeepAlive(fund, 2_000n * UNIT), bob);
    assert.equal(donated.dispatchError, null);
    await waitUntilApproved(api, referenda.spend);
    await waitFor(async () => (await api.query.treasury.spendCount()).toNumber() > 0, {
      timeoutMs: 60_000,
      what: 'the spend to be enacted',
    });
    const before = await free(eve.address);
    const result = await signAndWait(api, api.tx.treasury.payout(0), bob);
    assert.equal(result.dispatchError, null);
    assert.equal(eventsOf(result, 'treasury', 'Paid').length, 1);
    assert.equal(await free(eve.address), before + amount);
    assert.ok((await free(fund)) >= 2_000n * UNIT - amount, 'the spend came out of the development fund');
  });

  it("an economic-params referendum changes the fee split; the next fee is shared by it", async () => {
    const split = newSplit;
    await waitUntilApproved(api, referenda.split);
    await waitFor(async () => (await api.query.bttBurn.feeSplitConfig()).development.toNumber() === split.development, {
      timeoutMs: 60_000,
      what: 'the new split to be enacted',
    });

    const result = await signAndWait(api, api.tx.balances.transferKeepAlive(eve.address, UNIT), charlie);
    assert.equal(result.dispatchError, null);
    const events = result.events.map(({ event }) => event);
    const paid = events.find((e) => api.events.transactionPayment.TransactionFeePaid.is(e));
    const fee = paid.data.actualFee.toBigInt() + paid.data.tip.toBigInt();
    const deposit = (who) =>
      events
        .filter((e) => api.events.balances.Deposit.is(e) && e.data.who.toString() === who.toString())
        .reduce((sum, e) => sum + e.data.amount.toBigInt(), 0n);
    const share = (parts) => (fee * BigInt(parts)) / 1_000_000n;
    const development = deposit(api.consts.bttBurn.developmentFund);
    const stakers = deposit(api.consts.bttBurn.stakersPot);
    const author = deposit(alice.address);
    const burned = events.find((e) => api.events.bttBurn.Burned.is(e) && e.data.source.isTransactionFee).data.amount.toBigInt();
    assert.deepEqual(
      { development, stakers, author, burned },
      {
        development: share(split.development),
        stakers: share(split.stakers),
        author: share(split.author),
        burned: fee - share(split.development) - share(split.stakers) - share(split.author),
      },
    );
  });

  it('the staker is paid its fee share out of the fees these transactions paid', async () => {
    const pending = (await api.call.bttStakingApi.account(dave.address)).pendingFeeShare.toBigInt();
    assert.ok(pending > 0n, 'fees have earned the staker a share');
    const result = await signAndWait(api, api.tx.bttStaking.claimFeeShare(), dave);
    assert.equal(result.dispatchError, null);
    const [paid] = eventsOf(result, 'bttStaking', 'FeeSharePaid');
    // At least what the view showed a block earlier: fees paid since then add to it.
    assert.ok(paid.data.amount.toBigInt() >= pending, `${paid.data.amount} >= ${pending}`);
    // Dave is the only staker: he is owed the whole pot's income, rounded down.
    const pot = await free(api.consts.bttBurn.stakersPot);
    assert.ok(pot >= (await api.query.bttStaking.feeShareAccounted()).toBigInt());
  });
});
