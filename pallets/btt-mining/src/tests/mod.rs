//! Tests of compute mining: the 8-year emission on a fixed calendar, registration in listed
//! regions, verified consumers and their allowances, the oracle quorum, scoring worked by
//! hand, claims, governance and the pruning of expired eras, with the supply rule after
//! every step. `attacks` simulates attackers beside honest providers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attacks;
mod migrations;

use crate::{
	mock::*, ConsumerAllowances, Contribution, Contributions, EraTotal, EraTotals, Error, Event,
	FactorConfig, OracleReport, Oracles, Providers, Pruning, RegionTotals, Regions, Reports,
	TotalPaid, WeightInfo,
};
use pallet_btt_staking::Tier;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::Inspect, GetCallName, Hooks},
		BoundedVec,
	},
	frame_system::RawOrigin,
	sp_runtime::{BuildStorage, DispatchError, FixedU128, Permill},
};

/// The supply rule and every invariant of the pallets involved hold.
pub(super) fn check() {
	BttBurn::do_try_state().expect("total_issuance + total_burned == supply");
	BttStaking::do_try_state().expect("staking invariants");
	BttMining::do_try_state().expect("mining invariants");
	assert_eq!(MINING_ROW - Balances::balance(&MINING_POOL), MiningPoolSpent::get());
}

pub(super) fn signed(who: AccountId) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

pub(super) fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

/// Jumps to the first block of the next era and runs its hook.
pub(super) fn next_era() {
	let start = u64::from(BttMining::current_era() + 1) * ERA;
	System::set_block_number(start);
	BttMining::on_initialize(start);
}

/// Runs every block up to the first block of the next era, hooks included.
pub(super) fn run_to_next_era() {
	let start = u64::from(BttMining::current_era() + 1) * ERA;
	let mut block = System::block_number();
	while block < start {
		block += 1;
		System::set_block_number(block);
		BttMining::on_initialize(block);
	}
}

/// Makes sure `who` holds an unmatured 90-day stake of 5,000 units, renewing a matured one.
pub(super) fn keep_staked(who: AccountId) {
	if <BttStaking as pallet_btt_staking::StakingBenefits<AccountId>>::tier(&who).is_some() {
		return;
	}
	if let Some(positions) = pallet_btt_staking::Positions::<Test>::get(who) {
		for position in positions.iter() {
			assert_ok!(BttStaking::close(signed(who), who, position.id));
		}
	}
	assert_ok!(BttStaking::stake(signed(who), Tier::Days90, 5_000 * UNIT));
}

/// The three oracles' reports on `who` for the current era: full uptime at 50 ms, full
/// efficiency (factors 1.5 and 1.5).
pub(super) fn report(who: AccountId) {
	for oracle in [ORACLE, ORACLE2, ORACLE3] {
		assert_ok!(BttMining::report(signed(oracle), who, Permill::one(), 50, Permill::one()));
	}
}

/// A registered provider in `region`.
pub(super) fn provider(who: AccountId, region: u16) {
	keep_staked(who);
	assert_ok!(BttMining::register(signed(who), region, b"8x H100, ISO 27001".to_vec()));
}

/// The hospital (a verified consumer) pays `who` `amount` for a job.
pub(super) fn job(who: AccountId, amount: Balance) {
	assert_ok!(BttMining::pay_for_job(signed(HOSPITAL), who, amount));
}

fn fx(n: u128, d: u128) -> FixedU128 {
	FixedU128::from_rational(n, d)
}

mod emission {
	use super::*;

