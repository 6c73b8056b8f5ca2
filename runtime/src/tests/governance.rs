//! Governance in the real runtime: each governed call accepts its track's origin only,
//! referenda pass on the dev chain's short days and enact their calls, the long-term
//! stakers' 1.5× weight shows in a real tally, the council acts until its sunset block, and
//! the treasury spends the development fund.

use crate::{
	currency::BTT, genesis::presets::dev_foundation_multisig, pools, tests::preset_ext, AccountId,
	Balance, Balances, BttBurn, BttGovernance, BttStaking, ConvictionVoting, Council, OriginCaller,
	Preimage, Referenda, Runtime, RuntimeCall, RuntimeOrigin, Scheduler, System, Treasury,
};
use pallet_btt_governance::GovernanceOrigin;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		dispatch::GetDispatchInfo,
		traits::{
			fungible::{Inspect, Mutate},
			schedule::DispatchTime,
			Hooks, StorePreimage,
		},
	},
	frame_system,
	pallet_conviction_voting::{AccountVote, Conviction, Vote},
	pallet_referenda::{ReferendumCount, ReferendumInfo, ReferendumInfoFor},
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie},
	sp_runtime::{
		traits::{Dispatchable, Hash},
		DispatchError,
	},
};

pub(super) fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}

pub(super) fn signed(keyring: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(keyring))
}

pub(super) fn track(origin: GovernanceOrigin) -> RuntimeOrigin {
	RuntimeOrigin::from(origin)
}

/// The supply rule and every BTT invariant hold.
pub(super) fn check() {
	BttBurn::do_try_state().expect("total_issuance + total_burned == 210M");
	crate::BttVesting::do_try_state().expect("the allocation table adds up");
	BttStaking::do_try_state().expect("staking invariants");
	BttGovernance::do_try_state().expect("governance invariants");
}

/// Runs the block hooks that drive referenda up to block `n`.
pub(super) fn run_to(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
		BttGovernance::on_initialize(next);
	}
}

pub(super) fn aye(balance: Balance) -> AccountVote<Balance> {
	AccountVote::Standard { vote: Vote { aye: true, conviction: Conviction::Locked1x }, balance }
}

/// Submits `call` as a referendum with `origin`, places its decision deposit and has Alice
/// and Bob vote aye with 20M and 10M BTT. Returns its index.
pub(super) fn submit_and_back(origin: OriginCaller, call: RuntimeCall) -> u32 {
	let index = ReferendumCount::<Runtime>::get();
	let proposal = Preimage::bound(call).expect("the call is bounded");
	assert_ok!(Referenda::submit(
		signed(Alice),
		Box::new(origin),
		proposal,
		DispatchTime::After(0)
	));
	assert_ok!(Referenda::place_decision_deposit(signed(Alice), index));
	assert_ok!(ConvictionVoting::vote(signed(Alice), index, aye(20_000_000 * BTT)));
	assert_ok!(ConvictionVoting::vote(signed(Bob), index, aye(10_000_000 * BTT)));
	index
}

/// Runs blocks until referendum `index` is approved and its call enacted (at most 200).
pub(super) fn run_until_enacted(index: u32) {
	let start = System::block_number();
	while !matches!(ReferendumInfoFor::<Runtime>::get(index), Some(ReferendumInfo::Approved(..))) {
		assert!(System::block_number() < start + 200, "referendum {index} did not pass");
		run_to(System::block_number() + 1);
	}
	// The minimum enactment period on the dev chain's days.
	run_to(System::block_number() + BttGovernance::days(2));
}

#[test]
fn a_milestones_referendum_executes_a_milestone_burn() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let issuance = Balances::total_issuance();
		let index = submit_and_back(
			GovernanceOrigin::Milestones.into(),
			RuntimeCall::BttBurn(pallet_btt_burn::Call::execute_milestone_burn {
				milestone: pallet_btt_burn::Milestone::MainnetLaunch,
			}),
		);
		run_until_enacted(index);
		assert_eq!(Balances::total_issuance(), issuance - 1_000_000 * BTT);
		check();
	});
}

#[test]
fn the_strategic_reserve_goes_to_the_foundation_multisig_by_the_reserve_track_only() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let release = RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve {
			amount: 100_000 * BTT,
		});
		// Not root, not the council, not another track.
		for origin in [
			RuntimeOrigin::root(),
			track(GovernanceOrigin::Treasurer),
			track(GovernanceOrigin::Milestones),
			signed(Alice),
		] {
			assert_eq!(
				release.clone().dispatch(origin).map_err(|e| e.error),
				Err(DispatchError::BadOrigin)
			);
		}

		let multisig = dev_foundation_multisig();
		let before = Balances::balance(&multisig);
		let index = submit_and_back(GovernanceOrigin::ReserveRelease.into(), release);
		run_until_enacted(index);
		assert_eq!(Balances::balance(&multisig), before + 100_000 * BTT);
		assert_eq!(
			Balances::balance(&pools::account(pools::RESERVE)),
			2_000_000 * BTT,
			"the reserve paid it"
		);
		check();
	});
}

