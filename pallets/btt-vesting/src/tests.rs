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
}

// --- milestone tranches ------------------------------------------------------------------

mod tranches {
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
				Event::TranchesClaimed {
					row: ROW,
					portion: CORE,
					tranches: 3,
					amount: 3 * TRANCHE,
				}
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
}

// --- pools: ecosystem fund, community programmes, strategic reserve ------------------------

mod pools {
	use super::*;
	use crate::{Error, Event, FreezeReason, Programmes, Schedules};
	use polkadot_sdk::{
		frame_support::{
			assert_noop, assert_ok,
			traits::fungible::{InspectFreeze, Mutate},
		},
		frame_system::RawOrigin,
		sp_runtime::DispatchError,
	};

	fn check() {
		BttVesting::do_try_state().expect("invariants hold");
	}

	fn fund(pool: AccountId, amount: Balance) {
		<Balances as Mutate<_>>::mint_into(&pool, amount).unwrap();
	}

	fn root() -> RuntimeOrigin {
		RawOrigin::Root.into()
	}

	#[test]
	fn governance_releases_the_ecosystem_fund_free_or_as_a_grant() {
		new_test_ext().execute_with(|| {
			fund(ECOSYSTEM_FUND, 10_000 * UNIT);
			assert_ok!(BttVesting::release_ecosystem(root(), 50, 1_000 * UNIT, None));
			check();
			assert_eq!(Balances::balance(&50), 1_000 * UNIT);
			System::assert_last_event(
				Event::EcosystemReleased { dest: 50, amount: 1_000 * UNIT, vesting: None }.into(),
			);

			// A grant vests like an allocation: 1-month lock, 10 months linear, from now.
			assert_ok!(BttVesting::release_ecosystem(
				root(),
				51,
				1_000 * UNIT,
				Some((1, 10).into())
			));
			check();
			let freeze =
				<Balances as InspectFreeze<_>>::balance_frozen(&FreezeReason::Vesting.into(), &51);
			assert_eq!(freeze, 1_000 * UNIT);
			let schedule = &Schedules::<Test>::get(51).unwrap()[0];
			assert_eq!(
				(schedule.row, schedule.cliff, schedule.duration),
				(0, 1 + MONTH, 10 * MONTH)
			);

			assert_noop!(
				BttVesting::release_ecosystem(root(), 50, 9_000 * UNIT, None),
				Error::<Test>::PoolInsufficient
			);
			assert_noop!(
				BttVesting::release_ecosystem(root(), 50, 0, None),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				BttVesting::release_ecosystem(root(), 50, UNIT, Some((1, 0).into())),
				Error::<Test>::InvalidGrantSchedule
			);
			assert_noop!(
				BttVesting::release_ecosystem(RawOrigin::Signed(1).into(), 50, UNIT, None),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn programmes_spend_the_community_pool_within_their_cap_per_period() {
		new_test_ext().execute_with(|| {
			fund(COMMUNITY_POOL, 10_000 * UNIT);
			let health_rewards = 60;
			assert_ok!(BttVesting::set_programme(root(), health_rewards, 100 * UNIT));
			check();
			System::assert_last_event(
				Event::ProgrammeSet { account: health_rewards, cap_per_period: 100 * UNIT }.into(),
			);
			let spend = |amount| {
				BttVesting::programme_spend(
					RawOrigin::Signed(health_rewards).into(),
					70,
					amount,
					None,
				)
			};
			assert_ok!(spend(60 * UNIT));
			assert_noop!(spend(41 * UNIT), Error::<Test>::ProgrammeCapExceeded);
			assert_ok!(spend(40 * UNIT));
			check();
			assert_eq!(Balances::balance(&70), 100 * UNIT);
			// The next period has a fresh cap.
			System::set_block_number(MONTH + 1);
			assert_ok!(spend(100 * UNIT));
			check();

			// Not a programme, or removed: refused.
			assert_noop!(
				BttVesting::programme_spend(RawOrigin::Signed(1).into(), 70, UNIT, None),
				Error::<Test>::NotAProgramme
			);
			assert_ok!(BttVesting::remove_programme(root(), health_rewards));
			System::assert_last_event(Event::ProgrammeRemoved { account: health_rewards }.into());
			assert_noop!(spend(UNIT), Error::<Test>::NotAProgramme);
			assert_noop!(
				BttVesting::remove_programme(root(), health_rewards),
				Error::<Test>::NotAProgramme
			);
		});
	}

	#[test]
	fn programmes_are_bounded_and_governed() {
		new_test_ext().execute_with(|| {
			assert_ok!(BttVesting::set_programme(root(), 60, UNIT));
			assert_ok!(BttVesting::set_programme(root(), 61, UNIT));
			// Changing an existing programme's cap is not a new programme.
			assert_ok!(BttVesting::set_programme(root(), 61, 2 * UNIT));
			assert_eq!(Programmes::<Test>::get(61).unwrap().cap_per_period, 2 * UNIT);
			assert_noop!(
				BttVesting::set_programme(root(), 62, UNIT),
				Error::<Test>::TooManyProgrammes
			);
			assert_noop!(
				BttVesting::set_programme(RawOrigin::Signed(1).into(), 63, UNIT),
				DispatchError::BadOrigin
			);
			assert_noop!(
				BttVesting::remove_programme(RawOrigin::Signed(1).into(), 60),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn the_reserve_goes_only_to_the_foundation_and_only_by_its_origin() {
		new_test_ext().execute_with(|| {
			fund(STRATEGIC_RESERVE, 2_000 * UNIT);
			assert_ok!(BttVesting::release_reserve(root(), 500 * UNIT));
			check();
			assert_eq!(Balances::balance(&FOUNDATION), 500 * UNIT);
			System::assert_last_event(
				Event::ReserveReleased { foundation: FOUNDATION, amount: 500 * UNIT }.into(),
			);
			assert_noop!(
				BttVesting::release_reserve(RawOrigin::Signed(FOUNDATION).into(), UNIT),
				DispatchError::BadOrigin
			);
			assert_noop!(
				BttVesting::release_reserve(root(), 5_000 * UNIT),
				Error::<Test>::PoolInsufficient
			);
			crate::FoundationAccount::<Test>::kill();
			assert_noop!(
				BttVesting::release_reserve(root(), UNIT),
				Error::<Test>::NoFoundationAccount
			);
		});
	}

	/// Security review, item 11: a grant locked for 65,535 months destroyed its tokens in
	/// effect while reporting them as vesting. Grants are bounded by `MaxGrantMonths` now.
	#[test]
	fn grants_longer_than_max_grant_months_are_refused() {
		new_test_ext().execute_with(|| {
			fund(ECOSYSTEM_FUND, 10_000 * UNIT);
			let grant = |vesting: (u16, u16)| {
				BttVesting::release_ecosystem(root(), 52, 100 * UNIT, Some(vesting.into()))
			};
			assert_noop!(grant((u16::MAX, 1)), Error::<Test>::GrantTooLong);
			assert_noop!(grant((1, u16::MAX)), Error::<Test>::GrantTooLong);
			assert_noop!(grant((u16::MAX, u16::MAX)), Error::<Test>::GrantTooLong);
			// 120 months in all at most, the lock included.
			assert_noop!(grant((120, 1)), Error::<Test>::GrantTooLong);
			assert_noop!(grant((60, 61)), Error::<Test>::GrantTooLong);
			assert_noop!(grant((0, 121)), Error::<Test>::GrantTooLong);
			assert_ok!(grant((60, 60)));
			assert_ok!(grant((0, 120)));
			assert_ok!(grant((119, 1)));
			check();

			// A programme's grants are bounded the same way.
			fund(COMMUNITY_POOL, 10_000 * UNIT);
			assert_ok!(BttVesting::set_programme(root(), 60, 1_000 * UNIT));
			let spend = |vesting| {
				BttVesting::programme_spend(RawOrigin::Signed(60).into(), 53, 100 * UNIT, vesting)
			};
			assert_noop!(spend(Some((u16::MAX, 1).into())), Error::<Test>::GrantTooLong);
			assert_noop!(spend(Some((100, 21).into())), Error::<Test>::GrantTooLong);
			assert_ok!(spend(Some((100, 20).into())));
			check();
		});
	}

	/// Security review, item 11: 1-planck grants could fill a victim's schedule slots
	/// (`MaxSchedulesPerAccount`), so that no real grant could reach it. Grants below
	/// `MinGrant` are refused now.
	#[test]
	fn grants_smaller_than_min_grant_are_refused() {
		new_test_ext().execute_with(|| {
			fund(ECOSYSTEM_FUND, 10_000 * UNIT);
			fund(COMMUNITY_POOL, 10_000 * UNIT);
			assert_ok!(BttVesting::set_programme(root(), 60, 1_000 * UNIT));
			// Investor A (account 1) has one schedule of the four it may have.
			let victim = 1;
			for amount in [1, MIN_GRANT - 1] {
				assert_noop!(
					BttVesting::release_ecosystem(root(), victim, amount, Some((0, 1).into())),
					Error::<Test>::GrantTooSmall
				);
				assert_noop!(
					BttVesting::programme_spend(
						RawOrigin::Signed(60).into(),
						victim,
						amount,
						Some((0, 1).into())
					),
					Error::<Test>::GrantTooSmall
				);
			}
			assert_eq!(Schedules::<Test>::get(victim).unwrap().len(), 1);
			// A grant of `MinGrant` is fine; a free payment has no schedule and no minimum.
			assert_ok!(BttVesting::release_ecosystem(
				root(),
				victim,
				MIN_GRANT,
				Some((0, 1).into())
			));
			assert_ok!(BttVesting::release_ecosystem(root(), victim, 1, None));
			assert_eq!(Schedules::<Test>::get(victim).unwrap().len(), 2);
			check();
		});
	}

	#[test]
	fn integrity_test_passes() {
		use polkadot_sdk::frame_support::traits::Hooks;
		new_test_ext().execute_with(|| {
			<BttVesting as Hooks<u64>>::integrity_test();
		});
	}

	#[test]
	fn a_grant_to_an_account_with_full_schedules_is_refused() {
		new_test_ext().execute_with(|| {
			fund(ECOSYSTEM_FUND, 10_000 * UNIT);
			for _ in 0..4 {
				assert_ok!(BttVesting::release_ecosystem(
					root(),
					52,
					10 * UNIT,
					Some((0, 1).into())
				));
			}
			assert_noop!(
				BttVesting::release_ecosystem(root(), 52, 10 * UNIT, Some((0, 1).into())),
				Error::<Test>::TooManySchedules
			);
			check();
		});
	}

	#[test]
	fn a_grant_tells_the_hook_once_the_tokens_and_the_freeze_are_in_place() {
		new_test_ext().execute_with(|| {
			fund(ECOSYSTEM_FUND, 10_000 * UNIT);
			fund(COMMUNITY_POOL, 10_000 * UNIT);
			// A payment without vesting sets no freeze and tells nobody.
			assert_ok!(BttVesting::release_ecosystem(root(), 50, 1_000 * UNIT, None));
			assert!(VestingChanges::get().is_empty());
			// A grant: the tokens arrive, vesting freezes them, then the hook is told.
			assert_ok!(BttVesting::release_ecosystem(
				root(),
				51,
				1_000 * UNIT,
				Some((1, 10).into())
			));
			assert_eq!(VestingChanges::get(), vec![(51, 1_000 * UNIT)]);
			assert_eq!(Balances::balance(&51), 1_000 * UNIT);
			assert_eq!(
				<Balances as InspectFreeze<_>>::balance_frozen(&FreezeReason::Vesting.into(), &51),
				1_000 * UNIT
			);
			// A programme's grant out of the community pool too; a refused grant tells nobody.
			assert_ok!(BttVesting::set_programme(root(), 60, 1_000 * UNIT));
			assert_ok!(BttVesting::programme_spend(
				RawOrigin::Signed(60).into(),
				51,
				100 * UNIT,
				Some((0, 5).into())
			));
			assert_eq!(VestingChanges::get(), vec![(51, 1_000 * UNIT), (51, 1_100 * UNIT)]);
			assert_noop!(
				BttVesting::release_ecosystem(root(), 52, UNIT, Some((1, 0).into())),
				Error::<Test>::InvalidGrantSchedule
			);
			assert_eq!(VestingChanges::get().len(), 2);
			check();
		});
	}
}

/// The release report: rows, circulating supply and the projected yearly release.
mod report {
	use super::*;
	use crate::{
		allocation::{AllocationRow, Portion},
		Error, PoolBurned, PoolReleased,
	};
	use polkadot_sdk::{
		frame_support::{
			assert_noop, assert_ok,
			traits::{
				fungible::Mutate,
				tokens::{Fortitude, Precision, Preservation},
			},
		},
		frame_system::RawOrigin,
	};

	fn portion(name: &str, account: AccountId, amount: Balance) -> Portion<AccountId, Balance> {
		Portion { name: name.into(), account, amount }
	}

	fn row(
		id: u8,
		bps: u16,
		release: ReleaseRule,
		portions: Vec<Portion<AccountId, Balance>>,
	) -> AllocationRow<AccountId, Balance> {
		AllocationRow { id, name: format!("Row {id}"), bps, release, portions }
	}

	/// Every kind of row: investors 50% (lock 6 months, 36 linear), mining 20%, liquidity
	/// 10%, foundation tranches 10%, community 4%, ecosystem 4%, reserve 2%.
	fn full_table() -> Vec<AllocationRow<AccountId, Balance>> {
		vec![
			row(
				1,
				5_000,
				ReleaseRule::LockThenLinear { lock_months: 6, linear_months: 36 },
				vec![portion("A", 1, 300_000 * UNIT), portion("B", 2, 200_000 * UNIT)],
			),
			row(
				2,
				2_000,
				ReleaseRule::MiningEmission,
				vec![portion("Mining", 100, 200_000 * UNIT)],
			),
			row(3, 1_000, ReleaseRule::Unlocked, vec![portion("Liquidity", 3, 100_000 * UNIT)]),
			row(
				4,
				1_000,
				ReleaseRule::MilestoneTranches { tranches: 48 },
				vec![
					portion("Core", FOUNDATION_POOL, 60_000 * UNIT),
					portion("Research", FOUNDATION_POOL, 40_000 * UNIT),
				],
			),
			row(
				5,
				400,
				ReleaseRule::CommunityProgrammes,
				vec![portion("Community", COMMUNITY_POOL, 40_000 * UNIT)],
			),
			row(
				6,
				400,
				ReleaseRule::GovernanceRelease,
				vec![portion("Ecosystem", ECOSYSTEM_FUND, 40_000 * UNIT)],
			),
			row(
				7,
				200,
				ReleaseRule::ReferendumOnly,
				vec![portion("Reserve", STRATEGIC_RESERVE, 20_000 * UNIT)],
			),
		]
	}

	/// (released, claimable, locked) of a row.
	fn status(row: u8) -> (Balance, Balance, Balance) {
		let rows = BttVesting::row_releases();
		let r = rows.iter().find(|r| r.row == row).expect("the row exists");
		assert_eq!(
			r.released + r.claimable + r.kept_for_burns + r.locked,
			r.amount,
			"row {row} adds up"
		);
		(r.released, r.claimable, r.locked)
	}

	/// What a row keeps back for the pending milestone burns.
	fn kept_for_burns(row: u8) -> Balance {
		BttVesting::row_releases().iter().find(|r| r.row == row).unwrap().kept_for_burns
	}

	/// A milestone burn of `amount` out of the ecosystem fund, as btt-burn executes it in the
	/// runtime: the tokens are burned, the pool's books note it, and the fund keeps back that
	/// much less.
	fn burn_milestone(amount: Balance) {
		<Balances as Mutate<_>>::burn_from(
			&ECOSYSTEM_FUND,
			amount,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)
		.unwrap();
		BttVesting::note_burn_from(&ECOSYSTEM_FUND, amount);
		KeptBack::set(KeptBack::get() - amount);
	}

	fn release(
		amount: Balance,
		vesting: Option<GrantSchedule>,
	) -> polkadot_sdk::sp_runtime::DispatchResult {
		BttVesting::release_ecosystem(RawOrigin::Root.into(), 50, amount, vesting)
	}

	/// Security review, item 4: a release could spend what the pending milestone burns need,
	/// and a later milestone burn would fail. The fund keeps it back now.
	#[test]
	fn a_release_cannot_spend_what_the_pending_milestone_burns_need() {
		new_test_ext_with(full_table()).execute_with(|| {
			// 40,000 in the fund; the milestone burns still pending need 11,000.
			KeptBack::set(11_000 * UNIT);
			BttVesting::do_try_state().unwrap();
			assert_noop!(release(29_000 * UNIT + 1, None), Error::<Test>::KeptForMilestoneBurns);
			assert_noop!(
				release(29_000 * UNIT + 1, Some((1, 10).into())),
				Error::<Test>::KeptForMilestoneBurns
			);
			// More than the fund holds is still `PoolInsufficient`.
			assert_noop!(release(40_000 * UNIT + 1, None), Error::<Test>::PoolInsufficient);
			assert_ok!(release(29_000 * UNIT, None));
			BttVesting::do_try_state().unwrap();
			assert_noop!(release(UNIT, None), Error::<Test>::KeptForMilestoneBurns);
			// Every promised burn can still be executed, to the last planck.
			burn_milestone(5_000 * UNIT);
			BttVesting::do_try_state().unwrap();
			assert_noop!(release(UNIT, None), Error::<Test>::KeptForMilestoneBurns);
			burn_milestone(6_000 * UNIT);
			BttVesting::do_try_state().unwrap();
			assert_eq!(Balances::balance(&ECOSYSTEM_FUND), 0);
			assert_eq!(status(6), (40_000 * UNIT, 0, 0));
			assert_eq!(BttVesting::supply().total_issuance, SUPPLY - 11_000 * UNIT);
		});
	}

	/// What the fund keeps back for the milestone burns is not reported as a future release:
	/// neither as a row's `locked` nor as the projection's `discretionary`.
	#[test]
	fn tokens_kept_for_milestone_burns_are_not_a_future_release() {
		new_test_ext_with(full_table()).execute_with(|| {
			let without = BttVesting::projected_release();
			assert_eq!(without.milestone_burns, 0);
			KeptBack::set(11_000 * UNIT);
			assert_eq!(status(6), (0, 0, 29_000 * UNIT));
			assert_eq!(kept_for_burns(6), 11_000 * UNIT);
			// Rows that are not pools keep nothing back.
			assert_eq!(kept_for_burns(1), 0);

			let projection = BttVesting::projected_release();
			assert_eq!(projection.milestone_burns, 11_000 * UNIT);
			assert_eq!(projection.discretionary, (100_000 - 11_000) * UNIT);
			assert_eq!(projection.years, without.years);
			assert_eq!(
				projection.years.iter().map(|y| y.released).sum::<Balance>()
					+ projection.discretionary
					+ projection.milestone_burns,
				SUPPLY
			);

			// A burn executed: released in the pool's books, no longer kept back, and the
			// projection does not move.
			burn_milestone(5_000 * UNIT);
			assert_eq!(PoolBurned::<Test>::get(ECOSYSTEM_FUND), 5_000 * UNIT);
			assert_eq!(status(6), (5_000 * UNIT, 0, 29_000 * UNIT));
			assert_eq!(kept_for_burns(6), 6_000 * UNIT);
			assert_eq!(BttVesting::projected_release(), projection);
			// A release moves `locked`, never what is kept for the burns.
			assert_ok!(release(1_000 * UNIT, None));
			assert_eq!(status(6), (6_000 * UNIT, 0, 28_000 * UNIT));
			assert_eq!(kept_for_burns(6), 6_000 * UNIT);
			assert_eq!(BttVesting::projected_release(), projection);
			BttVesting::do_try_state().unwrap();
		});
	}

	#[test]
	fn try_state_catches_a_pool_that_cannot_cover_its_pending_burns() {
		new_test_ext_with(full_table()).execute_with(|| {
			KeptBack::set(40_000 * UNIT);
			BttVesting::do_try_state().unwrap();
			KeptBack::set(40_000 * UNIT + 1);
			assert_eq!(
				BttVesting::do_try_state(),
				Err("a pool holds less than it keeps back for the pending milestone burns".into())
			);
		});
	}

	#[test]
	fn at_genesis_only_liquidity_circulates() {
		new_test_ext_with(full_table()).execute_with(|| {
			let rows = BttVesting::row_releases();
			assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6, 7]);
			assert_eq!(rows[0].name, b"Row 1".to_vec());
			assert_eq!(status(1), (0, 0, 500_000 * UNIT));
			assert_eq!(status(2), (0, 0, 200_000 * UNIT));
			assert_eq!(status(3), (100_000 * UNIT, 0, 0));
			assert_eq!(status(4), (0, 0, 100_000 * UNIT));
			assert_eq!(status(7), (0, 0, 20_000 * UNIT));
			let supply = BttVesting::supply();
			assert_eq!(supply.total_issuance, SUPPLY);
			assert_eq!(supply.vesting_locked, 500_000 * UNIT);
			// Mining, foundation custody, community, ecosystem, reserve.
			assert_eq!(supply.undistributed_pools, 400_000 * UNIT);
			assert_eq!(supply.staked, 0);
			assert_eq!(supply.circulating, 100_000 * UNIT);
			BttVesting::do_try_state().unwrap();
		});
	}

	#[test]
	fn claims_tranches_pool_spends_and_stakes_move_the_report() {
		new_test_ext_with(full_table()).execute_with(|| {
			// Lock (6 months) plus half of the 36 linear months: half of row 1 has vested.
			System::set_block_number(24 * MONTH);
			assert_eq!(status(1), (0, 250_000 * UNIT, 250_000 * UNIT));
			assert_ok!(BttVesting::claim(RawOrigin::Signed(9).into(), 1));
			assert_eq!(status(1), (150_000 * UNIT, 100_000 * UNIT, 250_000 * UNIT));
			assert_eq!(
				BttVesting::account_vesting(&1),
				crate::AccountVesting { frozen: 150_000 * UNIT, claimable: 0, schedules: 1 }
			);

			// 24 tranches are due; 10 approved for the first sub-row: 10 × 1,250 claimable.
			assert_ok!(BttVesting::approve_milestones(RawOrigin::Root.into(), 4, 0, 10));
			assert_eq!(status(4), (0, 12_500 * UNIT, 87_500 * UNIT));
			assert_ok!(BttVesting::claim_tranches(RawOrigin::Signed(9).into(), 4, 0));
			assert_eq!(status(4), (12_500 * UNIT, 0, 87_500 * UNIT));

			assert_ok!(BttVesting::release_ecosystem(
				RawOrigin::Root.into(),
				50,
				1_000 * UNIT,
				None
			));
			assert_eq!(status(6), (1_000 * UNIT, 0, 39_000 * UNIT));
			assert_eq!(PoolReleased::<Test>::get(ECOSYSTEM_FUND), 1_000 * UNIT);

			let supply = BttVesting::supply();
			assert_eq!(supply.vesting_locked, 350_000 * UNIT);
			assert_eq!(supply.undistributed_pools, (400_000 - 12_500 - 1_000) * UNIT);
			// Liquidity, the claim, the tranches and the ecosystem release.
			assert_eq!(supply.circulating, (100_000 + 150_000 + 12_500 + 1_000) * UNIT);

			// Account 3 stakes 5,000 of its liquid tokens and account 1 100,000 of its 150,000
			// claimed ones: stakes are backed only by tokens free of vesting, so the two never
			// overlap and 105,000 leave circulation.
			StakedSupply::set(vec![(3, 5_000 * UNIT), (1, 100_000 * UNIT)]);
			let staked = BttVesting::supply();
			assert_eq!(staked.staked, 105_000 * UNIT);
			assert_eq!(staked.circulating, supply.circulating - 105_000 * UNIT);
			// A principal beyond the account's tokens free of vesting (which btt-staking never
			// allows) is counted only up to them.
			StakedSupply::set(vec![(1, 10_000_000 * UNIT)]);
			let capped = BttVesting::supply();
			assert_eq!(capped.staked, Balances::total_balance(&1) - BttVesting::frozen(&1));
			BttVesting::do_try_state().unwrap();
		});
	}

	#[test]
	fn the_projection_follows_every_rule_year_by_year() {
		new_test_ext_with(full_table()).execute_with(|| {
			let projection = BttVesting::projected_release();
			assert_eq!(projection.blocks_per_year, 120);
			assert_eq!(projection.total, SUPPLY);
			assert_eq!(projection.discretionary, 100_000 * UNIT);
			// Tranches end last: 48 months = 4 years.
			let cumulative: Vec<Balance> = projection.years.iter().map(|y| y.cumulative).collect();
			let investors = 500_000 * UNIT;
			// Each sub-row's tranche rounds down; the last tranche carries the remainder.
			let tranches = |n: u128| 60_000 * UNIT / 48 * n + 40_000 * UNIT / 48 * n;
			assert_eq!(
				cumulative,
				vec![
					// 6 of 36 linear months, the first year of a 2-year mining emission,
					// liquidity, 12 tranches.
					investors / 6 + 100_000 * UNIT + 100_000 * UNIT + tranches(12),
					investors / 2 + 200_000 * UNIT + 100_000 * UNIT + tranches(24),
					investors * 5 / 6 + 200_000 * UNIT + 100_000 * UNIT + tranches(36),
					900_000 * UNIT,
				]
			);
			assert_eq!(projection.years[0].released, cumulative[0]);
			assert_eq!(projection.years[3].released, cumulative[3] - cumulative[2]);
			assert_eq!(projection.milestone_burns, 0);
			assert_eq!(
				projection.years.iter().map(|y| y.released).sum::<Balance>()
					+ projection.discretionary
					+ projection.milestone_burns,
				SUPPLY
			);
			// The projection is the rules' own, whatever has been claimed since.
			System::set_block_number(30 * MONTH);
			assert_ok!(BttVesting::claim(RawOrigin::Signed(9).into(), 2));
			assert_eq!(BttVesting::projected_release(), projection);
		});
	}

	#[test]
	fn a_milestone_burn_from_a_pool_is_booked_as_its_release() {
		new_test_ext_with(full_table()).execute_with(|| {
			<Balances as Mutate<_>>::burn_from(
				&ECOSYSTEM_FUND,
				3_000 * UNIT,
				polkadot_sdk::frame_support::traits::tokens::Preservation::Expendable,
				polkadot_sdk::frame_support::traits::tokens::Precision::Exact,
				polkadot_sdk::frame_support::traits::tokens::Fortitude::Polite,
			)
			.unwrap();
			// Unbooked, the pool has lost more than it released.
			assert!(BttVesting::do_try_state().is_err());
			BttVesting::note_burn_from(&ECOSYSTEM_FUND, 3_000 * UNIT);
			BttVesting::do_try_state().unwrap();
			assert_eq!(status(6), (3_000 * UNIT, 0, 37_000 * UNIT));
			// An account that holds no pool keeps no books.
			BttVesting::note_burn_from(&1, UNIT);
			assert_eq!(PoolReleased::<Test>::get(1), 0);
		});
	}

	#[test]
	fn row_0_is_reserved_and_pools_do_not_share_accounts() {
		let mut table = full_table();
		table[2].id = 0;
		assert_eq!(validate_table(&table, SUPPLY), Err(TableError::ReservedRowId));
		let mut table = full_table();
		table[6].portions[0].account = ECOSYSTEM_FUND;
		assert_eq!(validate_table(&table, SUPPLY), Err(TableError::SharedPoolAccount(7)));
	}

	#[test]
	fn a_pool_row_must_be_one_account() {
		let mut table = full_table();
		table[4].portions = vec![
			portion("Community A", COMMUNITY_POOL, 20_000 * UNIT),
			portion("Community B", 7, 20_000 * UNIT),
		];
		assert_eq!(validate_table(&table, SUPPLY), Err(TableError::PoolRowSplit(5)));
	}

	#[test]
	#[should_panic(
		expected = "row 6: the pool must be placed in the account the runtime spends it from"
	)]
	fn genesis_refuses_a_pool_the_runtime_cannot_spend() {
		let mut table = full_table();
		table[5].portions[0].account = 77;
		let _ = new_test_ext_with(table);
	}
}
