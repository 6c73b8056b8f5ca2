//! Batches and proxies in the real runtime: every guarantee holds inside them, from every
//! origin that could wrap a call (signed, a proxy, sudo, a root-track referendum), and each
//! proxy type makes only its own calls.

use super::{
	governance::{account, signed},
	guarantees::{assert_root_referendum_refused, dispatch, filtered, guaranteed, reserve, sudo},
	preset_ext,
};
use crate::{
	accounts::ProxyType,
	currency::BTT,
	guarantees::{refusal, Refusal},
	pools, Balances, OriginCaller, Proxy, Runtime, RuntimeCall, RuntimeEvent, System,
};
use pallet_btt_governance::GovernanceOrigin;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::Inspect, InstanceFilter},
	},
	frame_system, pallet_balances, pallet_proxy, pallet_session, pallet_utility,
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Eve},
	sp_runtime::DispatchError,
};

fn transfer(to: Sr25519Keyring, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account(to).into(),
		value,
	})
}

fn unbooked_burn() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::burn { value: 1_000 * BTT, keep_alive: true })
}

fn stake_1000() -> RuntimeCall {
	RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
		tier: pallet_btt_staking::Tier::Days30,
		amount: 1_000 * BTT,
	})
}

fn proxied(real: Sr25519Keyring, call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::proxy {
		real: account(real).into(),
		force_proxy_type: None,
		call: Box::new(call),
	})
}

/// The result the last `proxy.ProxyExecuted` event reports.
fn last_proxy_result() -> Result<(), DispatchError> {
	System::events()
		.iter()
		.rev()
		.find_map(|record| match &record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(*result),
			_ => None,
		})
		.expect("a proxied call ran")
}

// --- Batches ------------------------------------------------------------------------------

#[test]
fn a_batched_balances_burn_is_refused_with_the_whole_batch() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let calls = vec![transfer(Eve, BTT), unbooked_burn()];
		for batch in [
			pallet_utility::Call::batch { calls: calls.clone() },
			pallet_utility::Call::batch_all { calls: calls.clone() },
			pallet_utility::Call::force_batch { calls: calls.clone() },
		] {
			let batch = RuntimeCall::Utility(batch);
			assert_eq!(refusal(&batch), Some(Refusal::UnbookedBurn));
			// Nothing of the batch runs: not even the transfer before the burn.
			assert_noop!(dispatch(batch, signed(Alice)), filtered());
		}
		// A batch of what the guarantees allow runs as before.
		let eve = Balances::balance(&account(Eve));
		assert_ok!(dispatch(
			RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![transfer(Eve, BTT), transfer(Eve, BTT)],
			}),
			signed(Alice)
		));
		assert_eq!(Balances::balance(&account(Eve)), eve + 2 * BTT);
		guaranteed();
	});
}

#[test]
fn root_cannot_batch_or_dispatch_as_its_way_to_a_pool() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let force_transfer = RuntimeCall::Balances(pallet_balances::Call::force_transfer {
			source: reserve().into(),
			dest: account(Eve).into(),
			value: BTT,
		});
		let as_reserve = |call: RuntimeCall| {
			RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
				as_origin: Box::new(OriginCaller::system(frame_system::RawOrigin::Signed(
					reserve(),
				))),
				call: Box::new(call),
			})
		};
		let attacks = [
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![force_transfer] }),
			// Root dispatching as the reserve: a transfer, or naming a proxy for it.
			as_reserve(transfer(Eve, BTT)),
			as_reserve(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: account(Eve).into(),
				proxy_type: ProxyType::Any,
				delay: 0,
			})),
			RuntimeCall::Utility(pallet_utility::Call::dispatch_as_fallible {
				as_origin: Box::new(OriginCaller::system(frame_system::RawOrigin::Signed(
					pools::account(pools::COMMUNITY),
				))),
				call: Box::new(transfer(Eve, BTT)),
			}),
			RuntimeCall::Utility(pallet_utility::Call::with_weight {
				call: Box::new(unbooked_burn()),
				weight: Default::default(),
			}),
			RuntimeCall::Utility(pallet_utility::Call::if_else {
				main: Box::new(transfer(Eve, BTT)),
				fallback: Box::new(unbooked_burn()),
			}),
		];
		for attack in attacks {
			assert!(refusal(&attack).is_some(), "{attack:?} is refused");
			assert_noop!(dispatch(sudo(attack), signed(Alice)), filtered());
		}
		assert_eq!(Balances::balance(&reserve()), 2_100_000 * BTT);
		guaranteed();
	});
}

