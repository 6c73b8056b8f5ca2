//! Tests of the 1.5× vote weight, the track origins, the council's sunset and the
//! governance calendar.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	mock::*, BoostedVote, BoostedVotes, CouncilSunset, DayLength, Error, Event, GovernanceOrigin,
};
use pallet_btt_staking::Tier;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{EnsureOrigin, Hooks},
	},
	frame_system::{EnsureRoot, RawOrigin},
	pallet_conviction_voting::{AccountVote, Conviction, Vote},
	sp_io,
	sp_runtime::{BuildStorage, DispatchError, Permill},
};

type Governance = crate::Pallet<Test>;

fn aye(balance: Balance, conviction: Conviction) -> AccountVote<Balance> {
	AccountVote::Standard { vote: Vote { aye: true, conviction }, balance }
}

fn nay(balance: Balance, conviction: Conviction) -> AccountVote<Balance> {
	AccountVote::Standard { vote: Vote { aye: false, conviction }, balance }
}

fn vote(who: AccountId, poll: u32, vote: AccountVote<Balance>) {
	assert_ok!(ConvictionVoting::vote(RuntimeOrigin::signed(who), poll, vote));
	Governance::do_try_state().unwrap();
}

fn remove_vote(who: AccountId, poll: u32) {
	assert_ok!(ConvictionVoting::remove_vote(RuntimeOrigin::signed(who), Some(0), poll));
	Governance::do_try_state().unwrap();
}

/// The recorded extra (ayes, nays) of `who`'s vote on poll `index`.
fn extra(index: u32, who: AccountId) -> Option<(Balance, Balance)> {
	BoostedVotes::<Test>::get(index, who).map(|record| (record.ayes, record.nays))
}

/// (ayes, nays, support) of poll `index`.
fn counts(index: u32) -> (Balance, Balance, Balance) {
	let tally = tally(index);
	(tally.ayes, tally.nays, tally.support)
}

#[test]
fn the_same_vote_weighs_one_and_a_half_times_for_a_long_term_staker() {
	new_test_ext().execute_with(|| {
		// Without the boost: Alice's 100 at 2× conviction count 200.
		vote(ALICE, 0, aye(100, Conviction::Locked2x));
		assert_eq!(counts(0), (200, 0, 100));
		assert!(BoostedVotes::<Test>::get(0, ALICE).is_none());

		// With it: Bob's identical vote counts 300, and support grows by his 100 only.
		stake(BOB, 1_000);
		vote(BOB, 0, aye(100, Conviction::Locked2x));
		assert_eq!(counts(0), (200 + 300, 0, 200));
		assert_eq!(
			BoostedVotes::<Test>::get(0, BOB),
			Some(BoostedVote {
				ayes: 100,
				nays: 0,
				vote: aye(100, Conviction::Locked2x),
				stake: 1_000
			})
		);
		System::assert_has_event(
			Event::VoteBoosted { who: BOB, poll_index: 0, ayes: 100, nays: 0 }.into(),
		);
	});
}

#[test]
fn a_boosted_nay_weighs_one_and_a_half_times() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 1_000);
		vote(ALICE, 0, nay(100, Conviction::Locked1x));
		vote(BOB, 0, aye(140, Conviction::Locked1x));
		// 150 nays against 140 ayes: the boost turns the outcome.
		assert_eq!(counts(0), (140, 150, 140));
	});
}

#[test]
fn a_changed_vote_moves_its_boost_with_it() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 1_000);
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		assert_eq!(counts(0), (150, 0, 100));
		vote(ALICE, 0, nay(200, Conviction::Locked3x));
		assert_eq!(counts(0), (0, 900, 0));
		assert_eq!(extra(0, ALICE), Some((0, 300)));
	});
}

