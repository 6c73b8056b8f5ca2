//! The guarantees of `docs/guarantees.md`, attacked through real dispatch: signed accounts,
//! sudo (root), root-track and other referenda, the council and each track origin. Every
//! attack asserts the exact refusal, and after every step the supply rule
//! (`total_issuance + total_burned == 210M`), `total_issuance == Σ (free + reserved)` and
//! every BTT pallet's `try_state` are checked.

use super::{
	fees::{signed as signed_extrinsic, start_block},
	governance::{account, aye, run_until_enacted, signed, submit_and_back, track},
	preset_ext,
};
use crate::{
	currency::{BTT, TOTAL_SUPPLY},
	governance::{track_ids, VotingTurnout, TRACKS},
	guarantees::{refusal, Refusal},
	pools, Balance, Balances, BttBurn, BttGovernance, BttMining, BttStaking, BttValidators,
	BttVesting, ConvictionVoting, Executive, Preimage, Referenda, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System,
};
use pallet_btt_governance::GovernanceOrigin;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::Inspect, schedule::DispatchTime, Get, StorePreimage},
	},
	frame_system, pallet_balances, pallet_collective, pallet_referenda, pallet_scheduler,
	pallet_session, pallet_sudo,
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve},
	sp_runtime::{traits::Dispatchable, DispatchError},
};

/// Every guarantee that must hold after each step.
pub(super) fn guaranteed() {
	let burned = pallet_btt_burn::TotalBurned::<Runtime>::get();
	assert_eq!(Balances::total_issuance() + burned, TOTAL_SUPPLY, "210M = issued + burned");
	let held: Balance = frame_system::Account::<Runtime>::iter()
		.map(|(_, info)| info.data.free + info.data.reserved)
		.sum();
	assert_eq!(held, Balances::total_issuance(), "issuance = Σ (free + reserved)");
	BttBurn::do_try_state().expect("btt-burn invariants");
	BttVesting::do_try_state().expect("btt-vesting invariants");
	BttStaking::do_try_state().expect("btt-staking invariants");
	BttMining::do_try_state().expect("btt-mining invariants");
	BttGovernance::do_try_state().expect("btt-governance invariants");
	BttValidators::do_try_state().expect("btt-validators invariants");
}

pub(super) fn filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

pub(super) fn sudo(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) })
}

pub(super) fn dispatch(call: RuntimeCall, origin: RuntimeOrigin) -> Result<(), DispatchError> {
	call.dispatch(origin).map(|_| ()).map_err(|e| e.error)
}

pub(super) fn reserve() -> crate::AccountId {
	pools::account(pools::RESERVE)
}

// --- 1. Supply ---------------------------------------------------------------------------

#[test]
fn balances_burn_is_refused_and_bttburn_burn_is_booked() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let burn = RuntimeCall::Balances(pallet_balances::Call::burn {
			value: 1_000 * BTT,
			keep_alive: true,
		});
		assert_eq!(refusal(&burn), Some(Refusal::UnbookedBurn));
		assert_noop!(dispatch(burn, signed(Alice)), filtered());
		guaranteed();

		// The booked way: issuance falls, the burn total rises by the same amount.
		let issuance = Balances::total_issuance();
		assert_ok!(BttBurn::burn(signed(Alice), 1_000 * BTT, true));
		assert_eq!(Balances::total_issuance(), issuance - 1_000 * BTT);
		guaranteed();
	});
}

#[test]
fn a_signed_balances_burn_extrinsic_pays_its_fee_and_burns_nothing() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		start_block();
		let alice = Balances::balance(&account(Alice));
		let burned = pallet_btt_burn::TotalBurned::<Runtime>::get();
		let xt = signed_extrinsic(
			RuntimeCall::Balances(pallet_balances::Call::burn {
				value: 1_000 * BTT,
				keep_alive: false,
			}),
			Alice,
			0,
		);
		let outcome = Executive::apply_extrinsic(xt).expect("the transaction is valid");
		assert_eq!(outcome.map(|_| ()), Err(filtered()));
		// Only the fee left Alice; its 20% share is the only burn, and it is booked.
		let fee = alice - Balances::balance(&account(Alice));
		assert!(fee > 0 && fee < BTT, "fee {fee}");
		assert!(pallet_btt_burn::TotalBurned::<Runtime>::get() - burned < fee);
		guaranteed();
	});
}

