//! Tests of fixed-term staking: stakes, rewards at term boundaries, pool exhaustion, the
//! position bound, the fee-share accumulator against a brute-force split, and benefits.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	mock::*, Error, Event, FeeShareAccounted, FreezeReason, HoldReason, Positions, ReservedRewards,
	StakingBenefits, Term, Terms, Tier, TotalStaked,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::fungible::{Inspect, InspectFreeze, InspectHold, Mutate},
		traits::tokens::Preservation,
	},
	frame_system::RawOrigin,
	sp_runtime::{DispatchError, Permill},
};

/// The supply rule and every invariant of both pallets hold.
fn check() {
	BttBurn::do_try_state().expect("total_issuance + total_burned == supply");
	BttStaking::do_try_state().expect("staking invariants");
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn frozen(who: AccountId) -> Balance {
	<Balances as InspectFreeze<_>>::balance_frozen(&FreezeReason::Staking.into(), &who)
}

fn reward_hold() -> Balance {
	<Balances as InspectHold<_>>::balance_on_hold(
		&HoldReason::StakingReward.into(),
		&COMMUNITY_POOL,
	)
}

fn term(tier: Tier) -> Term<Balance> {
	Terms::<Test>::get(tier).unwrap()
}

/// Moves the chain to `block`.
fn go_to(block: u64) {
	System::set_block_number(block);
}

/// Fee income reaching the stakers' pot (the fee handler would send it there).
fn fee_income(amount: Balance) {
	assert_ok!(<Balances as Mutate<_>>::transfer(
		&ECOSYSTEM_FUND,
		&STAKERS_POT,
		amount,
		Preservation::Expendable
	));
}

mod stakes {
	use super::*;

	#[test]
	fn a_stake_freezes_the_principal_and_reserves_the_reward() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days180, 10_000 * UNIT));
			check();
			// 10,000 × 8% × 180 / 365.
			let reward = 10_000 * UNIT * 8 * 180 / 100 / 365;
			System::assert_last_event(
				Event::Staked {
					who: ALICE,
					id: 0,
					tier: Tier::Days180,
					principal: 10_000 * UNIT,
					reward,
					maturity: 1 + 180 * DAY,
				}
				.into(),
			);
			assert_eq!(frozen(ALICE), 10_000 * UNIT);
			// The tokens stay in Alice's account; she cannot move the frozen part.
			assert_eq!(Balances::balance(&ALICE), 500_000 * UNIT);
			assert_noop!(
				<Balances as Mutate<_>>::transfer(
					&ALICE,
					&BOB,
					491_000 * UNIT,
					Preservation::Expendable
				),
				polkadot_sdk::sp_runtime::TokenError::Frozen
			);
			assert_eq!(reward_hold(), reward);
			assert_eq!(TotalStaked::<Test>::get(), 10_000 * UNIT);
			assert_eq!(ReservedRewards::<Test>::get(), reward);
			let position = &Positions::<Test>::get(ALICE).unwrap()[0];
			assert_eq!(
				(position.principal, position.reward, position.start),
				(10_000 * UNIT, reward, 1)
			);
		});
	}

	#[test]
	fn each_term_pays_its_exact_reward_at_maturity_and_not_a_block_before() {
		for tier in Tier::ALL {
			new_test_ext().execute_with(|| {
				let t = term(tier);
				let principal = t.minimum;
				assert_ok!(BttStaking::stake(signed(ALICE), tier, principal));
				let maturity = 1 + u64::from(t.days) * DAY;
				go_to(maturity - 1);
				assert_noop!(BttStaking::close(signed(BOB), ALICE, 0), Error::<Test>::NotMatured);

				go_to(maturity);
				let before = Balances::balance(&ALICE);
				let issuance = Balances::total_issuance();
				// Anyone may close for the owner.
				assert_ok!(BttStaking::close(signed(BOB), ALICE, 0));
				check();
				let reward = principal * u128::from(t.apy.deconstruct()) * u128::from(t.days)
					/ 1_000_000 / 365;
				let burned = t.reward_burn.mul_floor(reward);
				assert_eq!(Balances::balance(&ALICE) - before, reward - burned, "{tier:?}");
				assert_eq!(issuance - Balances::total_issuance(), burned, "{tier:?}");
				assert_eq!(frozen(ALICE), 0);
				assert_eq!(reward_hold(), 0);
				assert!(Positions::<Test>::get(ALICE).is_none());
				assert_eq!(PoolSpends::get(), vec![(COMMUNITY_POOL, reward)]);
				System::assert_last_event(
					Event::Closed {
						who: ALICE,
						id: 0,
						principal,
						reward_paid: reward - burned,
						reward_burned: burned,
						fee_share: 0,
					}
					.into(),
				);
			});
		}
	}

	#[test]
	fn long_terms_burn_their_share_of_the_reward() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			go_to(1 + 1095 * DAY);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
			// 54% over three years; 20% of it burned.
			assert_eq!(
				pallet_btt_burn::BurnedBySource::<Test>::get(
					pallet_btt_burn::BurnSource::StakingReward
				),
				54_000 * UNIT / 5
			);
			check();
		});
	}

	#[test]
	fn a_stake_the_pool_cannot_cover_is_refused_and_changes_nothing() {
		new_test_ext().execute_with(|| {
			// 1095 days at 18% pays 54%: the 1,000,000-unit pool covers about 1.85M staked.
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 490_000 * UNIT));
			let reserved = reward_hold();
			assert_eq!(reserved, 264_600 * UNIT);
			// Leave the pool less than the next reward.
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&COMMUNITY_POOL,
				&ECOSYSTEM_FUND,
				1_000_000 * UNIT - reserved - 50_000 * UNIT,
				Preservation::Expendable
			));
			assert_noop!(
				BttStaking::stake(signed(BOB), Tier::Days1095, 100_000 * UNIT),
				Error::<Test>::PoolCannotCover
			);
			// What the pool can still promise, it promises: 12% of 50,000.
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days365, 50_000 * UNIT));
			check();
		});
	}

	#[test]
	fn an_account_holds_at_most_max_positions() {
		new_test_ext().execute_with(|| {
			for _ in 0..MAX_POSITIONS {
				assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			}
			assert_noop!(
				BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT),
				Error::<Test>::TooManyPositions
			);
			assert_eq!(frozen(ALICE), u128::from(MAX_POSITIONS) * 1_000 * UNIT);
			check();
			// Closing one makes room again.
			go_to(1 + 30 * DAY);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 2));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			assert_eq!(
				Positions::<Test>::get(ALICE).unwrap().iter().map(|p| p.id).collect::<Vec<_>>(),
				vec![0, 1, 3, 4]
			);
			check();
		});
	}

	#[test]
	fn bad_stakes_fail_with_their_error_and_change_nothing() {
		new_test_ext_with(terms().into_iter().filter(|(t, _)| *t != Tier::Days90).collect())
			.execute_with(|| {
				assert_noop!(
					BttStaking::stake(signed(ALICE), Tier::Days90, 5_000 * UNIT),
					Error::<Test>::UnknownTier
				);
				assert_noop!(
					BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT - 1),
					Error::<Test>::BelowMinimum
				);
				// Charlie holds 2,000: a second 1,000 stake would freeze more than he has.
				assert_ok!(BttStaking::stake(signed(CHARLIE), Tier::Days30, 1_500 * UNIT));
				assert_noop!(
					BttStaking::stake(signed(CHARLIE), Tier::Days30, 1_000 * UNIT),
					Error::<Test>::InsufficientBalance
				);
				assert_noop!(
					BttStaking::stake(signed(CHARLIE), Tier::Days30, u128::MAX),
					Error::<Test>::Overflow
				);
				assert_noop!(
					BttStaking::stake(RawOrigin::None.into(), Tier::Days30, 1_000 * UNIT),
					DispatchError::BadOrigin
				);
				check();
			});
	}

	#[test]
	fn bad_closes_fail_with_their_error_and_change_nothing() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				BttStaking::close(signed(ALICE), ALICE, 0),
				Error::<Test>::UnknownPosition
			);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			assert_noop!(
				BttStaking::close(signed(ALICE), ALICE, 7),
				Error::<Test>::UnknownPosition
			);
			assert_noop!(BttStaking::close(signed(ALICE), BOB, 0), Error::<Test>::UnknownPosition);
			assert_noop!(BttStaking::close(signed(ALICE), ALICE, 0), Error::<Test>::NotMatured);
			assert_noop!(
				BttStaking::close(RawOrigin::None.into(), ALICE, 0),
				DispatchError::BadOrigin
			);
			check();
		});
	}
}