	/// One provider doing the same work every era for ten years is paid exactly the 63M
	/// row, phase by phase, and nothing after year 8.
	#[test]
	fn eight_years_of_constant_work_pay_exactly_63_million() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			let mut paid_by_phase = [0u128; 5];
			for era in 0..(5 * ERAS_PER_PHASE) {
				System::reset_events();
				keep_staked(ALICE);
				job(ALICE, 100 * UNIT);
				if era < 4 * ERAS_PER_PHASE {
					report(ALICE);
				}
				next_era();
				let before = Balances::balance(&ALICE);
				if era < 4 * ERAS_PER_PHASE {
					assert_ok!(BttMining::claim(signed(ALICE), era));
				} else {
					// After year 8 nothing is recorded: nothing to claim.
					assert_noop!(
						BttMining::claim(signed(ALICE), era),
						Error::<Test>::NothingToClaim
					);
				}
				let reward = Balances::balance(&ALICE) - before;
				paid_by_phase[(era / ERAS_PER_PHASE) as usize] += reward;
				assert_eq!(reward, BttMining::era_budget(era));
			}
			check();
			assert_eq!(
				paid_by_phase,
				[25_200_000 * UNIT, 18_900_000 * UNIT, 12_600_000 * UNIT, 6_300_000 * UNIT, 0]
			);
			assert_eq!(TotalPaid::<Test>::get(), MINING_ROW);
			assert_eq!(Balances::balance(&MINING_POOL), 0);
		});
	}

	/// Three providers sharing every era: never more than 63M, short of it only by the
	/// rounding of each era's shares.
	#[test]
	fn shared_work_never_pays_more_than_63_million() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			provider(CHARLIE, 840);
			provider(DAVE, 156);
			let eras = 4 * ERAS_PER_PHASE;
			for era in 0..eras {
				System::reset_events();
				for (who, work) in [(ALICE, 100), (CHARLIE, 37), (DAVE, 71)] {
					keep_staked(who);
					job(who, work * UNIT + 3);
					report(who);
				}
				next_era();
				for who in [ALICE, CHARLIE, DAVE] {
					assert_ok!(BttMining::claim(signed(who), era));
				}
			}
			check();
			let paid = TotalPaid::<Test>::get();
			assert!(paid <= MINING_ROW);
			// Under a planck per region and per provider each era (two regions, three
			// providers).
			assert!(MINING_ROW - paid < 5 * u128::from(eras), "lost only to rounding");
		});
	}

	#[test]
	fn budget_nobody_earns_stays_in_the_pool() {
		new_test_ext().execute_with(|| {
			next_era();
			next_era();
			assert_eq!(BttMining::current_era(), 2);
			assert_eq!(Balances::balance(&MINING_POOL), MINING_ROW);
			System::assert_last_event(
				Event::NewEra { era: 2, budget: BttMining::era_budget(2) }.into(),
			);
			check();
		});
	}

	/// Era `e` is blocks `[e·Day, (e+1)·Day)`: a function of the block number, announced at
	/// its first block, and no call can change it.
	#[test]
	fn eras_are_days_from_launch() {
		new_test_ext().execute_with(|| {
			for block in [0, 1, ERA - 1, ERA, ERA + 1, 25 * ERA - 1, 25 * ERA, 1_000_003] {
				assert_eq!(u64::from(BttMining::era_of(block)), block / ERA);
			}
			System::set_block_number(ERA - 1);
			BttMining::on_initialize(ERA - 1);
			assert_eq!(BttMining::current_era(), 0);
			assert!(System::events().is_empty());
			System::set_block_number(ERA);
			BttMining::on_initialize(ERA);
			assert_eq!(BttMining::current_era(), 1);
			System::assert_last_event(
				Event::NewEra { era: 1, budget: BttMining::era_budget(1) }.into(),
			);
			// No call of the pallet is about the calendar.
			let names = crate::Call::<Test>::get_call_names();
			assert!(!names.iter().any(|name| name.contains("era") || name.contains("day")));
			assert_eq!(crate::Call::<Test>::get_call_names().len(), 12);
		});
	}

	#[test]
	fn the_projection_is_the_cap_by_block() {
		new_test_ext().execute_with(|| {
			assert_eq!(BttMining::emitted_by(0), 0);
			assert_eq!(BttMining::emitted_by(u64::from(ERAS_PER_PHASE) * ERA), 25_200_000 * UNIT);
			assert_eq!(BttMining::emission_end(), 4 * u64::from(ERAS_PER_PHASE) * ERA);
			assert_eq!(BttMining::end_era(), 4 * ERAS_PER_PHASE);
			assert_eq!(BttMining::emitted_by(BttMining::emission_end() * 2), MINING_ROW);
		});
	}
}

mod providers {
	use super::*;

	#[test]
	fn registration_needs_a_listed_region_and_the_stake_and_is_undone_by_deregistration() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				BttMining::register(signed(ALICE), 156, vec![]),
				Error::<Test>::InsufficientStake
			);
			// A 30-day stake is not enough: providers need the 90-day tier.
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			assert_noop!(
				BttMining::register(signed(ALICE), 156, vec![]),
				Error::<Test>::InsufficientStake
			);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days90, 5_000 * UNIT));
			assert_noop!(
				BttMining::register(signed(ALICE), 156, vec![0; 65]),
				Error::<Test>::CapacityTooLong
			);
			// Regions come from the list: a made-up code, "other" and an unlisted one.
			for region in [999, 0, 10] {
				assert_noop!(
					BttMining::register(signed(ALICE), region, vec![]),
					Error::<Test>::UnknownRegion
				);
			}
			assert_ok!(BttMining::register(signed(ALICE), 156, b"4x A100".to_vec()));
			System::assert_last_event(
				Event::ProviderRegistered { provider: ALICE, region: 156 }.into(),
			);
			assert_eq!(
				Providers::<Test>::get(ALICE).unwrap().capacity.to_vec(),
				b"4x A100".to_vec()
			);
			assert_noop!(
				BttMining::register(signed(ALICE), 156, vec![]),
				Error::<Test>::AlreadyRegistered
			);
			assert_ok!(BttMining::deregister(signed(ALICE)));
			System::assert_last_event(Event::ProviderDeregistered { provider: ALICE }.into());
			assert_noop!(BttMining::deregister(signed(ALICE)), Error::<Test>::NotAProvider);
			assert_eq!(Providers::<Test>::count(), 0);
			check();
		});
	}

	#[test]
	fn a_verified_consumer_cannot_register() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttMining::set_consumer_allowance(root(), BOB, 100 * UNIT));
			keep_staked(BOB);
			assert_noop!(
				BttMining::register(signed(BOB), 156, vec![]),
				Error::<Test>::VerifiedConsumer
			);
			// Once its allowance is revoked it may.
			assert_ok!(BttMining::set_consumer_allowance(root(), BOB, 0));
			assert_ok!(BttMining::register(signed(BOB), 156, vec![]));
			check();
		});
	}

	#[test]
	fn governance_sets_the_providers_stake() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			assert_ok!(BttMining::set_provider_stake(root(), Tier::Days30, 1_000 * UNIT));
			System::assert_last_event(
				Event::ProviderStakeSet { tier: Tier::Days30, amount: 1_000 * UNIT }.into(),
			);
			assert_ok!(BttMining::register(signed(ALICE), 156, vec![]));
			assert_noop!(
				BttMining::set_provider_stake(signed(ALICE), Tier::Days30, 0),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_zero_provider_stake_is_refused() {
		new_test_ext().execute_with(|| {
			// With a minimum of zero, Bob (no stake at all) could register: refused.
			assert_noop!(
				BttMining::set_provider_stake(root(), Tier::Days90, 0),
				Error::<Test>::ZeroProviderStake
			);
			assert_noop!(
				BttMining::set_provider_stake(root(), Tier::Days1095, 0),
				Error::<Test>::ZeroProviderStake
			);
			assert_eq!(crate::MinProviderStake::<Test>::get(), 5_000 * UNIT);
			assert_noop!(
				BttMining::register(signed(BOB), 156, vec![]),
				Error::<Test>::InsufficientStake
			);
			// The smallest non-zero minimum is accepted.
			assert_ok!(BttMining::set_provider_stake(root(), Tier::Days30, 1));
			check();
		});
	}

	fn build(genesis: crate::GenesisConfig<Test>) {
		let _ = RuntimeGenesisConfig { btt_mining: genesis, ..Default::default() }.build_storage();
	}

	#[test]
	#[should_panic(expected = "a provider's minimum stake cannot be zero")]
	fn genesis_refuses_a_zero_provider_stake() {
		build(crate::GenesisConfig { min_provider_stake: 0, ..mining_genesis() });
	}

	#[test]
	#[should_panic(expected = "min_oracle_reports must be between 1 and MaxOracles")]
	fn genesis_refuses_a_quorum_above_the_oracle_bound() {
		build(crate::GenesisConfig { min_oracle_reports: MAX_ORACLES + 1, ..mining_genesis() });
	}

	#[test]
	#[should_panic(expected = "min_oracle_reports must be between 1 and MaxOracles")]
	fn genesis_refuses_a_quorum_of_zero() {
		build(crate::GenesisConfig { min_oracle_reports: 0, ..mining_genesis() });
	}

	#[test]
	#[should_panic(expected = "a genesis region is not an ISO 3166-1 code")]
	fn genesis_refuses_a_region_that_is_no_code() {
		build(crate::GenesisConfig { regions: vec![156, 1_000], ..mining_genesis() });
	}

	#[test]
	#[should_panic(expected = "a verified consumer cannot be an oracle")]
	fn genesis_refuses_an_oracle_as_a_verified_consumer() {
		build(crate::GenesisConfig {
			consumer_allowances: vec![(ORACLE, UNIT)],
			..mining_genesis()
		});
	}

	#[test]
	fn the_default_genesis_lists_the_default_regions_and_a_quorum_of_three() {
		let genesis = crate::GenesisConfig::<Test>::default();
		assert_eq!(genesis.min_oracle_reports, 3);
		assert_eq!(genesis.regions, crate::DEFAULT_REGIONS.to_vec());
		assert!(crate::DEFAULT_REGIONS.iter().all(|r| crate::is_valid_region(*r)));
		let mut sorted = crate::DEFAULT_REGIONS.to_vec();
		sorted.sort();
		sorted.dedup();
		assert_eq!(sorted.len(), crate::DEFAULT_REGIONS.len(), "no region twice");
		assert!(crate::DEFAULT_REGIONS.len() as u32 <= MAX_LISTED_REGIONS);
		new_test_ext().execute_with(|| {
			assert_eq!(Regions::<Test>::count() as usize, crate::DEFAULT_REGIONS.len());
			assert_eq!(crate::MinOracleReports::<Test>::get(), 3);
			assert_eq!(ConsumerAllowances::<Test>::get(HOSPITAL), Some(HOSPITAL_ALLOWANCE));
		});
	}
}

