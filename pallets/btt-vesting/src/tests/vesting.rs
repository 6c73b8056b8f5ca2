//! Lock-then-linear schedules: what vests when, claims, the vesting freeze.

use super::*;
use crate::{Error, Event, FreezeReason, Schedules};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{
			fungible::{InspectFreeze, Mutate},
			tokens::Preservation,
		},
	},
	frame_system::RawOrigin,
	sp_runtime::{DispatchError, TokenError},
};

/// The investor row of the mock table: 6-month lock, then 36 months linear.
const CLIFF: u64 = 6 * MONTH;
const DURATION: u64 = 36 * MONTH;
const A_TOTAL: Balance = 400_000 * UNIT;

fn check() {
	BttVesting::do_try_state().expect("frozen == unreleased, and the table adds up");
}

fn claim(who: AccountId) -> polkadot_sdk::sp_runtime::DispatchResult {
	BttVesting::claim(RawOrigin::Signed(who).into(), who)
}

fn frozen(who: AccountId) -> Balance {
	<Balances as InspectFreeze<_>>::balance_frozen(&FreezeReason::Vesting.into(), &who)
}

#[test]
fn genesis_freezes_every_vesting_portion() {
	new_test_ext().execute_with(|| {
		check();
		assert_eq!(frozen(1), A_TOTAL);
		assert_eq!(frozen(2), 200_000 * UNIT);
		// Pools and the unlocked row are not frozen.
		assert_eq!(frozen(3), 0);
		assert_eq!(frozen(100), 0);
		let schedule = &Schedules::<Test>::get(1).unwrap()[0];
		assert_eq!((schedule.row, schedule.cliff, schedule.duration), (1, CLIFF, DURATION));
		// Frozen tokens cannot be spent.
		assert_noop!(
			<Balances as Mutate<_>>::transfer(&1, &3, UNIT, Preservation::Preserve),
			TokenError::Frozen
		);
	});
}

#[test]
fn nothing_is_claimable_during_the_lock_nor_at_the_cliff_block() {
	new_test_ext().execute_with(|| {
		for block in [1, CLIFF / 2, CLIFF - 1, CLIFF] {
			System::set_block_number(block);
			assert_eq!(BttVesting::claimable(&1), 0);
			assert_noop!(claim(1), Error::<Test>::NothingToClaim);
			check();
		}
		// The first block after the cliff releases one block's worth.
		System::set_block_number(CLIFF + 1);
		assert_ok!(claim(1));
		check();
		assert_eq!(frozen(1), A_TOTAL - A_TOTAL / DURATION as u128);
	});
}

#[test]
fn half_is_released_at_the_midpoint_and_all_at_the_end() {
	new_test_ext().execute_with(|| {
		System::set_block_number(CLIFF + DURATION / 2);
		assert_ok!(claim(1));
		check();
		System::assert_last_event(
			Event::Claimed { who: 1, amount: A_TOTAL / 2, still_frozen: A_TOTAL / 2 }.into(),
		);
		assert_eq!(frozen(1), A_TOTAL / 2);
		// A second claim in the same block has nothing to release.
		assert_noop!(claim(1), Error::<Test>::NothingToClaim);

		System::set_block_number(CLIFF + DURATION + 100);
		assert_ok!(claim(1));
		check();
		assert_eq!(frozen(1), 0);
		assert!(Schedules::<Test>::get(1).is_none());
		// Everything is spendable now.
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&1,
			&3,
			A_TOTAL - 1,
			Preservation::Expendable
		));
		check();
	});
}

#[test]
fn claims_over_the_whole_life_add_up_to_the_total_exactly() {
	new_test_ext().execute_with(|| {
		let mut released = 0;
		// Claim every 7 blocks (not a divisor of the duration) until the end.
		let mut block = CLIFF + 1;
		while block <= CLIFF + DURATION + 7 {
			System::set_block_number(block);
			let before = frozen(1);
			if claim(1).is_ok() {
				released += before - frozen(1);
			}
			check();
			block += 7;
		}
		assert_eq!(released, A_TOTAL);
		assert_eq!(frozen(1), 0);
		assert_eq!(Balances::balance(&1), A_TOTAL);
	});
}