#[test]
fn every_governed_call_takes_its_tracks_origin_and_refuses_the_others() {
	use GovernanceOrigin::*;
	let cases: Vec<(RuntimeCall, GovernanceOrigin)> = vec![
		(
			RuntimeCall::BttBurn(pallet_btt_burn::Call::execute_milestone_burn {
				milestone: pallet_btt_burn::Milestone::MainnetLaunch,
			}),
			Milestones,
		),
		(
			RuntimeCall::BttBurn(pallet_btt_burn::Call::set_milestone_source {
				source: pallet_btt_burn::MilestoneSource::EcosystemFund,
			}),
			Milestones,
		),
		(
			RuntimeCall::BttVesting(pallet_btt_vesting::Call::approve_milestones {
				row: 7,
				portion: 1,
				up_to: 1,
			}),
			Milestones,
		),
		(
			RuntimeCall::BttBurn(pallet_btt_burn::Call::set_fee_split {
				split: crate::tokenomics::fees::fee_split(),
			}),
			EconomicParams,
		),
		(RuntimeCall::BttMining(pallet_btt_mining::Call::add_region { region: 4 }), EconomicParams),
		(
			RuntimeCall::BttStaking(pallet_btt_staking::Call::set_term {
				tier: pallet_btt_staking::Tier::Days30,
				term: crate::tokenomics::staking::terms()[0].1,
			}),
			EconomicParams,
		),
		(
			RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_ecosystem {
				dest: account(Charlie).into(),
				amount: BTT,
				vesting: None,
			}),
			Treasurer,
		),
		(
			RuntimeCall::BttValidators(pallet_btt_validators::Call::remove_validator {
				who: account(Alice).into(),
			}),
			ValidatorAdmin,
		),
		(
			RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve { amount: BTT }),
			ReserveRelease,
		),
	];
	let tracks = [ReserveRelease, Milestones, Treasurer, EconomicParams, ValidatorAdmin];
	for (call, allowed) in cases {
		for origin in tracks {
			preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
				let result = call.clone().dispatch(track(origin)).map_err(|e| e.error);
				if origin == allowed {
					// It passes the origin check (it may still fail on its own terms, as
					// removing the only validator does).
					assert_ne!(result, Err(DispatchError::BadOrigin), "{call:?} by {origin:?}");
				} else {
					assert_eq!(result, Err(DispatchError::BadOrigin), "{call:?} by {origin:?}");
				}
			});
		}
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			let result = call.clone().dispatch(signed(Alice)).map_err(|e| e.error);
			assert_eq!(result, Err(DispatchError::BadOrigin), "{call:?} signed");
		});
	}
}

#[test]
fn a_long_term_stakers_vote_weighs_one_and_a_half_times_in_a_real_tally() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// Charlie stakes for 365 days; Bob does not.
		assert_ok!(BttStaking::stake(
			signed(Charlie),
			pallet_btt_staking::Tier::Days365,
			100_000 * BTT
		));
		let index = ReferendumCount::<Runtime>::get();
		let call = RuntimeCall::BttBurn(pallet_btt_burn::Call::set_milestone_source {
			source: pallet_btt_burn::MilestoneSource::EcosystemFund,
		});
		assert_ok!(Referenda::submit(
			signed(Alice),
			Box::new(GovernanceOrigin::Milestones.into()),
			Preimage::bound(call).unwrap(),
			DispatchTime::After(0)
		));
		let tally = || match ReferendumInfoFor::<Runtime>::get(index) {
			Some(ReferendumInfo::Ongoing(status)) => status.tally,
			other => panic!("not ongoing: {other:?}"),
		};

		assert_ok!(ConvictionVoting::vote(signed(Bob), index, aye(1_000 * BTT)));
		assert_eq!(tally().ayes, 1_000 * BTT, "without the boost");
		assert_ok!(ConvictionVoting::vote(signed(Charlie), index, aye(1_000 * BTT)));
		assert_eq!(tally().ayes, 1_000 * BTT + 1_500 * BTT, "with it");
		// Support counts the tokens, unweighted.
		assert_eq!(tally().support, 2_000 * BTT);

		assert_ok!(ConvictionVoting::remove_vote(signed(Charlie), None, index));
		assert_eq!(tally().ayes, 1_000 * BTT);
		check();
	});
}