mod consumers {
	use super::*;

	#[test]
	fn governance_grants_replaces_and_revokes_allowances() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				BttMining::set_consumer_allowance(signed(ALICE), BOB, UNIT),
				DispatchError::BadOrigin
			);
			assert_ok!(BttMining::set_consumer_allowance(root(), BOB, 500 * UNIT));
			System::assert_last_event(
				Event::ConsumerAllowanceSet { consumer: BOB, allowance: 500 * UNIT }.into(),
			);
			assert_eq!(BttMining::consumer_allowance(BOB), 500 * UNIT);
			// A new grant replaces the allowance.
			assert_ok!(BttMining::set_consumer_allowance(root(), BOB, 200 * UNIT));
			assert_eq!(ConsumerAllowances::<Test>::get(BOB), Some(200 * UNIT));
			// Zero revokes.
			assert_ok!(BttMining::set_consumer_allowance(root(), BOB, 0));
			System::assert_last_event(
				Event::ConsumerAllowanceSet { consumer: BOB, allowance: 0 }.into(),
			);
			assert_eq!(ConsumerAllowances::<Test>::get(BOB), None);
			assert_noop!(
				BttMining::set_consumer_allowance(root(), BOB, 0),
				Error::<Test>::NotAVerifiedConsumer
			);
			check();
		});
	}

	#[test]
	fn providers_and_oracles_cannot_be_verified_consumers() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_noop!(
				BttMining::set_consumer_allowance(root(), ALICE, UNIT),
				Error::<Test>::ConsumerIsProvider
			);
			assert_noop!(
				BttMining::set_consumer_allowance(root(), ORACLE, UNIT),
				Error::<Test>::ConsumerIsOracle
			);
			// And the other way round: a verified consumer cannot become an oracle.
			assert_noop!(BttMining::add_oracle(root(), HOSPITAL), Error::<Test>::VerifiedConsumer);
			check();
		});
	}

	#[test]
	fn a_job_counts_only_up_to_the_allowance_and_uses_it_up() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_ok!(BttMining::set_consumer_allowance(root(), BOB, 150 * UNIT));
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
			System::assert_has_event(
				Event::AllowanceUsed {
					consumer: BOB,
					provider: ALICE,
					used: 100 * UNIT,
					remaining: 50 * UNIT,
				}
				.into(),
			);
			// The second job counts for the 50 left; the consumer is then no longer verified.
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
			System::assert_last_event(
				Event::JobPaid {
					consumer: BOB,
					provider: ALICE,
					amount: 100 * UNIT,
					fee_burned: 2 * UNIT,
					era: 0,
					scored: 50 * UNIT,
					priority: false,
				}
				.into(),
			);
			assert_eq!(ConsumerAllowances::<Test>::get(BOB), None);
			// The third pays and burns, but scores nothing.
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
			assert!(matches!(
				System::events().last().unwrap().event,
				RuntimeEvent::BttMining(Event::JobPaid { scored: 0, .. })
			));
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().compute, 150 * UNIT);
			check();
		});
	}

	#[test]
	fn unverified_jobs_pay_and_burn_but_record_nothing() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			let (bob, alice) = (Balances::balance(&BOB), Balances::balance(&ALICE));
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 1_000 * UNIT));
			System::assert_last_event(
				Event::JobPaid {
					consumer: BOB,
					provider: ALICE,
					amount: 1_000 * UNIT,
					fee_burned: 20 * UNIT,
					era: 0,
					scored: 0,
					priority: false,
				}
				.into(),
			);
			assert_eq!(bob - Balances::balance(&BOB), 1_020 * UNIT);
			assert_eq!(Balances::balance(&ALICE) - alice, 1_000 * UNIT);
			assert_eq!(Contributions::<Test>::iter().count(), 0);
			assert_eq!(RegionTotals::<Test>::iter().count(), 0);
			assert_eq!(EraTotals::<Test>::iter().count(), 0);
			check();
		});
	}

	#[test]
	fn jobs_for_a_delisted_region_score_nothing_and_keep_the_allowance() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_ok!(BttMining::remove_region(root(), 156));
			job(ALICE, 100 * UNIT);
			assert!(matches!(
				System::events().last().unwrap().event,
				RuntimeEvent::BttMining(Event::JobPaid { scored: 0, .. })
			));
			assert_eq!(ConsumerAllowances::<Test>::get(HOSPITAL), Some(HOSPITAL_ALLOWANCE));
			assert_eq!(Contributions::<Test>::iter().count(), 0);
			check();
		});
	}
}