#[test]
fn sudo_cannot_rewrite_balances_issuance_or_raw_storage() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let attacks = [
			(
				RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
					who: account(Eve).into(),
					new_free: 1_000_000_000 * BTT,
				}),
				Refusal::RewritesBalances,
			),
			(
				RuntimeCall::Balances(pallet_balances::Call::force_adjust_total_issuance {
					direction: pallet_balances::AdjustmentDirection::Increase,
					delta: BTT,
				}),
				Refusal::RewritesBalances,
			),
			(
				RuntimeCall::System(frame_system::Call::set_storage {
					items: vec![(
						pallet_balances::TotalIssuance::<Runtime>::hashed_key().to_vec(),
						codec::Encode::encode(&0u128),
					)],
				}),
				Refusal::RawStorage,
			),
			(
				RuntimeCall::System(frame_system::Call::kill_prefix {
					prefix: polkadot_sdk::frame_support::storage::storage_prefix(
						b"System", b"Account",
					)
					.to_vec(),
					subkeys: 10,
				}),
				Refusal::RawStorage,
			),
			(
				RuntimeCall::System(frame_system::Call::kill_storage {
					keys: vec![pallet_btt_burn::TotalBurned::<Runtime>::hashed_key().to_vec()],
				}),
				Refusal::RawStorage,
			),
		];
		for (attack, reason) in attacks {
			assert_eq!(refusal(&attack), Some(reason), "{attack:?}");
			assert_noop!(dispatch(sudo(attack.clone()), signed(Alice)), filtered());
			// Nor wrapped twice, nor scheduled by sudo for later.
			assert_noop!(dispatch(sudo(sudo(attack.clone())), signed(Alice)), filtered());
			let scheduled = RuntimeCall::Scheduler(pallet_scheduler::Call::schedule_after {
				after: 1,
				maybe_periodic: None,
				priority: 0,
				call: Box::new(attack),
			});
			assert_noop!(dispatch(sudo(scheduled), signed(Alice)), filtered());
			guaranteed();
		}
	});
}

// --- 3. Root and the pools ----------------------------------------------------------------

#[test]
fn sudo_cannot_move_or_unhold_a_pools_tokens() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		for pool in pools::ALL {
			let pool = pools::account(pool);
			let force_transfer = RuntimeCall::Balances(pallet_balances::Call::force_transfer {
				source: pool.clone().into(),
				dest: account(Eve).into(),
				value: BTT,
			});
			assert_noop!(dispatch(sudo(force_transfer), signed(Alice)), filtered());
			let as_pool = RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
				who: pool.clone().into(),
				call: Box::new(RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: account(Eve).into(),
					value: BTT,
				})),
			});
			assert_noop!(dispatch(as_pool, signed(Alice)), filtered());
		}
		// Holds (the community pool's reserved staking rewards) cannot be released by force.
		let unreserve = RuntimeCall::Balances(pallet_balances::Call::force_unreserve {
			who: pools::account(pools::COMMUNITY).into(),
			amount: BTT,
		});
		assert_noop!(dispatch(sudo(unreserve), signed(Alice)), filtered());
		guaranteed();

		// The filter is narrow: root may still move tokens between ordinary accounts.
		assert_ok!(dispatch(
			sudo(RuntimeCall::Balances(pallet_balances::Call::force_transfer {
				source: account(Eve).into(),
				dest: account(Dave).into(),
				value: BTT,
			})),
			signed(Alice)
		));
		guaranteed();
	});
}

/// Passes a root-track referendum enacting `attack` and asserts that the scheduler refused
/// to dispatch it: the reserve keeps its 2.1M BTT and every guarantee holds.
pub(super) fn assert_root_referendum_refused(attack: RuntimeCall) {
	let index = submit_and_back(frame_system::RawOrigin::Root.into(), attack);
	run_until_enacted(index);
	// The referendum passed, but the scheduler refused to dispatch the call.
	assert!(System::events().iter().any(|record| matches!(
		record.event,
		RuntimeEvent::Scheduler(pallet_scheduler::Event::CallUnavailable { .. })
	)));
	assert_eq!(Balances::balance(&reserve()), 2_100_000 * BTT);
	guaranteed();
}

