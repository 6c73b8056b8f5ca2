//! Tests of the allocation table: its validation and what genesis does with it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	allocation::{share_of, validate_table, TableError, MAX_NAME_LEN},
	mock::*,
	AllocationRows, GrantSchedule, ReleaseRule,
};
use polkadot_sdk::frame_support::traits::fungible::Inspect;

#[test]
fn a_valid_table_places_exactly_the_supply() {
	new_test_ext().execute_with(|| {
		assert_eq!(Balances::total_issuance(), SUPPLY);
		assert_eq!(Balances::balance(&1), 400_000 * UNIT);
		assert_eq!(Balances::balance(&2), 200_000 * UNIT);
		assert_eq!(Balances::balance(&100), 200_000 * UNIT);
		assert_eq!(Balances::balance(&FOUNDATION_POOL), 100_000 * UNIT);
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
		assert_eq!(AllocationRows::<Test>::iter().count(), 4);
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
	table[3].portions[0].amount -= 1;
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
	table[3].bps += 1;
	table[3].portions[0].amount = share_of(SUPPLY, table[3].bps).unwrap();
	assert_eq!(validate_table(&table, SUPPLY), Err(TableError::BpsSum { found: 10_001 }));
	let mut table = valid_table();
	table[3].bps -= 1;
	table[3].portions[0].amount = share_of(SUPPLY, table[3].bps).unwrap();
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
	table[3].bps -= 1;
	table[3].portions[0].amount = share_of(SUPPLY, table[3].bps).unwrap();
	new_test_ext_with(table);
}

// --- lock then linear vesting ------------------------------------------------------------

mod vesting;

// --- milestone tranches ------------------------------------------------------------------

mod tranches;

// --- pools: ecosystem fund, community programmes, strategic reserve ------------------------

mod pools;
mod report;