mod terms {
	use super::*;

	#[test]
	fn governance_changes_terms_for_new_stakes_only() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days365, 50_000 * UNIT));
			let new = Term {
				days: 400,
				apy: Permill::from_percent(10),
				minimum: 60_000 * UNIT,
				reward_burn: Permill::from_percent(50),
			};
			assert_ok!(BttStaking::set_term(RawOrigin::Root.into(), Tier::Days365, new));
			System::assert_last_event(Event::TermSet { tier: Tier::Days365, term: new }.into());
			assert_noop!(
				BttStaking::stake(signed(BOB), Tier::Days365, 50_000 * UNIT),
				Error::<Test>::BelowMinimum
			);
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days365, 60_000 * UNIT));
			let bob = &Positions::<Test>::get(BOB).unwrap()[0];
			assert_eq!((bob.maturity, bob.reward_burn), (1 + 400 * DAY, Permill::from_percent(50)));
			// Alice keeps her 12% over 365 days with a 10% burn.
			let alice = &Positions::<Test>::get(ALICE).unwrap()[0];
			assert_eq!(alice.reward, 6_000 * UNIT);
			assert_eq!(
				(alice.maturity, alice.reward_burn),
				(1 + 365 * DAY, Permill::from_percent(10))
			);
			check();
		});
	}

	#[test]
	fn bad_terms_and_origins_are_refused() {
		new_test_ext().execute_with(|| {
			let mut bad = term(Tier::Days30);
			bad.days = 0;
			assert_noop!(
				BttStaking::set_term(RawOrigin::Root.into(), Tier::Days30, bad),
				Error::<Test>::InvalidTerm
			);
			bad = term(Tier::Days30);
			bad.minimum = 0;
			assert_noop!(
				BttStaking::set_term(RawOrigin::Root.into(), Tier::Days30, bad),
				Error::<Test>::InvalidTerm
			);
			assert_noop!(
				BttStaking::set_term(signed(ALICE), Tier::Days30, term(Tier::Days30)),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	#[should_panic(expected = "invalid term")]
	fn genesis_refuses_an_invalid_term() {
		let mut terms = terms();
		terms[0].1.days = 0;
		let _ = new_test_ext_with(terms);
	}
}

mod fee_share {
	use super::*;

	#[test]
	fn fee_income_is_shared_pro_rata_to_principal() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 30_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 10_000 * UNIT));
			fee_income(400 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 300 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&BOB), 100 * UNIT);
			let before = Balances::balance(&ALICE);
			assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
			assert_eq!(Balances::balance(&ALICE) - before, 300 * UNIT);
			System::assert_last_event(
				Event::FeeSharePaid { who: ALICE, amount: 300 * UNIT }.into(),
			);
			assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
			check();

			// A later staker does not share income that arrived before it staked.
			assert_ok!(BttStaking::stake(signed(CHARLIE), Tier::Days30, 1_000 * UNIT));
			assert_eq!(BttStaking::pending_fee_share(&CHARLIE), 0);
			assert_eq!(BttStaking::pending_fee_share(&BOB), 100 * UNIT);
			// Closing pays the position's fee share with it.
			fee_income(410 * UNIT);
			go_to(1 + 30 * DAY);
			let before = Balances::balance(&BOB);
			assert_ok!(BttStaking::close(signed(BOB), BOB, 1));
			let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
			assert_eq!(Balances::balance(&BOB) - before, reward + 200 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&CHARLIE), 10 * UNIT);
			check();
		});
	}

	#[test]
	fn claims_need_a_position_and_something_owed() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				BttStaking::claim_fee_share(signed(ALICE)),
				Error::<Test>::UnknownPosition
			);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
		});
	}

	/// A small deterministic generator (64-bit LCG), so the property test needs no crate.
	struct Lcg(u64);
	impl Lcg {
		fn next(&mut self, bound: u64) -> u64 {
			self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			(self.0 >> 33) % bound
		}
	}

	/// Random stakes, fee income, claims and time: every staker ends up paid what the exact
	/// pro-rata split of each income over the stakes open at the time gives, to within the
	/// rounding (a few plancks per income), the stakers together never more than came in,
	/// and the pot keeps what was not paid.
	#[test]
	fn the_accumulator_pays_what_a_brute_force_split_pays() {
		for seed in 0..20u64 {
			new_test_ext().execute_with(|| {
				let mut rng = Lcg(seed);
				let stakers = [ALICE, BOB, CHARLIE];
				// The exact (rational) share of each staker, in f64: income is at most 10^6
				// plancks per step, far inside f64's exact range.
				let mut exact: [f64; 3] = [0.0; 3];
				let mut paid: [Balance; 3] = [0; 3];
				let mut incomes = 0u32;
				let mut all_income: Balance = 0;
				let mut block = 1;
				assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
				for _ in 0..60 {
					match rng.next(4) {
						0 => {
							let i = rng.next(3) as usize;
							let amount = 1_000 * UNIT + u128::from(rng.next(500)) * UNIT;
							let _ = BttStaking::stake(signed(stakers[i]), Tier::Days30, amount);
						}
						1 => {
							let amount = u128::from(rng.next(1_000_000)) + 1;
							fee_income(amount.max(ED));
							all_income += amount.max(ED);
							incomes += 1;
							// Brute force: split by the principal open now.
							let open: Vec<Balance> = stakers
								.iter()
								.map(|s| {
									Positions::<Test>::get(s)
										.map_or(0, |ps| ps.iter().map(|p| p.principal).sum())
								})
								.collect();
							let total: Balance = open.iter().sum();
							assert!(total > 0, "Alice stakes first and nothing closes");
							for i in 0..3 {
								exact[i] += amount.max(ED) as f64 * open[i] as f64 / total as f64;
							}
						}
						2 => {
							let i = rng.next(3) as usize;
							let before = Balances::balance(&stakers[i]);
							if BttStaking::claim_fee_share(signed(stakers[i])).is_ok() {
								paid[i] += Balances::balance(&stakers[i]) - before;
							}
						}
						_ => {
							block += 3 * DAY;
							go_to(block);
						}
					}
					check();
				}
				// Pay out everything still owed (positions stay open: claims only).
				for (i, s) in stakers.iter().enumerate() {
					let before = Balances::balance(s);
					let _ = BttStaking::claim_fee_share(signed(*s));
					paid[i] += Balances::balance(s) - before;
				}
				let positions: u32 = stakers
					.iter()
					.map(|s| Positions::<Test>::decode_len(s).unwrap_or(0) as u32)
					.sum();
				// Each settlement rounds every position's share down (under a planck each) and
				// carries the unshared remainder (under two plancks) to the next settlement,
				// where the stakes of that time share it.
				let tolerance = f64::from(incomes * (positions + 2)) + 1.0;
				for i in 0..3 {
					let exact = exact[i];
					assert!(
						(paid[i] as f64 - exact).abs() < tolerance,
						"seed {seed}: staker {i} paid {} of {exact}",
						paid[i]
					);
				}
				// What was not paid is still in the pot (less dust the pot lost when a claim
				// emptied it below the existential deposit).
				let pot = Balances::balance(&STAKERS_POT);
				let paid_total: Balance = paid.iter().sum();
				assert!(pot >= FeeShareAccounted::<Test>::get());
				assert!(
					pot + paid_total <= all_income,
					"seed {seed}: more left the pot than came in"
				);
				assert!(all_income - (pot + paid_total) < 60 * ED, "seed {seed}: income lost");
			});
		}
	}
}

