//! The weights of the BTT runtime, all measured on this chain by `scripts/benchmark.sh`:
//!
//! - [`BlockExecutionWeight`] and [`ExtrinsicBaseWeight`]: `btt-node benchmark overhead`,
//!   the cost of an empty block and of a `system.remark` beyond it (signature check, nonce,
//!   fee withdrawal and the fee split of `DealWithFees` included);
//! - [`ParityDbWeight`]: `btt-node benchmark storage` on ParityDB, the node's default
//!   database, the cost of one storage read and one write;
//! - one module per FRAME pallet: `btt-node benchmark pallet` of that pallet in this
//!   runtime, with this runtime's configuration.
//!
//! The BTT pallets keep their weights in their own crates (`pallets/btt-*/src/weights.rs`),
//! measured in the same run. No weight of the runtime is inherited from another chain.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod paritydb_weights;

pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_conviction_voting;
pub mod pallet_multisig;
pub mod pallet_preimage;
pub mod pallet_proxy;
pub mod pallet_referenda;
pub mod pallet_scheduler;
pub mod pallet_session;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_treasury;
pub mod pallet_utility;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
