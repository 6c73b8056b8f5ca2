//! Tests of compute mining: the 8-year emission, registration, jobs, reports, scoring
//! worked by hand, claims and governance, with the supply rule after every step.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	mock::*, Contributions, CurrentEra, EraLength, EraTotals, Error, Event, FactorConfig,
	NextEraStart, Oracles, Providers, TotalPaid,
};
use pallet_btt_staking::Tier;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::Inspect, Hooks},
	},
	frame_system::RawOrigin,
	sp_runtime::{DispatchError, FixedU128, Permill},
};

/// The supply rule and every invariant of the pallets involved hold.
fn check() {
	BttBurn::do_try_state().expect("total_issuance + total_burned == supply");
	BttStaking::do_try_state().expect("staking invariants");
	BttMining::do_try_state().expect("mining invariants");
	assert_eq!(MINING_ROW - Balances::balance(&MINING_POOL), MiningPoolSpent::get());
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

/// Runs blocks until the next era has started.
fn next_era() {
	let start = NextEraStart::<Test>::get();
	System::set_block_number(start);
	BttMining::on_initialize(start);
}

/// Makes sure `who` holds an unmatured 90-day stake of 5,000 units, renewing a matured one.
fn keep_staked(who: AccountId) {
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

/// An oracle's report on `who` for the current era: full uptime at 50 ms, full efficiency.
fn report(who: AccountId) {
	assert_ok!(BttMining::report(signed(ORACLE), who, Permill::one(), 50, Permill::one()));
}

/// A registered provider in `region`.
fn provider(who: AccountId, region: u16) {
	keep_staked(who);
	assert_ok!(BttMining::register(signed(who), region, b"8x H100, ISO 27001".to_vec()));
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
				keep_staked(ALICE);
				assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
				report(ALICE);
				next_era();
				let before = Balances::balance(&ALICE);
				assert_ok!(BttMining::claim(signed(ALICE), era));
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
				for (who, work) in [(ALICE, 100), (CHARLIE, 37), (DAVE, 71)] {
					keep_staked(who);
					assert_ok!(BttMining::pay_for_job(signed(BOB), who, work * UNIT + 3));
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
			assert_eq!(CurrentEra::<Test>::get(), 2);
			assert_eq!(Balances::balance(&MINING_POOL), MINING_ROW);
			System::assert_last_event(
				Event::NewEra { era: 2, budget: BttMining::era_budget(2) }.into(),
			);
			check();
		});
	}

	#[test]
	fn eras_follow_the_era_length_and_its_changes() {
		new_test_ext().execute_with(|| {
			assert_eq!(NextEraStart::<Test>::get(), ERA);
			System::set_block_number(ERA - 1);
			BttMining::on_initialize(ERA - 1);
			assert_eq!(CurrentEra::<Test>::get(), 0);
			BttMining::on_initialize(ERA);
			assert_eq!(CurrentEra::<Test>::get(), 1);
			// A new length applies from the next era on.
			assert_ok!(BttMining::set_era_length(root(), 25));
			assert_eq!(NextEraStart::<Test>::get(), 2 * ERA);
			BttMining::on_initialize(2 * ERA);
			assert_eq!((CurrentEra::<Test>::get(), NextEraStart::<Test>::get()), (2, 2 * ERA + 25));
			assert_noop!(BttMining::set_era_length(root(), 0), Error::<Test>::InvalidEraLength);
			assert_noop!(BttMining::set_era_length(signed(ALICE), 5), DispatchError::BadOrigin);
			assert_eq!(EraLength::<Test>::get(), 25);
		});
	}

	#[test]
	fn the_projection_is_the_cap_by_block() {
		new_test_ext().execute_with(|| {
			assert_eq!(BttMining::emitted_by(0), 0);
			assert_eq!(BttMining::emitted_by(u64::from(ERAS_PER_PHASE) * ERA), 25_200_000 * UNIT);
			assert_eq!(BttMining::emission_end(), 4 * u64::from(ERAS_PER_PHASE) * ERA);
			assert_eq!(BttMining::emitted_by(BttMining::emission_end() * 2), MINING_ROW);
		});
	}
}

mod providers {
	use super::*;

	#[test]
	fn registration_needs_the_stake_and_is_undone_by_deregistration() {
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
			assert_noop!(BttMining::deregister(signed(ALICE)), Error::<Test>::NotAProvider);
			assert_eq!(Providers::<Test>::count(), 0);
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

	#[test]
	#[should_panic(expected = "a provider's minimum stake cannot be zero")]
	fn genesis_refuses_a_zero_provider_stake() {
		use polkadot_sdk::sp_runtime::BuildStorage;
		let _ = RuntimeGenesisConfig {
			btt_mining: crate::GenesisConfig {
				era_length: ERA,
				min_provider_stake: 0,
				factors: None,
				oracles: vec![],
			},
			..Default::default()
		}
		.build_storage();
	}
}

mod jobs {
	use super::*;

