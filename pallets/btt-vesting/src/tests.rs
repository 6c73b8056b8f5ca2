//! Tests of the allocation table: its validation and what genesis does with it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	allocation::{share_of, validate_table, TableError, MAX_NAME_LEN},
	mock::*,
	AllocationRows, ReleaseRule,
};
use polkadot_sdk::frame_support::traits::fungible::Inspect;

#[test]
fn a_valid_table_places_exactly_the_supply() {
	new_test_ext().execute_with(|| {
		assert_eq!(Balances::total_issuance(), SUPPLY);
		assert_eq!(Balances::balance(&1), 400_000 * UNIT);
		assert_eq!(Balances::balance(&2), 200_000 * UNIT);
		assert_eq!(Balances::balance(&100), 300_000 * UNIT);
		assert_eq!(Balances::balance(&3), 100_000 * UNIT);
		BttVesting::do_try_state().expect("the table adds up");
	});
}

#[test]
fn genesis_records_every_row_on_chain() {
	new_test_ext().execute_with(|| {
		let investors = AllocationRows::<Test>::get(1).expect("row 1 is stored");
		assert_eq!(investors.name.as_slice(), b"Investors");
		assert_eq!(investors.bps, 6_000);
		assert_eq!(investors.amount, 600_000 * UNIT);
		assert_eq!(investors.portions, 2);
		assert_eq!(
			investors.release,
			ReleaseRule::LockThenLinear { lock_months: 6, linear_months: 36 }
		);
		assert_eq!(AllocationRows::<Test>::iter().count(), 3);
	});
}

#[test]
fn a_table_off_by_one_planck_is_refused() {
	let mut table = valid_table();
	table[0].portions[1].amount += 1;
	assert_eq!(
		validate_table(&table, SUPPLY),
		Err(TableError::RowAmount { row: 1, expected: 600_000 * UNIT, found: 600_000 * UNIT + 1 })
	);
	let mut table = valid_table();
	table[2].portions[0].amount -= 1;
	assert_eq!(
		validate_table(&table, SUPPLY),
		Err(TableError::RowAmount { row: 3, expected: 100_000 * UNIT, found: 100_000 * UNIT - 1 })
	);
}

#[test]
fn a_table_off_by_one_bps_is_refused() {
	// One bps moved between rows keeps the bps sum but breaks both rows' amounts.
	let mut table = valid_table();
	table[1].bps += 1;
	assert!(matches!(validate_table(&table, SUPPLY), Err(TableError::RowAmount { row: 2, .. })));
	// One bps more in all, with the amounts following it, breaks the bps sum.
	let mut table = valid_table();
	table[2].bps += 1;
	table[2].portions[0].amount = share_of(SUPPLY, table[2].bps).unwrap();
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::BpsSum { found: 10_001 }));
	let mut table = valid_table();
	table[2].bps -= 1;
	table[2].portions[0].amount = share_of(SUPPLY, table[2].bps).unwrap();
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::BpsSum { found: 9_999 }));
}

#[test]
fn malformed_tables_are_refused_with_their_reason() {
	assert_eq!(validate_table::<AccountId, Balance>(&[], SUPPLY), Err(TableError::Empty));

	let mut table = valid_table();
	table[1].id = 1;
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::DuplicateRow(1)));

	let mut table = valid_table();
	table[1].portions.clear();
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::RowWithoutPortions(2)));

	let mut table = valid_table();
	table[0].name = "x".repeat(MAX_NAME_LEN as usize + 1);
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::BadName(1)));

	let mut table = valid_table();
	table[0].portions[1].name = String::new();
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::BadName(1)));

	let mut table = valid_table();
	table[0].portions[1].amount = 0;
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::ZeroPortion(1)));

	// A supply that is not a multiple of 10,000 plancks cannot be split exactly: the
	// rows' shares round down and lose a planck.
	let half = |id: u8, account: AccountId| crate::AllocationRow {
		id,
		name: "Half".into(),
		bps: 5_000,
		release: ReleaseRule::Unlocked,
		portions: vec![crate::Portion { name: "Half".into(), account, amount: 5_000 }],
	};
	assert_eq!(
		validate_table(&[half(1, 1), half(2, 2)], 10_001u128),
		Err(TableError::TotalAmount { expected: 10_001, found: 10_000 })
	);
	let overflow = vec![crate::AllocationRow {
		id: 1,
		name: "All".into(),
		bps: 10_000,
		release: ReleaseRule::Unlocked,
		portions: vec![crate::Portion { name: "All".into(), account: 1u64, amount: 1 }],
	}];
	assert_eq!(validate_table(&overflow, u128::MAX), Err(TableError::Overflow));
}

#[test]
#[should_panic(expected = "invalid BTT allocation table: row 1's portions add up to")]
fn genesis_refuses_a_table_that_does_not_add_up() {
	let mut table = valid_table();
	table[0].portions[0].amount += 1;
	new_test_ext_with(table);
}

#[test]
#[should_panic(expected = "invalid BTT allocation table: the rows' bps add up to 9999")]
fn genesis_refuses_a_table_whose_bps_do_not_add_up() {
	let mut table = valid_table();
	table[2].bps -= 1;
	table[2].portions[0].amount = share_of(SUPPLY, table[2].bps).unwrap();
	new_test_ext_with(table);
}

// --- lock then linear vesting ------------------------------------------------------------

mod vesting {
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

	#[test]
	fn claim_errors_change_nothing() {
		new_test_ext().execute_with(|| {
			System::set_block_number(CLIFF + DURATION);
			assert_noop!(claim(3), Error::<Test>::NoSchedule);
			assert_noop!(BttVesting::claim(RawOrigin::Root.into(), 1), DispatchError::BadOrigin);
			check();
		});
	}
}