#[test]
fn a_root_referendum_cannot_force_transfer_the_reserve() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_root_referendum_refused(RuntimeCall::Balances(
			pallet_balances::Call::force_transfer {
				source: reserve().into(),
				dest: account(Eve).into(),
				value: 2_000_000 * BTT,
			},
		));
	});
}

#[test]
fn a_root_referendum_still_enacts_what_the_guarantees_allow() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// A force-transfer between two ordinary accounts touches no pool and no books.
		let transfer = RuntimeCall::Balances(pallet_balances::Call::force_transfer {
			source: account(Eve).into(),
			dest: account(Dave).into(),
			value: 1_000 * BTT,
		});
		let dave = Balances::balance(&account(Dave));
		let index = submit_and_back(frame_system::RawOrigin::Root.into(), transfer);
		run_until_enacted(index);
		assert_eq!(Balances::balance(&account(Dave)), dave + 1_000 * BTT);
		guaranteed();
	});
}

#[test]
fn the_root_track_decides_at_least_as_strictly_as_the_reserve_track() {
	let spec = |id| TRACKS.iter().find(|t| t.id == id).expect("the track exists");
	let (root, reserve) = (spec(track_ids::ROOT), spec(track_ids::RESERVE_RELEASE));
	assert!(root.approval.0 >= reserve.approval.0 && root.approval.1 >= reserve.approval.1);
	assert!(
		root.support_permille.0 >= reserve.support_permille.0
			&& root.support_permille.1 >= reserve.support_permille.1
	);
	assert!(root.decision_days >= reserve.decision_days);
	assert!(root.confirm_days >= reserve.confirm_days);
	assert!(root.decision_deposit >= reserve.decision_deposit);
}

#[test]
fn the_council_cannot_reach_the_reserve() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// The council's origin is not the reserve track's.
		let council = RuntimeOrigin::from(pallet_collective::RawOrigin::<
			crate::AccountId,
			crate::governance::CouncilCollective,
		>::Members(3, 3));
		assert_noop!(
			dispatch(
				RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve { amount: BTT }),
				council.clone()
			),
			DispatchError::BadOrigin
		);
		// Nor can it force-transfer anything.
		assert_noop!(
			dispatch(
				RuntimeCall::Balances(pallet_balances::Call::force_transfer {
					source: reserve().into(),
					dest: account(Eve).into(),
					value: BTT,
				}),
				council
			),
			filtered()
		);
		guaranteed();
	});
}

// --- 5. The liquidity row -----------------------------------------------------------------

#[test]
fn the_liquidity_row_circulates_and_votes_on_every_preset() {
	for name in [DEV_RUNTIME_PRESET, crate::genesis::presets::MAINNET_TEMPLATE_PRESET] {
		preset_ext(name).execute_with(|| {
			let supply = BttVesting::supply();
			// At genesis only the liquidity row circulates (plus the two fee funds' opening
			// deposits), and the same tokens count towards the voting turnout.
			assert_eq!(supply.circulating, 4_200_000 * BTT + 2 * crate::EXISTENTIAL_DEPOSIT);
			let in_pools: Balance =
				pools::ALL.iter().map(|p| Balances::total_balance(&pools::account(*p))).sum();
			assert_eq!(VotingTurnout::get(), TOTAL_SUPPLY - in_pools, "{name}");
			assert!(VotingTurnout::get() >= supply.circulating);
		});
	}
}

// --- 9. The validator set -----------------------------------------------------------------

#[test]
fn the_validator_set_never_drops_below_its_minimum_of_validators_with_keys() {
	preset_ext(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let min: u32 = <Runtime as pallet_btt_validators::Config>::MinValidators::get();
		let min = min as usize;
		let purge = || RuntimeCall::Session(pallet_session::Call::purge_keys {});
		// Bob, Charlie and Dave purge their session keys...
		for who in [Bob, Charlie, Dave] {
			assert_ok!(dispatch(purge(), signed(who)));
		}
		// ... so Alice is the only validator with keys: she cannot purge hers, and
		// governance cannot remove her.
		assert_noop!(dispatch(purge(), signed(Alice)), filtered());
		assert_noop!(
			BttValidators::remove_validator(
				track(GovernanceOrigin::ValidatorAdmin),
				account(Alice).into()
			),
			pallet_btt_validators::Error::<Runtime>::TooFewWithKeys
		);
		// Whatever sessions pass, the set keeps at least `min` validators with keys.
		for _ in 0..3 {
			pallet_session::Pallet::<Runtime>::rotate_session();
			let with_keys = pallet_session::Validators::<Runtime>::get()
				.iter()
				.filter(|v| pallet_session::NextKeys::<Runtime>::contains_key(v))
				.count();
			assert!(with_keys >= min, "{with_keys} validators with keys");
			assert!(!pallet_session::QueuedKeys::<Runtime>::get().is_empty());
		}
		guaranteed();
	});
}

