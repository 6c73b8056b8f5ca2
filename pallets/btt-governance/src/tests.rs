//! Tests of the 1.5× vote weight, the track origins, the council's sunset and the
//! governance calendar.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	mock::*, BoostedVote, BoostedVotes, CouncilSunset, DayLength, Event, GovernanceOrigin,
};
use polkadot_sdk::{
	frame_support::{
		assert_ok,
		traits::{EnsureOrigin, Hooks},
	},
	frame_system::{EnsureRoot, RawOrigin},
	pallet_conviction_voting::{AccountVote, Conviction, Vote},
	sp_io,
	sp_runtime::BuildStorage,
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
		BoostedAccounts::set(vec![BOB]);
		vote(BOB, 0, aye(100, Conviction::Locked2x));
		assert_eq!(counts(0), (200 + 300, 0, 200));
		assert_eq!(BoostedVotes::<Test>::get(0, BOB), Some(BoostedVote { ayes: 100, nays: 0 }));
		System::assert_has_event(
			Event::VoteBoosted { who: BOB, poll_index: 0, ayes: 100, nays: 0 }.into(),
		);
	});
}

#[test]
fn a_boosted_nay_weighs_one_and_a_half_times() {
	new_test_ext().execute_with(|| {
		BoostedAccounts::set(vec![ALICE]);
		vote(ALICE, 0, nay(100, Conviction::Locked1x));
		vote(BOB, 0, aye(140, Conviction::Locked1x));
		// 150 nays against 140 ayes: the boost turns the outcome.
		assert_eq!(counts(0), (140, 150, 140));
	});
}

#[test]
fn a_changed_vote_moves_its_boost_with_it() {
	new_test_ext().execute_with(|| {
		BoostedAccounts::set(vec![ALICE]);
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		assert_eq!(counts(0), (150, 0, 100));
		vote(ALICE, 0, nay(200, Conviction::Locked3x));
		assert_eq!(counts(0), (0, 900, 0));
		assert_eq!(BoostedVotes::<Test>::get(0, ALICE), Some(BoostedVote { ayes: 0, nays: 300 }));
	});
}

#[test]
fn removing_a_vote_of_an_ongoing_poll_takes_its_boost_off_the_tally() {
	new_test_ext().execute_with(|| {
		BoostedAccounts::set(vec![ALICE]);
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
		BoostedAccounts::set(vec![ALICE]);
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
		BoostedAccounts::set(vec![ALICE]);
		vote(ALICE, 0, AccountVote::Split { aye: 100, nay: 60 });
		// The tally counts a split vote at 0.1×: 10 and 6, plus half of each.
		assert_eq!(counts(0), (15, 9, 100));
		vote(BOB, 0, AccountVote::SplitAbstain { aye: 40, nay: 20, abstain: 10 });
		assert_eq!(counts(0), (15 + 4, 9 + 2, 100 + 40 + 10));
	});
}

#[test]
fn the_boost_is_fixed_when_the_vote_is_cast() {
	new_test_ext().execute_with(|| {
		BoostedAccounts::set(vec![ALICE]);
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		// The stake matures: the cast vote keeps its weight ...
		BoostedAccounts::set(vec![]);
		assert_eq!(counts(0), (150, 0, 100));
		// ... until it is cast again.
		vote(ALICE, 0, aye(100, Conviction::Locked1x));
		assert_eq!(counts(0), (100, 0, 100));
		assert!(BoostedVotes::<Test>::get(0, ALICE).is_none());
	});
}

#[test]
fn delegated_votes_are_not_boosted() {
	new_test_ext().execute_with(|| {
		BoostedAccounts::set(vec![BOB]);
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
		BoostedAccounts::set(vec![ALICE]);
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
