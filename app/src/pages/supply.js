// Supply: where the 210M BTT are — issued and burned, circulating, vesting, in pools and
// staked — what each allocation row has released, and the release the rows' rules produce
// beside the white paper's table.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

import { bytesText, escapeHtml, formatBalance, percent } from '../chain.js';
import { releaseBesidePaper } from '../paper.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export async function mount(ctx) {
  const { api, chain, root } = ctx;
  root.innerHTML = `
    <h2>Supply</h2>
    <div class="cards" id="supply-cards"></div>
    <h3>Burned, by source</h3>
    <table id="burns"></table>
    <h3>The allocation table</h3>
    <table id="rows"></table>
    <h3>Release schedule: the chain's rules beside the white paper</h3>
    <p class="muted">The chain releases by the allocation rows' own rules (locks, linear months,
    tranches, the mining calendar). Pools spent by governance (ecosystem, community, reserve)
    have no fixed calendar and are not in the chain's columns.</p>
    <div class="chart"><canvas id="release-chart" height="110"></canvas></div>
    <table id="release"></table>`;
  const fmt = (value) => formatBalance(chain, value, { decimals: 2 });
  let chart = null;

  async function update() {
    const [supply, burned, bySource, rows, projection] = await Promise.all([
      api.call.bttVestingApi.supply(),
      api.call.bttBurnApi.totalBurned(),
      api.call.bttBurnApi.burnedBySource(),
      api.call.bttVestingApi.rows(),
      api.call.bttVestingApi.projectedRelease(),
    ]);
    const issued = supply.totalIssuance.toBigInt();
    const cards = [
      ['Total supply (issued + burned)', fmt(issued + burned.toBigInt()), 'total-supply'],
      ['Issued', fmt(issued), 'issued'],
      ['Burned', fmt(burned), 'burned'],
      ['Circulating', fmt(supply.circulating), 'circulating'],
      ['Locked in vesting', fmt(supply.vestingLocked), 'vesting-locked'],
      ['Undistributed pools', fmt(supply.undistributedPools), 'pools'],
      ['Staked', fmt(supply.staked), 'staked'],
    ];
    root.querySelector('#supply-cards').innerHTML = cards
      .map(([label, value, id]) => `<div class="card" id="card-${id}"><div class="label">${label}</div><div class="value">${value}</div></div>`)
      .join('');
    root.querySelector('#burns').innerHTML =
      '<tr><th>Source</th><th>Burned</th></tr>' +
      (bySource.length
        ? bySource.map(([source, amount]) => `<tr><td>${escapeHtml(source.toString())}</td><td class="num">${fmt(amount)}</td></tr>`).join('')
        : '<tr><td colspan="2" class="muted">nothing burned yet</td></tr>');
    root.querySelector('#rows').innerHTML =
      '<tr><th>#</th><th>Row</th><th>Share</th><th>Amount</th><th>Rule</th><th>Released</th><th>Claimable</th><th>Locked</th></tr>' +
      rows
        .map(
          (r) => `<tr><td>${r.row}</td><td>${escapeHtml(bytesText(r.name))}</td><td class="num">${(r.bps.toNumber() / 100).toFixed(2)}%</td>
          <td class="num">${fmt(r.amount)}</td><td>${escapeHtml(ruleText(r.release))}</td><td class="num">${fmt(r.released)}</td>
          <td class="num">${fmt(r.claimable)}</td><td class="num">${fmt(r.locked)}</td></tr>`,
        )
        .join('');
    const periods = releaseBesidePaper(projection);
    root.querySelector('#release').innerHTML =
      '<tr><th>Period</th><th>Paper</th><th>Paper, cumulative</th><th>Chain</th><th>Chain %</th><th>Chain, cumulative</th></tr>' +
      periods
        .map(
          (p) => `<tr data-period="${p.period}"><td>${p.period}</td><td class="num">${p.paper}%</td><td class="num">${p.paperCumulative}%</td>
          <td class="num">${fmt(p.chain)}</td><td class="num">${p.chainPercent.toFixed(2)}%</td><td class="num">${p.chainCumulative.toFixed(2)}%</td></tr>`,
        )
        .join('');
    const data = {
      labels: periods.map((p) => p.period),
      datasets: [
        { label: 'White paper, % of supply', data: periods.map((p) => p.paper), backgroundColor: '#98a2b3' },
        { label: "Chain's rules, % of supply", data: periods.map((p) => p.chainPercent), backgroundColor: '#0b6bcb' },
      ],
    };
    if (!chart) {
      chart = new Chart(root.querySelector('#release-chart'), {
        type: 'bar',
        data,
        options: { animation: false, scales: { y: { title: { display: true, text: '% of 210M' } } } },
      });
    } else {
      chart.data = data;
      chart.update();
    }
    root.querySelector('#card-circulating .label').title = `${percent(supply.circulating, issued)} of issued`;
  }

  await update();
  return { update, dispose: () => chart?.destroy() };
}

/** A row's release rule in words. */
function ruleText(rule) {
  if (rule.isLockThenLinear) {
    const { lockMonths, linearMonths } = rule.asLockThenLinear;
    return `${lockMonths}-month lock, then linear over ${linearMonths} months`;
  }
  if (rule.isMilestoneTranches) return `${rule.asMilestoneTranches.tranches} monthly tranches, each on an approved milestone`;
  const words = {
    MiningEmission: 'mining emission, daily eras over 8 years',
    CommunityProgrammes: 'community programmes and staking rewards',
    GovernanceRelease: 'released by governance',
    Unlocked: 'unlocked at genesis',
    ReferendumOnly: 'only by referendum, to the foundation',
  };
  return words[rule.type] ?? rule.type;
}
