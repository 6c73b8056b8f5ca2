//! Who the fuzzer acts as: funded accounts with roles, and the governed origins.
//!
//! A step's origin is one byte: `byte % ORIGINS` picks the origin below, and for a signed
//! account a byte of `EXTRINSIC_BIT` or more sends the call as a signed extrinsic through
//! `Executive::apply_extrinsic` (nonce, fee, fee split and staking discount run) instead of
//! dispatching it directly.

use btt_runtime::{AccountId, RuntimeOrigin};
use pallet_btt_governance::GovernanceOrigin;
use polkadot_sdk::{
	frame_system, pallet_collective,
	sp_core::{sr25519, Pair},
};
use std::sync::OnceLock;

/// The accounts the fuzzer signs with, by secret URI. Rows 1–6 of the allocation table are
/// the first eight (the dev chain's beneficiaries); the rest are funded from their liquid
/// tokens in [`crate::Chain::new`].
pub const ACCOUNT_URIS: [&str; 15] = [
	"//Alice",          // row 1 (BitWave), sudo key, validator, council
	"//Bob",            // row 2, council
	"//Charlie",        // row 3, council
	"//Dave",           // row 4
	"//Eve",            // row 5
	"//Ferdie",         // row 6 (core team)
	"//Alice//stash",   // row 6 (advisory board)
	"//Bob//stash",     // row 6 (medical experts)
	"//Charlie//stash", // a staker
	"//Dave//stash",    // a compute provider
	"//Eve//stash",     // oracle
	"//Ferdie//stash",  // oracle
	"//One",            // oracle
	"//Two",            // a verified compute consumer (a hospital)
	"//Holder",         // a plain holder
];

/// Index of the staker in [`ACCOUNT_URIS`].
pub const STAKER: usize = 8;
/// Index of the compute provider.
pub const PROVIDER: usize = 9;
/// Indices of the three oracles (the quorum of the dev chain).
pub const ORACLES: [usize; 3] = [10, 11, 12];
/// Index of the verified consumer.
pub const CONSUMER: usize = 13;
/// Index of the plain holder.
pub const HOLDER: usize = 14;
/// The accounts that are not beneficiaries of the table and are funded at set-up.
pub const FUNDED_AT_SETUP: [usize; 7] = [STAKER, PROVIDER, 10, 11, 12, CONSUMER, HOLDER];

/// The number of signing accounts.
pub const ACCOUNTS: usize = ACCOUNT_URIS.len();

/// The BTT track origins, in the order of the origin byte.
pub const TRACKS: [GovernanceOrigin; 5] = [
	GovernanceOrigin::ReserveRelease,
	GovernanceOrigin::Milestones,
	GovernanceOrigin::Treasurer,
	GovernanceOrigin::EconomicParams,
	GovernanceOrigin::ValidatorAdmin,
];

/// Every origin a step can name: the accounts, root, the five tracks, two thirds of the
/// council, and none.
pub const ORIGINS: u8 = ACCOUNTS as u8 + 1 + TRACKS.len() as u8 + 2;

/// An origin byte at or above this sends a signed account's call as an extrinsic.
pub const EXTRINSIC_BIT: u8 = 0x80;

/// The origin of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
	/// A signed account (index into [`ACCOUNT_URIS`]), through an extrinsic or directly.
	Signed { account: usize, extrinsic: bool },
	/// Root: what a root-track referendum (or sudo on a dev chain) dispatches.
	Root,
	/// A BTT track's origin: what a referendum on that track dispatches.
	Track(GovernanceOrigin),
	/// Two thirds of the council, as a council motion dispatches.
	Council,
	/// No origin (an unsigned call).
	None,
}

impl Origin {
	/// The origin a byte names.
	pub fn from_byte(byte: u8) -> Self {
		let index = byte % ORIGINS;
		let account = usize::from(index);
		if account < ACCOUNTS {
			return Origin::Signed { account, extrinsic: byte >= EXTRINSIC_BIT };
		}
		match account - ACCOUNTS {
			0 => Origin::Root,
			track @ 1..=5 => Origin::Track(TRACKS[track - 1]),
			6 => Origin::Council,
			_ => Origin::None,
		}
	}

	/// The byte that names this origin.
	pub fn to_byte(self) -> u8 {
		let base = ACCOUNTS as u8;
		match self {
			Origin::Signed { account, extrinsic } => {
				account as u8 + if extrinsic { EXTRINSIC_BIT } else { 0 }
			}
			Origin::Root => base,
			Origin::Track(track) => {
				base + 1 + TRACKS.iter().position(|t| *t == track).unwrap_or(0) as u8
			}
			Origin::Council => base + 6,
			Origin::None => base + 7,
		}
	}

	/// The account of a signed origin.
	pub fn signer(self) -> Option<AccountId> {
		match self {
			Origin::Signed { account, .. } => Some(account_id(account)),
			_ => None,
		}
	}

	/// The runtime origin a direct dispatch uses. Every origin but root passes the chain's
	/// call filter, as it does on the chain.
	pub fn runtime_origin(self) -> RuntimeOrigin {
		match self {
			Origin::Signed { account, .. } => RuntimeOrigin::signed(account_id(account)),
			Origin::Root => RuntimeOrigin::root(),
			Origin::Track(track) => RuntimeOrigin::from(track),
			Origin::Council => pallet_collective::RawOrigin::<
				AccountId,
				pallet_collective::Instance1,
			>::Members(2, 3)
			.into(),
			Origin::None => RuntimeOrigin::from(frame_system::RawOrigin::None),
		}
	}
}

/// The key pairs of [`ACCOUNT_URIS`], derived once.
fn pairs() -> &'static [(sr25519::Pair, AccountId)] {
	static PAIRS: OnceLock<Vec<(sr25519::Pair, AccountId)>> = OnceLock::new();
	PAIRS.get_or_init(|| {
		ACCOUNT_URIS
			.iter()
			.map(|uri| {
				let pair = sr25519::Pair::from_string(uri, None)
					.unwrap_or_else(|_| panic!("{uri} is a valid secret URI"));
				let account = AccountId::from(pair.public());
				(pair, account)
			})
			.collect()
	})
}

/// The account of signer `index`.
pub fn account_id(index: usize) -> AccountId {
	pairs()[index % ACCOUNTS].1.clone()
}

/// The key pair of signer `index`.
pub fn pair(index: usize) -> &'static sr25519::Pair {
	&pairs()[index % ACCOUNTS].0
}
