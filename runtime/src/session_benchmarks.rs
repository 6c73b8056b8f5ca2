//! Benchmarks of pallet-session's two calls, `set_keys` and `purge_keys`, in this runtime.
//!
//! pallet-session's own benchmarks (`pallet-session-benchmarking`) make their validator
//! through `pallet_staking`, which this chain does not have (btt-validators and governance
//! decide the set), so the runtime measures the calls itself. The case measured is a
//! validator's first `set_keys`: it takes the key deposit (a hold and a consumer
//! reference) and claims both key owners, the most storage the call touches; `purge_keys`
//! then releases all of it.
//!
//! `set_keys` checks the keys' proof of ownership, so the benchmark signs it with keys
//! generated in the benchmark's keystore: it runs in `btt-node benchmark pallet` (which
//! provides one), not in the unit tests.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_system::RawOrigin,
	pallet_session::{self, Call},
};

/// The benchmarked pallet: pallet-session, under its own name in the weight files.
pub struct Pallet<T: Config>(pallet_session::Pallet<T>);

/// What the benchmarks need of the runtime.
pub trait Config: pallet_session::Config {
	/// An account able to pay the key deposit, with fresh session keys and the proof that
	/// it owns them.
	fn validator_with_new_keys() -> (Self::AccountId, Self::Keys, Vec<u8>);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_keys() -> Result<(), BenchmarkError> {
		let (validator, keys, proof) = T::validator_with_new_keys();

		#[extrinsic_call]
		_(RawOrigin::Signed(validator), keys, proof);

		Ok(())
	}

	#[benchmark]
	fn purge_keys() -> Result<(), BenchmarkError> {
		let (validator, keys, proof) = T::validator_with_new_keys();
		pallet_session::Pallet::<T>::set_keys(
			RawOrigin::Signed(validator.clone()).into(),
			keys,
			proof,
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(validator));

		Ok(())
	}
}