#[test]
fn removing_a_vote_of_an_ongoing_poll_takes_its_boost_off_the_tally() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 1_000);
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		remove_vote(ALICE, 0);
		assert_eq!(counts(0), (0, 0, 0));
		assert!(BoostedVotes::<Test>::get(0, ALICE).is_none());
		System::assert_last_event(Event::BoostWithdrawn { who: ALICE, poll_index: 0 }.into());
	});
}

#[test]
fn removing_a_vote_of_a_completed_poll_forgets_the_boost_and_keeps_the_tally() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 1_000);
		vote(ALICE, 0, aye(100, Conviction::None));
		close_poll(0, true);
		remove_vote(ALICE, 0);
		assert!(BoostedVotes::<Test>::get(0, ALICE).is_none());
		assert!(BoostedVotes::<Test>::iter().next().is_none());
	});
}

#[test]
fn split_votes_are_boosted_on_both_sides_at_conviction_none() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 1_000);
		vote(ALICE, 0, AccountVote::Split { aye: 100, nay: 60 });
		// The tally counts a split vote at 0.1×: 10 and 6, plus half of each.
		assert_eq!(counts(0), (15, 9, 100));
		vote(BOB, 0, AccountVote::SplitAbstain { aye: 40, nay: 20, abstain: 10 });
		assert_eq!(counts(0), (15 + 4, 9 + 2, 100 + 40 + 10));
	});
}

#[test]
fn a_matured_stakes_extra_stays_until_refreshed_or_cast_again() {
	new_test_ext().execute_with(|| {
		stake_until(ALICE, Tier::Days365, 1_000, 5);
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		// The stake matures: the cast vote keeps its extra until someone refreshes it ...
		System::set_block_number(5);
		assert_eq!(counts(0), (150, 0, 100));
		// ... or it is cast again.
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		assert_eq!(counts(0), (100, 0, 100));
		assert!(BoostedVotes::<Test>::get(0, ALICE).is_none());
	});
}

#[test]
fn delegated_votes_are_not_boosted() {
	new_test_ext().execute_with(|| {
		stake(BOB, 1_000);
		assert_ok!(ConvictionVoting::delegate(
			RuntimeOrigin::signed(BOB),
			0,
			ALICE,
			Conviction::Locked1x,
			100
		));
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		assert_eq!(counts(0), (200, 0, 200));
	});
}

#[test]
fn a_vote_on_a_poll_that_is_not_ongoing_fails_and_leaves_no_boost() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 1_000);
		close_poll(0, true);
		assert!(ConvictionVoting::vote(RuntimeOrigin::signed(ALICE), 0, aye(10, Conviction::None))
			.is_err());
		assert!(BoostedVotes::<Test>::iter().next().is_none());
	});
}

#[test]
fn each_track_origin_accepts_its_own_track_only() {
	new_test_ext().execute_with(|| {
		use crate::{
			EnsureEconomicParams, EnsureMilestones, EnsureReserveRelease, EnsureTreasurer,
			EnsureValidatorAdmin,
		};
		let track = |origin: GovernanceOrigin| RuntimeOrigin::from(origin);
		assert_ok!(EnsureReserveRelease::ensure_origin(track(GovernanceOrigin::ReserveRelease)));
		assert_ok!(EnsureMilestones::ensure_origin(track(GovernanceOrigin::Milestones)));
		assert_ok!(EnsureTreasurer::ensure_origin(track(GovernanceOrigin::Treasurer)));
		assert_ok!(EnsureEconomicParams::ensure_origin(track(GovernanceOrigin::EconomicParams)));
		assert_ok!(EnsureValidatorAdmin::ensure_origin(track(GovernanceOrigin::ValidatorAdmin)));

		assert!(EnsureReserveRelease::ensure_origin(track(GovernanceOrigin::Treasurer)).is_err());
		assert!(EnsureMilestones::ensure_origin(track(GovernanceOrigin::EconomicParams)).is_err());
		assert!(EnsureTreasurer::ensure_origin(track(GovernanceOrigin::ReserveRelease)).is_err());
		assert!(EnsureEconomicParams::ensure_origin(track(GovernanceOrigin::Milestones)).is_err());
		assert!(EnsureValidatorAdmin::ensure_origin(RuntimeOrigin::root()).is_err());
		assert!(EnsureMilestones::ensure_origin(RuntimeOrigin::signed(ALICE)).is_err());
	});
}

