// Mining: the current era of the daily emission, its budget, what has been emitted against
// the 63M cap, and every provider with its score factors and estimated reward — all as the
// chain computes them (`bttMiningApi`).
import { blocksAsTime, escapeHtml, formatBalance, percent } from '../chain.js';

/** A FixedU128 factor (18 decimals) as "1.25". */
function factor(value) {
  return (Number(value.toBigInt() / 10n ** 14n) / 10_000).toFixed(3);
}

export async function mount(ctx) {
  const { api, chain, root } = ctx;
  const fmt = (value) => formatBalance(chain, value, { decimals: 2 });
  root.innerHTML = `
    <h2>Mining</h2>
    <div class="cards" id="era-cards"></div>
    <h3>Providers this era</h3>
    <table id="providers"></table>
    <p class="muted">A provider's score is compute × QoS × geography × energy. Compute counts only
    jobs paid by verified consumers within their allowances; QoS and energy are the medians of
    at least the required number of oracle reports. The estimate is what a claim would pay if the
    era ended now.</p>`;

  async function update() {
    const [era, entries, header] = await Promise.all([
      api.call.bttMiningApi.era(),
      api.query.bttMining.providers.entries(),
      api.rpc.chain.getHeader(),
    ]);
    const now = header.number.toNumber();
    const index = era.era.toNumber();
    const emitted = era.capSoFar.toBigInt();
    root.querySelector('#era-cards').innerHTML = [
      ['Era', `${index} of ${era.endEra.toNumber()}`, 'era'],
      ['Era ends', `block #${era.end.toNumber()} (in ${blocksAsTime(chain, era.end.toNumber() - now)})`, 'era-end'],
      ['Budget of this era', fmt(era.budget), 'budget'],
      ['Emission cap so far', `${fmt(emitted)} (${percent(emitted, era.emissionTotal)} of ${fmt(era.emissionTotal)})`, 'emitted'],
      ['Claimed by providers', fmt(era.paid), 'paid'],
      ['Scored compute this era', fmt(era.scoredCompute), 'compute'],
      ['Providers · oracles', `${era.providers} · ${era.oracles} (quorum ${era.minOracleReports})`, 'participants'],
    ]
      .map(([label, value, id]) => `<div class="card" id="card-${id}"><div class="label">${label}</div><div class="value">${value}</div></div>`)
      .join('');
    const views = await Promise.all(
      entries.map(async ([key]) => {
        const who = key.args[0].toString();
        return [who, await api.call.bttMiningApi.provider(who, index)];
      }),
    );
    root.querySelector('#providers').innerHTML =
      '<tr><th>Provider</th><th>Region</th><th>Stake</th><th>Compute</th><th>Reports</th><th>QoS</th><th>Energy</th><th>Geography</th><th>Estimated reward</th></tr>' +
      (views.length
        ? views
            .filter(([, view]) => view.isSome)
            .map(([who, view]) => {
              const v = view.unwrap();
              return `<tr><td>${escapeHtml(who)}</td><td>${v.region}</td>
                <td class="num">${fmt(v.stake)}${v.eligible.isTrue ? '' : ' <span class="error">(below the minimum)</span>'}</td>
                <td class="num">${fmt(v.compute)}</td><td class="num">${v.reports}</td><td class="num">${factor(v.qos)}</td>
                <td class="num">${factor(v.energy)}</td><td class="num">${factor(v.geography)}</td><td class="num">${fmt(v.estimatedReward)}</td></tr>`;
            })
            .join('')
        : '<tr><td colspan="9" class="muted">no providers registered</td></tr>');
  }

  await update();
  return { update };
}