mod jobs {
	use super::*;

	#[test]
	fn a_job_pays_the_provider_burns_the_fee_and_counts_as_compute() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			let hospital_before = Balances::balance(&HOSPITAL);
			let alice_before = Balances::balance(&ALICE);
			job(ALICE, 1_000 * UNIT);
			check();
			// The 2% compute-trade fee is burned on top.
			assert_eq!(hospital_before - Balances::balance(&HOSPITAL), 1_020 * UNIT);
			assert_eq!(Balances::balance(&ALICE) - alice_before, 1_000 * UNIT);
			System::assert_last_event(
				Event::JobPaid {
					consumer: HOSPITAL,
					provider: ALICE,
					amount: 1_000 * UNIT,
					fee_burned: 20 * UNIT,
					era: 0,
					scored: 1_000 * UNIT,
					priority: false,
				}
				.into(),
			);
			assert_eq!(
				ConsumerAllowances::<Test>::get(HOSPITAL),
				Some(HOSPITAL_ALLOWANCE - 1_000 * UNIT)
			);
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().compute, 1_000 * UNIT);
			// Without the oracle quorum the compute is not scored yet: the era's and the
			// region's scored compute stay 0.
			assert_eq!(EraTotals::<Test>::get(0).compute, 0);
			report(ALICE);
			assert_eq!(EraTotals::<Test>::get(0).compute, 1_000 * UNIT);
			assert_eq!(RegionTotals::<Test>::get(0, 156).unwrap().compute, 1_000 * UNIT);
		});
	}

	#[test]
	fn jobs_of_90_day_stakers_are_flagged_for_priority() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days90, 5_000 * UNIT));
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 10 * UNIT));
			assert!(matches!(
				System::events().last().unwrap().event,
				RuntimeEvent::BttMining(Event::JobPaid { priority: true, .. })
			));
		});
	}

	#[test]
	fn bad_jobs_fail_with_their_error_and_change_nothing() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				BttMining::pay_for_job(signed(BOB), ALICE, UNIT),
				Error::<Test>::NotAProvider
			);
			provider(ALICE, 156);
			assert_noop!(BttMining::pay_for_job(signed(BOB), ALICE, 0), Error::<Test>::ZeroAmount);
			assert_noop!(
				BttMining::pay_for_job(signed(ALICE), ALICE, UNIT),
				Error::<Test>::SelfPayment
			);
			assert_noop!(
				BttMining::pay_for_job(signed(ORACLE), ALICE, 10_000 * UNIT),
				pallet_btt_burn::Error::<Test>::InsufficientBalance
			);
			check();
		});
	}

	#[test]
	fn regions_beyond_the_bound_count_as_other_and_payments_never_fail() {
		new_test_ext().execute_with(|| {
			// Three region slots per era: two for regions, the last kept for "other".
			MaxRegionsPerEra::set(3);
			provider(ALICE, 156);
			provider(BOB, 840);
			provider(CHARLIE, 276);
			provider(DAVE, 392);
			for who in [ALICE, BOB, CHARLIE, DAVE] {
				job(who, UNIT);
				report(who);
			}
			let region = |who| Contributions::<Test>::get(0, who).unwrap().region;
			assert_eq!(
				[region(ALICE), region(BOB), region(CHARLIE), region(DAVE)],
				[156, 840, crate::OTHER_REGION, crate::OTHER_REGION]
			);
			assert_eq!(EraTotals::<Test>::get(0).regions, 3);
			assert_eq!(
				RegionTotals::<Test>::get(0, crate::OTHER_REGION).unwrap().compute,
				2 * UNIT
			);
			check();
		});
	}

	#[test]
	fn a_provider_whose_stake_matured_is_not_paid_for_jobs() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			// A provider whose stake matured cannot be paid for jobs until it stakes again.
			System::set_block_number(1 + 90 * ERA);
			assert_noop!(
				BttMining::pay_for_job(signed(HOSPITAL), ALICE, UNIT),
				Error::<Test>::InsufficientStake
			);
			check();
		});
	}

	#[test]
	fn after_the_emission_nothing_is_recorded_for_mining() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			System::set_block_number(BttMining::emission_end());
			keep_staked(ALICE);
			let alice = Balances::balance(&ALICE);
			job(ALICE, 100 * UNIT);
			// Paid and burned, but nothing scored, no allowance used, no bookkeeping.
			assert_eq!(Balances::balance(&ALICE) - alice, 100 * UNIT);
			assert!(matches!(
				System::events().last().unwrap().event,
				RuntimeEvent::BttMining(Event::JobPaid { scored: 0, .. })
			));
			assert_eq!(ConsumerAllowances::<Test>::get(HOSPITAL), Some(HOSPITAL_ALLOWANCE));
			assert_eq!(Contributions::<Test>::iter().count(), 0);
			assert_eq!(EraTotals::<Test>::iter().count(), 0);
			assert_noop!(
				BttMining::report(signed(ORACLE), ALICE, Permill::one(), 50, Permill::one()),
				Error::<Test>::EmissionEnded
			);
			check();
		});
	}
}

