//! The fee split and the category rates are stored values from genesis on: a change of the
//! code's defaults in a runtime upgrade cannot change them behind governance's back.

use super::*;
use crate::{migrations::v1::MigrateV0ToV1, Pallet};
use polkadot_sdk::frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn genesis_stores_the_split_and_every_categorys_rate() {
	new_test_ext().execute_with(|| {
		assert!(FeeSplitConfig::<Test>::exists());
		assert_eq!(FeeSplitConfig::<Test>::get(), FeeSplit::default());
		// The mock names AssetTokenization's rate; the other two get the paper's.
		assert_eq!(
			CategoryRates::<Test>::get(FeeCategory::AssetTokenization),
			Some(Permill::from_percent(4))
		);
		assert_eq!(
			CategoryRates::<Test>::get(FeeCategory::ComputeTrade),
			Some(Permill::from_percent(2))
		);
		assert_eq!(
			CategoryRates::<Test>::get(FeeCategory::PayFiSettlement),
			Some(Permill::from_parts(5_000))
		);
		check();
	});
}

fn genesis_with(config: crate::GenesisConfig<Test>) -> Result<(), String> {
	RuntimeGenesisConfig { btt_burn: config, ..Default::default() }.build_storage().map(|_| ())
}

#[test]
#[should_panic(expected = "is not whole")]
fn genesis_refuses_a_split_that_is_not_whole() {
	let mut fee_split = FeeSplit::default();
	fee_split.author = Permill::from_percent(11);
	let _ = genesis_with(crate::GenesisConfig { fee_split, ..Default::default() });
}

#[test]
#[should_panic(expected = "is named twice")]
fn genesis_refuses_a_category_named_twice() {
	let rate = Permill::from_percent(2);
	let _ = genesis_with(crate::GenesisConfig {
		category_rates: vec![(FeeCategory::ComputeTrade, rate), (FeeCategory::ComputeTrade, rate)],
		..Default::default()
	});
}

#[test]
#[should_panic(expected = "outside")]
fn genesis_refuses_a_rate_outside_its_range() {
	let _ = genesis_with(crate::GenesisConfig {
		category_rates: vec![(FeeCategory::PayFiSettlement, Permill::from_percent(2))],
		..Default::default()
	});
}

/// A chain at version 0 with nothing stored: the migration writes what the chain
/// charged, and what governance had set stays as set.
#[test]
fn v0_to_v1_stores_the_values_in_effect_and_keeps_governances() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(0).put::<Pallet<Test>>();
		FeeSplitConfig::<Test>::kill();
		CategoryRates::<Test>::remove(FeeCategory::ComputeTrade);
		CategoryRates::<Test>::remove(FeeCategory::PayFiSettlement);
		// Governance had set AssetTokenization to 4% (the mock's genesis).
		assert!(BttBurn::do_try_state().is_err(), "version 0 stores too little");

		MigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		assert_eq!(FeeSplitConfig::<Test>::get(), FeeSplit::default());
		assert!(FeeSplitConfig::<Test>::exists());
		assert_eq!(
			CategoryRates::<Test>::get(FeeCategory::ComputeTrade),
			Some(Permill::from_percent(2))
		);
		assert_eq!(
			CategoryRates::<Test>::get(FeeCategory::AssetTokenization),
			Some(Permill::from_percent(4)),
			"governance's rate is kept"
		);
		check();
	});
}

/// A live chain's values are whatever governance set; an upgrade (the migration on a
/// version-1 chain, or any later code default) leaves them alone.
#[test]
fn an_upgrade_leaves_stored_values_alone() {
	new_test_ext().execute_with(|| {
		let split = FeeSplit {
			development: Permill::from_percent(50),
			stakers: Permill::from_percent(25),
			burn: Permill::from_percent(15),
			author: Permill::from_percent(10),
		};
		assert_ok!(BttBurn::set_fee_split(RawOrigin::Root.into(), split.clone()));
		assert_ok!(BttBurn::set_category_rate(
			RawOrigin::Root.into(),
			FeeCategory::ComputeTrade,
			Permill::from_percent(3)
		));

		MigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert_eq!(FeeSplitConfig::<Test>::get(), split);
		assert_eq!(
			Pallet::<Test>::category_rate(FeeCategory::ComputeTrade),
			Permill::from_percent(3)
		);
		check();
	});
}
