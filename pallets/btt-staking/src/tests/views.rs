//! The views wallets and services read: each shows what the calls then do.

use super::*;
use crate::Benefits;

#[test]
fn a_quote_is_what_stake_makes_and_close_pays() {
	new_test_ext().execute_with(|| {
		let amount = 60_000 * UNIT;
		let quote = BttStaking::quote(&ALICE, Tier::Days365, amount).unwrap();
		// 12% for a year; 10% of it burned at payout; made in the next block (2).
		assert_eq!(quote.reward, 7_200 * UNIT);
		assert_eq!(quote.reward_burned, 720 * UNIT);
		assert_eq!(quote.reward_paid, 6_480 * UNIT);
		assert_eq!(quote.maturity, 2 + 365 * DAY);
		assert_eq!(quote.term, term(Tier::Days365));
		let boosted = Benefits {
			compute_priority: true,
			fee_discount: FeeDiscount::get(),
			governance_boost: true,
			special_access: false,
		};
		assert_eq!(quote.benefits, boosted);

		System::set_block_number(2);
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days365, amount));
		let view = BttStaking::staker_view(&ALICE);
		assert_eq!((view.tier, view.benefits, view.staked), (Some(Tier::Days365), boosted, amount));
		let position = view.positions[0].clone();
		assert_eq!(
			(position.principal, position.reward, position.reward_burned, position.reward_paid),
			(amount, quote.reward, quote.reward_burned, quote.reward_paid)
		);
		assert_eq!(
			(position.start, position.maturity, position.matured),
			(2, quote.maturity, false)
		);
		assert_eq!(BttStaking::staker_view(&BOB).positions, vec![]);

		go_to(quote.maturity);
		let view = BttStaking::staker_view(&ALICE);
		assert!(view.positions[0].matured);
		// A matured stake gives no benefit any more; its principal stays staked until closed.
		assert_eq!((view.tier, view.benefits, view.staked), (None, Benefits::default(), amount));
		assert_ok!(BttStaking::close(signed(BOB), ALICE, position.id));
		System::assert_last_event(
			Event::Closed {
				who: ALICE,
				id: position.id,
				principal: amount,
				reward_paid: quote.reward_paid,
				reward_burned: quote.reward_burned,
				fee_share: 0,
			}
			.into(),
		);
		check();
	});
}

#[test]
fn the_view_shows_the_fee_share_that_claim_fee_share_pays() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 30_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days90, 10_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 40_000 * UNIT));
		fee_income(800 * UNIT);
		let view = BttStaking::staker_view(&ALICE);
		// Half the active stake is Alice's: half the income, split by principal.
		assert_eq!(view.pending_fee_share, 400 * UNIT);
		assert_eq!(
			view.positions.iter().map(|p| p.fee_share).collect::<Vec<_>>(),
			vec![300 * UNIT, 100 * UNIT]
		);
		assert_eq!(view.pending_fee_share, BttStaking::pending_fee_share(&ALICE));
		assert_eq!((view.tier, view.benefits.compute_priority), (Some(Tier::Days90), true));
		assert_eq!(view.benefits.fee_discount, Permill::zero());
		assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
		System::assert_last_event(Event::FeeSharePaid { who: ALICE, amount: 400 * UNIT }.into());
		assert_eq!(BttStaking::staker_view(&ALICE).pending_fee_share, 0);
		check();
	});
}

#[test]
fn a_quote_refuses_what_stake_refuses_with_the_same_error() {
	let refused = |who: AccountId, tier: Tier, amount: Balance, error: Error<Test>| {
		let error: DispatchError = error.into();
		assert_eq!(BttStaking::quote(&who, tier, amount), Err(error));
		assert_noop!(BttStaking::stake(signed(who), tier, amount), error);
	};
	new_test_ext().execute_with(|| {
		refused(ALICE, Tier::Days30, 999 * UNIT, Error::<Test>::BelowMinimum);
		refused(CHARLIE, Tier::Days30, 2_001 * UNIT, Error::<Test>::InsufficientBalance);
		set_vesting_frozen(BOB, 195_000 * UNIT);
		refused(BOB, Tier::Days30, 10_000 * UNIT, Error::<Test>::StakeNotFree);
		for _ in 0..MAX_POSITIONS {
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
		}
		refused(ALICE, Tier::Days30, 1_000 * UNIT, Error::<Test>::TooManyPositions);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&COMMUNITY_POOL,
			&ECOSYSTEM_FUND,
			990_000 * UNIT,
			Preservation::Expendable
		));
		refused(CHARLIE, Tier::Days1095, 100_000 * UNIT, Error::<Test>::InsufficientBalance);
		refused(BOB, Tier::Days1095, 100_000 * UNIT, Error::<Test>::StakeNotFree);
		set_vesting_frozen(BOB, 0);
		refused(BOB, Tier::Days1095, 100_000 * UNIT, Error::<Test>::PoolCannotCover);
		check();
	});
	let without_longest: Vec<_> =
		terms().into_iter().filter(|(tier, _)| *tier != Tier::Days1095).collect();
	new_test_ext_with(without_longest).execute_with(|| {
		refused(ALICE, Tier::Days1095, 100_000 * UNIT, Error::<Test>::UnknownTier);
		assert_eq!(BttStaking::terms().len(), 4);
	});
}

#[test]
fn the_terms_view_lists_each_tier_shortest_first() {
	new_test_ext().execute_with(|| {
		assert_eq!(BttStaking::terms(), terms());
	});
}

#[test]
fn benefits_follow_the_highest_unmatured_tier() {
	assert_eq!(Benefits::of(None, FeeDiscount::get()), Benefits::default());
	assert_eq!(
		Benefits::of(Some(Tier::Days1095), FeeDiscount::get()),
		Benefits {
			compute_priority: true,
			fee_discount: FeeDiscount::get(),
			governance_boost: true,
			special_access: true,
		}
	);
	assert_eq!(Benefits::of(Some(Tier::Days30), FeeDiscount::get()), Benefits::default());
}
