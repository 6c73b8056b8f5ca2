//! The parameter sheet ([`crate::tokenomics`]) beside the paper. The paper's numbers are
//! written out here by hand, never read from the code: a change of the sheet shows as the
//! rows that no longer match, printed with
//! `cargo test --workspace --features runtime-benchmarks,try-runtime the_sheet -- --nocapture`.

use crate::{
	currency::{BTT, TOTAL_SUPPLY},
	tokenomics::{allocation, calendar, fees, governance, mining, staking},
};
use pallet_btt_burn::{FeeCategory, Milestone};
use pallet_btt_staking::Tier;
use pallet_btt_vesting::ReleaseRule;
use polkadot_sdk::sp_runtime::{FixedU128, Perbill, Permill};

/// One printed row: what the sheet says, what the paper says, and where.
struct Line {
	name: String,
	sheet: String,
	paper: String,
	source: &'static str,
}

#[derive(Default)]
struct Comparison(Vec<Line>);

impl Comparison {
	fn row(
		&mut self,
		source: &'static str,
		name: impl Into<String>,
		sheet: impl core::fmt::Debug,
		paper: impl core::fmt::Debug,
	) {
		self.0.push(Line {
			name: name.into(),
			sheet: format!("{sheet:?}"),
			paper: format!("{paper:?}"),
			source,
		});
	}
}

fn btt(amount: u128) -> u128 {
	amount * BTT
}