#[test]
fn root_cannot_forge_a_track_or_council_origin() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let release = RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve {
			amount: 100_000 * BTT,
		});
		let council_two_thirds =
			OriginCaller::Council(polkadot_sdk::pallet_collective::RawOrigin::Members(2, 3));
		for as_origin in [
			OriginCaller::BttGovernance(GovernanceOrigin::ReserveRelease),
			OriginCaller::BttGovernance(GovernanceOrigin::Milestones),
			council_two_thirds,
		] {
			for dispatch_as in [
				pallet_utility::Call::dispatch_as {
					as_origin: Box::new(as_origin.clone()),
					call: Box::new(release.clone()),
				},
				pallet_utility::Call::dispatch_as_fallible {
					as_origin: Box::new(as_origin.clone()),
					call: Box::new(release.clone()),
				},
			] {
				let attack = RuntimeCall::Utility(dispatch_as);
				assert_eq!(refusal(&attack), Some(Refusal::ForgesOrigin));
				assert_noop!(dispatch(sudo(attack), signed(Alice)), filtered());
			}
		}
		// The reserve moves only by a reserve-release referendum.
		assert_eq!(Balances::balance(&reserve()), 2_100_000 * BTT);
		// Root may still dispatch as an ordinary account.
		assert_ok!(dispatch(
			sudo(RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
				as_origin: Box::new(OriginCaller::system(frame_system::RawOrigin::Signed(
					account(Bob)
				))),
				call: Box::new(transfer(Eve, BTT)),
			})),
			signed(Alice)
		));
		guaranteed();
	});
}

#[test]
fn a_root_referendum_cannot_dispatch_as_the_reserve() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_root_referendum_refused(RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
			as_origin: Box::new(OriginCaller::system(frame_system::RawOrigin::Signed(reserve()))),
			call: Box::new(transfer(Eve, 1_000_000 * BTT)),
		}));
	});
}

// --- Proxies ------------------------------------------------------------------------------

#[test]
fn nobody_proxies_for_a_pool() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let attack = RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: reserve().into(),
			force_proxy_type: None,
			call: Box::new(transfer(Eve, BTT)),
		});
		assert_eq!(refusal(&attack), Some(Refusal::TouchesPool));
		assert_noop!(dispatch(attack.clone(), signed(Alice)), filtered());
		assert_noop!(dispatch(sudo(attack), signed(Alice)), filtered());
		// Announced calls are checked the same way.
		let announced = RuntimeCall::Proxy(pallet_proxy::Call::proxy_announced {
			delegate: account(Alice).into(),
			real: reserve().into(),
			force_proxy_type: None,
			call: Box::new(transfer(Eve, BTT)),
		});
		assert_noop!(dispatch(announced, signed(Alice)), filtered());
		assert_eq!(Balances::balance(&reserve()), 2_100_000 * BTT);
		guaranteed();
	});
}

#[test]
fn a_proxy_cannot_make_a_call_its_account_may_not() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(Proxy::add_proxy(signed(Alice), account(Bob).into(), ProxyType::Any, 0));
		// Bob is Alice's proxy for anything, and still cannot burn her tokens unbooked,
		// alone or in a batch.
		assert_noop!(dispatch(proxied(Alice, unbooked_burn()), signed(Bob)), filtered());
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![transfer(Eve, BTT), unbooked_burn()],
		});
		assert_noop!(dispatch(proxied(Alice, batch), signed(Bob)), filtered());
		// What Alice may do, Bob may do for her.
		let eve = Balances::balance(&account(Eve));
		assert_ok!(dispatch(proxied(Alice, transfer(Eve, BTT)), signed(Bob)));
		assert_eq!(last_proxy_result(), Ok(()));
		assert_eq!(Balances::balance(&account(Eve)), eve + BTT);
		// Eve is nobody's proxy.
		assert_noop!(
			dispatch(proxied(Alice, transfer(Eve, BTT)), signed(Eve)),
			pallet_proxy::Error::<Runtime>::NotProxy
		);
		guaranteed();
	});
}

