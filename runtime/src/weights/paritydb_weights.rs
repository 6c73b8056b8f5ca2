// This file is part of the BTT chain. SPDX-License-Identifier: Apache-2.0

//! The storage weights of the BTT runtime on `ParityDb`, measured by the benchmark CLI
//! 64.0.0 (`btt-node benchmark storage`) — do not edit by hand; rerun
//! `scripts/benchmark.sh` instead.
//! DATE: 2026-11-30 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `BTT Development`
//! BLOCK-NUM: `Number(0)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights`
//! METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/btt-chain/target/release/btt-node
//   benchmark
//   storage
//   --dev
//   --base-path
//   /tmp/tmp.unDxAMqfhE/storage
//   --database
//   paritydb
//   --state-version
//   1
//   --metric
//   average
//   --batch-size
//   10
//   --weight-path
//   runtime/src/weights
//   --template-path
//   .maintain/storage-weight-template.hbs
//   --header
//   .maintain/HEADER.txt

/// Storage DB weights for the `BTT Development` runtime and `ParityDb`.
pub mod constants {
	use polkadot_sdk::frame_support::{
		parameter_types,
		weights::{constants, RuntimeDbWeight},
	};

	parameter_types! {
		/// The measured weights of `ParityDb`, the node's default database: the time to read
		/// and to write one storage item.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			// Time to read one storage item.
			// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			//
			// Stats nanoseconds:
			//   Min, Max: 821, 3_441_516
			//   Average:  24_327
			//   Median:   1_953
			//   Std-Dev:  272729.31
			//
			// Percentiles nanoseconds:
			//   99th: 19_990
			//   95th: 6_980
			//   75th: 2_674
			read: 24_327 * constants::WEIGHT_REF_TIME_PER_NANOS,

			// Time to write one storage item.
			// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			//
			// Stats nanoseconds:
			//   Min, Max: 4_729, 812_882
			//   Average:  60_103
			//   Median:   6_047
			//   Std-Dev:  201192.41
			//
			// Percentiles nanoseconds:
			//   99th: 812_882
			//   95th: 812_882
			//   75th: 7_830
			write: 60_103 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use polkadot_sdk::frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