mod reports_and_scores {
	use super::*;

	fn report_by(oracle: AccountId, who: AccountId) -> polkadot_sdk::sp_runtime::DispatchResult {
		BttMining::report(signed(oracle), who, Permill::one(), 50, Permill::one())
	}

	#[test]
	fn oracles_report_on_others_only() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_noop!(report_by(BOB, ALICE), Error::<Test>::NotAnOracle);
			assert_noop!(report_by(ORACLE, BOB), Error::<Test>::NotAProvider);
			// An oracle never reports on itself, and a provider cannot become an oracle
			// (nor an oracle a provider): nobody reports on its own capacity.
			assert_noop!(report_by(ORACLE, ORACLE), Error::<Test>::SelfReport);
			assert_noop!(
				BttMining::add_oracle(root(), ALICE),
				Error::<Test>::ProviderCannotBeOracle
			);
			assert_noop!(
				BttMining::register(signed(ORACLE), 156, b"GPU".to_vec()),
				Error::<Test>::OracleCannotProvide
			);
			assert_ok!(report_by(ORACLE, ALICE));
			System::assert_last_event(
				Event::Reported {
					oracle: ORACLE,
					provider: ALICE,
					era: 0,
					qos: fx(3, 2),
					energy: fx(3, 2),
					reports: 1,
				}
				.into(),
			);
			check();
		});
	}

	/// A provider scores only with reports of `MinOracleReports` (3) distinct oracles; an
	/// oracle reporting again replaces its own report and counts once.
	#[test]
	fn a_quorum_of_distinct_oracles_is_needed() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			job(ALICE, 100 * UNIT);
			let alice = || Contributions::<Test>::get(0, ALICE).unwrap();
			assert_ok!(report_by(ORACLE, ALICE));
			assert_ok!(report_by(ORACLE, ALICE));
			assert_ok!(report_by(ORACLE, ALICE));
			assert_eq!(Reports::<Test>::get(0, ALICE).len(), 1);
			assert_eq!((alice().qos, alice().weighted), (FixedU128::from_u32(0), 0));
			assert_ok!(report_by(ORACLE2, ALICE));
			assert_eq!(alice().weighted, 0);
			assert_eq!(EraTotals::<Test>::get(0).compute, 0);
			assert_ok!(report_by(ORACLE3, ALICE));
			System::assert_last_event(
				Event::Reported {
					oracle: ORACLE3,
					provider: ALICE,
					era: 0,
					qos: fx(3, 2),
					energy: fx(3, 2),
					reports: 3,
				}
				.into(),
			);
			assert_eq!(alice().weighted, 225 * UNIT);
			assert_eq!(RegionTotals::<Test>::get(0, 156).unwrap().compute, 100 * UNIT);
			assert_eq!(EraTotals::<Test>::get(0).compute, 100 * UNIT);
			// Two reports only: nothing to claim.
			provider(CHARLIE, 840);
			job(CHARLIE, 100 * UNIT);
			assert_ok!(report_by(ORACLE, CHARLIE));
			assert_ok!(report_by(ORACLE2, CHARLIE));
			next_era();
			assert_noop!(BttMining::claim(signed(CHARLIE), 0), Error::<Test>::NothingToClaim);
			assert_ok!(BttMining::claim(signed(ALICE), 0));
			check();
		});
	}

	#[test]
	fn an_oracle_replaces_its_own_report_and_the_median_follows() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			job(ALICE, 100 * UNIT);
			// QoS factors 1.5, 1.0 (50% uptime), 0.5 (no uptime): median 1.0.
			for (oracle, uptime) in [(ORACLE, 100), (ORACLE2, 50), (ORACLE3, 0)] {
				assert_ok!(BttMining::report(
					signed(oracle),
					ALICE,
					Permill::from_percent(uptime),
					50,
					Permill::one()
				));
			}
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().qos, FixedU128::from_u32(1));
			// ORACLE3 now reports full uptime: 1.5, 1.0, 1.5, median 1.5; still three reports.
			assert_ok!(report_by(ORACLE3, ALICE));
			assert_eq!(Reports::<Test>::get(0, ALICE).len(), 3);
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().qos, fx(3, 2));
			assert_eq!(RegionTotals::<Test>::get(0, 156).unwrap().weighted, 225 * UNIT);
			check();
		});
	}

	#[test]
	fn a_removed_oracles_report_stops_counting_and_frees_its_slot() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_ok!(BttMining::add_oracle(root(), BOB));
			for oracle in [ORACLE, ORACLE2, ORACLE3, BOB] {
				assert_ok!(report_by(oracle, ALICE));
			}
			assert_eq!(Reports::<Test>::get(0, ALICE).len(), 4);
			// Governance replaces an oracle during the era: the next report drops the removed
			// oracle's report (it no longer counts in the medians) and takes its slot.
			assert_ok!(BttMining::remove_oracle(root(), BOB));
			assert_ok!(BttMining::add_oracle(root(), CHARLIE));
			assert_ok!(report_by(CHARLIE, ALICE));
			let reports = Reports::<Test>::get(0, ALICE);
			assert_eq!(reports.len(), 4);
			assert!(reports.iter().all(|r| r.oracle != BOB));
			// Replacing its own report still works.
			assert_ok!(report_by(ORACLE, ALICE));
			check();
		});
	}

	/// Two providers, worked by hand with the default factors:
	/// - Alice (region 156): 600 units of jobs; three oracles report 90% uptime at 200 ms
	///   and 50% efficiency, 85% at 200 ms and 40%, 95% at 100 ms and 60%: QoS factors
	///   0.95, 0.925, 1.45 (median 0.95) and energy 1.0, 0.9, 1.1 (median 1.0): weighted 570;
	/// - Charlie (region 840): 400 units, full uptime at 50 ms (1.5) and full efficiency
	///   (1.5) from all three: weighted 900.
	///
	/// Region 156 has 60% of the scored compute (saturated, geography 0.5), region 840 40%
	/// (3/4 of the way from 10% to 50%: 1.5 − 0.75 = 0.75). Scores: 285 and 675 of 960.
	#[test]
	fn rewards_follow_the_scores_worked_by_hand() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			provider(CHARLIE, 840);
			job(ALICE, 600 * UNIT);
			job(CHARLIE, 400 * UNIT);
			for (oracle, uptime, latency, efficiency) in
				[(ORACLE, 90, 200, 50), (ORACLE2, 85, 200, 40), (ORACLE3, 95, 100, 60)]
			{
				assert_ok!(BttMining::report(
					signed(oracle),
					ALICE,
					Permill::from_percent(uptime),
					latency,
					Permill::from_percent(efficiency)
				));
			}
			report(CHARLIE);
			let alice = Contributions::<Test>::get(0, ALICE).unwrap();
			assert_eq!(
				(alice.qos, alice.energy, alice.weighted),
				(fx(95, 100), FixedU128::from_u32(1), 570 * UNIT)
			);
			assert_eq!(Contributions::<Test>::get(0, CHARLIE).unwrap().weighted, 900 * UNIT);

			next_era();
			let budget = BttMining::era_budget(0);
			let (alice_before, charlie_before) =
				(Balances::balance(&ALICE), Balances::balance(&CHARLIE));
			assert_ok!(BttMining::claim(signed(ALICE), 0));
			assert_ok!(BttMining::claim(signed(CHARLIE), 0));
			assert_eq!(Balances::balance(&ALICE) - alice_before, budget * 285 / 960);
			assert_eq!(Balances::balance(&CHARLIE) - charlie_before, budget * 675 / 960);
			System::assert_last_event(
				Event::RewardClaimed { provider: CHARLIE, era: 0, reward: budget * 675 / 960 }
					.into(),
			);
			// A claim removes the provider's entries of the era.
			assert!(Contributions::<Test>::get(0, ALICE).is_none());
			assert!(Reports::<Test>::get(0, ALICE).is_empty());
			check();
		});
	}

	#[test]
	fn reports_before_jobs_count_and_jobs_after_the_quorum_are_weighted() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			// Reports first: nothing is recorded for mining but the reports.
			report(ALICE);
			assert!(Contributions::<Test>::get(0, ALICE).is_none());
			assert_eq!(RegionTotals::<Test>::iter().count(), 0);
			// The first job takes the factors from the reports.
			job(ALICE, 100 * UNIT);
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().weighted, 225 * UNIT);
			job(ALICE, 100 * UNIT);
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().weighted, 450 * UNIT);
			// All three oracles now report no uptime and no efficiency: 0.5 × 0.5.
			for oracle in [ORACLE, ORACLE2, ORACLE3] {
				assert_ok!(BttMining::report(
					signed(oracle),
					ALICE,
					Permill::zero(),
					50,
					Permill::zero()
				));
			}
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().weighted, 50 * UNIT);
			assert_eq!(RegionTotals::<Test>::get(0, 156).unwrap().weighted, 50 * UNIT);
			assert_eq!(RegionTotals::<Test>::get(0, 156).unwrap().compute, 200 * UNIT);
			check();
		});
	}
}

