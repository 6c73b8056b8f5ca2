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
		FixedU128, Permill,
	},
};

/// The `index`th benchmark oracle.
fn oracle<T: Config>(index: u32) -> T::AccountId {
	account("oracle", index, 0)
}

/// A block early in era 0 (block 1, or 0 on a one-block day), no stake needed,
/// `MaxOracles` oracles authorised, regions 1 to `MaxRegionsPerEra` and 156 listed.
fn setup<T: Config>() {
	let block = if T::Day::get() > One::one() { One::one() } else { Zero::zero() };
	frame_system::Pallet::<T>::set_block_number(block);
	MinProviderStake::<T>::put(BalanceOf::<T>::zero());
	for index in 0..T::MaxOracles::get() {
		Oracles::<T>::insert(oracle::<T>(index), ());
	}
	Regions::<T>::insert(156, ());
	for code in 1..=T::MaxRegionsPerEra::get() {
		Regions::<T>::insert(region(code), ());
	}
}

/// A listed region code for a number.
fn region(code: u32) -> RegionCode {
	RegionCode::try_from(code.min(u32::from(MAX_REGION_CODE))).unwrap_or(MAX_REGION_CODE)
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

/// A verified consumer with funds for jobs: the amount of one job, its allowance a thousand
/// jobs.
fn consumer<T: Config>() -> (T::AccountId, BalanceOf<T>) {
	let who: T::AccountId = whitelisted_caller();
	let amount = T::Currency::minimum_balance().max(One::one()).saturating_mul(1_000u32.into());
	let _ = T::Currency::mint_into(&who, amount.saturating_mul(1_000u32.into()));
	ConsumerAllowances::<T>::insert(&who, amount.saturating_mul(1_000u32.into()));
	(who, amount)
}

/// Reports on `provider` in the current era by the first `count` oracles.
fn reports<T: Config>(provider: &T::AccountId, count: u32) {
	let factor = FixedU128::from_rational(5, 4);
	let list: alloc::vec::Vec<OracleReport<T::AccountId>> = (0..count)
		.map(|index| OracleReport { oracle: oracle::<T>(index), qos: factor, energy: factor })
		.collect();
	Reports::<T>::insert(Pallet::<T>::current_era(), provider, BoundedVec::truncate_from(list));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A provider with the most staking positions an account may hold: the stake check
	/// reads them all.
	#[benchmark]
	fn register() {
		setup::<T>();
		let who: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::stake_max_positions(&who);
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

	/// A verified consumer's first job for a provider in the era, in a region new to the
	/// era, with `MaxOracles` reports in (the quorum met: the medians are computed and the
	/// region's and the era's compute move). Provider and consumer each hold the most
	/// staking positions an account may: the provider's stake check and the consumer's
	/// compute-priority check read them all.
	#[benchmark]
	fn pay_for_job() {
		setup::<T>();
		let provider = provider::<T>(0, 156);
		T::BenchmarkHelper::stake_max_positions(&provider);
		reports::<T>(&provider, T::MaxOracles::get());
		let (consumer, amount) = consumer::<T>();
		T::BenchmarkHelper::stake_max_positions(&consumer);
		let era = Pallet::<T>::current_era();

		#[extrinsic_call]
		_(RawOrigin::Signed(consumer), T::Lookup::unlookup(provider.clone()), amount);

		assert!(Contributions::<T>::get(era, &provider).is_some_and(|c| c.weighted > 0));
	}

	/// The last of `MaxOracles` oracles reports on a provider with compute in the era, with
	/// a quorum of `MaxOracles`: this report brings it to the quorum (medians of
	/// `MaxOracles` values; the region's and the era's totals move).
	#[benchmark]
	fn report() {
		setup::<T>();
		let max = T::MaxOracles::get();
		MinOracleReports::<T>::put(max);
		let provider = provider::<T>(0, 156);
		reports::<T>(&provider, max.saturating_sub(1));
		let (consumer, amount) = consumer::<T>();
		let _ = Pallet::<T>::pay_for_job(
			RawOrigin::Signed(consumer).into(),
			T::Lookup::unlookup(provider.clone()),
			amount,
		);
		let era = Pallet::<T>::current_era();
		let last = oracle::<T>(max.saturating_sub(1));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(last),
			T::Lookup::unlookup(provider.clone()),
			Permill::from_percent(99),
			250,
			Permill::from_percent(70),
		);

		assert!(Contributions::<T>::get(era, &provider).is_some_and(|c| !c.qos.is_zero()));
	}

	/// The era's first claim, which reads each of the era's `r` regions.
	#[benchmark]
	fn claim(r: Linear<1, { T::MaxRegionsPerEra::get() }>) {
		setup::<T>();
		MinOracleReports::<T>::put(1);
		let (consumer, amount) = consumer::<T>();
		let era = Pallet::<T>::current_era();
		let mut providers = alloc::vec::Vec::new();
		for index in 0..r {
			let who = provider::<T>(index, region(index.saturating_add(1)));
			reports::<T>(&who, 1);
			let _ = Pallet::<T>::pay_for_job(
				RawOrigin::Signed(consumer.clone()).into(),
				T::Lookup::unlookup(who.clone()),
				amount,
			);
			providers.push(who);
		}
		let _ = T::Currency::mint_into(&T::MiningPool::get(), Pallet::<T>::era_budget(era));
		let next = T::Day::get().saturating_mul(BlockNumberFor::<T>::from(era.saturating_add(1)));
		frame_system::Pallet::<T>::set_block_number(next);
		let claimant = providers[0].clone();
		let before = T::Currency::balance(&claimant);

		#[extrinsic_call]
		_(RawOrigin::Signed(claimant.clone()), era);

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
		setup::<T>();
		let oracle = oracle::<T>(0);

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

	/// A grant: the provider and oracle checks, then the write.
	#[benchmark]
	fn set_consumer_allowance() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let consumer: T::AccountId = account("hospital", 0, 0);
		let allowance = T::Currency::minimum_balance().max(One::one());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(consumer.clone()), allowance);

		assert_eq!(ConsumerAllowances::<T>::get(&consumer), Some(allowance));
		Ok(())
	}

	#[benchmark]
	fn add_region() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Regions::<T>::remove(MAX_REGION_CODE);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MAX_REGION_CODE);

		assert!(Regions::<T>::contains_key(MAX_REGION_CODE));
		Ok(())
	}

	#[benchmark]
	fn remove_region() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Regions::<T>::insert(MAX_REGION_CODE, ());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MAX_REGION_CODE);

		assert!(!Regions::<T>::contains_key(MAX_REGION_CODE));
		Ok(())
	}

	/// A block inside an era with nothing to prune.
	#[benchmark]
	fn on_initialize_idle() {
		setup::<T>();
		let now = T::Day::get().saturating_add(One::one());

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(Pruning::<T>::get(), PruneState::default());
	}

	/// The block that starts an era, with `p` providers registered: its cost must not
	/// depend on `p`.
	#[benchmark]
	fn on_initialize_new_era(p: Linear<10, 10_000>) {
		setup::<T>();
		for index in 0..p {
			provider::<T>(index, 156);
		}
		let now = T::Day::get();

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(Pallet::<T>::era_of(now), 1);
	}

	/// A block that prunes `k` keys of an expired era (the contributions of `k` providers).
	#[benchmark]
	fn on_initialize_prune(k: Linear<1, { T::PruneLimit::get() }>) {
		setup::<T>();
		let one = FixedU128::one();
		for index in 0..k {
			let who: T::AccountId = account("provider", index, 0);
			Contributions::<T>::insert(
				0,
				who,
				Contribution { region: 156, compute: 1, qos: one, energy: one, weighted: 1 },
			);
		}
		// A block inside the first era in which era 0 has expired.
		let expired = T::ClaimWindow::get().saturating_add(1);
		let now = T::Day::get()
			.saturating_mul(BlockNumberFor::<T>::from(expired))
			.saturating_add(One::one());

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_ne!(Pruning::<T>::get(), PruneState::default());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
