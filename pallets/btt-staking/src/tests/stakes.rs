//! `stake` and `close`: positions, the reward hold, maturity, the burn at close, refusals.

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
			let reward =
				principal * u128::from(t.apy.deconstruct()) * u128::from(t.days) / 1_000_000 / 365;
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
		assert_noop!(BttStaking::close(signed(ALICE), ALICE, 0), Error::<Test>::UnknownPosition);
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
		assert_noop!(BttStaking::close(signed(ALICE), ALICE, 7), Error::<Test>::UnknownPosition);
		assert_noop!(BttStaking::close(signed(ALICE), BOB, 0), Error::<Test>::UnknownPosition);
		assert_noop!(BttStaking::close(signed(ALICE), ALICE, 0), Error::<Test>::NotMatured);
		assert_noop!(BttStaking::close(RawOrigin::None.into(), ALICE, 0), DispatchError::BadOrigin);
		check();
	});
}
