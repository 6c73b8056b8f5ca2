// Validators: the set governance chose (btt-validators), the session's validators and
// when the next session starts, and the best and finalized heads.
import { escapeHtml } from '../chain.js';

export async function mount(ctx) {
  const { api, root } = ctx;
  root.innerHTML = `
    <h2>Validators</h2>
    <div class="cards" id="session-cards"></div>
    <h3>Validators</h3>
    <table id="validator-set"></table>`;

  async function update() {
    const [session, active, chosen, length, changed, header, finalized] = await Promise.all([
      api.query.session.currentIndex(),
      api.query.session.validators(),
      api.query.bttValidators.validators(),
      api.query.bttValidators.sessionLength(),
      api.query.bttValidators.setChanged(),
      api.rpc.chain.getHeader(),
      api.rpc.chain.getFinalizedHead().then((hash) => api.rpc.chain.getHeader(hash)),
    ]);
    const now = header.number.toNumber();
    const sessionLength = length.toNumber();
    const next = sessionLength ? (Math.floor(now / sessionLength) + 1) * sessionLength : now;
    root.querySelector('#session-cards').innerHTML = [
      ['Session', session.toString(), 'session'],
      ['Session length', `${sessionLength} blocks`, 'session-length'],
      ['Next session', `block #${next}`, 'next-session'],
      ['Best · finalized', `#${now} · #${finalized.number.toNumber()}`, 'heads'],
      ['Set change pending', changed.isTrue ? 'yes, at the next session' : 'no', 'pending'],
    ]
      .map(([label, value, id]) => `<div class="card" id="card-${id}"><div class="label">${label}</div><div class="value">${value}</div></div>`)
      .join('');
    const activeSet = new Set(active.map((v) => v.toString()));
    const all = [...new Set([...active.map((v) => v.toString()), ...chosen.map((v) => v.toString())])];
    root.querySelector('#validator-set').innerHTML =
      '<tr><th>Validator</th><th>In this session</th><th>In the chosen set</th></tr>' +
      all
        .map((v) => `<tr><td>${escapeHtml(v)}</td><td>${activeSet.has(v) ? 'yes' : 'no'}</td><td>${chosen.some((c) => c.toString() === v) ? 'yes' : 'no (leaves at the next session)'}</td></tr>`)
        .join('');
  }

  await update();
  return { update };
}
