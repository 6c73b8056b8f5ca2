//! The release report: rows, circulating supply and the projected yearly release.

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
		row(2, 2_000, ReleaseRule::MiningEmission, vec![portion("Mining", 100, 200_000 * UNIT)]),
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

		assert_ok!(BttVesting::release_ecosystem(RawOrigin::Root.into(), 50, 1_000 * UNIT, None));
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
