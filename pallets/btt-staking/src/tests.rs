//! Tests of fixed-term staking: stakes, rewards at term boundaries, pool exhaustion, the
//! position bound, free-balance backing (vesting and holds), term bounds, the fee-share
//! accumulator against a brute-force split (earning stops at maturity), the pots keeping
//! their existential deposit, and benefits.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	mock::*, Error, Event, FeeShareAccounted, FeeShareAtMaturity, FreezeReason, HoldReason,
	MaturingStake, Positions, ReservedRewards, StakingBenefits, Term, Terms, Tier,
	TotalActiveStake, TotalStaked,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::fungible::{Inspect, InspectFreeze, InspectHold, Mutate, MutateHold},
		traits::{tokens::Preservation, Hooks},
	},
	frame_system::RawOrigin,
	sp_runtime::{DispatchError, Permill, TokenError},
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

/// What pallet-balances keeps frozen in `who`'s account: the largest of its freezes (and
/// locks), not their sum.
fn account_frozen(who: AccountId) -> Balance {
	System::account(who).data.frozen
}

/// A transfer as a user makes it.
fn send(
	from: AccountId,
	to: AccountId,
	amount: Balance,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Balances::transfer_allow_death(signed(from), to, amount)
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

/// Moves the chain to `block`, running the staking hook at every block on the way, as
/// block production does.
fn go_to(block: u64) {
	let mut now = System::block_number();
	while now < block {
		now += 1;
		System::set_block_number(now);
		BttStaking::on_initialize(now);
	}
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
	fn tokens_frozen_by_vesting_cannot_back_a_stake() {
		new_test_ext().execute_with(|| {
			// Alice holds 500,000, of which vesting keeps 400,000 frozen: 100,000 are free.
			set_vesting_frozen(ALICE, 400_000 * UNIT);
			assert_noop!(
				BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT + 1),
				Error::<Test>::StakeNotFree
			);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			// Her free tokens are all staked now: nothing more can back a stake.
			assert_noop!(
				BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT),
				Error::<Test>::StakeNotFree
			);
			// As vesting releases tokens, they can.
			set_vesting_frozen(ALICE, 399_000 * UNIT);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			// The staking freeze covers the principal and the vesting freeze.
			assert_eq!(frozen(ALICE), 101_000 * UNIT + 399_000 * UNIT);
			// A vesting freeze that overflows with the stake is refused too.
			set_vesting_frozen(CHARLIE, u128::MAX);
			assert_noop!(
				BttStaking::stake(signed(CHARLIE), Tier::Days30, 1_000 * UNIT),
				Error::<Test>::Overflow
			);
			check();
		});
	}

	#[test]
	fn tokens_on_hold_cannot_back_a_stake() {
		new_test_ext().execute_with(|| {
			// Charlie holds 2,000, 1,500 of them on hold: he has them, but not free.
			assert_ok!(<Balances as MutateHold<_>>::hold(
				&HoldReason::StakingReward.into(),
				&CHARLIE,
				1_500 * UNIT
			));
			assert_noop!(
				BttStaking::stake(signed(CHARLIE), Tier::Days30, 1_000 * UNIT),
				Error::<Test>::StakeNotFree
			);
			// Beyond what he has at all, the error says so.
			assert_noop!(
				BttStaking::stake(signed(CHARLIE), Tier::Days30, 2_001 * UNIT),
				Error::<Test>::InsufficientBalance
			);
			assert_ok!(<Balances as MutateHold<_>>::release(
				&HoldReason::StakingReward.into(),
				&CHARLIE,
				1_500 * UNIT,
				polkadot_sdk::frame_support::traits::tokens::Precision::Exact
			));
			assert_ok!(BttStaking::stake(signed(CHARLIE), Tier::Days30, 1_000 * UNIT));
			check();
		});
	}

	#[test]
	fn the_community_pool_keeps_its_existential_deposit() {
		new_test_ext().execute_with(|| {
			// Leave the pool exactly the deposit and one 365-day reward.
			let reward = 6_000 * UNIT;
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&COMMUNITY_POOL,
				&ECOSYSTEM_FUND,
				1_000_000 * UNIT - reward - ED,
				Preservation::Expendable
			));
			assert_noop!(
				BttStaking::stake(signed(ALICE), Tier::Days365, 50_000 * UNIT + 10 * UNIT),
				Error::<Test>::PoolCannotCover
			);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days365, 50_000 * UNIT));
			go_to(1 + 365 * DAY);
			let before = Balances::balance(&ALICE);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
			// 10% of the reward burned, the rest paid: the pool keeps its deposit.
			assert_eq!(Balances::balance(&ALICE) - before, reward - reward / 10);
			assert_eq!(Balances::balance(&COMMUNITY_POOL), ED);
			assert!(System::account_exists(&COMMUNITY_POOL));
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

