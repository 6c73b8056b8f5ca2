//! `set_term`: governance changes a tier within its bounds; open positions keep theirs.

use super::*;

#[test]
fn governance_changes_terms_for_new_stakes_only() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days365, 50_000 * UNIT));
		let new = Term {
			days: 400,
			apy: Permill::from_percent(10),
			minimum: 60_000 * UNIT,
			reward_burn: Permill::from_percent(50),
		};
		assert_ok!(BttStaking::set_term(RawOrigin::Root.into(), Tier::Days365, new));
		System::assert_last_event(Event::TermSet { tier: Tier::Days365, term: new }.into());
		assert_noop!(
			BttStaking::stake(signed(BOB), Tier::Days365, 50_000 * UNIT),
			Error::<Test>::BelowMinimum
		);
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days365, 60_000 * UNIT));
		let bob = &Positions::<Test>::get(BOB).unwrap()[0];
		assert_eq!((bob.maturity, bob.reward_burn), (1 + 400 * DAY, Permill::from_percent(50)));
		// Alice keeps her 12% over 365 days with a 10% burn.
		let alice = &Positions::<Test>::get(ALICE).unwrap()[0];
		assert_eq!(alice.reward, 6_000 * UNIT);
		assert_eq!((alice.maturity, alice.reward_burn), (1 + 365 * DAY, Permill::from_percent(10)));
		check();
	});
}

/// A `Permill` above 100%: SCALE decoding refuses one, but a genesis file (serde) can
/// carry it, so the check is real.
fn permill_above_one() -> Permill {
	use serde::{
		de::{value::Error, IntoDeserializer, Visitor},
		Deserialize, Deserializer,
	};
	struct Parts(u32);
	impl<'de> Deserializer<'de> for Parts {
		type Error = Error;
		fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
			visitor.visit_u32(self.0)
		}
		fn deserialize_newtype_struct<V: Visitor<'de>>(
			self,
			_: &'static str,
			visitor: V,
		) -> Result<V::Value, Error> {
			visitor.visit_newtype_struct(self.0.into_deserializer())
		}
		serde::forward_to_deserialize_any! {
			bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
			byte_buf option unit unit_struct seq tuple tuple_struct map struct enum
			identifier ignored_any
		}
	}
	let above = Permill::deserialize(Parts(1_000_001)).unwrap();
	assert!(above > Permill::one());
	above
}

#[test]
fn terms_stay_within_their_bounds() {
	new_test_ext().execute_with(|| {
		let set = |tier, term| BttStaking::set_term(RawOrigin::Root.into(), tier, term);
		let with = |tier, f: &dyn Fn(&mut Term<Balance>)| {
			let mut t = term(tier);
			f(&mut t);
			t
		};
		// At least a week.
		assert_noop!(
			set(Tier::Days30, with(Tier::Days30, &|t| t.days = 6)),
			Error::<Test>::TermTooShort
		);
		assert_noop!(
			set(Tier::Days30, with(Tier::Days30, &|t| t.days = 0)),
			Error::<Test>::TermTooShort
		);
		// Strictly between the neighbouring tiers' current days (90 and 365 around 180).
		for days in [90, 89, 365, 400] {
			assert_noop!(
				set(Tier::Days180, with(Tier::Days180, &|t| t.days = days)),
				Error::<Test>::TermsNotIncreasing
			);
		}
		assert_noop!(
			set(Tier::Days30, with(Tier::Days30, &|t| t.days = 90)),
			Error::<Test>::TermsNotIncreasing
		);
		assert_noop!(
			set(Tier::Days1095, with(Tier::Days1095, &|t| t.days = 365)),
			Error::<Test>::TermsNotIncreasing
		);
		// At most 30% a year.
		assert_noop!(
			set(Tier::Days1095, with(Tier::Days1095, &|t| t.apy = Permill::from_parts(300_001))),
			Error::<Test>::ApyTooHigh
		);
		// A minimum above zero.
		assert_noop!(
			set(Tier::Days30, with(Tier::Days30, &|t| t.minimum = 0)),
			Error::<Test>::ZeroMinimum
		);
		// At most the whole reward burned.
		assert_noop!(
			set(Tier::Days365, with(Tier::Days365, &|t| t.reward_burn = permill_above_one())),
			Error::<Test>::RewardBurnTooHigh
		);
		assert_noop!(
			BttStaking::set_term(signed(ALICE), Tier::Days30, term(Tier::Days30)),
			DispatchError::BadOrigin
		);
		// The bounds themselves are allowed.
		assert_ok!(set(Tier::Days30, with(Tier::Days30, &|t| t.days = 7)));
		assert_ok!(set(Tier::Days90, with(Tier::Days90, &|t| t.days = 8)));
		assert_ok!(set(Tier::Days180, with(Tier::Days180, &|t| t.days = 364)));
		assert_ok!(set(
			Tier::Days1095,
			with(Tier::Days1095, &|t| {
				t.apy = Permill::from_percent(30);
				t.reward_burn = Permill::one();
			})
		));
		check();
	});
}

#[test]
fn a_tier_without_terms_is_skipped_by_the_order_check() {
	new_test_ext_with(terms().into_iter().filter(|(t, _)| *t != Tier::Days90).collect())
		.execute_with(|| {
			let mut t = term(Tier::Days180);
			t.days = 31;
			assert_ok!(BttStaking::set_term(RawOrigin::Root.into(), Tier::Days90, t));
			t.days = 30;
			assert_noop!(
				BttStaking::set_term(RawOrigin::Root.into(), Tier::Days90, t),
				Error::<Test>::TermsNotIncreasing
			);
		});
}

#[test]
#[should_panic(expected = "invalid term")]
fn genesis_refuses_an_invalid_term() {
	let mut terms = terms();
	terms[0].1.days = 0;
	let _ = new_test_ext_with(terms);
}

#[test]
#[should_panic(expected = "invalid term (TermsNotIncreasing)")]
fn genesis_refuses_terms_that_do_not_lengthen() {
	let mut terms = terms();
	terms[1].1.days = 30;
	let _ = new_test_ext_with(terms);
}

#[test]
#[should_panic(expected = "invalid term (ApyTooHigh)")]
fn genesis_refuses_an_apy_above_the_bound() {
	let mut terms = terms();
	terms[4].1.apy = Permill::from_percent(31);
	let _ = new_test_ext_with(terms);
}
