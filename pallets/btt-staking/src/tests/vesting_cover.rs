//! Freezes do not add up in pallet-balances (the largest one counts), so the staking freeze
//! covers the staked principal plus the vesting freeze: the tokens that backed a stake can
//! never leave while vesting keeps others frozen.

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