#[test]
fn the_council_acts_until_its_sunset_block_and_never_after() {
	new_test_ext().execute_with(|| {
		type Council = crate::WhileCouncilSits<Test, EnsureRoot<AccountId>>;
		assert_eq!(CouncilSunset::<Test>::get(), SUNSET);

		System::set_block_number(SUNSET - 1);
		assert_ok!(Council::ensure_origin(RuntimeOrigin::root()));
		// Its own checks still apply before the sunset.
		assert!(Council::ensure_origin(RuntimeOrigin::signed(ALICE)).is_err());

		System::set_block_number(SUNSET);
		Governance::on_initialize(SUNSET);
		System::assert_last_event(Event::CouncilPowersEnded { at: SUNSET }.into());
		assert!(Council::ensure_origin(RuntimeOrigin::root()).is_err());
		System::set_block_number(SUNSET + 1_000);
		assert!(Council::ensure_origin(RuntimeOrigin::from(RawOrigin::Root)).is_err());
	});
}

#[test]
fn track_periods_are_governance_days() {
	new_test_ext().execute_with(|| {
		assert_eq!(DayLength::<Test>::get(), DAY);
		assert_eq!(
			<crate::GovernanceDays<Test, 14> as polkadot_sdk::frame_support::traits::Get<u64>>::get(
			),
			14 * DAY
		);
	});
}

#[test]
fn genesis_may_shorten_days_and_move_the_sunset() {
	let storage = RuntimeGenesisConfig {
		btt_governance: crate::GenesisConfig { day_length: Some(2), council_sunset: Some(7) },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(Governance::days(14), 28);
		assert_eq!(CouncilSunset::<Test>::get(), 7);
	});
}

#[test]
#[should_panic(expected = "a governance day must last at least one block")]
fn genesis_refuses_a_day_of_zero_blocks() {
	let _ = RuntimeGenesisConfig {
		btt_governance: crate::GenesisConfig { day_length: Some(0), council_sunset: None },
		..Default::default()
	}
	.build_storage();
}

// --- Only the stake-backed part of a vote weighs 1.5× ---------------------------------------

fn refresh(by: AccountId, poll: u32, voter: AccountId) {
	assert_ok!(Governance::refresh_boost(RuntimeOrigin::signed(by), poll, voter));
	Governance::do_try_state().unwrap();
}

#[test]
fn a_50_000_stake_boosts_only_50_000_of_a_20_million_vote() {
	new_test_ext().execute_with(|| {
		stake(WHALE, 50_000);
		vote(WHALE, 0, aye(20_000_000, Conviction::Locked1x));
		// ½ × 50,000, not ½ × 20,000,000.
		assert_eq!(counts(0), (20_000_000 + 25_000, 0, 20_000_000));
		assert_eq!(extra(0, WHALE), Some((25_000, 0)));
		assert_eq!(BoostedVotes::<Test>::get(0, WHALE).unwrap().stake, 50_000);
		System::assert_has_event(
			Event::VoteBoosted { who: WHALE, poll_index: 0, ayes: 25_000, nays: 0 }.into(),
		);

		// At 6× conviction: ½ × 6 × 50,000.
		vote(WHALE, 0, nay(20_000_000, Conviction::Locked6x));
		assert_eq!(counts(0), (0, 120_000_000 + 150_000, 0));
		assert_eq!(extra(0, WHALE), Some((0, 150_000)));

		// A vote smaller than the stake is boosted whole.
		vote(WHALE, 0, aye(10_000, Conviction::Locked1x));
		assert_eq!(counts(0), (10_000 + 5_000, 0, 10_000));
	});
}