// --- 2, 4, 6, 7, 8, 10, 11: the pallets' own refusals, through the runtime -----------------

#[test]
fn the_milestone_source_is_the_ecosystem_fund_or_the_development_fund_only() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		use pallet_btt_burn::MilestoneSource;
		let council = RuntimeOrigin::from(pallet_collective::RawOrigin::<
			crate::AccountId,
			crate::governance::CouncilCollective,
		>::Members(3, 3));
		assert_eq!(BttBurn::milestone_source(), pools::account(pools::ECOSYSTEM));
		assert_ok!(dispatch(
			RuntimeCall::BttBurn(pallet_btt_burn::Call::set_milestone_source {
				source: MilestoneSource::DevelopmentFund,
			}),
			council
		));
		assert_eq!(BttBurn::milestone_source(), pools::account(pools::DEVELOPMENT_FUND));
		// The reserve, the mining pool or a user cannot even be named: the call takes one of
		// the two funds, so a milestone burn can never touch the reserve.
		let reserve_before = Balances::balance(&reserve());
		let _ = dispatch(
			RuntimeCall::BttBurn(pallet_btt_burn::Call::execute_milestone_burn {
				milestone: pallet_btt_burn::Milestone::FirstHundredHospitals,
			}),
			track(GovernanceOrigin::Milestones),
		);
		assert_eq!(Balances::balance(&reserve()), reserve_before);
		guaranteed();
	});
}

#[test]
fn ecosystem_releases_keep_back_the_pending_milestone_burns() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let fund = pools::account(pools::ECOSYSTEM);
		let pending = 11_000_000 * BTT;
		let spendable = Balances::balance(&fund) - pending;
		assert_noop!(
			BttVesting::release_ecosystem(
				track(GovernanceOrigin::Treasurer),
				account(Eve).into(),
				spendable + 1,
				None
			),
			pallet_btt_vesting::Error::<Runtime>::KeptForMilestoneBurns
		);
		assert_ok!(BttVesting::release_ecosystem(
			track(GovernanceOrigin::Treasurer),
			account(Eve).into(),
			spendable,
			None
		));
		guaranteed();
		// Every promised burn can still be executed.

		for milestone in pallet_btt_burn::Milestone::ALL {
			assert_ok!(BttBurn::execute_milestone_burn(
				track(GovernanceOrigin::Milestones),
				milestone
			));
			guaranteed();
		}
	});
}

#[test]
fn vesting_frozen_tokens_cannot_back_a_stake() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// Alice holds BitWave's 21M frozen by vesting and 700,000 BTT of liquidity.
		assert_noop!(
			BttStaking::stake(signed(Alice), pallet_btt_staking::Tier::Days1095, 1_000_000 * BTT),
			pallet_btt_staking::Error::<Runtime>::StakeNotFree
		);
		assert_ok!(BttStaking::stake(
			signed(Alice),
			pallet_btt_staking::Tier::Days1095,
			600_000 * BTT
		));
		// The rest of her free tokens cannot back a second stake beyond them either.
		assert_noop!(
			BttStaking::stake(signed(Alice), pallet_btt_staking::Tier::Days30, 200_000 * BTT),
			pallet_btt_staking::Error::<Runtime>::StakeNotFree
		);
		// Nor can the tokens that backed the stake leave afterwards: the staking freeze
		// covers the principal on top of the vesting freeze (freezes do not add up).
		assert!(Balances::transfer_keep_alive(signed(Alice), account(Eve).into(), 200_000 * BTT)
			.is_err());
		assert_ok!(Balances::transfer_keep_alive(signed(Alice), account(Eve).into(), 90_000 * BTT));
		guaranteed();
	});
}

