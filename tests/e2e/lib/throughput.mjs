// The live load test: how many of each hot-path extrinsic a real node puts in its blocks.
//
// Thousands of senders, funded from the dev chain's liquid allocation (the liquidity row's
// accounts, Alice to Ferdie: nothing is minted), each sign one extrinsic per round, so that
// no sender's nonces serialise the pool. Every extrinsic is signed before the first is
// submitted, so signing never limits the rate. What counts is read from the blocks
// themselves: the extrinsics of the workload in each block, the block's normal-class
// weight and its timestamp.
//
// Used by `scripts/bench-throughput.sh` (the full run, on a release node) and by
// `throughput.test.mjs` (a smoke run of a few hundred transactions in the test command).

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { signAndWait, waitFor } from './node.mjs';

export const UNIT = 10n ** 18n;

/** A stake's amount: the 30-day tier's minimum. */
const STAKE = 1_000n * UNIT;
/** What each transfer, payment and job moves. */
const AMOUNT = UNIT;

/**
 * The workloads, in the order they run. `call(api, ctx, sender)` is the call one sender
 * signs per round; `maxRounds` caps the rounds where a sender's funds or limits do
 * (a stake takes 1,000 BTT of the sender's funds). `expectFailure` names the module error
 * a workload is expected to end in (a vesting claim on a young chain has nothing due).
 */
export const WORKLOADS = [
  {
    name: 'balances.transferKeepAlive',
    section: 'balances',
    method: 'transferKeepAlive',
    call: (api, ctx) => api.tx.balances.transferKeepAlive(ctx.sink, AMOUNT),
  },
  {
    name: 'bttBurn.pay',
    section: 'bttBurn',
    method: 'pay',
    call: (api, ctx) => api.tx.bttBurn.pay('ComputeTrade', ctx.sink, AMOUNT),
  },
  {
    name: 'bttMining.payForJob',
    section: 'bttMining',
    method: 'payForJob',
    call: (api, ctx) => api.tx.bttMining.payForJob(ctx.provider, AMOUNT),
  },
  {
    name: 'bttVesting.claim',
    section: 'bttVesting',
    method: 'claim',
    call: (api, ctx) => api.tx.bttVesting.claim(ctx.vestingBeneficiary),
    expectFailure: 'bttVesting.NothingToClaim',
  },
  {
    name: 'bttStaking.stake',
    section: 'bttStaking',
    method: 'stake',
    call: (api) => api.tx.bttStaking.stake('Days30', STAKE),
    maxRounds: 1,
  },
];

/** What each sender is given: every round of every workload, and fees, with room to spare. */
function fundingPerSender(rounds) {
  return STAKE + BigInt(rounds) * 3n * (AMOUNT + UNIT) + 50n * UNIT;
}

/** `count` sender key pairs, derived from `//Sender//<i>` of the dev phrase. */
async function makeSenders(count) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return Array.from({ length: count }, (_, i) => keyring.addFromUri(`//Sender//${i}`));
}

/**
 * Submits signed extrinsics over the node's RPC, `concurrency` at a time. Resolves with the
 * number the pool rejected (with one example of why).
 */
async function submitAll(api, extrinsics, concurrency = 256) {
  let rejected = 0;
  let example = null;
  for (let i = 0; i < extrinsics.length; i += concurrency) {
    const chunk = extrinsics.slice(i, i + concurrency);
    const results = await Promise.allSettled(chunk.map((x) => api.rpc.author.submitExtrinsic(x)));
    for (const r of results) {
      if (r.status === 'rejected') {
        rejected += 1;
        example ??= r.reason?.message ?? String(r.reason);
      }
    }
  }
  return { rejected, example };
}

/**
 * Funds every sender with `amount` from `funders` (the dev chain's liquid accounts), each
 * funder paying its share with consecutive nonces, and waits until all have it.
 */
async function fundSenders(api, funders, senders, amount, { timeoutMs = 300_000 } = {}) {
  const extrinsics = [];
  for (const [f, funder] of funders.entries()) {
    let { nonce } = await api.query.system.account(funder.address);
    nonce = nonce.toNumber();
    for (let i = f; i < senders.length; i += funders.length) {
      const tx = api.tx.balances.transferKeepAlive(senders[i].address, amount);
      extrinsics.push(await tx.signAsync(funder, { nonce: nonce++, era: 0 }));
    }
  }
  const { rejected, example } = await submitAll(api, extrinsics);
  if (rejected > 0) throw new Error(`${rejected} funding transfers rejected: ${example}`);
  await waitFor(
    async () => {
      const last = await api.query.system.account(senders[senders.length - 1].address);
      const first = await api.query.system.account(senders[0].address);
      return last.data.free.toBigInt() >= amount && first.data.free.toBigInt() >= amount;
    },
    { timeoutMs, intervalMs: 1_000, what: 'the senders to be funded' },
  );
}