#[test]
fn only_stakes_of_365_days_or_longer_that_have_not_matured_count() {
	new_test_ext().execute_with(|| {
		stake_until(ALICE, Tier::Days180, 1_000, u64::MAX);
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		assert_eq!(counts(0), (100, 0, 100));
		assert!(extra(0, ALICE).is_none());

		stake_until(BOB, Tier::Days1095, 1_000, u64::MAX);
		vote(BOB, 0, aye(100, Conviction::Locked1x));
		assert_eq!(extra(0, BOB), Some((50, 0)));

		// A matured 365-day stake backs nothing.
		stake_until(CHARLIE, Tier::Days365, 1_000, 1);
		vote(CHARLIE, 0, aye(100, Conviction::Locked1x));
		assert!(extra(0, CHARLIE).is_none());
	});
}

#[test]
fn a_split_vote_spends_the_stake_on_its_ayes_first_then_its_nays() {
	new_test_ext().execute_with(|| {
		// 120 backs the 100 ayes and 20 of the 60 nays, at conviction `None` (0.1×).
		stake(ALICE, 120);
		vote(ALICE, 0, AccountVote::Split { aye: 100, nay: 60 });
		assert_eq!(extra(0, ALICE), Some((5, 1)));
		assert_eq!(counts(0), (10 + 5, 6 + 1, 100));

		// The abstain part takes none of the stake: 500 backs 400 ayes and 100 of 200 nays.
		open_poll(1);
		stake(BOB, 500);
		vote(BOB, 1, AccountVote::SplitAbstain { aye: 400, nay: 200, abstain: 100 });
		assert_eq!(extra(1, BOB), Some((20, 5)));
		assert_eq!(counts(1), (40 + 20, 20 + 5, 400 + 100));
	});
}

#[test]
fn anyone_refreshes_a_boost_away_once_its_stake_matured() {
	new_test_ext().execute_with(|| {
		stake_until(WHALE, Tier::Days365, 50_000, 20);
		vote(WHALE, 0, aye(20_000_000, Conviction::Locked1x));
		assert_eq!(counts(0), (20_025_000, 0, 20_000_000));

		// While the stake is active, a refresh changes nothing and is refused.
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(CHARLIE), 0, WHALE),
			Error::<Test>::BoostUnchanged
		);

		// The stake matures: Charlie, a third party, takes the boost off.
		System::set_block_number(20);
		refresh(CHARLIE, 0, WHALE);
		assert_eq!(counts(0), (20_000_000, 0, 20_000_000));
		assert!(BoostedVotes::<Test>::get(0, WHALE).is_none());
		System::assert_last_event(
			Event::BoostRefreshed { who: WHALE, poll_index: 0, ayes: 0, nays: 0, stake: 0 }.into(),
		);
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(CHARLIE), 0, WHALE),
			Error::<Test>::NoBoostRecorded
		);

		// Removing the vote later takes off the vote only: nothing is taken off twice.
		remove_vote(WHALE, 0);
		assert_eq!(counts(0), (0, 0, 0));
	});
}

#[test]
fn a_refresh_only_ever_reduces_the_extra() {
	new_test_ext().execute_with(|| {
		stake(WHALE, 50_000);
		vote(WHALE, 0, nay(20_000_000, Conviction::Locked2x));
		assert_eq!(extra(0, WHALE), Some((0, 50_000)));

		// Part of the stake is gone: the extra shrinks to what 20,000 backs.
		stake(WHALE, 20_000);
		refresh(ALICE, 0, WHALE);
		assert_eq!(extra(0, WHALE), Some((0, 20_000)));
		assert_eq!(counts(0), (0, 40_000_000 + 20_000, 0));
		System::assert_last_event(
			Event::BoostRefreshed {
				who: WHALE,
				poll_index: 0,
				ayes: 0,
				nays: 20_000,
				stake: 20_000,
			}
			.into(),
		);

		// A larger stake does not raise a cast vote's extra ...
		stake(WHALE, 100_000);
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(ALICE), 0, WHALE),
			Error::<Test>::BoostUnchanged
		);
		// ... the next vote counts it.
		vote(WHALE, 0, nay(20_000_000, Conviction::Locked2x));
		assert_eq!(extra(0, WHALE), Some((0, 100_000)));

		// The stake goes entirely.
		unstake(WHALE);
		refresh(BOB, 0, WHALE);
		assert_eq!(counts(0), (0, 40_000_000, 0));
	});
}