#[test]
fn the_council_fast_tracks_until_its_sunset_block_and_not_after() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let set_split = |burn: u32| {
			RuntimeCall::BttBurn(pallet_btt_burn::Call::set_fee_split {
				split: pallet_btt_burn::FeeSplit {
					development: polkadot_sdk::sp_runtime::Permill::from_percent(40),
					stakers: polkadot_sdk::sp_runtime::Permill::from_percent(30 + 20 - burn),
					burn: polkadot_sdk::sp_runtime::Permill::from_percent(burn),
					author: polkadot_sdk::sp_runtime::Permill::from_percent(10),
				},
			})
		};
		// Two of three members pass a motion: it executes with the council's origin.
		let pass_motion = |call: RuntimeCall| {
			let index = polkadot_sdk::pallet_collective::ProposalCount::<
				Runtime,
				crate::governance::CouncilCollective,
			>::get();
			let length = codec::Encode::encoded_size(&call) as u32;
			let weight = call.get_dispatch_info().call_weight;
			let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
			assert_ok!(Council::propose(signed(Alice), 2, Box::new(call), length));
			assert_ok!(Council::vote(signed(Alice), hash, index, true));
			assert_ok!(Council::vote(signed(Bob), hash, index, true));
			assert_ok!(Council::close(signed(Alice), hash, index, weight, length));
		};

		pass_motion(set_split(25));
		assert_eq!(
			pallet_btt_burn::FeeSplitConfig::<Runtime>::get().burn,
			polkadot_sdk::sp_runtime::Permill::from_percent(25)
		);

		// The sunset block arrives: the same kind of motion no longer has any power.
		let sunset = System::block_number() + 5;
		pallet_btt_governance::CouncilSunset::<Runtime>::put(sunset);
		run_to(sunset);
		System::assert_has_event(
			pallet_btt_governance::Event::CouncilPowersEnded { at: sunset }.into(),
		);
		pass_motion(set_split(30));
		System::assert_has_event(
			polkadot_sdk::pallet_collective::Event::<Runtime, crate::governance::CouncilCollective>::Executed {
				proposal_hash: <Runtime as frame_system::Config>::Hashing::hash_of(&set_split(30)),
				result: Err(DispatchError::BadOrigin),
			}
			.into(),
		);
		assert_eq!(
			pallet_btt_burn::FeeSplitConfig::<Runtime>::get().burn,
			polkadot_sdk::sp_runtime::Permill::from_percent(25)
		);
		check();
	});
}

#[test]
fn the_treasurer_track_spends_the_development_fund() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let fund = pools::account(pools::DEVELOPMENT_FUND);
		assert_eq!(Treasury::account_id(), fund);
		// The fund's fee income.
		assert_ok!(Balances::transfer(
			&account(Bob),
			&fund,
			1_000 * BTT,
			polkadot_sdk::frame_support::traits::tokens::Preservation::Preserve
		));
		let charlie = Balances::balance(&account(Charlie));

		assert_noop!(
			Treasury::spend(
				signed(Alice),
				Box::new(()),
				500 * BTT,
				Box::new(account(Charlie).into()),
				None
			),
			DispatchError::BadOrigin
		);
		assert_ok!(Treasury::spend(
			track(GovernanceOrigin::Treasurer),
			Box::new(()),
			500 * BTT,
			Box::new(account(Charlie).into()),
			None
		));
		assert_ok!(Treasury::payout(signed(Alice), 0));
		assert_eq!(Balances::balance(&account(Charlie)), charlie + 500 * BTT);
		check();
	});
}

/// A chain started before btt-governance stored its calendar (storage version 0, neither
/// value stored) keeps the day and the sunset it ran on through the upgrade: the runtime's
/// migrations store the 14,400-block day and the two-year sunset those runtimes read, which
/// are also today's constants.
#[test]
fn the_upgrade_keeps_a_version_0_chains_day_and_sunset() {
	use polkadot_sdk::frame_support::traits::{
		GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
	};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		StorageVersion::new(0).put::<BttGovernance>();
		pallet_btt_governance::DayLength::<Runtime>::kill();
		pallet_btt_governance::CouncilSunset::<Runtime>::kill();

		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();

		assert_eq!(BttGovernance::on_chain_storage_version(), 1);
		assert_eq!(pallet_btt_governance::DayLength::<Runtime>::get(), crate::time::DAYS);
		assert_eq!(pallet_btt_governance::DayLength::<Runtime>::get(), 14_400);
		assert_eq!(
			pallet_btt_governance::CouncilSunset::<Runtime>::get(),
			crate::tokenomics::governance::COUNCIL_SUNSET
		);
		assert!(pallet_btt_governance::CouncilSunset::<Runtime>::exists());
		BttGovernance::do_try_state().expect("the calendar is stored");
	});
}