mod claims {
	use super::*;

	#[test]
	fn claims_need_a_finished_era_inside_the_window_and_something_to_claim() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			provider(CHARLIE, 840);
			job(ALICE, 100 * UNIT);
			job(CHARLIE, 100 * UNIT);
			report(ALICE);
			assert_noop!(BttMining::claim(signed(ALICE), 0), Error::<Test>::EraNotFinished);
			next_era();
			assert_noop!(BttMining::claim(signed(BOB), 0), Error::<Test>::NothingToClaim);
			// Paid jobs without the oracles' reports score nothing.
			assert_noop!(BttMining::claim(signed(CHARLIE), 0), Error::<Test>::NothingToClaim);
			assert_ok!(BttMining::claim(signed(ALICE), 0));
			assert_noop!(BttMining::claim(signed(ALICE), 0), Error::<Test>::NothingToClaim);
			// Era 1's reward expires after the window: it stays in the pool.
			keep_staked(ALICE);
			job(ALICE, 100 * UNIT);
			report(ALICE);
			for _ in 0..=CLAIM_WINDOW {
				next_era();
			}
			let pool = Balances::balance(&MINING_POOL);
			assert_noop!(BttMining::claim(signed(ALICE), 1), Error::<Test>::ClaimExpired);
			assert_eq!(Balances::balance(&MINING_POOL), pool);
			check();
		});
	}
}

mod governance {
	use super::*;

