// Account: the selected account's balance and what is frozen or held in it and why, its
// vesting schedules with a Claim button, and its stakes: tier, benefits, pending fee share,
// each position's maturity and reward after burn, Close and Claim buttons, and a stake form
// that shows the chain's quote (or the exact refusal) before anything is signed.
import { blocksAsDays, blocksAsTime, describeError, escapeHtml, formatBalance, parseAmount } from '../chain.js';

const TIER_NAMES = { Days30: '30 days', Days90: '90 days', Days180: '180 days', Days365: '365 days', Days1095: '1095 days' };

export async function mount(ctx) {
  const { api, chain, root } = ctx;
  const account = ctx.account();
  if (!account) {
    root.innerHTML = `<h2>Account</h2><p class="muted">Choose an account above${chain.isDev ? '' : ' (use a browser wallet on this chain)'}.</p>`;
    return { update: async () => {} };
  }
  const who = account.address;
  const fmt = (value) => formatBalance(chain, value);
  const terms = (await api.call.bttStakingApi.terms()).map(([tier, term]) => ({ tier: tier.toString(), term }));
  root.innerHTML = `
    <h2>Account <span class="muted" id="account-address">${escapeHtml(account.name)} · ${who}</span></h2>
    <div class="cards" id="balance-cards"></div>
    <h3>Frozen and held, by reason</h3>
    <table id="locks"></table>
    <h3>Vesting</h3>
    <div id="vesting"></div>
    <h3>Staking</h3>
    <div class="cards" id="staking-cards"></div>
    <table id="positions"></table>
    <p><button id="claim-fee-share" type="button" class="secondary">Claim fee share</button></p>
    <h3>Stake</h3>
    <form class="inline" id="stake-form">
      <label>Tier<br><select id="stake-tier">${terms
        .map(({ tier, term }) => `<option value="${tier}">${TIER_NAMES[tier] ?? tier} — ${term.apy.toNumber() / 10_000}% a year, from ${fmt(term.minimum)}</option>`)
        .join('')}</select></label>
      <label>Amount (${chain.symbol})<br><input id="stake-amount" inputmode="decimal" size="16" placeholder="1000"></label>
      <button id="stake-submit" type="submit" disabled>Stake</button>
    </form>
    <div class="quote" id="stake-quote"></div>`;

  const quoteBox = root.querySelector('#stake-quote');
  const stakeButton = root.querySelector('#stake-submit');
  let quoteSerial = 0;

  /** Asks the chain what the stake in the form would give; shows it or the refusal. */
  async function showQuote() {
    const serial = ++quoteSerial;
    const tier = root.querySelector('#stake-tier').value;
    const text = root.querySelector('#stake-amount').value;
    stakeButton.disabled = true;
    if (!text.trim()) {
      quoteBox.innerHTML = '<span class="muted">Enter an amount to see the quote.</span>';
      return;
    }
    let amount;
    try {
      amount = parseAmount(chain, text);
    } catch (error) {
      quoteBox.innerHTML = `<span class="error">${escapeHtml(error.message)}</span>`;
      return;
    }
    const result = await api.call.bttStakingApi.quote(who, tier, amount);
    if (serial !== quoteSerial) return;
    if (result.isErr) {
      quoteBox.innerHTML = `<span class="error" id="quote-error">${escapeHtml(describeError(api, result.asErr))}</span>`;
      return;
    }
    const q = result.asOk;
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const benefits = benefitList(q.benefits);
    quoteBox.innerHTML = `<table id="quote-table">
      <tr><th>Reward</th><td class="num">${fmt(q.reward)}</td></tr>
      <tr><th>Burned at payout</th><td class="num">${fmt(q.rewardBurned)}</td></tr>
      <tr><th>Paid at close</th><td class="num" id="quote-paid">${fmt(q.rewardPaid)}</td></tr>
      <tr><th>Matures</th><td>block #${q.maturity.toNumber()} (in ${blocksAsTime(chain, q.maturity.toNumber() - best)}, ${q.term.days.toNumber()} chain days)</td></tr>
      <tr><th>Benefits</th><td>${benefits || 'none'}</td></tr></table>`;
    stakeButton.disabled = false;
  }

  root.querySelector('#stake-amount').addEventListener('input', showQuote);
  root.querySelector('#stake-tier').addEventListener('change', showQuote);
  root.querySelector('#stake-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const tier = root.querySelector('#stake-tier').value;
    const amount = parseAmount(chain, root.querySelector('#stake-amount').value);
    stakeButton.disabled = true;
    const result = await ctx.send(api.tx.bttStaking.stake(tier, amount), 'stake');
    if (result.ok) root.querySelector('#stake-amount').value = '';
    await update();
    await showQuote();
  });
  root.querySelector('#claim-fee-share').addEventListener('click', async () => {
    await ctx.send(api.tx.bttStaking.claimFeeShare(), 'claim fee share');
    await update();
  });
  root.addEventListener('click', async (event) => {
    const close = event.target.closest('button[data-close]');
    if (close) {
      close.disabled = true;
      await ctx.send(api.tx.bttStaking.close(who, close.dataset.close), `close position ${close.dataset.close}`);
      await update();
    }
    if (event.target.closest('#claim-vesting')) {
      await ctx.send(api.tx.bttVesting.claim(who), 'vesting claim');
      await update();
    }
  });

  async function update() {
    const [info, freezes, holds, vesting, schedules, staking, header] = await Promise.all([
      api.query.system.account(who),
      api.query.balances.freezes(who),
      api.query.balances.holds(who),
      api.call.bttVestingApi.account(who),
      api.query.bttVesting.schedules(who),
      api.call.bttStakingApi.account(who),
      api.rpc.chain.getHeader(),
    ]);
    const now = header.number.toNumber();
    const { free, reserved, frozen } = info.data;
    root.querySelector('#balance-cards').innerHTML = [
      ['Balance', fmt(free.toBigInt() + reserved.toBigInt()), 'balance'],
      ['Free (incl. frozen)', fmt(free), 'free'],
      ['Frozen', fmt(frozen), 'frozen'],
      ['On hold', fmt(reserved), 'held'],
    ]
      .map(([label, value, id]) => `<div class="card" id="card-${id}"><div class="label">${label}</div><div class="value">${value}</div></div>`)
      .join('');
    const reasons = [...freezes.map((f) => ['frozen', f.id, f.amount]), ...holds.map((h) => ['held', h.id, h.amount])];
    root.querySelector('#locks').innerHTML =
      '<tr><th>Kind</th><th>Reason</th><th>Amount</th></tr>' +
      (reasons.length
        ? reasons.map(([kind, id, amount]) => `<tr><td>${kind}</td><td>${escapeHtml(reasonText(id))}</td><td class="num">${fmt(amount)}</td></tr>`).join('')
        : '<tr><td colspan="3" class="muted">nothing frozen or held</td></tr>');

    const list = schedules.isSome ? schedules.unwrap() : [];
    root.querySelector('#vesting').innerHTML = `
      <p>Frozen by vesting: <b>${fmt(vesting.frozen)}</b> · claimable now: <b id="vesting-claimable">${fmt(vesting.claimable)}</b>
      <button id="claim-vesting" type="button" ${vesting.claimable.isZero() ? 'disabled' : ''}>Claim</button></p>
      <table id="schedules"><tr><th>Row</th><th>Total</th><th>Released</th><th>Lock ends</th><th>Linear over</th></tr>${
        list.length
          ? list
              .map(
                (s) => `<tr><td>${s.row}</td><td class="num">${fmt(s.total)}</td><td class="num">${fmt(s.released)}</td>
                <td>block #${s.cliff.toNumber()}${s.cliff.toNumber() > now ? ` (in ${blocksAsTime(chain, s.cliff.toNumber() - now)})` : ' (passed)'}</td>
                <td>${blocksAsDays(chain, s.duration.toNumber())}</td></tr>`,
              )
              .join('')
          : '<tr><td colspan="5" class="muted">no vesting schedules</td></tr>'
      }</table>`;

    const tier = staking.tier.isSome ? staking.tier.unwrap().toString() : null;
    root.querySelector('#staking-cards').innerHTML = [
      ['Tier', tier ? TIER_NAMES[tier] ?? tier : 'none', 'tier'],
      ['Benefits', benefitList(staking.benefits) || 'none', 'benefits'],
      ['Staked', fmt(staking.staked), 'staked'],
      ['Pending fee share', fmt(staking.pendingFeeShare), 'fee-share'],
    ]
      .map(([label, value, id]) => `<div class="card" id="card-${id}"><div class="label">${label}</div><div class="value">${value}</div></div>`)
      .join('');
    root.querySelector('#claim-fee-share').disabled = staking.pendingFeeShare.isZero();
    root.querySelector('#positions').innerHTML =
      '<tr><th>#</th><th>Tier</th><th>Principal</th><th>Reward paid at close</th><th>Burned</th><th>Fee share</th><th>Matures</th><th></th></tr>' +
      (staking.positions.length
        ? staking.positions
            .map((p) => {
              const maturity = p.maturity.toNumber();
              const when = p.matured.isTrue ? 'matured' : `in ${blocksAsTime(chain, maturity - now)}`;
              return `<tr data-position="${p.id}"><td>${p.id}</td><td>${TIER_NAMES[p.tier.toString()] ?? p.tier}</td>
                <td class="num">${fmt(p.principal)}</td><td class="num">${fmt(p.rewardPaid)}</td><td class="num">${fmt(p.rewardBurned)}</td>
                <td class="num">${fmt(p.feeShare)}</td><td>block #${maturity} (${when})</td>
                <td><button type="button" data-close="${p.id}" ${p.matured.isTrue ? '' : 'disabled'}>Close</button></td></tr>`;
            })
            .join('')
        : '<tr><td colspan="8" class="muted">no stakes</td></tr>');
  }

  await update();
  await showQuote();
  return { update };
}

/** The benefits a tier gives, in words. */
function benefitList(benefits) {
  const list = [];
  if (benefits.computePriority.isTrue) list.push('compute priority');
  if (!benefits.feeDiscount.isZero()) list.push(`${benefits.feeDiscount.toNumber() / 10_000}% fee discount`);
  if (benefits.governanceBoost.isTrue) list.push('1.5× votes');
  if (benefits.specialAccess.isTrue) list.push('special service access');
  return list.join(', ');
}

/** A freeze or hold reason ({ BttStaking: 'Staking' }) as "BttStaking: Staking". */
function reasonText(id) {
  const json = id.toJSON();
  if (json && typeof json === 'object') {
    return Object.entries(json).map(([pallet, reason]) => `${pallet}: ${reason}`).join(', ');
  }
  return String(json);
}