#[test]
fn staking_terms_and_the_provider_stake_stay_within_their_bounds() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let params = || track(GovernanceOrigin::EconomicParams);
		let mut one_day = crate::tokenomics::staking::terms()[3].1;
		one_day.days = 1;
		assert!(BttStaking::set_term(params(), pallet_btt_staking::Tier::Days365, one_day).is_err());
		assert!(
			BttMining::set_provider_stake(params(), pallet_btt_staking::Tier::Days90, 0).is_err()
		);
		guaranteed();
	});
}

#[test]
fn a_small_stake_boosts_only_the_part_of_a_vote_it_backs() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// Charlie's 50,000 BTT 365-day stake, and a 1M BTT vote.
		assert_ok!(BttStaking::stake(
			signed(Charlie),
			pallet_btt_staking::Tier::Days365,
			50_000 * BTT
		));
		let index = pallet_referenda::ReferendumCount::<Runtime>::get();
		assert_ok!(Referenda::submit(
			signed(Alice),
			Box::new(GovernanceOrigin::EconomicParams.into()),
			Preimage::bound(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
				.unwrap(),
			DispatchTime::After(0)
		));
		assert_ok!(ConvictionVoting::vote(signed(Charlie), index, aye(1_000_000 * BTT)));
		let tally = match pallet_referenda::ReferendumInfoFor::<Runtime>::get(index) {
			Some(pallet_referenda::ReferendumInfo::Ongoing(status)) => status.tally,
			other => panic!("not ongoing: {other:?}"),
		};
		// Locked1x: 1M votes, plus half of the 50,000 the stake backs.
		assert_eq!(tally.ayes, 1_000_000 * BTT + 25_000 * BTT);
		guaranteed();
	});
}

#[test]
fn a_beneficiary_with_nothing_free_claims_without_a_fee_and_an_empty_claim_pays() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// Bob (row 2: 3-month lock, then 30 months) sends away every free token.
		let bob = account(Bob);
		let free = Balances::reducible_balance(
			&bob,
			polkadot_sdk::frame_support::traits::tokens::Preservation::Expendable,
			polkadot_sdk::frame_support::traits::tokens::Fortitude::Polite,
		);
		assert_ok!(Balances::transfer_allow_death(signed(Bob), account(Eve).into(), free));
		assert_eq!(
			Balances::reducible_balance(
				&bob,
				polkadot_sdk::frame_support::traits::tokens::Preservation::Expendable,
				polkadot_sdk::frame_support::traits::tokens::Fortitude::Polite,
			),
			0
		);
		// Four months later (months of the dev chain's short day), part of the 10.5M has vested.
		System::set_block_number(4 * crate::configs::ChainMonth::get());
		start_block();
		let claimable = BttVesting::claimable(&bob);
		assert!(claimable > 0);
		let claim =
			|| RuntimeCall::BttVesting(pallet_btt_vesting::Call::claim { who: bob.clone().into() });
		let nonce = System::account_nonce(&bob);
		let balance = Balances::balance(&bob);
		assert_ok!(Executive::apply_extrinsic(signed_extrinsic(claim(), Bob, nonce)).unwrap());
		assert_eq!(Balances::balance(&bob), balance, "no fee was taken");
		assert_eq!(BttVesting::claimable(&bob), 0);
		guaranteed();

		// The same claim again in this block releases nothing: it pays the normal fee.
		let outcome = Executive::apply_extrinsic(signed_extrinsic(claim(), Bob, nonce + 1))
			.expect("valid: Bob can pay now");
		assert!(outcome.is_err());
		assert!(Balances::balance(&bob) < balance, "the fee was taken");
		guaranteed();
	});
}

#[test]
fn vesting_grants_are_bounded_in_months_and_amount() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let treasurer = || track(GovernanceOrigin::Treasurer);
		assert_noop!(
			BttVesting::release_ecosystem(
				treasurer(),
				account(Eve).into(),
				1_000 * BTT,
				Some((u16::MAX, 1).into())
			),
			pallet_btt_vesting::Error::<Runtime>::GrantTooLong
		);
		assert_noop!(
			BttVesting::release_ecosystem(treasurer(), account(Eve).into(), 1, Some((0, 1).into())),
			pallet_btt_vesting::Error::<Runtime>::GrantTooSmall
		);
		guaranteed();
	});
}