#[test]
fn a_non_transfer_proxy_stakes_but_cannot_move_or_burn_tokens_or_promote_itself() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(Proxy::add_proxy(signed(Alice), account(Bob).into(), ProxyType::NonTransfer, 0));
		let alice = Balances::balance(&account(Alice));
		for call in [
			transfer(Eve, BTT),
			RuntimeCall::BttBurn(pallet_btt_burn::Call::burn { amount: BTT, keep_alive: true }),
			RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![transfer(Eve, BTT)] }),
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: account(Bob).into(),
				proxy_type: ProxyType::Any,
				delay: 0,
			}),
		] {
			// The proxy call itself succeeds; the call inside is refused.
			assert_ok!(dispatch(proxied(Alice, call.clone()), signed(Bob)));
			let refused = last_proxy_result();
			// Inside a batch, the batch reports the refused call and stops.
			if matches!(call, RuntimeCall::Utility(..)) {
				assert!(System::events().iter().any(|record| matches!(
					record.event,
					RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { error, .. })
						if error == filtered()
				)));
			} else {
				assert_eq!(refused, Err(filtered()), "{call:?}");
			}
		}
		assert_eq!(Balances::balance(&account(Alice)), alice, "nothing left Alice");
		assert_eq!(pallet_proxy::Proxies::<Runtime>::get(account(Alice)).0.len(), 1);

		// Staking and a narrower proxy are within its reach.
		assert_ok!(dispatch(proxied(Alice, stake_1000()), signed(Bob)));
		assert_eq!(last_proxy_result(), Ok(()));
		assert_eq!(
			pallet_btt_staking::Positions::<Runtime>::get(account(Alice)).map(|p| p.len()),
			Some(1)
		);
		assert_ok!(dispatch(
			proxied(
				Alice,
				RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: account(Charlie).into(),
					proxy_type: ProxyType::Governance,
					delay: 0,
				})
			),
			signed(Bob)
		));
		assert_eq!(last_proxy_result(), Ok(()));
		guaranteed();
	});
}

#[test]
fn a_staking_proxy_makes_staking_calls_only() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(Proxy::add_proxy(signed(Alice), account(Bob).into(), ProxyType::Staking, 0));
		assert_ok!(dispatch(proxied(Alice, stake_1000()), signed(Bob)));
		assert_eq!(last_proxy_result(), Ok(()));
		let alice = Balances::balance(&account(Alice));
		assert_ok!(dispatch(proxied(Alice, transfer(Eve, BTT)), signed(Bob)));
		assert_eq!(last_proxy_result(), Err(filtered()));
		assert_eq!(Balances::balance(&account(Alice)), alice);
		guaranteed();
	});
}

#[test]
fn a_session_keys_proxy_manages_keys_and_nothing_else() {
	preset_ext(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		// Charlie's machine holds Eve's key: Eve may only manage Charlie's session keys.
		assert_ok!(Proxy::add_proxy(
			signed(Charlie),
			account(Eve).into(),
			ProxyType::SessionKeys,
			0
		));
		let charlie = Balances::balance(&account(Charlie));
		for call in [
			transfer(Eve, BTT),
			stake_1000(),
			RuntimeCall::Utility(pallet_utility::Call::batch {
				calls: vec![RuntimeCall::Session(pallet_session::Call::purge_keys {})],
			}),
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: account(Eve).into(),
				proxy_type: ProxyType::Any,
				delay: 0,
			}),
		] {
			assert_ok!(dispatch(proxied(Charlie, call.clone()), signed(Eve)));
			assert_eq!(last_proxy_result(), Err(filtered()), "{call:?}");
		}
		assert_eq!(Balances::balance(&account(Charlie)), charlie);

		assert!(pallet_session::NextKeys::<Runtime>::contains_key(account(Charlie)));
		assert_ok!(dispatch(
			proxied(Charlie, RuntimeCall::Session(pallet_session::Call::purge_keys {})),
			signed(Eve)
		));
		assert_eq!(last_proxy_result(), Ok(()));
		assert!(!pallet_session::NextKeys::<Runtime>::contains_key(account(Charlie)));
		guaranteed();
	});
}

#[test]
fn proxy_types_nest_as_documented() {
	use ProxyType::*;
	let all = [Any, NonTransfer, Governance, Staking, SessionKeys];
	for a in all {
		for b in all {
			let expected = a == b || a == Any || (a == NonTransfer && b != Any);
			assert_eq!(a.is_superset(&b), expected, "{a:?} ⊇ {b:?}");
		}
	}
	// Every narrow kind's calls are NonTransfer calls too.
	let calls = [
		stake_1000(),
		RuntimeCall::Session(pallet_session::Call::purge_keys {}),
		RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![] }),
		RuntimeCall::BttGovernance(pallet_btt_governance::Call::refresh_boost {
			poll_index: 0,
			voter: account(Alice).into(),
		}),
	];
	for narrow in [Governance, Staking, SessionKeys] {
		for call in &calls {
			if narrow.filter(call) {
				assert!(NonTransfer.filter(call), "{narrow:?} allows {call:?}");
			}
		}
	}
	assert_eq!(ProxyType::default(), Any, "the default is the most permissive kind");
}
