// The full live load test (`scripts/bench-throughput.sh` runs it): an optimised `--dev`
// node, SENDERS funded senders, ROUNDS rounds of each hot-path extrinsic, and a Markdown
// table of what the blocks held, written to OUT.
//
//   BTT_NODE_BIN=… SENDERS=3000 ROUNDS=10 OUT=../../benchmarks/throughput.md node throughput.mjs

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { connect, nodeBinary, startNode } from './lib/node.mjs';
import { markdownTable, prepareLoad, runWorkload, withRatios, WORKLOADS } from './lib/throughput.mjs';

const SENDERS = Number(process.env.SENDERS ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 10);
const OUT = process.env.OUT ?? null;
const log = (line) => console.log(line);

const node = await startNode({
  // A pool that holds every round at once, and RPC that takes them as fast as they come.
  extraArgs: ['--pool-limit', '100000', '--pool-kbytes', '1000000', '--rpc-max-connections', '1000'],
});
let api;
try {
  api = await connect(node);
  log(`load test: ${SENDERS} senders, ${ROUNDS} rounds, node ${nodeBinary()}`);
  const { senders, ctx } = await prepareLoad(api, SENDERS, ROUNDS);
  log('senders funded');

  const rows = [];
  for (const workload of WORKLOADS) {
    log(`${workload.name}:`);
    rows.push(await runWorkload(api, workload, senders, ROUNDS, ctx, { log }));
  }
  const table = markdownTable(withRatios(rows));
  log(table);

  if (OUT) {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    let version = '';
    try {
      version = execFileSync(nodeBinary(), ['--version']).toString().trim();
    } catch {}
    writeFileSync(
      OUT,
      `# Throughput: BTT hot paths against transfers, on one node\n\n` +
        `Measured by \`scripts/bench-throughput.sh\` on ${new Date().toISOString().slice(0, 10)}: ` +
        `a \`--dev\` node (${version}, release build), ${SENDERS} senders funded from the dev ` +
        `chain's liquid allocation, ${ROUNDS} rounds of one signed extrinsic per sender ` +
        `(a stake: one round), all signed before the first is submitted.\n\n` +
        `Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}.\n\n` +
        `${table}\n\n` +
        `- *per block*: the workload's extrinsics in one block; *sustained*: the mean over up to 20 ` +
        `consecutive blocks that carried it (the first and last, partly filled, left out).\n` +
        `- *TPS*: those extrinsics over the blocks' timestamps.\n` +
        `- *weight ceiling*: the normal class's maximum weight divided by one extrinsic's full weight ` +
        `(call, extensions and base extrinsic weight).\n` +
        `- *bottleneck*: \`weight\` when the blocks reach the ceiling; \`load generator\` when the pool ` +
        `ran dry while a block was built; \`node\` when the pool held more than the block took.\n`,
    );
    log(`wrote ${OUT}`);
  }
} finally {
  await api?.disconnect().catch(() => {});
  await node.stop();
}
