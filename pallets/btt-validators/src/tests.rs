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