	#[test]
	fn a_job_pays_the_provider_burns_the_fee_and_counts_as_compute() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			let bob_before = Balances::balance(&BOB);
			let alice_before = Balances::balance(&ALICE);
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 1_000 * UNIT));
			check();
			// The 2% compute-trade fee is burned on top.
			assert_eq!(bob_before - Balances::balance(&BOB), 1_020 * UNIT);
			assert_eq!(Balances::balance(&ALICE) - alice_before, 1_000 * UNIT);
			System::assert_last_event(
				Event::JobPaid {
					consumer: BOB,
					provider: ALICE,
					amount: 1_000 * UNIT,
					fee_burned: 20 * UNIT,
					era: 0,
					priority: false,
				}
				.into(),
			);
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().compute, 1_000 * UNIT);
			assert_eq!(EraTotals::<Test>::get(0).compute, 1_000 * UNIT);
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
			provider(ALICE, 156);
			provider(BOB, 840);
			provider(CHARLIE, 276);
			provider(DAVE, 392);
			for who in [ALICE, BOB, CHARLIE, DAVE] {
				assert_ok!(BttMining::pay_for_job(signed(ORACLE), who, UNIT));
			}
			let region = |who| Contributions::<Test>::get(0, who).unwrap().region;
			assert_eq!(
				[region(ALICE), region(BOB), region(CHARLIE), region(DAVE)],
				[156, 840, crate::OTHER_REGION, crate::OTHER_REGION]
			);
			assert_eq!(EraTotals::<Test>::get(0).regions, MAX_REGIONS);
			assert_eq!(
				crate::RegionTotals::<Test>::get(0, crate::OTHER_REGION).unwrap().compute,
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
				BttMining::pay_for_job(signed(ORACLE), ALICE, UNIT),
				Error::<Test>::InsufficientStake
			);
			check();
		});
	}
}

mod reports_and_scores {
	use super::*;

	fn fx(n: u128, d: u128) -> FixedU128 {
		FixedU128::from_rational(n, d)
	}

	#[test]
	fn oracles_report_on_others_only() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			let report = |who, provider| {
				BttMining::report(signed(who), provider, Permill::one(), 50, Permill::one())
			};
			assert_noop!(report(BOB, ALICE), Error::<Test>::NotAnOracle);
			assert_noop!(report(ORACLE, BOB), Error::<Test>::NotAProvider);
			assert_ok!(BttMining::add_oracle(root(), ALICE));
			assert_noop!(report(ALICE, ALICE), Error::<Test>::SelfReport);
			assert_ok!(report(ORACLE, ALICE));
			System::assert_last_event(
				Event::Reported {
					oracle: ORACLE,
					provider: ALICE,
					era: 0,
					qos: fx(3, 2),
					energy: fx(3, 2),
				}
				.into(),
			);
		});
	}

	/// Two providers, worked by hand with the default factors:
	/// - Alice (region 156): 600 units of jobs, 90% uptime at 200 ms (QoS 0.95), 50%
	///   efficiency (energy 1.0): weighted 570;
	/// - Charlie (region 840): 400 units, full uptime at 50 ms (1.5), full efficiency
	///   (1.5): weighted 900.
	/// Region 156 has 60% of the compute (saturated, geography 0.5), region 840 40%
	/// (3/4 of the way from 10% to 50%: 1.5 − 0.75 = 0.75). Scores: 285 and 675 of 960.
	#[test]
	fn rewards_follow_the_scores_worked_by_hand() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			provider(CHARLIE, 840);
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 600 * UNIT));
			assert_ok!(BttMining::pay_for_job(signed(BOB), CHARLIE, 400 * UNIT));
			assert_ok!(BttMining::report(
				signed(ORACLE),
				ALICE,
				Permill::from_percent(90),
				200,
				Permill::from_percent(50)
			));
			assert_ok!(BttMining::report(
				signed(ORACLE),
				CHARLIE,
				Permill::one(),
				50,
				Permill::one()
			));
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
			check();
		});
	}

	#[test]
	fn a_later_report_replaces_the_earlier_and_jobs_after_it_are_weighted() {
		new_test_ext().execute_with(|| {
			provider(ALICE, 156);
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
			// Unreported: no score yet.
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().weighted, 0);
			assert_ok!(BttMining::report(
				signed(ORACLE),
				ALICE,
				Permill::one(),
				50,
				Permill::one()
			));
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().weighted, 225 * UNIT);
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().weighted, 450 * UNIT);
			assert_ok!(BttMining::report(
				signed(ORACLE),
				ALICE,
				Permill::zero(),
				50,
				Permill::zero()
			));
			assert_eq!(Contributions::<Test>::get(0, ALICE).unwrap().weighted, 50 * UNIT);
			assert_eq!(crate::RegionTotals::<Test>::get(0, 156).unwrap().weighted, 50 * UNIT);
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
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
			assert_ok!(BttMining::pay_for_job(signed(BOB), CHARLIE, 100 * UNIT));
			report(ALICE);
			assert_noop!(BttMining::claim(signed(ALICE), 0), Error::<Test>::EraNotFinished);
			next_era();
			assert_noop!(BttMining::claim(signed(BOB), 0), Error::<Test>::NothingToClaim);
			// Paid jobs without an oracle's report score nothing.
			assert_noop!(BttMining::claim(signed(CHARLIE), 0), Error::<Test>::NothingToClaim);
			assert_ok!(BttMining::claim(signed(ALICE), 0));
			assert_noop!(BttMining::claim(signed(ALICE), 0), Error::<Test>::NothingToClaim);
			// Era 1's reward expires after the window: it stays in the pool.
			keep_staked(ALICE);
			assert_ok!(BttMining::pay_for_job(signed(BOB), ALICE, 100 * UNIT));
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
			assert_noop!(BttMining::remove_oracle(root(), BOB), Error::<Test>::NotAnOracle);
			assert_eq!(Oracles::<Test>::count(), 1);
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
}
