//! Tests of fixed-term staking: stakes, rewards at term boundaries, pool exhaustion, the
//! position bound, free-balance backing (vesting and holds), term bounds, the fee-share
//! accumulator against a brute-force split (earning stops at maturity), the pots keeping
//! their existential deposit, and benefits.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	mock::*, Error, Event, FeeShareAccounted, FeeShareAtMaturity, FreezeReason, HoldReason,
	MaturingStake, Positions, ReservedRewards, StakingBenefits, Term, Terms, Tier,
	TotalActiveStake, TotalStaked,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::fungible::{Inspect, InspectFreeze, InspectHold, Mutate, MutateHold},
		traits::{tokens::Preservation, Hooks},
	},
	frame_system::RawOrigin,
	sp_runtime::{DispatchError, Permill, TokenError},
};

/// The supply rule and every invariant of both pallets hold.
fn check() {
	BttBurn::do_try_state().expect("total_issuance + total_burned == supply");
	BttStaking::do_try_state().expect("staking invariants");
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn frozen(who: AccountId) -> Balance {
	<Balances as InspectFreeze<_>>::balance_frozen(&FreezeReason::Staking.into(), &who)
}

/// What pallet-balances keeps frozen in `who`'s account: the largest of its freezes (and
/// locks), not their sum.
fn account_frozen(who: AccountId) -> Balance {
	System::account(who).data.frozen
}

/// A transfer as a user makes it.
fn send(
	from: AccountId,
	to: AccountId,
	amount: Balance,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Balances::transfer_allow_death(signed(from), to, amount)
}

fn reward_hold() -> Balance {
	<Balances as InspectHold<_>>::balance_on_hold(
		&HoldReason::StakingReward.into(),
		&COMMUNITY_POOL,
	)
}

fn term(tier: Tier) -> Term<Balance> {
	Terms::<Test>::get(tier).unwrap()
}

/// Moves the chain to `block`, running the staking hook at every block on the way, as
/// block production does.
fn go_to(block: u64) {
	let mut now = System::block_number();
	while now < block {
		now += 1;
		System::set_block_number(now);
		BttStaking::on_initialize(now);
	}
}

/// Fee income reaching the stakers' pot (the fee handler would send it there).
fn fee_income(amount: Balance) {
	assert_ok!(<Balances as Mutate<_>>::transfer(
		&ECOSYSTEM_FUND,
		&STAKERS_POT,
		amount,
		Preservation::Expendable
	));
}

mod active_stake;
mod benefits;
mod fee_share;
mod stakes;
mod terms;
mod vesting_cover;
mod views;
