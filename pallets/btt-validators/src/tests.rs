//! Tests of the governed validator set and its sessions.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{mock::*, Error, Event, SessionLength, SetChanged, Validators};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	pallet_session,
	sp_runtime::{BuildStorage, DispatchError},
};

fn set_keys(who: AccountId) {
	assert_ok!(Session::set_keys(RuntimeOrigin::signed(who), keys(who), ownership_proof(who)));
}

fn validators() -> Vec<AccountId> {
	Validators::<Test>::get().into_inner()
}

fn check() {
	BttValidators::do_try_state().unwrap();
}

#[test]
fn genesis_validators_author_from_the_first_session() {
	new_test_ext().execute_with(|| {
		assert_eq!(validators(), vec![1, 2]);
		assert_eq!(Session::validators(), vec![1, 2]);
		assert_eq!(Authorities::get(), vec![100, 200]);
		assert_eq!(SessionLength::<Test>::get(), SESSION);
		check();
	});
}

#[test]
fn an_added_validator_authors_from_the_session_after_the_next_change() {
	new_test_ext().execute_with(|| {
		set_keys(3);
		assert_ok!(BttValidators::add_validator(RuntimeOrigin::root(), 3));
		System::assert_last_event(Event::ValidatorAdded { who: 3 }.into());
		assert_eq!(validators(), vec![1, 2, 3]);
		check();

		// Session 1 starts at block 5 with the set queued before; the new set is queued now.
		run_to_block(SESSION);
		assert_eq!(Session::current_index(), 1);
		assert_eq!(Authorities::get(), vec![100, 200]);
		System::assert_has_event(
			Event::ValidatorSetQueued { session_index: 2, validators: 3 }.into(),
		);
		assert!(!SetChanged::<Test>::get());

		// From session 2 on, validator 3's key authors.
		run_to_block(2 * SESSION);
		assert_eq!(Session::current_index(), 2);
		assert_eq!(Session::validators(), vec![1, 2, 3]);
		assert_eq!(Authorities::get(), vec![100, 200, 300]);
		check();
	});
}

#[test]
fn a_removed_validator_stops_authoring_after_the_next_change() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttValidators::remove_validator(RuntimeOrigin::root(), 2));
		System::assert_last_event(Event::ValidatorRemoved { who: 2 }.into());
		run_to_block(2 * SESSION);
		assert_eq!(Session::validators(), vec![1]);
		assert_eq!(Authorities::get(), vec![100]);
		check();
	});
}

#[test]
fn an_unchanged_set_is_not_handed_over_again() {
	new_test_ext().execute_with(|| {
		run_to_block(3 * SESSION);
		assert_eq!(Session::current_index(), 3);
		assert!(System::events().iter().all(|record| !matches!(
			record.event,
			RuntimeEvent::BttValidators(Event::ValidatorSetQueued { .. })
		)));
		assert_eq!(Session::validators(), vec![1, 2]);
	});
}

#[test]
fn only_the_admin_origin_changes_the_set() {
	new_test_ext().execute_with(|| {
		set_keys(3);
		assert_noop!(
			BttValidators::add_validator(RuntimeOrigin::signed(3), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			BttValidators::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_validator_needs_session_keys_first() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			BttValidators::add_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::NoSessionKeys
		);
	});
}

#[test]
fn a_validator_is_added_once() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			BttValidators::add_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn the_set_is_bounded() {
	new_test_ext().execute_with(|| {
		for who in 3..=5 {
			set_keys(who);
		}
		assert_ok!(BttValidators::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(BttValidators::add_validator(RuntimeOrigin::root(), 4));
		assert_noop!(
			BttValidators::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
		check();
	});
}

#[test]
fn removing_needs_a_validator_and_keeps_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			BttValidators::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::NotValidator
		);
		assert_ok!(BttValidators::remove_validator(RuntimeOrigin::root(), 1));
		assert_noop!(
			BttValidators::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		check();
	});
}

#[test]
fn genesis_may_shorten_sessions() {
	let storage = RuntimeGenesisConfig {
		btt_validators: crate::GenesisConfig { validators: vec![1], session_length: Some(2) },
		session: pallet_session::GenesisConfig {
			keys: vec![(1, 1, keys(1))],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	polkadot_sdk::sp_io::TestExternalities::new(storage).execute_with(|| {
		System::set_block_number(1);
		run_to_block(4);
		assert_eq!(Session::current_index(), 2);
	});
}

#[test]
#[should_panic(expected = "a genesis validator is listed twice")]
fn genesis_refuses_a_validator_twice() {
	let _ = RuntimeGenesisConfig {
		btt_validators: crate::GenesisConfig { validators: vec![1, 1], session_length: None },
		..Default::default()
	}
	.build_storage();
}

#[test]
#[should_panic(expected = "a session must last at least one block")]
fn genesis_refuses_sessions_of_zero_blocks() {
	let _ = RuntimeGenesisConfig {
		btt_validators: crate::GenesisConfig { validators: vec![1], session_length: Some(0) },
		..Default::default()
	}
	.build_storage();
}

// --- The set never drops below `MinValidators` validators with session keys ---------------

fn purge_keys(who: AccountId) {
	assert_ok!(Session::purge_keys(RuntimeOrigin::signed(who)));
	assert!(!BttValidators::has_keys(&who));
}

/// The validators queued for the next session, in order.
fn queued() -> Vec<AccountId> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(who, _)| who).collect()
}

/// Runs to the start of the next session and checks the guarantee: the session now
/// running and the one queued each hold at least `MinValidators` validators, and every
/// queued validator had keys when it was queued (it has them now).
fn next_session() {
	run_to_block((u64::from(Session::current_index()) + 1) * SESSION);
	let min = MinValidators::get() as usize;
	assert!(Session::validators().len() >= min, "current set: {:?}", Session::validators());
	assert!(queued().len() >= min, "queued set: {:?}", queued());
	assert!(queued().iter().all(BttValidators::has_keys), "queued without keys: {:?}", queued());
	check();
}