mod benefits {
	use super::*;

	#[test]
	fn the_tier_is_the_highest_unmatured_position() {
		new_test_ext().execute_with(|| {
			assert_eq!(BttStaking::tier(&ALICE), None);
			assert!(!BttStaking::has_compute_priority(&ALICE));
			assert_eq!(BttStaking::fee_discount(&ALICE), Permill::zero());
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days180, 10_000 * UNIT));
			assert_eq!(BttStaking::tier(&ALICE), Some(Tier::Days180));
			assert!(BttStaking::has_compute_priority(&ALICE));
			assert_eq!(BttStaking::fee_discount(&ALICE), Permill::from_percent(20));
			assert!(!BttStaking::has_governance_boost(&ALICE));
			// The 180-day benefits end when that stake matures, even before it is closed.
			go_to(1 + 180 * DAY);
			assert_eq!(BttStaking::tier(&ALICE), None);
			assert_eq!(BttStaking::fee_discount(&ALICE), Permill::zero());
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			assert!(BttStaking::has_governance_boost(&ALICE));
			assert!(BttStaking::has_special_access(&ALICE));
		});
	}
}

mod active_stake {
	use super::*;
	use crate::ActiveStake;

	#[test]
	fn only_unmatured_positions_in_the_tier_or_above_count() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days90, 5_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days180, 10_000 * UNIT));
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days30), 16_000 * UNIT);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days90), 15_000 * UNIT);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 0);
			go_to(1 + 90 * DAY);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days90), 10_000 * UNIT);
			assert_eq!(BttStaking::active_stake(&BOB, Tier::Days30), 0);
		});
	}
}
