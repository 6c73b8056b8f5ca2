//! Benchmarks of the staking pallet (FRAME benchmarking v2). Every call is measured in its
//! worst case: the account holds `MaxPositions` positions (one fewer for `stake`), fee
//! income is waiting to be settled among another staker's active stake, and the maturity
//! books are read and written (a closed position is the last of its maturity, a claim reads
//! the maturity record of every position).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get, Hooks,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use polkadot_sdk::{
	frame_benchmarking,
	sp_runtime::{
		traits::{One, Saturating, StaticLookup},
		Permill,
	},
};

/// Cheap terms whose minimum any benchmark account can stake: a week for the shortest tier,
/// a day more for each longer one.
fn set_terms<T: Config>() {
	for (days, tier) in (MIN_TERM_DAYS..).zip(Tier::ALL) {
		Terms::<T>::insert(tier, bench_term::<T>(days));
	}
}

fn bench_term<T: Config>(days: u32) -> Term<BalanceOf<T>> {
	Term {
		days,
		apy: Permill::from_percent(18),
		minimum: T::Currency::minimum_balance(),
		reward_burn: Permill::from_percent(20),
	}
}

/// The amount each benchmark stake has.
fn amount<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000u32.into())
}

/// Funds `who` for a hundred stakes.
fn fund<T: Config>(who: &T::AccountId) {
	let _ = T::Currency::mint_into(who, amount::<T>().saturating_mul(100u32.into()));
}

/// Sends fee income to the stakers' pot.
fn income<T: Config>() {
	let _ = T::Currency::mint_into(&T::FeeSharePot::get(), amount::<T>());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

fn next_block<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(now::<T>().saturating_add(One::one()));
}

fn stake_as<T: Config>(who: &T::AccountId, tier: Tier) {
	let _ = Pallet::<T>::stake(RawOrigin::Signed(who.clone()).into(), tier, amount::<T>());
}

/// Moves to `target`, running the hook at every maturity block on the way (the blocks in
/// between have nothing to do).
fn run_to<T: Config>(target: BlockNumberFor<T>) {
	let mut maturities: alloc::vec::Vec<_> =
		MaturingStake::<T>::iter_keys().filter(|b| *b > now::<T>() && *b <= target).collect();
	maturities.sort();
	for block in maturities {
		frame_system::Pallet::<T>::set_block_number(block);
		Pallet::<T>::on_initialize(block);
	}
	frame_system::Pallet::<T>::set_block_number(target);
}

/// The terms, a funded community pool, and another staker whose long stake stays active.
fn setup<T: Config>() {
	set_terms::<T>();
	let _ =
		T::Currency::mint_into(&T::RewardPool::get(), amount::<T>().saturating_mul(200u32.into()));
	let other: T::AccountId = account("other", 0, 0);
	fund::<T>(&other);
	stake_as::<T>(&other, Tier::Days1095);
}

/// The benchmarked staker with `positions` shortest-tier positions, each made one block
/// after the other (a maturity of its own each), fee income shared while they were active,
/// and returns the staker and the block at which the last one matures.
fn staker_with<T: Config>(positions: u32) -> (T::AccountId, BlockNumberFor<T>) {
	let staker: T::AccountId = whitelisted_caller();
	fund::<T>(&staker);
	for _ in 0..positions {
		next_block::<T>();
		stake_as::<T>(&staker, Tier::Days30);
	}
	income::<T>();
	let last = Positions::<T>::get(&staker)
		.and_then(|ps| ps.iter().map(|p| p.maturity).max())
		.unwrap_or_else(now::<T>);
	(staker, last)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn stake() {
		setup::<T>();
		let staker: T::AccountId = whitelisted_caller();
		fund::<T>(&staker);
		// Positions made in this block: the new one adds to an existing maturity entry.
		for _ in 0..T::MaxPositions::get().saturating_sub(1) {
			stake_as::<T>(&staker, Tier::Days1095);
		}
		income::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), Tier::Days1095, amount::<T>());

		assert_eq!(Positions::<T>::decode_len(&staker), Some(T::MaxPositions::get() as usize));
	}

	#[benchmark]
	fn close() {
		setup::<T>();
		let (staker, last_maturity) = staker_with::<T>(T::MaxPositions::get());
		run_to::<T>(last_maturity);
		income::<T>();
		let caller: T::AccountId = account("closer", 0, 0);
		let last = NextPositionId::<T>::get().saturating_sub(1);
		assert!(FeeShareAtMaturity::<T>::contains_key(last_maturity));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(staker.clone()), last);

		assert_eq!(
			Positions::<T>::decode_len(&staker),
			Some(T::MaxPositions::get().saturating_sub(1) as usize)
		);
		assert!(!MaturingStake::<T>::contains_key(last_maturity));
	}

	#[benchmark]
	fn claim_fee_share(p: Linear<1, { T::MaxPositions::get() }>) {
		setup::<T>();
		let (staker, last_maturity) = staker_with::<T>(p);
		run_to::<T>(last_maturity);
		income::<T>();
		let before = T::Currency::balance(&staker);

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()));

		assert!(T::Currency::balance(&staker) > before);
	}

	#[benchmark]
	fn set_term() -> Result<(), BenchmarkError> {
		set_terms::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// Between its neighbours (7 and 9 days): every other tier is read.
		let term = bench_term::<T>(MIN_TERM_DAYS.saturating_add(1));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Tier::Days90, term);

		assert_eq!(Terms::<T>::get(Tier::Days90), Some(term));
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() {
		let block = now::<T>().saturating_add(One::one());
		frame_system::Pallet::<T>::set_block_number(block);

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}

		assert!(!FeeShareAtMaturity::<T>::contains_key(block));
	}

	#[benchmark]
	fn on_initialize_maturity() {
		setup::<T>();
		let (_, maturity) = staker_with::<T>(1);
		frame_system::Pallet::<T>::set_block_number(maturity);

		#[block]
		{
			Pallet::<T>::on_initialize(maturity);
		}

		assert!(FeeShareAtMaturity::<T>::contains_key(maturity));
	}

	/// The vesting hook's refresh of a staker with `MaxPositions` positions: the positions
	/// summed, the vesting freeze read, the staking freeze set.
	#[benchmark]
	fn refresh_freeze() {
		setup::<T>();
		let (staker, _) = staker_with::<T>(T::MaxPositions::get());

		#[block]
		{
			Pallet::<T>::refresh_freeze(&staker);
		}

		assert!(Positions::<T>::get(&staker).is_some());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
