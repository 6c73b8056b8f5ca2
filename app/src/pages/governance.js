// Governance: the referenda of each track with their tallies, the extra votes the 1.5×
// staker boost added to each (btt-governance), and the council.
import { escapeHtml, formatBalance } from '../chain.js';

export async function mount(ctx) {
  const { api, chain, root } = ctx;
  const fmt = (value) => formatBalance(chain, value, { decimals: 2 });
  const tracks = new Map(api.consts.referenda.tracks.map(([id, info]) => [id.toNumber(), info.name.toString()]));
  root.innerHTML = `
    <h2>Governance</h2>
    <h3>Tracks</h3>
    <table id="tracks"></table>
    <h3>Referenda</h3>
    <table id="referenda"></table>
    <p class="muted">Voters whose stake is in the 365-day tier or longer vote with 1.5× weight:
    the chain adds half their conviction-weighted votes again (up to their qualifying stake).
    The boost column shows those extra votes, which are already in the tally.</p>
    <h3>Council</h3>
    <div id="council"></div>`;

  async function update() {
    const [entries, members, proposals, sunset] = await Promise.all([
      api.query.referenda.referendumInfoFor.entries(),
      api.query.council.members(),
      api.query.council.proposals(),
      api.query.bttGovernance.councilSunset(),
    ]);
    const byTrack = new Map();
    const rows = [];
    for (const [key, info] of entries.sort((a, b) => a[0].args[0].toNumber() - b[0].args[0].toNumber())) {
      if (info.isNone) continue;
      const index = key.args[0].toNumber();
      const referendum = info.unwrap();
      if (!referendum.isOngoing) {
        rows.push(`<tr><td>${index}</td><td colspan="5">${escapeHtml(referendum.type)}</td></tr>`);
        continue;
      }
      const ongoing = referendum.asOngoing;
      const track = ongoing.track.toNumber();
      byTrack.set(track, (byTrack.get(track) ?? 0) + 1);
      const boosts = await api.query.bttGovernance.boostedVotes.entries(index);
      const boostAyes = boosts.reduce((sum, [, b]) => sum + (b.isSome ? b.unwrap().ayes.toBigInt() : 0n), 0n);
      const boostNays = boosts.reduce((sum, [, b]) => sum + (b.isSome ? b.unwrap().nays.toBigInt() : 0n), 0n);
      rows.push(`<tr data-referendum="${index}"><td>${index}</td><td>${escapeHtml(tracks.get(track) ?? String(track))}</td>
        <td>${ongoing.deciding.isSome ? 'deciding' : 'preparing'}</td>
        <td class="num">${fmt(ongoing.tally.ayes)} / ${fmt(ongoing.tally.nays)}</td><td class="num">${fmt(ongoing.tally.support)}</td>
        <td class="num">${boosts.length} boosted voter(s): +${fmt(boostAyes)} aye, +${fmt(boostNays)} nay</td></tr>`);
    }
    root.querySelector('#tracks').innerHTML =
      '<tr><th>Track</th><th>Name</th><th>Ongoing referenda</th></tr>' +
      [...tracks].map(([id, name]) => `<tr><td>${id}</td><td>${escapeHtml(name)}</td><td class="num">${byTrack.get(id) ?? 0}</td></tr>`).join('');
    root.querySelector('#referenda').innerHTML =
      '<tr><th>#</th><th>Track</th><th>Phase</th><th>Ayes / nays</th><th>Support</th><th>1.5× boost</th></tr>' +
      (rows.length ? rows.join('') : '<tr><td colspan="6" class="muted">no referenda</td></tr>');
    root.querySelector('#council').innerHTML = `<p>${members.length} member(s), ${proposals.length} open motion(s);
      the council's powers end at block #${sunset.toNumber()}.</p>
      <ul>${members.map((m) => `<li>${escapeHtml(m.toString())}</li>`).join('')}</ul>`;
  }

  await update();
  return { update };
}