#[test]
fn a_refresh_of_a_split_vote_takes_the_stake_from_the_nays_first() {
	new_test_ext().execute_with(|| {
		stake(ALICE, 160);
		vote(ALICE, 0, AccountVote::Split { aye: 100, nay: 60 });
		assert_eq!(extra(0, ALICE), Some((5, 3)));
		// 100 left: it backs the ayes only.
		stake(ALICE, 100);
		refresh(BOB, 0, ALICE);
		assert_eq!(extra(0, ALICE), Some((5, 0)));
		assert_eq!(counts(0), (10 + 5, 6, 100));
	});
}

#[test]
fn refresh_boost_refusals() {
	new_test_ext().execute_with(|| {
		// Signed origins only.
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::root(), 0, ALICE),
			DispatchError::BadOrigin
		);
		// No vote, or a vote without a boost: nothing recorded.
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(BOB), 0, ALICE),
			Error::<Test>::NoBoostRecorded
		);
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(BOB), 0, ALICE),
			Error::<Test>::NoBoostRecorded
		);
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(BOB), 7, ALICE),
			Error::<Test>::NoBoostRecorded
		);

		// A completed poll's tally is final, even when the stake has gone.
		stake(BOB, 1_000);
		vote(BOB, 0, aye(100, Conviction::Locked1x));
		close_poll(0, true);
		unstake(BOB);
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(ALICE), 0, BOB),
			Error::<Test>::PollNotOngoing
		);
		assert!(BoostedVotes::<Test>::get(0, BOB).is_some());
	});
}

/// The day and the sunset are stored at genesis even when genesis names neither: a runtime
/// whose defaults differ cannot move a live chain's calendar or the council's sunset.
#[test]
fn genesis_stores_the_day_and_the_sunset_even_when_it_keeps_the_defaults() {
	use polkadot_sdk::{frame_support::traits::Get, frame_system::pallet_prelude::BlockNumberFor};
	new_test_ext().execute_with(|| {
		assert!(DayLength::<Test>::exists());
		assert!(CouncilSunset::<Test>::exists());
		let day: BlockNumberFor<Test> = <Test as crate::Config>::BlocksPerDay::get();
		let sunset: BlockNumberFor<Test> = <Test as crate::Config>::DefaultCouncilSunset::get();
		assert_eq!(DayLength::<Test>::get(), day);
		assert_eq!(CouncilSunset::<Test>::get(), sunset);
	});
}

/// The constants a version-0 runtime read, unlike the mock's `DAY` and `SUNSET`.
type OldDay = polkadot_sdk::frame_support::traits::ConstU64<7>;
type OldSunset = polkadot_sdk::frame_support::traits::ConstU64<55>;
type Migration = crate::migrations::v1::MigrateV0ToV1<Test, OldDay, OldSunset>;