/// Freezes do not add up in pallet-balances (the largest one counts), so the staking freeze
/// covers the staked principal plus the vesting freeze: the tokens that backed a stake can
/// never leave while vesting keeps others frozen.
mod vesting_cover {
	use super::*;

	/// Leaves Alice 200,000: 100,000 free and 100,000 that vesting keeps frozen.
	fn alice_with_half_vesting() {
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&ALICE,
			&ECOSYSTEM_FUND,
			300_000 * UNIT,
			Preservation::Expendable
		));
		set_vesting_frozen(ALICE, 100_000 * UNIT);
		assert_eq!(account_frozen(ALICE), 100_000 * UNIT);
	}

	#[test]
	fn after_staking_the_tokens_that_passed_the_check_cannot_be_transferred_away() {
		new_test_ext().execute_with(|| {
			alice_with_half_vesting();
			// 100,000 + 100,000 ≤ 200,000: the check passes.
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			// The staking freeze is the stake plus the vesting freeze, so the account's
			// frozen amount (the largest freeze) covers both.
			assert_eq!(frozen(ALICE), 200_000 * UNIT);
			assert_eq!(account_frozen(ALICE), 200_000 * UNIT);
			// The free part backs the stake: it cannot leave, not even a planck of it.
			assert_noop!(send(ALICE, BOB, 100_000 * UNIT), TokenError::Frozen);
			assert_noop!(send(ALICE, BOB, 1), TokenError::Frozen);
			check();
		});
	}

	#[test]
	fn a_vesting_grant_received_after_staking_is_covered_too() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			assert_eq!(frozen(ALICE), 100_000 * UNIT);
			// A vesting grant as btt-vesting pays it: the tokens arrive first, then vesting
			// freezes them, then its hook refreshes the staking freeze.
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&COMMUNITY_POOL,
				&ALICE,
				400_000 * UNIT,
				Preservation::Preserve
			));
			set_vesting_frozen(ALICE, 400_000 * UNIT);
			assert_eq!(frozen(ALICE), 500_000 * UNIT);
			assert_eq!(account_frozen(ALICE), 500_000 * UNIT);
			// She holds 900,000: her 400,000 unstaked free tokens may leave, the staked ones
			// may not (the grant does not take their place).
			assert_noop!(send(ALICE, BOB, 400_000 * UNIT + 1), TokenError::Frozen);
			assert_ok!(send(ALICE, BOB, 400_000 * UNIT));
			assert_eq!(Balances::balance(&ALICE), 500_000 * UNIT);
			check();
		});
	}

	#[test]
	fn a_vesting_claim_lowers_the_staking_freeze_by_what_it_releases() {
		new_test_ext().execute_with(|| {
			alice_with_half_vesting();
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			assert_eq!(frozen(ALICE), 200_000 * UNIT);
			// A claim releases 40,000: the vesting freeze shrinks to 60,000, and the hook
			// lowers the staking freeze by as much.
			set_vesting_frozen(ALICE, 60_000 * UNIT);
			assert_eq!(frozen(ALICE), 160_000 * UNIT);
			assert_eq!(account_frozen(ALICE), 160_000 * UNIT);
			// The claimed tokens are spendable; the stake and the rest of the vesting stay
			// covered.
			assert_noop!(send(ALICE, BOB, 40_000 * UNIT + 1), TokenError::Frozen);
			assert_ok!(send(ALICE, BOB, 40_000 * UNIT));
			assert_eq!(Balances::balance(&ALICE), 160_000 * UNIT);
			// The whole vesting released: the freeze is the stake alone.
			set_vesting_frozen(ALICE, 0);
			assert_eq!(frozen(ALICE), 100_000 * UNIT);
			check();
		});
	}

	#[test]
	fn closing_the_last_position_leaves_only_the_vesting_freeze() {
		new_test_ext().execute_with(|| {
			alice_with_half_vesting();
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 50_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days90, 50_000 * UNIT));
			assert_eq!(frozen(ALICE), 200_000 * UNIT);
			// Closing one position keeps the other covered with the vesting freeze.
			go_to(1 + 30 * DAY);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
			assert_eq!(frozen(ALICE), 150_000 * UNIT);
			assert_eq!(account_frozen(ALICE), 150_000 * UNIT);
			check();
			// The last one thaws the staking freeze: only vesting's is left.
			go_to(1 + 90 * DAY);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 1));
			assert_eq!(frozen(ALICE), 0);
			assert!(polkadot_sdk::pallet_balances::Freezes::<Test>::get(ALICE).is_empty());
			assert_eq!(account_frozen(ALICE), 100_000 * UNIT);
			let spendable = Balances::balance(&ALICE) - 100_000 * UNIT;
			assert_noop!(send(ALICE, BOB, spendable + 1), TokenError::Frozen);
			assert_ok!(send(ALICE, BOB, spendable));
			// A vesting change without positions does not freeze anything for staking.
			set_vesting_frozen(ALICE, 50_000 * UNIT);
			assert_eq!(frozen(ALICE), 0);
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

	/// A `Permill` above 100%: SCALE decoding refuses one, but a genesis file (serde) can
	/// carry it, so the check is real.
	fn permill_above_one() -> Permill {
		use serde::{
			de::{value::Error, IntoDeserializer, Visitor},
			Deserialize, Deserializer,
		};
		struct Parts(u32);
		impl<'de> Deserializer<'de> for Parts {
			type Error = Error;
			fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
				visitor.visit_u32(self.0)
			}
			fn deserialize_newtype_struct<V: Visitor<'de>>(
				self,
				_: &'static str,
				visitor: V,
			) -> Result<V::Value, Error> {
				visitor.visit_newtype_struct(self.0.into_deserializer())
			}
			serde::forward_to_deserialize_any! {
				bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
				byte_buf option unit unit_struct seq tuple tuple_struct map struct enum
				identifier ignored_any
			}
		}
		let above = Permill::deserialize(Parts(1_000_001)).unwrap();
		assert!(above > Permill::one());
		above
	}

	#[test]
	fn terms_stay_within_their_bounds() {
		new_test_ext().execute_with(|| {
			let set = |tier, term| BttStaking::set_term(RawOrigin::Root.into(), tier, term);
			let with = |tier, f: &dyn Fn(&mut Term<Balance>)| {
				let mut t = term(tier);
				f(&mut t);
				t
			};
			// At least a week.
			assert_noop!(
				set(Tier::Days30, with(Tier::Days30, &|t| t.days = 6)),
				Error::<Test>::TermTooShort
			);
			assert_noop!(
				set(Tier::Days30, with(Tier::Days30, &|t| t.days = 0)),
				Error::<Test>::TermTooShort
			);
			// Strictly between the neighbouring tiers' current days (90 and 365 around 180).
			for days in [90, 89, 365, 400] {
				assert_noop!(
					set(Tier::Days180, with(Tier::Days180, &|t| t.days = days)),
					Error::<Test>::TermsNotIncreasing
				);
			}
			assert_noop!(
				set(Tier::Days30, with(Tier::Days30, &|t| t.days = 90)),
				Error::<Test>::TermsNotIncreasing
			);
			assert_noop!(
				set(Tier::Days1095, with(Tier::Days1095, &|t| t.days = 365)),
				Error::<Test>::TermsNotIncreasing
			);
			// At most 30% a year.
			assert_noop!(
				set(
					Tier::Days1095,
					with(Tier::Days1095, &|t| t.apy = Permill::from_parts(300_001))
				),
				Error::<Test>::ApyTooHigh
			);
			// A minimum above zero.
			assert_noop!(
				set(Tier::Days30, with(Tier::Days30, &|t| t.minimum = 0)),
				Error::<Test>::ZeroMinimum
			);
			// At most the whole reward burned.
			assert_noop!(
				set(Tier::Days365, with(Tier::Days365, &|t| t.reward_burn = permill_above_one())),
				Error::<Test>::RewardBurnTooHigh
			);
			assert_noop!(
				BttStaking::set_term(signed(ALICE), Tier::Days30, term(Tier::Days30)),
				DispatchError::BadOrigin
			);
			// The bounds themselves are allowed.
			assert_ok!(set(Tier::Days30, with(Tier::Days30, &|t| t.days = 7)));
			assert_ok!(set(Tier::Days90, with(Tier::Days90, &|t| t.days = 8)));
			assert_ok!(set(Tier::Days180, with(Tier::Days180, &|t| t.days = 364)));
			assert_ok!(set(
				Tier::Days1095,
				with(Tier::Days1095, &|t| {
					t.apy = Permill::from_percent(30);
					t.reward_burn = Permill::one();
				})
			));
			check();
		});
	}

	#[test]
	fn a_tier_without_terms_is_skipped_by_the_order_check() {
		new_test_ext_with(terms().into_iter().filter(|(t, _)| *t != Tier::Days90).collect())
			.execute_with(|| {
				let mut t = term(Tier::Days180);
				t.days = 31;
				assert_ok!(BttStaking::set_term(RawOrigin::Root.into(), Tier::Days90, t));
				t.days = 30;
				assert_noop!(
					BttStaking::set_term(RawOrigin::Root.into(), Tier::Days90, t),
					Error::<Test>::TermsNotIncreasing
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

	#[test]
	#[should_panic(expected = "invalid term (TermsNotIncreasing)")]
	fn genesis_refuses_terms_that_do_not_lengthen() {
		let mut terms = terms();
		terms[1].1.days = 30;
		let _ = new_test_ext_with(terms);
	}

	#[test]
	#[should_panic(expected = "invalid term (ApyTooHigh)")]
	fn genesis_refuses_an_apy_above_the_bound() {
		let mut terms = terms();
		terms[4].1.apy = Permill::from_percent(31);
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
	/// pro-rata split of each income over the stakes active at the time (made and not
	/// matured) gives, to within the rounding (a few plancks per income), the stakers
	/// together never more than came in, and the pot keeps what was not paid: nothing is
	/// lost, and the pot keeps its deposit.
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
				// Alice's three-year stake keeps some stake active throughout; the 30-day
				// stakes mature along the way (a time step is three days).
				assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
				for _ in 0..60 {
					match rng.next(4) {
						0 => {
							let i = rng.next(3) as usize;
							let amount = 1_000 * UNIT + u128::from(rng.next(500)) * UNIT;
							let _ = BttStaking::stake(signed(stakers[i]), Tier::Days30, amount);
						}
						1 => {
							let amount = (u128::from(rng.next(1_000_000)) + 1).max(ED);
							fee_income(amount);
							all_income += amount;
							incomes += 1;
							// Brute force: split by the principal active now.
							let open: Vec<Balance> = stakers
								.iter()
								.map(|s| {
									Positions::<Test>::get(s).map_or(0, |ps| {
										ps.iter()
											.filter(|p| p.maturity > block)
											.map(|p| p.principal)
											.sum()
									})
								})
								.collect();
							let total: Balance = open.iter().sum();
							assert!(total > 0, "Alice's stake is active throughout");
							for i in 0..3 {
								exact[i] += amount as f64 * open[i] as f64 / total as f64;
							}
						}
						2 => {
							let i = rng.next(3) as usize;
							let before = Balances::balance(&stakers[i]);
							match BttStaking::claim_fee_share(signed(stakers[i])) {
								Ok(()) => paid[i] += Balances::balance(&stakers[i]) - before,
								// An owed share is always payable.
								Err(e) => assert!(
									e == Error::<Test>::NothingToClaim.into()
										|| e == Error::<Test>::UnknownPosition.into(),
									"seed {seed}: claim failed with {e:?}"
								),
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
					if let Err(e) = BttStaking::claim_fee_share(signed(*s)) {
						assert_eq!(e, Error::<Test>::NothingToClaim.into(), "seed {seed}");
					}
					paid[i] += Balances::balance(s) - before;
					assert_eq!(BttStaking::pending_fee_share(s), 0);
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
				// Every planck that came in was paid or is still in the pot beside its
				// deposit: nothing was reaped or lost, and only rounding is left.
				let pot = Balances::balance(&STAKERS_POT);
				let paid_total: Balance = paid.iter().sum();
				assert_eq!(pot - ED + paid_total, all_income, "seed {seed}: income lost");
				assert!(((pot - ED) as f64) < tolerance, "seed {seed}: income left unshared");
			});
		}
	}

	#[test]
	fn fee_share_accrues_until_maturity_not_after() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days1095, 100_000 * UNIT));
			let maturity = 1 + 30 * DAY;
			assert_eq!(MaturingStake::<Test>::get(maturity), Some(10_000 * UNIT));
			assert_eq!(TotalActiveStake::<Test>::get(), 110_000 * UNIT);
			fee_income(1_100 * UNIT);
			// The last block before maturity: Alice still earns.
			go_to(maturity - 1);
			fee_income(1_100 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 200 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&BOB), 2_000 * UNIT);

			// At maturity the hook shares what came in before it and stops her earning.
			go_to(maturity);
			System::assert_has_event(
				Event::StakesMatured {
					block: maturity,
					principal: 10_000 * UNIT,
					fee_share_per_stake: crate::FeeSharePerStake::<Test>::get(),
				}
				.into(),
			);
			assert_eq!(TotalActiveStake::<Test>::get(), 100_000 * UNIT);
			assert_eq!(TotalStaked::<Test>::get(), 110_000 * UNIT);
			assert!(FeeShareAtMaturity::<Test>::contains_key(maturity));
			check();
			// Income from now on is Bob's alone, although Alice's position is still open.
			fee_income(500 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 200 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&BOB), 2_500 * UNIT);
			go_to(maturity + 50 * DAY);
			fee_income(500 * UNIT);
			let before = Balances::balance(&ALICE);
			assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
			assert_eq!(Balances::balance(&ALICE) - before, 200 * UNIT);
			assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
			assert_eq!(BttStaking::pending_fee_share(&BOB), 3_000 * UNIT);
			check();

			// Closing pays no more; the maturity books go with the last position.
			assert_ok!(BttStaking::close(signed(BOB), ALICE, 0));
			System::assert_last_event(
				Event::Closed {
					who: ALICE,
					id: 0,
					principal: 10_000 * UNIT,
					reward_paid: 10_000 * UNIT * 3 * 30 / 100 / 365,
					reward_burned: 0,
					fee_share: 0,
				}
				.into(),
			);
			assert!(MaturingStake::<Test>::get(maturity).is_none());
			assert!(FeeShareAtMaturity::<Test>::get(maturity).is_none());
			assert_ok!(BttStaking::claim_fee_share(signed(BOB)));
			check();
		});
	}

	#[test]
	fn a_matured_position_is_paid_its_share_up_to_maturity_when_closed() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(CHARLIE), Tier::Days30, 2_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days90, 10_000 * UNIT));
			let maturity = 1 + 30 * DAY;
			fee_income(2_200 * UNIT);
			go_to(maturity + 3);
			fee_income(2_000 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 1_000 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&CHARLIE), 200 * UNIT);
			// Two positions share the maturity: its record stays until both are closed.
			let before = Balances::balance(&ALICE);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
			let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
			assert_eq!(Balances::balance(&ALICE) - before, reward + 1_000 * UNIT);
			assert_eq!(MaturingStake::<Test>::get(maturity), Some(2_000 * UNIT));
			assert!(FeeShareAtMaturity::<Test>::contains_key(maturity));
			check();
			assert_ok!(BttStaking::close(signed(ALICE), CHARLIE, 1));
			assert!(MaturingStake::<Test>::get(maturity).is_none());
			assert!(FeeShareAtMaturity::<Test>::get(maturity).is_none());
			// Bob had 1,000 while the others were active and all 2,000 after.
			assert_eq!(BttStaking::pending_fee_share(&BOB), 3_000 * UNIT);
			check();
		});
	}

	#[test]
	fn income_while_no_stake_is_active_waits_in_the_pot() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			go_to(1 + 30 * DAY);
			// Alice's position has matured, still open: nobody earns this income.
			fee_income(500 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 0);
			assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
			assert_eq!(Balances::balance(&STAKERS_POT), ED + 500 * UNIT);
			check();
			// It waits in the pot and goes to the next active stake.
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 10_000 * UNIT));
			assert_eq!(BttStaking::pending_fee_share(&BOB), 500 * UNIT);
			assert_ok!(BttStaking::claim_fee_share(signed(BOB)));
			assert_eq!(Balances::balance(&STAKERS_POT), ED);
			check();
		});
	}

	#[test]
	fn a_missed_maturity_hook_keeps_the_books_consistent() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 30_000 * UNIT));
			// Jump past the maturity without building its block: the hook never runs.
			System::set_block_number(1 + 40 * DAY);
			// Without its maturity record the positions are still counted active and earn.
			fee_income(400 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 100 * UNIT);
			check();
			let before = Balances::balance(&ALICE);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
			let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
			assert_eq!(Balances::balance(&ALICE) - before, reward + 100 * UNIT);
			assert_eq!(TotalActiveStake::<Test>::get(), 30_000 * UNIT);
			check();
			assert_ok!(BttStaking::close(signed(BOB), BOB, 1));
			assert_eq!(TotalActiveStake::<Test>::get(), 0);
			assert!(MaturingStake::<Test>::iter().next().is_none());
			// Nothing is owed with no position left: no rounding dust stays accounted.
			assert_eq!(FeeShareAccounted::<Test>::get(), 0);
			check();
		});
	}

	#[test]
	fn the_hook_costs_one_read_unless_positions_mature() {
		use crate::WeightInfo;
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			let maturity = 1 + 30 * DAY;
			go_to(maturity - 1);
			assert_eq!(BttStaking::on_initialize(2), <() as WeightInfo>::on_initialize_idle());
			System::set_block_number(maturity);
			assert_eq!(
				BttStaking::on_initialize(maturity),
				<() as WeightInfo>::on_initialize_maturity()
			);
			assert_eq!(TotalActiveStake::<Test>::get(), 0);
			check();
		});
	}

	#[test]
	fn the_pot_keeps_its_existential_deposit() {
		new_test_ext().execute_with(|| {
			// btt-burn opened the pot at genesis with the deposit; it is never shared.
			assert_eq!(Balances::balance(&STAKERS_POT), ED);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 0);
			fee_income(100 * UNIT);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 100 * UNIT);
			let before = Balances::balance(&ALICE);
			assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
			assert_eq!(Balances::balance(&ALICE) - before, 100 * UNIT);
			assert_eq!(Balances::balance(&STAKERS_POT), ED);
			// Small shares are paid, not lost to a reaped pot.
			fee_income(ED);
			assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
			System::assert_last_event(Event::FeeSharePaid { who: ALICE, amount: ED }.into());
			assert_eq!(Balances::balance(&STAKERS_POT), ED);
			assert!(System::account_exists(&STAKERS_POT));
			check();
		});
	}

	#[test]
	fn a_share_the_pot_cannot_pay_stays_owed() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 10_000 * UNIT));
			fee_income(100 * UNIT);
			// Bob's claim settles the income: 50 paid, 50 accounted for Alice.
			assert_ok!(BttStaking::claim_fee_share(signed(BOB)));
			assert_eq!(FeeShareAccounted::<Test>::get(), 50 * UNIT);
			// Something takes tokens out of the pot (nothing in the runtime can).
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&STAKERS_POT,
				&ECOSYSTEM_FUND,
				30 * UNIT,
				Preservation::Preserve
			));
			assert_noop!(
				BttStaking::claim_fee_share(signed(ALICE)),
				Error::<Test>::FeeShareUnavailable
			);
			go_to(1 + 30 * DAY);
			assert_noop!(
				BttStaking::close(signed(ALICE), ALICE, 0),
				Error::<Test>::FeeShareUnavailable
			);
			assert_eq!(BttStaking::pending_fee_share(&ALICE), 50 * UNIT);
			// New income refills the pot before anything more is shared; the share is paid.
			fee_income(30 * UNIT);
			check();
			let before = Balances::balance(&ALICE);
			assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
			let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
			assert_eq!(Balances::balance(&ALICE) - before, reward + 50 * UNIT);
			assert_eq!(Balances::balance(&STAKERS_POT), ED);
			check();
		});
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

	/// Governance caps a voter's 1.5× boost at `active_stake(who, Days365)`: a position
	/// stops counting at the block of its maturity, whether closed or not.
	#[test]
	fn the_boost_stake_excludes_positions_from_their_maturity_block() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days180, 10_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days365, 50_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 150_000 * UNIT);
			go_to(365 * DAY);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 150_000 * UNIT);
			assert_eq!(BttStaking::tier(&ALICE), Some(Tier::Days1095));
			// The 365-day position matures at 1 + 365 days: from that block it counts no more.
			go_to(1 + 365 * DAY);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 100_000 * UNIT);
			go_to(2 + 365 * DAY);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 100_000 * UNIT);
			assert!(BttStaking::has_governance_boost(&ALICE));
			go_to(1095 * DAY);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 100_000 * UNIT);
			go_to(1 + 1095 * DAY);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 0);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days30), 0);
			assert_eq!(BttStaking::tier(&ALICE), None);
			assert!(!BttStaking::has_governance_boost(&ALICE));
			// Open but matured positions are still frozen until closed.
			assert_eq!(frozen(ALICE), 160_000 * UNIT);
			go_to(5 + 1095 * DAY);
			assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 0);
			check();
		});
	}
}