/**
 * Makes `provider` a compute provider: a 90-day stake of the provider minimum and a
 * registration in region 156, so that jobs can be paid to it.
 */
async function registerProvider(api, provider) {
  let result = await signAndWait(api, api.tx.bttStaking.stake('Days90', 5_000n * UNIT), provider);
  if (result.dispatchError) throw new Error(`provider stake: ${result.dispatchError}`);
  result = await signAndWait(api, api.tx.bttMining.register(156, 'load test provider'), provider);
  if (result.dispatchError) throw new Error(`provider registration: ${result.dispatchError}`);
}

/**
 * Resolves once the chain's best block is `count` blocks past the current one, so that the
 * pool has caught up with what the last blocks included (a nonce read right after a block
 * could otherwise collide with a transaction the pool has not pruned yet).
 */
export async function waitBlocks(api, count, { timeoutMs = 60_000 } = {}) {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= start + count, {
    timeoutMs,
    intervalMs: 500,
    what: `${count} more blocks`,
  });
}

/**
 * Everything a load run needs on a fresh dev chain: `count` senders, each funded for
 * `rounds` rounds by the liquidity row's accounts (Alice to Ferdie), Dave registered as a
 * compute provider, and the accounts the workloads address. Resolves with
 * `{ senders, ctx }` (`ctx` as `runWorkload` takes it).
 */
export async function prepareLoad(api, count, rounds, { timeoutMs = 300_000 } = {}) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const dev = (name) => keyring.addFromUri(`//${name}`);
  const funders = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(dev);
  const senders = await makeSenders(count);
  await registerProvider(api, dev('Dave'));
  await fundSenders(api, funders, senders, fundingPerSender(rounds), { timeoutMs });
  const ctx = {
    sink: dev('Ferdie').address,
    provider: dev('Dave').address,
    // Row 2 (Bob on dev chains): a schedule still in its 3-month lock on a young chain.
    vestingBeneficiary: dev('Bob').address,
  };
  return { senders, ctx };
}

/** The weight limits of the chain: normal-class maximum and the base extrinsic weight. */
function weightLimits(api) {
  const normal = api.consts.system.blockWeights.perClass.normal;
  return {
    maxNormal: normal.maxTotal.unwrap().refTime.toBigInt(),
    baseExtrinsic: normal.baseExtrinsic.refTime.toBigInt(),
  };
}

/**
 * Runs `workload` for `rounds` rounds of one extrinsic per sender and measures it from the
 * blocks. Resolves with the per-block counts and the summary row.
 */
export async function runWorkload(api, workload, senders, rounds, ctx, { log = () => {}, idleBlocks = 4, timeoutMs = 600_000 } = {}) {
  rounds = Math.min(rounds, workload.maxRounds ?? rounds);
  await waitBlocks(api, 2);
  const accounts = await api.query.system.account.multi(senders.map((s) => s.address));
  const extrinsics = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, sender] of senders.entries()) {
      const nonce = accounts[i].nonce.toNumber() + round;
      extrinsics.push(await workload.call(api, ctx, sender).signAsync(sender, { nonce, era: 0 }));
    }
  }
  // The weight a block's normal class would hold of this extrinsic: its full weight is the
  // call's, the extensions' and the base extrinsic weight.
  const { maxNormal, baseExtrinsic } = weightLimits(api);
  const bytes = extrinsics[0].toU8a();
  const info = await api.call.transactionPaymentApi.queryInfo(bytes, bytes.length);
  const fullWeight = info.weight.refTime.toBigInt() + baseExtrinsic;
  const ceiling = Number(maxNormal / fullWeight);

  const blocks = [];
  let included = 0;
  let submittedAt = null;
  let idle = 0;
  let unsubscribe;
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${workload.name}: not all included after ${timeoutMs} ms`)), timeoutMs);
    api.rpc.chain
      .subscribeNewHeads(async (header) => {
        try {
          const hash = header.hash;
          const [block, events, weight, now] = await Promise.all([
            api.rpc.chain.getBlock(hash),
            api.query.system.events.at(hash),
            api.query.system.blockWeight.at(hash),
            api.query.timestamp.now.at(hash),
          ]);
          const indices = [];
          block.block.extrinsics.forEach((x, index) => {
            if (x.isSigned && x.method.section === workload.section && x.method.method === workload.method) indices.push(index);
          });
          const mine = new Set(indices);
          let failed = 0;
          const errors = new Map();
          for (const { phase, event } of events) {
            if (!phase.isApplyExtrinsic || !mine.has(phase.asApplyExtrinsic.toNumber())) continue;
            if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
              failed += 1;
              const [err] = event.data;
              const name = err.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(err.asModule)) : err.type;
              errors.set(name, (errors.get(name) ?? 0) + 1);
            }
          }
          blocks.push({
            number: header.number.toNumber(),
            count: indices.length,
            failed,
            errors: Object.fromEntries(errors),
            normalWeight: weight.normal.refTime.toBigInt(),
            timestamp: now.toNumber(),
            backlog: submittedAt === null ? null : extrinsics.length - included,
          });
          included += indices.length;
          log(`  #${header.number.toNumber()}: ${indices.length} ${workload.name} (${failed} failed), ${included}/${extrinsics.length}`);
          idle = indices.length === 0 && submittedAt !== null ? idle + 1 : 0;
          if (included >= extrinsics.length || idle >= idleBlocks) {
            clearTimeout(timer);
            resolve();
          }
        } catch (err) {
          clearTimeout(timer);
          reject(err);
        }
      })
      .then((u) => {
        unsubscribe = u;
      }, reject);
  });
  const started = Date.now();
  const { rejected, example } = await submitAll(api, extrinsics);
  submittedAt = Date.now();
  log(`  submitted ${extrinsics.length} in ${submittedAt - started} ms (${rejected} rejected${example ? `: ${example}` : ''})`);
  try {
    await done;
  } finally {
    unsubscribe?.();
  }
  return summarise(workload, blocks, { signed: extrinsics.length, rejected, ceiling, maxNormal, submitMs: submittedAt - started });
}