	#[test]
	fn oracles_are_added_and_removed_by_governance_only() {
		new_test_ext().execute_with(|| {
			assert_noop!(BttMining::add_oracle(signed(ALICE), BOB), DispatchError::BadOrigin);
			assert_noop!(BttMining::add_oracle(root(), ORACLE), Error::<Test>::AlreadyAnOracle);
			assert_ok!(BttMining::add_oracle(root(), BOB));
			System::assert_last_event(Event::OracleAdded { oracle: BOB }.into());
			assert_noop!(BttMining::add_oracle(root(), CHARLIE), Error::<Test>::TooManyOracles);
			assert_noop!(BttMining::remove_oracle(signed(ALICE), BOB), DispatchError::BadOrigin);
			assert_ok!(BttMining::remove_oracle(root(), BOB));
			System::assert_last_event(Event::OracleRemoved { oracle: BOB }.into());
			assert_noop!(BttMining::remove_oracle(root(), BOB), Error::<Test>::NotAnOracle);
			assert_eq!(Oracles::<Test>::count(), 3);
			check();
		});
	}

	#[test]
	fn factors_are_bounded() {
		new_test_ext().execute_with(|| {
			let mut factors = FactorConfig::default();
			factors.geo_max = FixedU128::from_u32(2);
			assert_ok!(BttMining::set_factors(root(), factors));
			System::assert_last_event(Event::FactorsSet { factors }.into());
			factors.geo_max = FixedU128::from_u32(5);
			assert_noop!(BttMining::set_factors(root(), factors), Error::<Test>::InvalidFactors);
			assert_noop!(
				BttMining::set_factors(signed(ALICE), FactorConfig::default()),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn governance_keeps_the_region_list() {
		new_test_ext().execute_with(|| {
			assert_noop!(BttMining::add_region(signed(ALICE), 10), DispatchError::BadOrigin);
			assert_noop!(BttMining::remove_region(signed(ALICE), 156), DispatchError::BadOrigin);
			assert_noop!(BttMining::add_region(root(), 0), Error::<Test>::InvalidRegion);
			assert_noop!(BttMining::add_region(root(), 1_000), Error::<Test>::InvalidRegion);
			assert_noop!(BttMining::add_region(root(), 156), Error::<Test>::RegionAlreadyListed);
			assert_noop!(BttMining::remove_region(root(), 10), Error::<Test>::UnknownRegion);
			// Antarctica (10) is listed, then delisted.
			assert_ok!(BttMining::add_region(root(), 10));
			System::assert_last_event(Event::RegionAdded { region: 10 }.into());
			keep_staked(ALICE);
			assert_ok!(BttMining::register(signed(ALICE), 10, vec![]));
			assert_ok!(BttMining::remove_region(root(), 10));
			System::assert_last_event(Event::RegionRemoved { region: 10 }.into());
			keep_staked(BOB);
			assert_noop!(
				BttMining::register(signed(BOB), 10, vec![]),
				Error::<Test>::UnknownRegion
			);
			// The list is bounded.
			let mut code = 1;
			while Regions::<Test>::count() < MAX_LISTED_REGIONS {
				if !Regions::<Test>::contains_key(code) {
					assert_ok!(BttMining::add_region(root(), code));
				}
				code += 1;
			}
			assert_noop!(BttMining::add_region(root(), 999), Error::<Test>::TooManyRegions);
			check();
		});
	}
}

mod pruning {
	use super::*;

	/// A contribution (and report) of one of `n` made-up providers in era 0.
	fn fill_era_0(n: u64) {
		let one = FixedU128::from_u32(1);
		for i in 0..n {
			let who = 1_000 + i;
			Contributions::<Test>::insert(
				0,
				who,
				Contribution { region: 156, compute: 1, qos: one, energy: one, weighted: 1 },
			);
			let report = OracleReport { oracle: ORACLE, qos: one, energy: one };
			Reports::<Test>::insert(0, who, BoundedVec::truncate_from(vec![report]));
		}
		RegionTotals::<Test>::insert(
			0,
			156,
			crate::RegionTotal { compute: n as u128, weighted: 1 },
		);
		EraTotals::<Test>::insert(
			0,
			EraTotal { compute: n as u128, regions: 1, ..Default::default() },
		);
	}

	fn keys_of_era_0() -> usize {
		Contributions::<Test>::iter_prefix(0).count()
			+ Reports::<Test>::iter_prefix(0).count()
			+ RegionTotals::<Test>::iter_prefix(0).count()
			+ usize::from(EraTotals::<Test>::contains_key(0))
	}

	/// Era 0 expires when era `ClaimWindow + 1` begins; from then on each block removes at
	/// most `PruneLimit` of its keys (the keys are in the database, as on a live chain),
	/// until none is left, and the hook charges the pruning's weight only while it works.
	#[test]
	fn expired_eras_are_pruned_a_few_keys_per_block() {
		let mut ext = new_test_ext();
		ext.execute_with(|| fill_era_0(30));
		ext.commit_all().unwrap();
		let expiry = u64::from(CLAIM_WINDOW + 1) * ERA;
		ext.execute_with(|| {
			assert_eq!(keys_of_era_0(), 62);
			// The last block era 0 may still be claimed in: nothing pruned.
			let block = expiry - 1;
			System::set_block_number(block);
			assert_eq!(BttMining::on_initialize(block), <() as WeightInfo>::on_initialize_idle());
			assert_eq!(keys_of_era_0(), 62);
		});
		let mut block = expiry;
		let mut blocks = 0;
		loop {
			let done = ext.execute_with(|| {
				System::set_block_number(block);
				let before = keys_of_era_0();
				let weight = BttMining::on_initialize(block);
				let removed = before - keys_of_era_0();
				assert!(removed as u32 <= PRUNE_LIMIT, "at most PruneLimit keys per block");
				assert!(weight.all_gte(<() as WeightInfo>::on_initialize_prune(1)));
				Pruning::<Test>::get().era == 1
			});
			ext.commit_all().unwrap();
			block += 1;
			blocks += 1;
			if done {
				break;
			}
			assert!(blocks < 20, "pruning finishes");
		}
		assert!(blocks >= 62 / PRUNE_LIMIT as usize, "the work was spread over blocks");
		ext.execute_with(|| {
			assert_eq!(keys_of_era_0(), 0);
			System::assert_has_event(Event::EraPruned { era: 0 }.into());
			// Nothing more to do until era 1 expires, at the start of era ClaimWindow + 2.
			let next = u64::from(CLAIM_WINDOW + 2) * ERA;
			assert!(block < next);
			System::set_block_number(block);
			assert_eq!(BttMining::on_initialize(block), <() as WeightInfo>::on_initialize_idle());
			// Era 1 had nothing: pruned in its first block.
			System::set_block_number(next);
			BttMining::on_initialize(next);
			assert_eq!(Pruning::<Test>::get().era, 2);
			System::assert_last_event(Event::EraPruned { era: 1 }.into());
			check();
		});
	}

	/// Claims inside the window still work while older eras are pruned.
	#[test]
	fn pruning_leaves_claimable_eras_alone() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			for _ in 0..=CLAIM_WINDOW + 2 {
				keep_staked(ALICE);
				job(ALICE, 10 * UNIT);
				report(ALICE);
				run_to_next_era();
			}
			let current = BttMining::current_era();
			// Eras 0 and 1 (and 2, whose window closed at this era's start) are pruned…
			assert_eq!(Pruning::<Test>::get().era, current - CLAIM_WINDOW);
			assert!(Contributions::<Test>::get(0, ALICE).is_none());
			assert_noop!(BttMining::claim(signed(ALICE), 1), Error::<Test>::ClaimExpired);
			// …the oldest claimable era is not.
			assert_ok!(BttMining::claim(signed(ALICE), current - CLAIM_WINDOW));
			check();
		});
	}
}

/// The views the web app and providers read: each shows what the calls then do.
mod views {
	use super::*;