#[test]
fn the_sheet_beside_the_paper() {
	let mut c = Comparison::default();

	// Section 3: the allocation table.
	let paper_rows: [(u8, u16, u128, ReleaseRule); 12] = [
		(1, 1_000, 21_000_000, ReleaseRule::LockThenLinear { lock_months: 6, linear_months: 36 }),
		(2, 500, 10_500_000, ReleaseRule::LockThenLinear { lock_months: 3, linear_months: 30 }),
		(3, 300, 6_300_000, ReleaseRule::LockThenLinear { lock_months: 3, linear_months: 30 }),
		(4, 300, 6_300_000, ReleaseRule::LockThenLinear { lock_months: 3, linear_months: 30 }),
		(5, 200, 4_200_000, ReleaseRule::LockThenLinear { lock_months: 3, linear_months: 30 }),
		(6, 800, 16_800_000, ReleaseRule::LockThenLinear { lock_months: 12, linear_months: 48 }),
		(7, 1_700, 35_700_000, ReleaseRule::MilestoneTranches { tranches: 48 }),
		(8, 3_000, 63_000_000, ReleaseRule::MiningEmission),
		(9, 1_200, 25_200_000, ReleaseRule::CommunityProgrammes),
		(10, 700, 14_700_000, ReleaseRule::GovernanceRelease),
		(11, 200, 4_200_000, ReleaseRule::Unlocked),
		(12, 100, 2_100_000, ReleaseRule::ReferendumOnly),
	];
	for (row, (id, bps, amount, release)) in allocation::ROWS.iter().zip(paper_rows) {
		let sheet_amount = TOTAL_SUPPLY / 10_000 * row.bps as u128;
		c.row("§3", format!("row {id} {}: bps", row.name), row.bps, bps);
		c.row("§3", format!("row {id}: BTT"), sheet_amount / BTT, amount);
		c.row("§3", format!("row {id}: release"), &row.release, release);
	}
	let paper_team = [500u16, 200, 100];
	for ((name, bps), paper) in allocation::TEAM_SUB_ROWS.iter().zip(paper_team) {
		c.row("§3", format!("row 6 {name}: bps"), bps, paper);
	}
	let paper_foundation = [700u16, 500, 300, 200];
	for ((name, bps), paper) in allocation::FOUNDATION_SUB_ROWS.iter().zip(paper_foundation) {
		c.row("§3", format!("row 7 {name}: bps"), bps, paper);
	}

	// Section 4: compute mining.
	let paper_phases = [25_200_000u128, 18_900_000, 12_600_000, 6_300_000];
	for (phase, (sheet, paper)) in mining::PHASE_TOTALS.iter().zip(paper_phases).enumerate() {
		c.row(
			"§4",
			format!("mining phase {} (years {}–{}): BTT", phase + 1, 2 * phase + 1, 2 * phase + 2),
			sheet / BTT,
			paper,
		);
	}
	c.row("§4", "mining phase length: days", mining::ERAS_PER_PHASE, 730);
	let factors = mining::factors();
	let half = FixedU128::from_rational(1, 2);
	let one_and_half = FixedU128::from_rational(3, 2);
	c.row("§4", "QoS factor bounds", (factors.qos_min, factors.qos_max), (half, one_and_half));
	c.row(
		"§4",
		"energy factor bounds",
		(factors.energy_min, factors.energy_max),
		(half, one_and_half),
	);
	c.row(
		"§4",
		"geography factor bounds",
		(factors.geo_min, factors.geo_max),
		(half, one_and_half),
	);
	c.row("§4 (decision)", "provider minimum stake: BTT", mining::MIN_PROVIDER_STAKE / BTT, 5_000);

	// Section 5: staking.
	let paper_tiers: [(Tier, u32, u32, u128, u32); 5] = [
		(Tier::Days30, 30, 3, 1_000, 0),
		(Tier::Days90, 90, 5, 5_000, 0),
		(Tier::Days180, 180, 8, 10_000, 0),
		(Tier::Days365, 365, 12, 50_000, 10),
		(Tier::Days1095, 1_095, 18, 100_000, 20),
	];
	for ((tier, term), (paper_tier, days, apy, minimum, burn)) in
		staking::terms().iter().zip(paper_tiers)
	{
		c.row("§5", format!("{tier:?}: tier"), tier, paper_tier);
		c.row("§5", format!("{tier:?}: days"), term.days, days);
		c.row("§5", format!("{tier:?}: APY"), term.apy, Permill::from_percent(apy));
		c.row("§5", format!("{tier:?}: minimum, BTT"), term.minimum / BTT, minimum);
		c.row(
			"§5",
			format!("{tier:?}: reward burned at close"),
			term.reward_burn,
			Permill::from_percent(burn),
		);
	}
	c.row(
		"§5",
		"fee discount: from tier, rate",
		(
			Tier::ALL.into_iter().find(|tier| tier.has_fee_discount()),
			<crate::Runtime as pallet_btt_staking::Config>::FeeDiscount::get(),
		),
		(Some(Tier::Days180), Permill::from_percent(20)),
	);

	// Section 6: burns and fees.
	let split = fees::fee_split();
	c.row(
		"§6",
		"fee split development/stakers/burn/author",
		(split.development, split.stakers, split.burn, split.author),
		(
			Permill::from_percent(40),
			Permill::from_percent(30),
			Permill::from_percent(20),
			Permill::from_percent(10),
		),
	);
	let paper_rates = [
		(
			FeeCategory::ComputeTrade,
			Permill::from_percent(2),
			(Permill::from_percent(1), Permill::from_percent(3)),
		),
		(
			FeeCategory::AssetTokenization,
			Permill::from_percent(3),
			(Permill::from_percent(2), Permill::from_percent(5)),
		),
		(
			FeeCategory::PayFiSettlement,
			Permill::from_parts(5_000),
			(Permill::from_parts(5_000), Permill::from_percent(1)),
		),
	];
	for ((category, rate), (paper_category, paper_rate, paper_range)) in
		fees::CATEGORY_RATES.iter().zip(paper_rates)
	{
		c.row("§6", format!("{category:?}: category"), category, paper_category);
		c.row("§6", format!("{category:?}: rate at genesis"), rate, paper_rate);
		let range = pallet_btt_burn::Pallet::<crate::Runtime>::rate_range(*category);
		c.row("§6", format!("{category:?}: range"), (range.min, range.max), paper_range);
	}
	let paper_milestones = [
		(Milestone::MainnetLaunch, 1_000_000u128),
		(Milestone::FirstHundredHospitals, 2_000_000),
		(Milestone::ThousandHospitals, 5_000_000),
		(Milestone::CrossChainInteroperability, 3_000_000),
	];
	for ((milestone, amount), (paper_milestone, paper_amount)) in
		fees::MILESTONE_BURNS.iter().zip(paper_milestones)
	{
		c.row(
			"§6",
			format!("milestone burn {milestone:?}"),
			(milestone, amount / BTT),
			(paper_milestone, paper_amount),
		);
	}

	// Section 7: governance.
	c.row(
		"§7",
		"council sunset: years after genesis",
		governance::COUNCIL_SUNSET / crate::time::YEARS,
		2,
	);
	c.row(
		"§7",
		"vote boost: from tier, extra share of the votes",
		(
			Tier::ALL.into_iter().find(|tier| tier.has_governance_boost()),
			<crate::Runtime as pallet_btt_governance::Config>::VoteBoost::get(),
		),
		(Some(Tier::Days365), Permill::from_percent(50)),
	);

	// The calendar.
	c.row("§2 (decision)", "blocks per day", calendar::DAY_BLOCKS, 14_400);
	c.row(
		"§2 (decision)",
		"days per month / year",
		(calendar::MONTH_DAYS, calendar::YEAR_DAYS),
		(30, 365),
	);

	// The sheet's totals follow.
	let bps: u32 = allocation::ROWS.iter().map(|r| u32::from(r.bps)).sum();
	c.row("§3", "the table's basis points", bps, 10_000);
	c.row(
		"§4",
		"mining emission: BTT",
		mining::PHASE_TOTALS.iter().sum::<u128>() / BTT,
		63_000_000,
	);
	c.row(
		"§6",
		"milestone burns: BTT",
		fees::MILESTONE_BURNS.iter().map(|(_, a)| a).sum::<u128>() / BTT,
		11_000_000,
	);

	println!("{:<16} {:<60} {:<40} {:<40} ", "source", "parameter", "sheet", "paper");
	let mut differ = Vec::new();
	for line in &c.0 {
		let mark = if line.sheet == line.paper { "" } else { "  <-- differs" };
		println!(
			"{:<16} {:<60} {:<40} {:<40}{mark}",
			line.source, line.name, line.sheet, line.paper
		);
		if !mark.is_empty() {
			differ.push(line.name.clone());
		}
	}
	assert!(differ.is_empty(), "the sheet differs from the paper in: {differ:?}");
}