/**
 * The summary row of a workload's blocks: the most per block, the mean over up to 20
 * consecutive blocks that carried it (the first and last, partly filled, left out when
 * there are more than two), transactions per second over those blocks' timestamps, and the
 * fullest block's normal weight against the class maximum.
 */
export function summarise(workload, blocks, { signed, rejected, ceiling, maxNormal, submitMs }) {
  const carrying = blocks.filter((b) => b.count > 0);
  const max = Math.max(0, ...carrying.map((b) => b.count));
  let window = carrying.length > 2 ? carrying.slice(1, -1) : carrying;
  window = window.slice(0, 20);
  const sum = window.reduce((s, b) => s + b.count, 0);
  const sustained = window.length ? sum / window.length : 0;
  // Each block's extrinsics arrived over the time since the block before it.
  const span = window.length ? window[window.length - 1].timestamp - (blocks[blocks.indexOf(window[0]) - 1]?.timestamp ?? window[0].timestamp - 6_000) : 0;
  const tps = span > 0 ? (sum * 1000) / span : 0;
  const fullest = carrying.reduce((best, b) => (b.normalWeight > (best?.normalWeight ?? -1n) ? b : best), null);
  const fullness = fullest ? Number((fullest.normalWeight * 10_000n) / maxNormal) / 100 : 0;
  const included = carrying.reduce((s, b) => s + b.count, 0);
  const failed = carrying.reduce((s, b) => s + b.failed, 0);
  const errors = {};
  for (const b of carrying) for (const [k, v] of Object.entries(b.errors)) errors[k] = (errors[k] ?? 0) + v;
  // Which limit the blocks met: weight (the class is full), the load generator (the pool ran
  // dry, or was still being filled, while a block was built), or the node (the pool held
  // more than the block took).
  const drained = window.filter((b) => b.backlog === null || b.backlog <= b.count).length;
  let bottleneck;
  if (max >= 0.95 * ceiling || fullness >= 95) bottleneck = 'weight';
  else if (drained * 2 > window.length) bottleneck = 'load generator';
  else bottleneck = 'node (block building time)';
  return {
    name: workload.name,
    signed,
    rejected,
    included,
    failed,
    errors,
    maxPerBlock: max,
    sustained: Math.round(sustained),
    blocksMeasured: window.length,
    tps: Math.round(tps * 10) / 10,
    fullness,
    ceiling,
    bottleneck,
    submitMs,
  };
}

/** Adds each row's ratio to the transfers' row (sustained per block, else max). */
export function withRatios(rows) {
  const base = rows.find((r) => r.name === 'balances.transferKeepAlive');
  return rows.map((r) => ({
    ...r,
    ratio: base && base.sustained > 0 ? Math.round((r.sustained / base.sustained) * 100) / 100 : null,
  }));
}

/** The rows as a Markdown table. */
export function markdownTable(rows) {
  const lines = [
    '| extrinsic | per block (max) | per block (sustained, blocks) | TPS | fullest block (normal weight) | weight ceiling per block | vs transfers | failed | bottleneck |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    const failed = r.failed ? `${r.failed} (${Object.entries(r.errors).map(([k, v]) => `${k} ×${v}`).join(', ')})` : '0';
    lines.push(
      `| \`${r.name}\` | ${r.maxPerBlock} | ${r.sustained} (${r.blocksMeasured}) | ${r.tps} | ${r.fullness}% | ${r.ceiling} | ${r.ratio ?? '–'}× | ${failed} | ${r.bottleneck} |`,
    );
  }
  return lines.join('\n');
}