	#[test]
	fn the_era_view_follows_the_calendar_and_the_emission() {
		new_test_ext().execute_with(|| {
			let view = BttMining::era_view();
			assert_eq!((view.era, view.start, view.end), (0, 0, ERA));
			assert_eq!((view.budget, view.cap_so_far, view.paid), (BttMining::era_budget(0), 0, 0));
			assert_eq!((view.emission_total, view.end_era), (MINING_ROW, 4 * ERAS_PER_PHASE));
			assert_eq!((view.providers, view.oracles), (0, Oracles::<Test>::count()));
			assert_eq!(view.min_oracle_reports, 3);

			provider(ALICE, 156);
			report(ALICE);
			job(ALICE, 100 * UNIT);
			let view = BttMining::era_view();
			assert_eq!((view.scored_compute, view.regions, view.providers), (100 * UNIT, 1, 1));

			next_era();
			let view = BttMining::era_view();
			assert_eq!((view.era, view.start, view.end), (1, ERA, 2 * ERA));
			assert_eq!(view.cap_so_far, BttMining::era_budget(0));
			assert_eq!(view.scored_compute, 0);
			assert_ok!(BttMining::claim(signed(ALICE), 0));
			assert_eq!(BttMining::era_view().paid, BttMining::era_budget(0));
			check();
		});
	}

	#[test]
	fn a_providers_estimate_is_what_its_claim_pays() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			provider(CHARLIE, 156);
			provider(DAVE, 840);
			for (who, work) in [(ALICE, 100), (CHARLIE, 37), (DAVE, 71)] {
				report(who);
				job(who, work * UNIT);
			}
			// Dave's second job lands in the same era: the estimate follows it.
			job(DAVE, 9 * UNIT);
			let estimates: Vec<_> = [ALICE, CHARLIE, DAVE]
				.into_iter()
				.map(|who| BttMining::provider_view(&who, 0).unwrap())
				.collect();
			assert_eq!(estimates[2].compute, 80 * UNIT);
			assert_eq!(estimates[0].reports, 3);
			assert!(estimates.iter().all(|v| v.eligible && v.qos > FixedU128::from_inner(0)));
			assert_eq!(estimates[0].geography, estimates[1].geography);
			let total: Balance = estimates.iter().map(|v| v.estimated_reward).sum();
			assert!(total <= BttMining::era_budget(0) && total + 3 >= BttMining::era_budget(0));

			next_era();
			for (who, estimate) in [ALICE, CHARLIE, DAVE].into_iter().zip(&estimates) {
				assert_eq!(BttMining::provider_view(&who, 0).as_ref(), Some(estimate));
				let before = Balances::balance(&who);
				assert_ok!(BttMining::claim(signed(who), 0));
				assert_eq!(Balances::balance(&who) - before, estimate.estimated_reward);
			}
			// The claim consumed the contribution: nothing more to estimate.
			assert_eq!(BttMining::provider_view(&ALICE, 0).unwrap().estimated_reward, 0);
			check();
		});
	}

	#[test]
	fn without_the_oracle_quorum_a_provider_is_estimated_nothing() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_ok!(BttMining::report(
				signed(ORACLE),
				ALICE,
				Permill::one(),
				50,
				Permill::one()
			));
			job(ALICE, 100 * UNIT);
			let view = BttMining::provider_view(&ALICE, 0).unwrap();
			assert_eq!((view.reports, view.compute, view.weighted), (1, 100 * UNIT, 0));
			assert_eq!((view.qos, view.estimated_reward), (FixedU128::from_inner(0), 0));
			assert_eq!(view.region, 156);
			assert_eq!(BttMining::provider_view(&BOB, 0), None);
		});
	}
}