/// The views wallets and services read: each shows what the calls then do.
mod views {
	use super::*;
	use crate::Benefits;

	#[test]
	fn a_quote_is_what_stake_makes_and_close_pays() {
		new_test_ext().execute_with(|| {
			let amount = 60_000 * UNIT;
			let quote = BttStaking::quote(&ALICE, Tier::Days365, amount).unwrap();
			// 12% for a year; 10% of it burned at payout; made in the next block (2).
			assert_eq!(quote.reward, 7_200 * UNIT);
			assert_eq!(quote.reward_burned, 720 * UNIT);
			assert_eq!(quote.reward_paid, 6_480 * UNIT);
			assert_eq!(quote.maturity, 2 + 365 * DAY);
			assert_eq!(quote.term, term(Tier::Days365));
			let boosted = Benefits {
				compute_priority: true,
				fee_discount: Permill::from_percent(20),
				governance_boost: true,
				special_access: false,
			};
			assert_eq!(quote.benefits, boosted);

			System::set_block_number(2);
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days365, amount));
			let view = BttStaking::staker_view(&ALICE);
			assert_eq!(
				(view.tier, view.benefits, view.staked),
				(Some(Tier::Days365), boosted, amount)
			);
			let position = view.positions[0].clone();
			assert_eq!(
				(position.principal, position.reward, position.reward_burned, position.reward_paid),
				(amount, quote.reward, quote.reward_burned, quote.reward_paid)
			);
			assert_eq!(
				(position.start, position.maturity, position.matured),
				(2, quote.maturity, false)
			);
			assert_eq!(BttStaking::staker_view(&BOB).positions, vec![]);

			go_to(quote.maturity);
			let view = BttStaking::staker_view(&ALICE);
			assert!(view.positions[0].matured);
			// A matured stake gives no benefit any more; its principal stays staked until closed.
			assert_eq!(
				(view.tier, view.benefits, view.staked),
				(None, Benefits::default(), amount)
			);
			assert_ok!(BttStaking::close(signed(BOB), ALICE, position.id));
			System::assert_last_event(
				Event::Closed {
					who: ALICE,
					id: position.id,
					principal: amount,
					reward_paid: quote.reward_paid,
					reward_burned: quote.reward_burned,
					fee_share: 0,
				}
				.into(),
			);
			check();
		});
	}

	#[test]
	fn the_view_shows_the_fee_share_that_claim_fee_share_pays() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 30_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days90, 10_000 * UNIT));
			assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 40_000 * UNIT));
			fee_income(800 * UNIT);
			let view = BttStaking::staker_view(&ALICE);
			// Half the active stake is Alice's: half the income, split by principal.
			assert_eq!(view.pending_fee_share, 400 * UNIT);
			assert_eq!(
				view.positions.iter().map(|p| p.fee_share).collect::<Vec<_>>(),
				vec![300 * UNIT, 100 * UNIT]
			);
			assert_eq!(view.pending_fee_share, BttStaking::pending_fee_share(&ALICE));
			assert_eq!((view.tier, view.benefits.compute_priority), (Some(Tier::Days90), true));
			assert_eq!(view.benefits.fee_discount, Permill::zero());
			assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
			System::assert_last_event(
				Event::FeeSharePaid { who: ALICE, amount: 400 * UNIT }.into(),
			);
			assert_eq!(BttStaking::staker_view(&ALICE).pending_fee_share, 0);
			check();
		});
	}

	#[test]
	fn a_quote_refuses_what_stake_refuses_with_the_same_error() {
		let refused = |who: AccountId, tier: Tier, amount: Balance, error: Error<Test>| {
			let error: DispatchError = error.into();
			assert_eq!(BttStaking::quote(&who, tier, amount), Err(error));
			assert_noop!(BttStaking::stake(signed(who), tier, amount), error);
		};
		new_test_ext().execute_with(|| {
			refused(ALICE, Tier::Days30, 999 * UNIT, Error::<Test>::BelowMinimum);
			refused(CHARLIE, Tier::Days30, 2_001 * UNIT, Error::<Test>::InsufficientBalance);
			set_vesting_frozen(BOB, 195_000 * UNIT);
			refused(BOB, Tier::Days30, 10_000 * UNIT, Error::<Test>::StakeNotFree);
			for _ in 0..MAX_POSITIONS {
				assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
			}
			refused(ALICE, Tier::Days30, 1_000 * UNIT, Error::<Test>::TooManyPositions);
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&COMMUNITY_POOL,
				&ECOSYSTEM_FUND,
				990_000 * UNIT,
				Preservation::Expendable
			));
			refused(CHARLIE, Tier::Days1095, 100_000 * UNIT, Error::<Test>::InsufficientBalance);
			refused(BOB, Tier::Days1095, 100_000 * UNIT, Error::<Test>::StakeNotFree);
			set_vesting_frozen(BOB, 0);
			refused(BOB, Tier::Days1095, 100_000 * UNIT, Error::<Test>::PoolCannotCover);
			check();
		});
		let without_longest: Vec<_> =
			terms().into_iter().filter(|(tier, _)| *tier != Tier::Days1095).collect();
		new_test_ext_with(without_longest).execute_with(|| {
			refused(ALICE, Tier::Days1095, 100_000 * UNIT, Error::<Test>::UnknownTier);
			assert_eq!(BttStaking::terms().len(), 4);
		});
	}

	#[test]
	fn the_terms_view_lists_each_tier_shortest_first() {
		new_test_ext().execute_with(|| {
			assert_eq!(BttStaking::terms(), terms());
		});
	}

	#[test]
	fn benefits_follow_the_highest_unmatured_tier() {
		assert_eq!(Benefits::of(None), Benefits::default());
		assert_eq!(
			Benefits::of(Some(Tier::Days1095)),
			Benefits {
				compute_priority: true,
				fee_discount: Permill::from_percent(20),
				governance_boost: true,
				special_access: true,
			}
		);
		assert_eq!(Benefits::of(Some(Tier::Days30)), Benefits::default());
	}
}