#[test]
fn purge_then_remove_the_last_validator_with_keys_is_refused() {
	new_test_ext().execute_with(|| {
		// Validator 2 drops its keys: validator 1 is the only one left with keys ...
		purge_keys(2);
		// ... so governance cannot remove it (the set would keep only 2, without keys).
		assert_noop!(
			BttValidators::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewWithKeys
		);
		assert!(!BttValidators::may_purge_keys(&1));

		// At the next session change, 2 is left out of the set handed over.
		next_session();
		System::assert_has_event(
			Event::ValidatorLeftOutForLackOfKeys { who: 2, session_index: 2 }.into(),
		);
		System::assert_has_event(
			Event::ValidatorSetQueued { session_index: 2, validators: 1 }.into(),
		);
		assert_eq!(queued(), vec![1]);
		next_session();
		assert_eq!(Session::validators(), vec![1]);
		assert_eq!(Authorities::get(), vec![100]);

		// Removing 2 (without keys) is fine; 1 stays whatever comes next.
		assert_ok!(BttValidators::remove_validator(RuntimeOrigin::root(), 2));
		assert_noop!(
			BttValidators::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
		next_session();
		next_session();
		assert_eq!(Session::validators(), vec![1]);
		assert_eq!(Authorities::get(), vec![100]);
	});
}

#[test]
fn remove_then_purge_keeps_the_current_validators_until_keys_are_back() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttValidators::remove_validator(RuntimeOrigin::root(), 2));
		// 1 may still purge: the current session's validator 2 has keys to go on with.
		assert!(BttValidators::may_purge_keys(&1));
		purge_keys(1);
		// Now nobody in the set has keys, and 2 is the last with keys of the current session.
		assert!(!BttValidators::may_purge_keys(&2));

		// The next session change hands nothing over: the change is postponed, and the
		// session pallet keeps the current validators that have keys (2).
		next_session();
		System::assert_has_event(
			Event::ValidatorSetKeptForLackOfKeys { session_index: 2, with_keys: 0 }.into(),
		);
		assert!(!System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::BttValidators(Event::ValidatorSetQueued { .. })
		)));
		assert!(SetChanged::<Test>::get());
		assert_eq!(queued(), vec![2]);
		next_session();
		assert_eq!(Session::validators(), vec![2]);
		assert_eq!(Authorities::get(), vec![200]);

		// 1 registers keys again: the postponed change is handed over.
		set_keys(1);
		next_session();
		System::assert_has_event(
			Event::ValidatorSetQueued { session_index: 4, validators: 1 }.into(),
		);
		assert!(!SetChanged::<Test>::get());
		assert_eq!(queued(), vec![1]);
		next_session();
		assert_eq!(Session::validators(), vec![1]);
		assert_eq!(Authorities::get(), vec![100]);
	});
}

#[test]
fn after_a_removal_is_queued_the_last_queued_validator_may_not_purge() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttValidators::remove_validator(RuntimeOrigin::root(), 2));
		next_session();
		// The current set is still {1, 2}, but only 1 is queued: if 1 purged now and the
		// next change were postponed, the session pallet would fall back to the queued set
		// filtered by keys — nobody. So 1 may not purge, though 2 (current) has keys.
		assert_eq!(Session::validators(), vec![1, 2]);
		assert_eq!(queued(), vec![1]);
		assert!(!BttValidators::may_purge_keys(&1));
		// 2, no longer queued, may purge.
		assert!(BttValidators::may_purge_keys(&2));
	});
}

#[test]
fn removal_counts_only_the_remaining_validators_with_keys() {
	new_test_ext().execute_with(|| {
		MinValidators::set(2);
		set_keys(3);
		assert_ok!(BttValidators::add_validator(RuntimeOrigin::root(), 3));
		purge_keys(2);
		// {2, 3} or {1, 2} would keep one validator with keys: refused.
		assert_noop!(
			BttValidators::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewWithKeys
		);
		assert_noop!(
			BttValidators::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::TooFewWithKeys
		);
		// {1, 3} keeps two.
		assert_ok!(BttValidators::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(validators(), vec![1, 3]);
		next_session();
		next_session();
		assert_eq!(Session::validators(), vec![1, 3]);
		assert_eq!(Authorities::get(), vec![100, 300]);
	});
}

#[test]
fn a_validator_left_out_for_lack_of_keys_rejoins_once_it_has_keys() {
	new_test_ext().execute_with(|| {
		set_keys(3);
		assert_ok!(BttValidators::add_validator(RuntimeOrigin::root(), 3));
		purge_keys(3);
		next_session();
		System::assert_has_event(
			Event::ValidatorLeftOutForLackOfKeys { who: 3, session_index: 2 }.into(),
		);
		assert_eq!(queued(), vec![1, 2]);
		next_session();
		assert_eq!(Session::validators(), vec![1, 2]);

		// The set did not change, but 3 has keys again: it is handed over.
		set_keys(3);
		next_session();
		System::assert_has_event(
			Event::ValidatorSetQueued { session_index: 4, validators: 3 }.into(),
		);
		next_session();
		assert_eq!(Session::validators(), vec![1, 2, 3]);
		assert_eq!(Authorities::get(), vec![100, 200, 300]);
		// And nothing more is handed over while nothing changes.
		System::reset_events();
		next_session();
		assert!(System::events()
			.iter()
			.all(|record| !matches!(record.event, RuntimeEvent::BttValidators(_))));
	});
}
