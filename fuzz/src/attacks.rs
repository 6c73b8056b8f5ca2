//! The attacks of the guarantees review, as fuzzer inputs: each broke a guarantee of the
//! chain before it was fixed, and the regression suite replays them on every run (the
//! files `fuzz/regressions/attack-*.bin` are written from this list).

use crate::{
	actors::{self, Origin},
	chain::Step,
};
use btt_runtime::{currency::BTT, pools, OriginCaller, RuntimeCall};
use pallet_btt_burn::{Milestone, MilestoneSource};
use pallet_btt_governance::GovernanceOrigin;
use pallet_btt_staking::{Term, Tier};
use polkadot_sdk::{
	frame_support::{
		traits::{schedule::DispatchTime, Bounded},
		BoundedVec,
	},
	frame_system, pallet_balances, pallet_conviction_voting, pallet_referenda, pallet_session,
	pallet_sudo,
	sp_runtime::Permill,
};

fn step(blocks: u16, origin: Origin, call: RuntimeCall) -> Step {
	Step { blocks, origin: origin.to_byte(), call }
}

fn signed(account: usize) -> Origin {
	Origin::Signed { account, extrinsic: false }
}

fn extrinsic(account: usize) -> Origin {
	Origin::Signed { account, extrinsic: true }
}

const ALICE: usize = 0;