#[test]
fn anyone_may_claim_for_a_beneficiary() {
	new_test_ext().execute_with(|| {
		System::set_block_number(CLIFF + DURATION);
		assert_ok!(BttVesting::claim(RawOrigin::Signed(3).into(), 2));
		check();
		assert_eq!(frozen(2), 0);
	});
}

/// Security review, item 10: a beneficiary whose whole balance is frozen could not pay
/// the fee of its own claim. A claim that releases tokens is feeless now; one that
/// releases nothing is not (it pays the normal fee and fails).
#[test]
fn a_claim_that_releases_tokens_is_feeless() {
	use polkadot_sdk::frame_support::{
		dispatch::CheckIfFeeless,
		traits::tokens::{Fortitude, Preservation},
	};
	new_test_ext().execute_with(|| {
		let call = |who: AccountId| RuntimeCall::BttVesting(crate::Call::claim { who });
		let signed = RuntimeOrigin::signed;
		// During the lock (the cliff block included) nothing is released: not feeless.
		System::set_block_number(CLIFF);
		assert!(!call(1).is_feeless(&signed(1)));
		assert_noop!(claim(1), Error::<Test>::NothingToClaim);

		// After the cliff, the beneficiary cannot spend a planck: everything is frozen.
		System::set_block_number(CLIFF + 1);
		assert_eq!(
			<Balances as Inspect<_>>::reducible_balance(
				&1,
				Preservation::Expendable,
				Fortitude::Polite
			),
			0
		);
		// Its own claim releases something, so it is feeless; a claim on its behalf by
		// someone else pays the normal fee.
		assert!(call(1).is_feeless(&signed(1)));
		assert!(!call(1).is_feeless(&signed(9)));
		// Not a signed claim: it fails, so it is not feeless.
		assert!(!call(1).is_feeless(&RuntimeOrigin::root()));
		assert!(!call(1).is_feeless(&RuntimeOrigin::none()));
		// An account without schedules releases nothing.
		assert!(!call(3).is_feeless(&signed(3)));
		assert_noop!(claim(3), Error::<Test>::NoSchedule);

		assert_ok!(claim(1));
		check();
		// Claimed in this block already: a second claim releases nothing and pays.
		assert!(!call(1).is_feeless(&signed(1)));
		assert_noop!(claim(1), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn claim_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		System::set_block_number(CLIFF + DURATION);
		assert_noop!(claim(3), Error::<Test>::NoSchedule);
		assert_noop!(BttVesting::claim(RawOrigin::Root.into(), 1), DispatchError::BadOrigin);
		check();
	});
}

#[test]
fn a_claim_tells_the_hook_once_the_freeze_has_shrunk() {
	new_test_ext().execute_with(|| {
		// A claim that releases nothing changes no freeze and tells nobody.
		System::set_block_number(CLIFF);
		assert_noop!(claim(1), Error::<Test>::NothingToClaim);
		assert!(VestingChanges::get().is_empty());
		System::set_block_number(CLIFF + DURATION / 4);
		assert_ok!(claim(1));
		// Told once, after the schedules are stored: `frozen` already reads the new
		// amount, which is the freeze.
		assert_eq!(VestingChanges::get(), vec![(1, A_TOTAL - A_TOTAL / 4)]);
		assert_eq!(frozen(1), A_TOTAL - A_TOTAL / 4);
		// The last claim thaws the freeze and tells the hook too.
		System::set_block_number(CLIFF + DURATION);
		assert_ok!(claim(1));
		assert_eq!(VestingChanges::get(), vec![(1, A_TOTAL - A_TOTAL / 4), (1, 0)]);
		assert_eq!(frozen(1), 0);
		check();
	});
}
