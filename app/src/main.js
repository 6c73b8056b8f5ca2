// The BTT web app: connects to a node, keeps the account selection, and shows one page at a
// time (#supply, #account, #mining, #governance, #validators), refreshed at every new block.
import { connect, DEFAULT_ENDPOINT, escapeHtml } from './chain.js';
import { devAccounts, signAndSend, walletAccounts } from './wallet.js';
import * as supply from './pages/supply.js';
import * as account from './pages/account.js';
import * as mining from './pages/mining.js';
import * as governance from './pages/governance.js';
import * as validators from './pages/validators.js';

const PAGES = { supply, account, mining, governance, validators };
const $ = (selector) => document.querySelector(selector);

const state = { api: null, chain: null, accounts: [], page: null, pageName: null, unsubscribeHeads: null };

/** The endpoint: `?rpc=` in the address, else the last one used, else the local node. */
function initialEndpoint() {
  return new URLSearchParams(location.search).get('rpc') ?? localStorage.getItem('btt.endpoint') ?? DEFAULT_ENDPOINT;
}

function selectedAccount() {
  return state.accounts.find((a) => a.address === $('#account-select').value) ?? null;
}

function setTxStatus(text, kind = '') {
  const status = $('#tx-status');
  status.textContent = text;
  status.className = kind;
}

/** What pages get: the API, the chain's facts, the selected account and a way to sign. */
function context(root) {
  return {
    api: state.api,
    chain: state.chain,
    root,
    account: selectedAccount,
    /** Signs and submits `tx`; shows progress and the outcome in the account bar. */
    async send(tx, what) {
      const signer = selectedAccount();
      if (!signer) {
        setTxStatus('choose an account first', 'error');
        return { ok: false, error: 'no account selected' };
      }
      try {
        const result = await signAndSend(state.api, tx, signer, { onStatus: (s) => setTxStatus(`${what}: ${s}`) });
        setTxStatus(result.ok ? `${what}: done` : `${what} failed: ${result.error}`, result.ok ? 'ok' : 'error');
        return result;
      } catch (error) {
        setTxStatus(`${what} failed: ${error.message}`, 'error');
        return { ok: false, error: error.message };
      }
    },
  };
}

async function showPage() {
  const name = PAGES[location.hash.slice(1)] ? location.hash.slice(1) : 'supply';
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('active', link.dataset.page === name);
  state.page?.dispose?.();
  state.page = null;
  state.pageName = name;
  const root = $('#page');
  root.innerHTML = '';
  delete root.dataset.ready;
  if (!state.api) {
    root.innerHTML = '<p class="muted">Connect to a BTT node to see this page.</p>';
    return;
  }
  root.dataset.page = name;
  // Each page gets a container of its own: an update still in flight when the reader moves
  // on writes into the old, detached container instead of the new page.
  const container = document.createElement('div');
  root.append(container);
  try {
    const page = await PAGES[name].mount(context(container));
    if (state.pageName !== name || !container.isConnected) {
      page?.dispose?.();
      return;
    }
    state.page = page;
    root.dataset.ready = 'true';
  } catch (error) {
    container.innerHTML = `<p class="error">This page could not be read from the chain: ${escapeHtml(error.message)}</p>`;
  }
}

function fillAccounts() {
  const select = $('#account-select');
  const previous = select.value || localStorage.getItem('btt.account');
  select.innerHTML = state.accounts
    .map((a) => `<option value="${a.address}">${escapeHtml(a.name)} — ${a.address.slice(0, 8)}…</option>`)
    .join('');
  if (state.accounts.some((a) => a.address === previous)) select.value = previous;
}

async function start(endpoint) {
  state.unsubscribeHeads?.();
  await state.api?.disconnect().catch(() => {});
  state.api = null;
  $('#chain-status').textContent = `connecting to ${endpoint}…`;
  $('#chain-status').className = 'muted';
  try {
    const { api, chain } = await connect(endpoint);
    state.api = api;
    state.chain = chain;
    localStorage.setItem('btt.endpoint', endpoint);
    state.accounts = chain.isDev ? await devAccounts(api.registry.chainSS58) : [];
    fillAccounts();
    state.unsubscribeHeads = await api.rpc.chain.subscribeNewHeads((header) => {
      $('#chain-status').textContent = `${chain.name} · block #${header.number.toNumber()}`;
      $('#chain-status').className = '';
      state.page?.update?.().catch((error) => console.error(error));
    });
  } catch (error) {
    $('#chain-status').textContent = `not connected: ${error.message}`;
    $('#chain-status').className = 'error';
  }
  await showPage();
}

$('#endpoint').value = initialEndpoint();
$('#endpoint-form').addEventListener('submit', (event) => {
  event.preventDefault();
  start($('#endpoint').value.trim());
});
$('#account-select').addEventListener('change', () => {
  localStorage.setItem('btt.account', $('#account-select').value);
  showPage();
});
$('#wallet-connect').addEventListener('click', async () => {
  if (!state.api) return;
  try {
    const fromWallet = await walletAccounts(state.api.registry.chainSS58);
    state.accounts = [...state.accounts.filter((a) => a.source === 'dev'), ...fromWallet];
    fillAccounts();
    setTxStatus(`${fromWallet.length} wallet account(s) added`, 'ok');
  } catch (error) {
    setTxStatus(error.message, 'error');
  }
});
window.addEventListener('hashchange', showPage);
start($('#endpoint').value);