/// Every attack: a name and its steps.
pub fn all() -> Vec<(&'static str, Vec<Step>)> {
	let reserve = pools::account(pools::RESERVE);
	let alice = actors::account_id(ALICE);
	let holder = actors::account_id(actors::HOLDER);
	let unbooked_burn = || {
		RuntimeCall::Balances(pallet_balances::Call::burn { value: 1_000 * BTT, keep_alive: true })
	};
	let force_transfer_reserve = || {
		RuntimeCall::Balances(pallet_balances::Call::force_transfer {
			source: reserve.clone().into(),
			dest: alice.clone().into(),
			value: 1_000_000 * BTT,
		})
	};
	let mint = || {
		RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: holder.clone().into(),
			new_free: 1_000_000 * BTT,
		})
	};
	let vote_boost_stake = RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
		tier: Tier::Days365,
		amount: 50_000 * BTT,
	});
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: b"boost".to_vec() });
	let proposal: BoundedVec<u8, _> = BoundedVec::truncate_from(codec::Encode::encode(&remark));
	vec![
		// 1. Supply: a burn that btt-burn does not book; root minting and raw storage.
		(
			"unbooked-burn",
			vec![
				step(0, signed(ALICE), unbooked_burn()),
				step(1, extrinsic(ALICE), unbooked_burn()),
				step(
					0,
					signed(ALICE),
					RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(unbooked_burn()) }),
				),
			],
		),
		(
			"root-mints",
			vec![
				step(0, Origin::Root, mint()),
				step(
					0,
					signed(ALICE),
					RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(mint()) }),
				),
				step(
					0,
					Origin::Root,
					RuntimeCall::Balances(pallet_balances::Call::force_adjust_total_issuance {
						direction: pallet_balances::AdjustmentDirection::Increase,
						delta: 1_000 * BTT,
					}),
				),
				step(
					0,
					Origin::Root,
					RuntimeCall::System(frame_system::Call::set_storage {
						items: vec![(
							pallet_balances::TotalIssuance::<btt_runtime::Runtime>::hashed_key()
								.to_vec(),
							vec![0; 16],
						)],
					}),
				),
			],
		),
		// 2. Milestone burns from the council: only the two funds the enum names.
		(
			"council-milestone-burn",
			vec![
				step(
					0,
					Origin::Council,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::set_milestone_source {
						source: MilestoneSource::DevelopmentFund,
					}),
				),
				step(
					1,
					Origin::Council,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::execute_milestone_burn {
						milestone: Milestone::FirstHundredHospitals,
					}),
				),
				step(
					1,
					Origin::Council,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve {
						amount: 1_000 * BTT,
					}),
				),
			],
		),
		// 3. Root and the reserve.
		(
			"root-drains-the-reserve",
			vec![
				step(0, Origin::Root, force_transfer_reserve()),
				step(
					0,
					signed(ALICE),
					RuntimeCall::Sudo(pallet_sudo::Call::sudo {
						call: Box::new(force_transfer_reserve()),
					}),
				),
				step(
					0,
					Origin::Root,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve {
						amount: 1_000 * BTT,
					}),
				),
				step(
					0,
					Origin::Track(GovernanceOrigin::ReserveRelease),
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve {
						amount: 1_000 * BTT,
					}),
				),
			],
		),
		// 4. The ecosystem fund spends what the milestone burns need, then a burn.
		(
			"ecosystem-spends-the-burns",
			vec![
				step(
					0,
					Origin::Track(GovernanceOrigin::Treasurer),
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_ecosystem {
						dest: holder.clone().into(),
						amount: 29_000_000 * BTT,
						vesting: None,
					}),
				),
				step(
					1,
					Origin::Track(GovernanceOrigin::Milestones),
					RuntimeCall::BttBurn(pallet_btt_burn::Call::execute_milestone_burn {
						milestone: Milestone::ThousandHospitals,
					}),
				),
			],
		),
		// 6. A stake backed by unvested tokens.
		(
			"vesting-backed-stake",
			vec![
				step(
					0,
					signed(ALICE),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
						tier: Tier::Days1095,
						amount: 21_000_000 * BTT,
					}),
				),
				step(
					0,
					extrinsic(1),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
						tier: Tier::Days1095,
						amount: 10_000_000 * BTT,
					}),
				),
			],
		),
		// 7. Staking levers: a one-day "365-day" tier, a zero provider stake.
		(
			"staking-levers",
			vec![
				step(
					0,
					Origin::Track(GovernanceOrigin::EconomicParams),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::set_term {
						tier: Tier::Days365,
						term: Term {
							days: 1,
							apy: Permill::from_percent(12),
							minimum: BTT,
							reward_burn: Permill::zero(),
						},
					}),
				),
				step(
					0,
					Origin::Track(GovernanceOrigin::EconomicParams),
					RuntimeCall::BttMining(pallet_btt_mining::Call::set_provider_stake {
						tier: Tier::Days30,
						amount: 0,
					}),
				),
				step(
					0,
					signed(actors::STAKER),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
						tier: Tier::Days30,
						amount: 1_000 * BTT,
					}),
				),
				step(
					120,
					signed(actors::STAKER),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::claim_fee_share {}),
				),
				step(
					0,
					signed(actors::STAKER),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::close {
						owner: actors::account_id(actors::STAKER).into(),
						id: 1,
					}),
				),
			],
		),
		// 8. One small 365-day stake boosting a large vote.
		(
			"boost-a-large-vote",
			vec![
				step(0, signed(3), vote_boost_stake),
				step(
					0,
					signed(3),
					RuntimeCall::Referenda(pallet_referenda::Call::submit {
						proposal_origin: Box::new(OriginCaller::BttGovernance(
							GovernanceOrigin::Treasurer,
						)),
						proposal: Bounded::Inline(proposal),
						enactment_moment: DispatchTime::After(1),
					}),
				),
				step(
					1,
					signed(3),
					RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
						poll_index: 0,
						vote: pallet_conviction_voting::AccountVote::Standard {
							vote: pallet_conviction_voting::Vote {
								aye: true,
								conviction: pallet_conviction_voting::Conviction::Locked6x,
							},
							balance: 600_000 * BTT,
						},
					}),
				),
				step(
					1,
					signed(3),
					RuntimeCall::BttGovernance(pallet_btt_governance::Call::refresh_boost {
						poll_index: 0,
						voter: actors::account_id(3).into(),
					}),
				),
			],
		),
		// 9. The only validator purges its keys.
		(
			"validator-purges-keys",
			vec![
				step(0, signed(ALICE), RuntimeCall::Session(pallet_session::Call::purge_keys {})),
				step(
					0,
					extrinsic(ALICE),
					RuntimeCall::Session(pallet_session::Call::purge_keys {}),
				),
				step(
					25,
					signed(ALICE),
					RuntimeCall::System(frame_system::Call::remark { remark: vec![] }),
				),
			],
		),
	]
}
