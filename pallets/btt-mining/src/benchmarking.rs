//! Benchmarks of the mining pallet (FRAME benchmarking v2), each in its worst case. The
//! providers' stake requirement is set to zero so that any account can be a provider; the
//! staking lookup is still made and measured.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, Hooks,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use pallet_btt_staking::Tier;
use polkadot_sdk::{
	frame_benchmarking,
	sp_runtime::{
		traits::{One, Saturating, StaticLookup, Zero},
		Permill,
	},
};

/// Era `0` of `blocks` blocks, no stake needed, `oracle` authorised.
fn setup<T: Config>() -> T::AccountId {
	EraLength::<T>::put(BlockNumberFor::<T>::from(10u32));
	NextEraStart::<T>::put(BlockNumberFor::<T>::from(10u32));
	CurrentEra::<T>::put(0);
	MinProviderStake::<T>::put(BalanceOf::<T>::zero());
	let oracle: T::AccountId = account("oracle", 0, 0);
	Oracles::<T>::insert(&oracle, ());
	oracle
}

/// A registered provider in `region`.
fn provider<T: Config>(index: u32, region: RegionCode) -> T::AccountId {
	let who: T::AccountId = account("provider", index, 0);
	Providers::<T>::insert(
		&who,
		ProviderInfo {
			region,
			capacity: BoundedVec::truncate_from(
				alloc::vec![0u8; T::MaxCapacityLen::get() as usize],
			),
			registered_at: Zero::zero(),
		},
	);
	who
}

/// A consumer with funds for jobs.
fn consumer<T: Config>() -> (T::AccountId, BalanceOf<T>) {
	let who: T::AccountId = whitelisted_caller();
	let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
	let _ = T::Currency::mint_into(&who, amount.saturating_mul(1_000u32.into()));
	(who, amount)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		setup::<T>();
		let who: T::AccountId = whitelisted_caller();
		let capacity = alloc::vec![7u8; T::MaxCapacityLen::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 156, capacity);

		assert!(Providers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn deregister() {
		setup::<T>();
		let who = provider::<T>(0, 156);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Providers::<T>::contains_key(&who));
	}

	/// A job for a provider in a region new to the era.
	#[benchmark]
	fn pay_for_job() {
		setup::<T>();
		let provider = provider::<T>(0, 156);
		let (consumer, amount) = consumer::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(consumer), T::Lookup::unlookup(provider.clone()), amount);

		assert!(Contributions::<T>::contains_key(0, &provider));
	}

	#[benchmark]
	fn report() {
		let oracle = setup::<T>();
		let provider = provider::<T>(0, 156);
		let (consumer, amount) = consumer::<T>();
		let _ = Pallet::<T>::pay_for_job(
			RawOrigin::Signed(consumer).into(),
			T::Lookup::unlookup(provider.clone()),
			amount,
		);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(oracle),
			T::Lookup::unlookup(provider.clone()),
			Permill::from_percent(99),
			250,
			Permill::from_percent(70),
		);

		assert!(Contributions::<T>::get(0, &provider).is_some_and(|c| !c.qos.is_zero()));
	}

	/// The era's first claim, which reads each of the era's `r` regions.
	#[benchmark]
	fn claim(r: Linear<1, { T::MaxRegionsPerEra::get() }>) {
		let oracle = setup::<T>();
		let (consumer, amount) = consumer::<T>();
		let mut providers = alloc::vec::Vec::new();
		for index in 0..r {
			let region = u16::try_from(index.saturating_add(1)).unwrap_or(u16::MAX);
			let who = provider::<T>(index, region);
			let _ = Pallet::<T>::pay_for_job(
				RawOrigin::Signed(consumer.clone()).into(),
				T::Lookup::unlookup(who.clone()),
				amount,
			);
			let _ = Pallet::<T>::report(
				RawOrigin::Signed(oracle.clone()).into(),
				T::Lookup::unlookup(who.clone()),
				Permill::from_percent(99),
				50,
				Permill::from_percent(90),
			);
			providers.push(who);
		}
		let _ = T::Currency::mint_into(&T::MiningPool::get(), Pallet::<T>::era_budget(0));
		CurrentEra::<T>::put(1);
		let claimant = providers[0].clone();
		let before = T::Currency::balance(&claimant);

		#[extrinsic_call]
		_(RawOrigin::Signed(claimant.clone()), 0);

		assert!(T::Currency::balance(&claimant) > before);
	}

	#[benchmark]
	fn add_oracle() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let oracle: T::AccountId = account("new-oracle", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(oracle.clone()));

		assert!(Oracles::<T>::contains_key(&oracle));
		Ok(())
	}

	#[benchmark]
	fn remove_oracle() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let oracle = setup::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(oracle.clone()));

		assert!(!Oracles::<T>::contains_key(&oracle));
		Ok(())
	}

	#[benchmark]
	fn set_factors() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FactorConfig::default());

		Ok(())
	}

	#[benchmark]
	fn set_provider_stake() -> Result<(), BenchmarkError> {
		// Any non-zero amount (zero is refused): the call's cost does not depend on it.
		let amount = T::Currency::minimum_balance().max(One::one());
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Tier::Days180, amount);

		assert_eq!(MinProviderTier::<T>::get(), Tier::Days180);
		Ok(())
	}

	#[benchmark]
	fn set_era_length() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BlockNumberFor::<T>::from(20u32));

		assert_eq!(EraLength::<T>::get(), BlockNumberFor::<T>::from(20u32));
		Ok(())
	}

	/// A block inside an era.
	#[benchmark]
	fn on_initialize_idle() {
		setup::<T>();
		let now = BlockNumberFor::<T>::from(5u32);

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(CurrentEra::<T>::get(), 0);
	}

	/// The block that starts an era, with `p` providers registered: its cost must not
	/// depend on `p`.
	#[benchmark]
	fn on_initialize_new_era(p: Linear<10, 10_000>) {
		setup::<T>();
		for index in 0..p {
			provider::<T>(index, 156);
		}
		let now = NextEraStart::<T>::get();

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(CurrentEra::<T>::get(), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
