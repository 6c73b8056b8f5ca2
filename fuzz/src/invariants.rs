//! The invariants the fuzzer checks after every call and every block.
//!
//! - the supply rule: `total_issuance + total_burned == 210,000,000 BTT`;
//! - `total_issuance == Σ (free + reserved)` over every account;
//! - no account has consumers but no providers; no account's holds exceed its reserved
//!   balance; no account's frozen amount exceeds its balance;
//! - every pallet's `try_state` (`TryStateSelect::All`): the BTT pallets' books (pools,
//!   schedules, stakes, promised rewards, mining eras, validator set) and FRAME's own.

use btt_runtime::{currency::TOTAL_SUPPLY, Balance, Balances, Runtime};
use polkadot_sdk::{frame_system, pallet_balances};

/// Checks every invariant; the first broken one is the error.
pub fn check() -> Result<(), String> {
	supply()?;
	accounts()?;
	pallets()
}

/// `total_issuance + total_burned == 210M` (cheap: checked after every block).
pub fn supply() -> Result<(), String> {
	let issuance = Balances::total_issuance();
	let burned = pallet_btt_burn::TotalBurned::<Runtime>::get();
	if issuance.checked_add(burned) != Some(TOTAL_SUPPLY) {
		return Err(format!(
			"supply: total issuance {issuance} + total burned {burned} != {TOTAL_SUPPLY}"
		));
	}
	Ok(())
}

/// The balances of every account add up to the issuance, and each account is sound.
fn accounts() -> Result<(), String> {
	let mut held: Balance = 0;
	for (who, info) in frame_system::Account::<Runtime>::iter() {
		let balance = info.data.free.saturating_add(info.data.reserved);
		held = held.saturating_add(balance);
		if info.consumers > 0 && info.providers == 0 && info.sufficients == 0 {
			return Err(format!("{who}: {} consumers and no provider", info.consumers));
		}
		if info.data.frozen > balance {
			return Err(format!("{who}: frozen {} above its balance {balance}", info.data.frozen));
		}
		let holds: Balance = pallet_balances::Holds::<Runtime>::get(&who)
			.iter()
			.fold(0, |sum: Balance, hold| sum.saturating_add(hold.amount));
		if holds > info.data.reserved {
			return Err(format!("{who}: holds {holds} above reserved {}", info.data.reserved));
		}
	}
	let issuance = Balances::total_issuance();
	if held != issuance {
		return Err(format!("Σ (free + reserved) = {held} but total issuance = {issuance}"));
	}
	Ok(())
}

/// Every pallet's `try_state`.
#[cfg(feature = "try-runtime")]
fn pallets() -> Result<(), String> {
	use polkadot_sdk::{frame_support::traits::TryState, frame_try_runtime::TryStateSelect};
	let now = frame_system::Pallet::<Runtime>::block_number();
	<btt_runtime::AllPalletsWithSystem as TryState<_>>::try_state(now, TryStateSelect::All)
		.map_err(|error| format!("try_state: {error:?}"))
}

/// Without `try-runtime` the pallets' `try_state` hooks do not exist; the BTT pallets'
/// checks are called directly.
#[cfg(not(feature = "try-runtime"))]
fn pallets() -> Result<(), String> {
	use btt_runtime::{BttBurn, BttGovernance, BttMining, BttStaking, BttValidators, BttVesting};
	let checks = [
		("btt-burn", BttBurn::do_try_state()),
		("btt-vesting", BttVesting::do_try_state()),
		("btt-staking", BttStaking::do_try_state()),
		("btt-mining", BttMining::do_try_state()),
		("btt-governance", BttGovernance::do_try_state()),
		("btt-validators", BttValidators::do_try_state()),
	];
	for (pallet, result) in checks {
		result.map_err(|error| format!("{pallet}: {error:?}"))?;
	}
	Ok(())
}