// --- The paper's rules on a live chain --------------------------------------------------------
//
// The dev preset's genesis, built as the node builds it; each rule driven through the calls
// and origins a live chain uses. The expected numbers are the paper's, written out here.

mod on_chain {
	use super::*;
	use crate::{
		genesis::presets::dev_beneficiaries,
		governance::{VotingTurnout, TRACKS},
		tests::{
			governance::{check, track},
			preset_ext,
		},
		Balances, BttBurn, BttGovernance, Runtime,
	};
	use pallet_btt_governance::GovernanceOrigin;
	use polkadot_sdk::{
		frame_support::{assert_noop, assert_ok, traits::Get},
		pallet_referenda::{Curve, TracksInfo},
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	};

	/// Blocks in `months` tokenomics months of the dev chain's days.
	fn months(months: u32) -> u32 {
		BttGovernance::days(30 * months)
	}

	#[test]
	fn every_vesting_row_releases_as_the_paper_says() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			let b = dev_beneficiaries();
			// (row, account, BTT, lock months, linear months)
			let rows = [
				(1u8, b.bitwave, 21_000_000u128, 6u32, 36u32),
				(2, b.china_digital_healthcare, 10_500_000, 3, 30),
				(3, b.m_dao, 6_300_000, 3, 30),
				(4, b.web3_ventures, 6_300_000, 3, 30),
				(5, b.cryptoseed, 4_200_000, 3, 30),
				(6, b.core_dev_team, 10_500_000, 12, 48),
				(6, b.technical_advisory_board, 4_200_000, 12, 48),
				(6, b.medical_expert_advisors, 2_100_000, 12, 48),
			];
			for (row, account, amount, lock, linear) in rows {
				let schedules = pallet_btt_vesting::Schedules::<Runtime>::get(&account)
					.expect("the beneficiary has schedules");
				let schedule = schedules
					.iter()
					.find(|s| s.row == row)
					.unwrap_or_else(|| panic!("row {row} has a schedule"));
				assert_eq!(schedule.total, btt(amount), "row {row}: amount");
				assert_eq!(schedule.cliff, months(lock), "row {row}: {lock}-month lock");
				assert_eq!(schedule.duration, months(linear), "row {row}: {linear} months linear");
				assert_eq!(schedule.released, 0);
			}
			// Row 7: 48 monthly tranches of each portion, nothing approved at genesis.
			let foundation = [14_700_000u128, 10_500_000, 6_300_000, 4_200_000];
			for (portion, amount) in foundation.iter().enumerate() {
				let state = pallet_btt_vesting::Tranches::<Runtime>::get(7, portion as u8)
					.expect("row 7's portion has tranches");
				assert_eq!((state.total, state.tranches, state.approved), (btt(*amount), 48, 0));
			}
			check();
		});
	}

	#[test]
	fn each_staking_tier_pays_the_papers_apy_over_its_term_from_its_minimum() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			use crate::{tests::governance::signed, BttStaking};
			use polkadot_sdk::sp_keyring::Sr25519Keyring::Alice;
			let day = pallet_btt_governance::DayLength::<Runtime>::get();
			// (tier, days, APY %, minimum BTT, reward burned at close %)
			let paper = [
				(Tier::Days30, 30u32, 3u128, 1_000u128, 0u32),
				(Tier::Days90, 90, 5, 5_000, 0),
				(Tier::Days180, 180, 8, 10_000, 0),
				(Tier::Days365, 365, 12, 50_000, 10),
				(Tier::Days1095, 1_095, 18, 100_000, 20),
			];
			for (tier, days, apy, minimum, burn) in paper {
				assert_noop!(
					BttStaking::stake(signed(Alice), tier, btt(minimum) - 1),
					pallet_btt_staking::Error::<Runtime>::BelowMinimum
				);
				assert_ok!(BttStaking::stake(signed(Alice), tier, btt(minimum)));
				let positions = pallet_btt_staking::Positions::<Runtime>::get(
					crate::tests::governance::account(Alice),
				)
				.expect("Alice has positions");
				let position = positions.last().expect("the new position");
				// Simple interest: minimum × APY × days / 365, rounded down.
				assert_eq!(
					position.reward,
					btt(minimum) * apy * u128::from(days) / 100 / 365,
					"{tier:?}"
				);
				assert_eq!(position.maturity - position.start, days * day, "{tier:?}");
				assert_eq!(position.reward_burn, Permill::from_percent(burn), "{tier:?}");
			}
			check();
		});
	}

	#[test]
	fn category_rates_start_at_the_papers_defaults_and_move_only_within_its_ranges() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			let params = || track(GovernanceOrigin::EconomicParams);
			// (category, default, lowest, highest)
			let paper = [
				(
					FeeCategory::ComputeTrade,
					Permill::from_percent(2),
					Permill::from_percent(1),
					Permill::from_percent(3),
				),
				(
					FeeCategory::AssetTokenization,
					Permill::from_percent(3),
					Permill::from_percent(2),
					Permill::from_percent(5),
				),
				(
					FeeCategory::PayFiSettlement,
					Permill::from_parts(5_000),
					Permill::from_parts(5_000),
					Permill::from_percent(1),
				),
			];
			for (category, default, low, high) in paper {
				assert_eq!(pallet_btt_burn::CategoryRates::<Runtime>::get(category), Some(default));
				let below = Permill::from_parts(low.deconstruct() - 1);
				let above = Permill::from_parts(high.deconstruct() + 1);
				for outside in [below, above] {
					assert_noop!(
						BttBurn::set_category_rate(params(), category, outside),
						pallet_btt_burn::Error::<Runtime>::RateOutOfRange
					);
				}
				assert_ok!(BttBurn::set_category_rate(params(), category, low));
				assert_ok!(BttBurn::set_category_rate(params(), category, high));
				assert_eq!(BttBurn::category_rate(category), high);
			}
			check();
		});
	}

	#[test]
	fn each_milestone_burns_the_papers_amount() {
		let paper = [
			(Milestone::MainnetLaunch, 1_000_000u128),
			(Milestone::FirstHundredHospitals, 2_000_000),
			(Milestone::ThousandHospitals, 5_000_000),
			(Milestone::CrossChainInteroperability, 3_000_000),
		];
		for (milestone, amount) in paper {
			// Each on its own chain: one burn does not hide another's amount.
			preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
				let issuance = Balances::total_issuance();
				assert_ok!(BttBurn::execute_milestone_burn(
					track(GovernanceOrigin::Milestones),
					milestone
				));
				assert_eq!(issuance - Balances::total_issuance(), btt(amount), "{milestone:?}");
				assert_eq!(pallet_btt_burn::TotalBurned::<Runtime>::get(), btt(amount));
				check();
			});
		}
	}

	#[test]
	fn the_track_table_has_the_decided_periods_curves_and_deposits() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			let day = pallet_btt_governance::DayLength::<Runtime>::get();
			// (name, max deciding, deposit BTT, prepare, decision, confirm, enactment days,
			//  approval ceil/floor %, support ceil/floor ‰)
			let decided: [(&str, u32, u128, u32, u32, u32, u32, (u32, u32), (u32, u32)); 6] = [
				("root", 1, 100_000, 2, 28, 3, 1, (100, 60), (300, 50)),
				("reserve_release", 2, 50_000, 2, 28, 3, 1, (100, 60), (300, 50)),
				("milestones", 5, 10_000, 1, 14, 2, 1, (100, 50), (200, 10)),
				("treasurer", 10, 5_000, 1, 14, 1, 1, (100, 50), (150, 5)),
				("economic_params", 5, 10_000, 1, 14, 2, 1, (100, 50), (200, 10)),
				("validator_admin", 5, 5_000, 1, 7, 1, 1, (100, 50), (100, 5)),
			];
			let tracks: Vec<_> = crate::governance::BttTracks::tracks().collect();
			assert_eq!(tracks.len(), decided.len());
			assert_eq!(TRACKS.len(), decided.len());
			for (track, row) in tracks.iter().zip(decided) {
				let (
					name,
					deciding,
					deposit,
					prepare,
					decision,
					confirm,
					enactment,
					approval,
					support,
				) = row;
				let info = &track.info;
				let linear = |ceil: Perbill, floor: Perbill| Curve::LinearDecreasing {
					length: Perbill::one(),
					floor,
					ceil,
				};
				assert_eq!(
					core::str::from_utf8(&info.name).map(|n| n.trim_end_matches('\0')),
					Ok(name)
				);
				assert_eq!(info.max_deciding, deciding, "{name}");
				assert_eq!(info.decision_deposit, btt(deposit), "{name}");
				assert_eq!(info.prepare_period, prepare * day, "{name}");
				assert_eq!(info.decision_period, decision * day, "{name}");
				assert_eq!(info.confirm_period, confirm * day, "{name}");
				assert_eq!(info.min_enactment_period, enactment * day, "{name}");
				assert_eq!(
					info.min_approval,
					linear(Perbill::from_percent(approval.0), Perbill::from_percent(approval.1)),
					"{name}"
				);
				assert_eq!(
					info.min_support,
					linear(
						Perbill::from_perthousand(support.0),
						Perbill::from_perthousand(support.1)
					),
					"{name}"
				);
			}
		});
	}

	#[test]
	fn support_is_measured_against_the_supply_outside_the_pools() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			// 210M less rows 7 (35.7M), 8 (63M), 9 (25.2M), 10 (14.7M) and 12 (2.1M), which
			// sit in keyless pools (the fee-fed funds opened out of row 10 are pools too).
			let turnout =
				210_000_000u128 - 35_700_000 - 63_000_000 - 25_200_000 - 14_700_000 - 2_100_000;
			assert_eq!(VotingTurnout::get(), btt(turnout));
		});
	}
}
