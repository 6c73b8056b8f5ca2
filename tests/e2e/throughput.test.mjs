// A smoke run of the live load test (`scripts/bench-throughput.sh` is the full run): a few
// hundred signed extrinsics of each hot path from senders funded out of the dev chain's
// liquid allocation, counted from the blocks. It checks that the load test keeps working
// and that every workload is included as expected; the numbers of a debug node mean nothing.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDevNode } from './lib/node.mjs';
import { markdownTable, prepareLoad, runWorkload, withRatios, WORKLOADS } from './lib/throughput.mjs';

const SENDERS = 60;
const ROUNDS = 2;

describe('throughput smoke: each hot path from many senders, counted from the blocks', () => {
  const ctx = useDevNode();

  it('includes every workload and reports per-block counts and ratios', async () => {
    const { api } = ctx;
    const { senders, ctx: load } = await prepareLoad(api, SENDERS, ROUNDS, { timeoutMs: 120_000 });
    const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();

    const rows = [];
    for (const workload of WORKLOADS) {
      const row = await runWorkload(api, workload, senders, ROUNDS, load, { timeoutMs: 180_000 });
      const expected = SENDERS * Math.min(ROUNDS, workload.maxRounds ?? ROUNDS);
      assert.equal(row.rejected, 0, `${workload.name}: none rejected by the pool`);
      assert.equal(row.included, expected, `${workload.name}: every extrinsic included`);
      if (workload.expectFailure) {
        assert.deepEqual(row.errors, { [workload.expectFailure]: expected }, workload.name);
      } else {
        assert.equal(row.failed, 0, `${workload.name}: none failed (${JSON.stringify(row.errors)})`);
      }
      assert.ok(row.maxPerBlock > 0 && row.fullness > 0 && row.ceiling > 0, `${workload.name}: measured`);
      rows.push(row);
    }
    const table = markdownTable(withRatios(rows));
    console.log(table);
    assert.equal(table.split('\n').length, 2 + WORKLOADS.length);

    // Nothing was minted: the load only moved, staked, paid and burned existing tokens.
    const burned = (await api.query.bttBurn.totalBurned()).toBigInt();
    const issuanceAfter = (await api.query.balances.totalIssuance()).toBigInt();
    assert.ok(issuanceAfter <= issuanceBefore, 'issuance never grows under load');
    assert.equal(issuanceAfter + burned, 210_000_000n * 10n ** 18n, 'issuance + burned = 210M');
  });
});
