//! The pools' governed releases: ecosystem releases and grants, programmes, the reserve.

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
		assert_ok!(BttVesting::release_ecosystem(root(), 51, 1_000 * UNIT, Some((1, 10).into())));
		check();
		let freeze =
			<Balances as InspectFreeze<_>>::balance_frozen(&FreezeReason::Vesting.into(), &51);
		assert_eq!(freeze, 1_000 * UNIT);
		let schedule = &Schedules::<Test>::get(51).unwrap()[0];
		assert_eq!((schedule.row, schedule.cliff, schedule.duration), (0, 1 + MONTH, 10 * MONTH));

		assert_noop!(
			BttVesting::release_ecosystem(root(), 50, 9_000 * UNIT, None),
			Error::<Test>::PoolInsufficient
		);
		assert_noop!(BttVesting::release_ecosystem(root(), 50, 0, None), Error::<Test>::ZeroAmount);
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
			BttVesting::programme_spend(RawOrigin::Signed(health_rewards).into(), 70, amount, None)
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
		assert_noop!(BttVesting::set_programme(root(), 62, UNIT), Error::<Test>::TooManyProgrammes);
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
		assert_noop!(BttVesting::release_reserve(root(), UNIT), Error::<Test>::NoFoundationAccount);
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
		assert_ok!(BttVesting::release_ecosystem(root(), victim, MIN_GRANT, Some((0, 1).into())));
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
			assert_ok!(BttVesting::release_ecosystem(root(), 52, 10 * UNIT, Some((0, 1).into())));
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
		assert_ok!(BttVesting::release_ecosystem(root(), 51, 1_000 * UNIT, Some((1, 10).into())));
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