/// A chain at storage version 0 that stored only the sunset: the migration writes the day
/// the old runtime read (not the new runtime's constant) and keeps the stored sunset; run
/// again on the version-1 chain, it changes nothing.
#[test]
fn v0_to_v1_stores_the_old_runtimes_day_and_keeps_a_stored_sunset() {
	use polkadot_sdk::frame_support::traits::{
		GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
	};
	new_test_ext().execute_with(|| {
		StorageVersion::new(0).put::<Governance>();
		DayLength::<Test>::kill();
		CouncilSunset::<Test>::put(SUNSET + 7);
		assert!(Governance::do_try_state().is_err(), "version 0 stores too little");

		Migration::on_runtime_upgrade();

		assert_eq!(Governance::on_chain_storage_version(), 1);
		assert!(DayLength::<Test>::exists());
		assert_eq!(DayLength::<Test>::get(), 7, "the old runtime's day, not the mock's");
		assert_eq!(CouncilSunset::<Test>::get(), SUNSET + 7, "a stored sunset is kept");
		Governance::do_try_state().unwrap();

		DayLength::<Test>::put(DAY * 2);
		Migration::on_runtime_upgrade();
		assert_eq!(DayLength::<Test>::get(), DAY * 2);
	});
}

/// Neither value stored: both become the old runtime's (with try-runtime, through the
/// migration's pre- and post-upgrade checks).
#[test]
fn v0_to_v1_stores_both_old_values_and_passes_its_upgrade_checks() {
	use polkadot_sdk::frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		StorageVersion::new(0).put::<Governance>();
		DayLength::<Test>::kill();
		CouncilSunset::<Test>::kill();
		#[cfg(feature = "try-runtime")]
		Migration::try_on_runtime_upgrade(true).unwrap();
		#[cfg(not(feature = "try-runtime"))]
		Migration::on_runtime_upgrade();
		assert_eq!((DayLength::<Test>::get(), CouncilSunset::<Test>::get()), (7, 55));
		assert!(DayLength::<Test>::exists() && CouncilSunset::<Test>::exists());
		Governance::do_try_state().unwrap();
	});
}

/// The extra is `VoteBoost` of the conviction votes, floored: at 30%, 1,001 votes at 1×
/// add 300 (not 300.3), and at 3× 900.
#[test]
fn the_extra_is_the_configured_boost_of_the_votes_floored() {
	new_test_ext().execute_with(|| {
		VoteBoost::set(Permill::from_percent(30));
		stake(WHALE, 1_001);
		vote(WHALE, 0, aye(1_001, Conviction::Locked1x));
		assert_eq!(extra(0, WHALE), Some((300, 0)));
		assert_eq!(counts(0), (1_001 + 300, 0, 1_001));
		vote(WHALE, 0, nay(1_001, Conviction::Locked3x));
		assert_eq!(extra(0, WHALE), Some((0, 900)));
		assert_eq!(counts(0), (0, 3_003 + 900, 0));
	});
}

/// A record keeps the extra it added to the tally: after a larger boost, a refresh computes
/// more than was added and takes nothing off (the record is what a withdrawal removes), and
/// `try_state` flags the record as computed at another boost, as try-runtime would before
/// such an upgrade.
#[test]
fn a_refresh_after_the_boost_grew_never_raises_the_extra() {
	new_test_ext().execute_with(|| {
		stake(WHALE, 1_000);
		vote(WHALE, 0, aye(1_000, Conviction::Locked1x));
		assert_eq!(extra(0, WHALE), Some((500, 0)));

		VoteBoost::set(Permill::from_percent(100));
		assert!(Governance::do_try_state().is_err(), "the record is at the old boost");
		// The stake fell to 800: at 100% that is 800 extra, more than the 500 added.
		stake(WHALE, 800);
		assert_noop!(
			Governance::refresh_boost(RuntimeOrigin::signed(ALICE), 0, WHALE),
			Error::<Test>::BoostUnchanged
		);
		assert_eq!(extra(0, WHALE), Some((500, 0)));
		assert_eq!(counts(0), (1_500, 0, 1_000));

		// Withdrawing takes off exactly the 500 that were added.
		VoteBoost::set(Permill::from_percent(50));
		remove_vote(WHALE, 0);
		assert_eq!(counts(0), (0, 0, 0));
	});
}
