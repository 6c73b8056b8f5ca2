//! Row 7's milestone tranches: approvals, claims, custody.

use super::*;
use crate::{Error, Event, Tranches};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_runtime::DispatchError,
};

/// The foundation row of the mock table: row 4, "Core protocol" is portion 0 (60,000
/// units in 48 tranches of 1,250).
const ROW: u8 = 4;
const CORE: u8 = 0;
const TRANCHE: Balance = 1_250 * UNIT;

fn check() {
	BttVesting::do_try_state().expect("invariants hold");
}

fn approve(up_to: u16) -> polkadot_sdk::sp_runtime::DispatchResult {
	BttVesting::approve_milestones(RawOrigin::Root.into(), ROW, CORE, up_to)
}

fn claim() -> polkadot_sdk::sp_runtime::DispatchResult {
	BttVesting::claim_tranches(RawOrigin::Signed(1).into(), ROW, CORE)
}

#[test]
fn genesis_sets_up_every_sub_row() {
	new_test_ext().execute_with(|| {
		check();
		let core = Tranches::<Test>::get(ROW, CORE).unwrap();
		assert_eq!(
			(core.total, core.tranches, core.approved, core.claimed),
			(60_000 * UNIT, 48, 0, 0)
		);
		assert_eq!(core.custody, FOUNDATION_POOL);
		assert_eq!(Tranches::<Test>::get(ROW, 1).unwrap().total, 40_000 * UNIT);
	});
}

#[test]
fn only_tranches_both_approved_and_due_are_paid() {
	new_test_ext().execute_with(|| {
		// Approved but not due: the first tranche falls due after one month.
		assert_ok!(approve(3));
		check();
		System::assert_last_event(
			Event::MilestonesApproved { row: ROW, portion: CORE, approved: 3 }.into(),
		);
		assert_noop!(claim(), Error::<Test>::NothingToClaim);

		// Five months on, five are due but only three approved: three are paid.
		System::set_block_number(5 * MONTH);
		assert_ok!(claim());
		check();
		System::assert_last_event(
			Event::TranchesClaimed { row: ROW, portion: CORE, tranches: 3, amount: 3 * TRANCHE }
				.into(),
		);
		assert_eq!(Balances::balance(&FOUNDATION), 3 * TRANCHE);
		// Claiming beyond approval fails.
		assert_noop!(claim(), Error::<Test>::NothingToClaim);

		// Approval up to 10: the due ones (4 and 5) are paid.
		assert_ok!(approve(10));
		assert_ok!(claim());
		check();
		assert_eq!(Balances::balance(&FOUNDATION), 5 * TRANCHE);
	});
}

#[test]
fn all_48_tranches_pay_the_sub_row_exactly() {
	new_test_ext().execute_with(|| {
		assert_ok!(approve(48));
		System::set_block_number(100 * MONTH);
		assert_ok!(claim());
		check();
		assert_eq!(Balances::balance(&FOUNDATION), 60_000 * UNIT);
		assert_eq!(Balances::balance(&FOUNDATION_POOL), 40_000 * UNIT);
		assert_noop!(claim(), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn approval_cannot_be_withdrawn_or_exceed_the_tranches() {
	new_test_ext().execute_with(|| {
		assert_ok!(approve(5));
		assert_noop!(approve(5), Error::<Test>::ApprovalNotIncreasing);
		assert_noop!(approve(4), Error::<Test>::ApprovalNotIncreasing);
		assert_noop!(approve(49), Error::<Test>::BeyondLastTranche);
		assert_noop!(
			BttVesting::approve_milestones(RawOrigin::Root.into(), ROW, 9, 1),
			Error::<Test>::UnknownTranche
		);
		assert_noop!(
			BttVesting::approve_milestones(RawOrigin::Signed(1).into(), ROW, CORE, 6),
			DispatchError::BadOrigin
		);
		check();
	});
}

#[test]
fn claim_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			BttVesting::claim_tranches(RawOrigin::Signed(1).into(), 1, 0),
			Error::<Test>::UnknownTranche
		);
		assert_noop!(
			BttVesting::claim_tranches(RawOrigin::Root.into(), ROW, CORE),
			DispatchError::BadOrigin
		);
		crate::FoundationAccount::<Test>::kill();
		assert_noop!(claim(), Error::<Test>::NoFoundationAccount);
	});
}
