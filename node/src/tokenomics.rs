//! `btt-node tokenomics`: the release schedule of a chain spec's own genesis, beside the
//! paper's release table (tokenomics section 8).
//!
//! The genesis state is built from the spec and the spec's own runtime is asked, through
//! the `BttVestingApi` runtime API, what its allocation table's rules release each year —
//! so the report shows what that chain will do, not a copy of the paper's numbers.

use btt_runtime::{currency::TOKEN_DECIMALS, Balance};
use codec::Decode;
use pallet_btt_vesting::{ReleaseProjection, RowRelease, SupplyBreakdown};
use plotters::prelude::*;
use polkadot_sdk::{
	sc_executor::WasmExecutor,
	sc_service::ChainSpec,
	sp_core::{
		storage::well_known_keys,
		traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode},
	},
	sp_io,
	sp_state_machine::BasicExternalities,
};
use std::{borrow::Cow, fmt::Write as _, fs, path::PathBuf};

/// The paper's release table, as JSON: each period with its release and the cumulative
/// release at its end, in % of the supply; the last period is "every year from then on".
/// `docs/paper-release.json` is its one copy in the repository; the web app reads it too.
const PAPER_TABLE_JSON: &str = include_str!("../../docs/paper-release.json");

/// One period of the paper's release table.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct PaperPeriod {
	/// The paper's label: a year, or "2030+".
	#[serde(rename = "period")]
	pub label: String,
	/// The release in the period, % of the supply.
	pub percent: f64,
	/// The cumulative release at the period's end, %.
	pub cumulative: f64,
}

/// The paper's release table, read from [`PAPER_TABLE_JSON`].
pub fn paper_table() -> Result<Vec<PaperPeriod>, String> {
	serde_json::from_str(PAPER_TABLE_JSON).map_err(|e| format!("docs/paper-release.json: {e}"))
}

/// Print the projected yearly release of a chain beside the paper's table, and write it as
/// `tokenomics.csv` and `tokenomics.svg`.
#[derive(Debug, clap::Parser)]
pub struct TokenomicsCmd {
	/// The chain: `dev`, `local`, `mainnet-template` or a chain-spec JSON file.
	#[arg(long, default_value = "dev")]
	pub chain: String,

	/// Where to write `tokenomics.csv` and `tokenomics.svg`.
	#[arg(long, default_value = ".")]
	pub out_dir: PathBuf,
}

/// What the report is made of, read from a chain's genesis.
#[derive(Debug)]
pub struct Report {
	/// The chain's name.
	pub chain: String,
	/// The allocation table's rows at genesis.
	pub rows: Vec<RowRelease<Balance>>,
	/// The circulating supply at genesis.
	pub supply: SupplyBreakdown<Balance>,
	/// The yearly release of the table's rules.
	pub projection: ReleaseProjection<Balance>,
	/// The paper's release table, beside which the report shows the chain's.
	pub paper: Vec<PaperPeriod>,
}

/// One period of the comparison: a year of the paper's table, or "2030+".
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
	/// The paper's label for the period.
	pub label: String,
	/// The paper's release in the period, % of the supply.
	pub paper: f64,
	/// The paper's cumulative release at its end, %.
	pub paper_cumulative: f64,
	/// The chain's scheduled release in the period.
	pub chain: Balance,
	/// The chain's scheduled release in the period, % of the supply.
	pub chain_percent: f64,
	/// The chain's cumulative scheduled release at its end, %.
	pub chain_cumulative: f64,
}

impl TokenomicsCmd {
	/// Builds the report for `spec`, prints it and writes its files.
	pub fn run(&self, spec: Box<dyn ChainSpec>) -> Result<(), String> {
		let report = Report::from_genesis(spec.as_ref())?;
		print!("{}", report.render_text());
		fs::create_dir_all(&self.out_dir)
			.map_err(|e| format!("creating {}: {e}", self.out_dir.display()))?;
		let csv = self.out_dir.join("tokenomics.csv");
		let svg = self.out_dir.join("tokenomics.svg");
		fs::write(&csv, report.render_csv())
			.map_err(|e| format!("writing {}: {e}", csv.display()))?;
		fs::write(&svg, report.render_svg()?)
			.map_err(|e| format!("writing {}: {e}", svg.display()))?;
		println!("\nwrote {} and {}", csv.display(), svg.display());
		Ok(())
	}
}

impl Report {
	/// Builds the genesis state of `spec` and asks its runtime for the table's release.
	pub fn from_genesis(spec: &dyn ChainSpec) -> Result<Self, String> {
		let storage = spec.as_storage_builder().build_storage()?;
		let code = storage
			.top
			.get(well_known_keys::CODE)
			.cloned()
			.ok_or("the chain spec has no runtime code")?;
		let mut ext = BasicExternalities::new(storage);
		let executor = WasmExecutor::<sp_io::SubstrateHostFunctions>::builder()
			.with_allow_missing_host_functions(true)
			.build();
		let wrapped = WrappedRuntimeCode(Cow::Borrowed(&code));
		let runtime_code = RuntimeCode {
			code_fetcher: &wrapped,
			heap_pages: None,
			hash: polkadot_sdk::sp_crypto_hashing::blake2_256(&code).to_vec(),
		};
		let mut call = |method: &str| -> Result<Vec<u8>, String> {
			executor
				.call(&mut ext, &runtime_code, method, &[], CallContext::Offchain)
				.0
				.map_err(|e| format!("{method}: {e}"))
		};
		fn decode<T: Decode>(method: &str, bytes: Vec<u8>) -> Result<T, String> {
			T::decode(&mut &bytes[..]).map_err(|e| format!("{method} answered {e}"))
		}
		Ok(Self {
			chain: spec.name().to_string(),
			rows: decode("rows", call("BttVestingApi_rows")?)?,
			supply: decode("supply", call("BttVestingApi_supply")?)?,
			projection: decode("projected_release", call("BttVestingApi_projected_release")?)?,
			paper: paper_table()?,
		})
	}

	/// The chain's scheduled release in the paper's periods: years 1–5 are 2025–2029 and
	/// "2030+" is every later year.
	pub fn periods(&self) -> Vec<Period> {
		let total = self.projection.total;
		let years = &self.projection.years;
		let mut cumulative: Balance = 0;
		self.paper
			.iter()
			.enumerate()
			.map(|(index, paper)| {
				let last = index + 1 == self.paper.len();
				let chain: Balance = years
					.iter()
					.filter(|y| {
						let y = y.year as usize;
						if last {
							y > index
						} else {
							y == index + 1
						}
					})
					.map(|y| y.released)
					.sum();
				cumulative = cumulative.saturating_add(chain);
				Period {
					label: paper.label.clone(),
					paper: paper.percent,
					paper_cumulative: paper.cumulative,
					chain,
					chain_percent: percent(chain, total),
					chain_cumulative: percent(cumulative, total),
				}
			})
			.collect()
	}

	/// The report for a terminal.
	pub fn render_text(&self) -> String {
		let total = self.projection.total;
		let mut out = String::new();
		let _ = writeln!(out, "BTT release schedule of \"{}\" (from its genesis)\n", self.chain);
		let _ = writeln!(out, "Allocation table at genesis:");
		let _ = writeln!(
			out,
			"{:>3}  {:<42} {:>6}  {:>16}  {:>16}  {}",
			"row", "category", "bps", "BTT", "locked BTT", "release"
		);
		for row in &self.rows {
			let _ = writeln!(
				out,
				"{:>3}  {:<42} {:>6}  {:>16}  {:>16}  {:?}",
				row.row,
				String::from_utf8_lossy(&row.name),
				row.bps,
				btt(row.amount),
				btt(row.locked),
				row.release
			);
		}
		let s = &self.supply;
		let _ = writeln!(
			out,
			"\nCirculating at genesis: {} BTT of {} (vesting-locked {}, undistributed pools {}, \
			 staked {})",
			btt(s.circulating),
			btt(s.total_issuance),
			btt(s.vesting_locked),
			btt(s.undistributed_pools),
			btt(s.staked)
		);
		let _ = writeln!(
			out,
			"\nScheduled release per year (years of {} blocks):",
			self.projection.blocks_per_year
		);
		let _ =
			writeln!(out, "{:>5}  {:>16}  {:>8}  {:>10}", "year", "BTT", "% supply", "cumulative");
		for year in &self.projection.years {
			let _ = writeln!(
				out,
				"{:>5}  {:>16}  {:>7.2}%  {:>9.2}%",
				year.year,
				btt(year.released),
				percent(year.released, total),
				percent(year.cumulative, total)
			);
		}
		let _ = writeln!(out, "\nBeside the paper (tokenomics section 8):");
		let _ = writeln!(
			out,
			"{:>7}  {:>8} {:>10}  {:>16} {:>8} {:>10}  {:>10}",
			"period", "paper %", "paper cum", "chain BTT", "chain %", "chain cum", "difference"
		);
		for p in self.periods() {
			let _ = writeln!(
				out,
				"{:>7}  {:>7.2}% {:>9.2}%  {:>16} {:>7.2}% {:>9.2}%  {:>+9.2}pp",
				p.label,
				p.paper,
				p.paper_cumulative,
				btt(p.chain),
				p.chain_percent,
				p.chain_cumulative,
				p.chain_cumulative - p.paper_cumulative
			);
		}
		let _ = writeln!(
			out,
			"\nUnscheduled: {} BTT ({:.2}%) — community incentives, ecosystem fund and strategic \
			 reserve move only by decisions of governance, so no rule projects them; the paper's \
			 table assumes they are spent.",
			btt(self.projection.discretionary),
			percent(self.projection.discretionary, total)
		);
		let _ = writeln!(
			out,
			"Milestone burns: {} BTT ({:.2}%) — burned or kept back in the ecosystem fund for the \
			 milestone burns still pending; never released.",
			btt(self.projection.milestone_burns),
			percent(self.projection.milestone_burns, total)
		);
		out
	}

	/// The comparison as CSV: one line per period, then the unscheduled pools.
	pub fn render_csv(&self) -> String {
		let mut out = String::from(
			"period,paper_release_pct,paper_cumulative_pct,chain_release_btt,chain_release_pct,\
			 chain_cumulative_pct\n",
		);
		for p in self.periods() {
			let _ = writeln!(
				out,
				"{},{:.2},{:.2},{},{:.4},{:.4}",
				p.label,
				p.paper,
				p.paper_cumulative,
				btt_plain(p.chain),
				p.chain_percent,
				p.chain_cumulative
			);
		}
		let _ = writeln!(
			out,
			"unscheduled (governance),,,{},{:.4},",
			btt_plain(self.projection.discretionary),
			percent(self.projection.discretionary, self.projection.total)
		);
		let _ = writeln!(
			out,
			"milestone burns,,,{},{:.4},",
			btt_plain(self.projection.milestone_burns),
			percent(self.projection.milestone_burns, self.projection.total)
		);
		out
	}

	/// The comparison as a bar chart (SVG, drawn with `plotters`): the paper's and the
	/// chain's release per period side by side, with both cumulative curves.
	pub fn render_svg(&self) -> Result<String, String> {
		let periods = self.periods();
		let mut svg = String::new();
		draw_chart(&mut svg, &periods, &self.chain, self.unscheduled_percent())
			.map_err(|e| format!("drawing the chart: {e}"))?;
		Ok(svg)
	}

	/// The share of the supply no rule schedules (the governance-released pools), in percent.
	fn unscheduled_percent(&self) -> f64 {
		percent(self.projection.discretionary, self.projection.total)
	}
}

/// The paper's colour and the chain's.
const PAPER_COLOUR: RGBColor = RGBColor(0x8a, 0x8a, 0x8a);
const CHAIN_COLOUR: RGBColor = RGBColor(0x1f, 0x6f, 0xeb);

/// Draws the release chart of `periods` into `svg`. Period `i` is centred on x = i; its two
/// bars sit either side of the centre.
fn draw_chart(
	svg: &mut String,
	periods: &[Period],
	chain: &str,
	unscheduled_percent: f64,
) -> Result<(), Box<dyn std::error::Error>> {
	let root = SVGBackend::with_string(svg, (760, 420)).into_drawing_area();
	root.fill(&WHITE)?;
	let last = periods.len() as f64 - 0.5;
	let mut chart = ChartBuilder::on(&root)
		.caption(format!("BTT release per year: paper vs. {chain} (% of 210M)"), ("sans-serif", 16))
		.margin(12)
		.x_label_area_size(30)
		.y_label_area_size(46)
		.build_cartesian_2d(-0.5f64..last, 0f64..100f64)?;
	chart
		.configure_mesh()
		.disable_x_mesh()
		.x_labels(periods.len())
		.x_label_formatter(&|x| {
			let index = x.round();
			match periods.get(index as usize) {
				Some(period) if (x - index).abs() < 1e-6 && index >= 0.0 => {
					period.label.to_string()
				}
				_ => String::new(),
			}
		})
		.y_labels(6)
		.y_label_formatter(&|y| format!("{y:.0}%"))
		.draw()?;

	let bar = |offset: f64, value: fn(&Period) -> f64, colour: RGBColor| {
		periods.iter().enumerate().map(move |(i, p)| {
			let x = i as f64 + offset;
			Rectangle::new([(x, 0.0), (x + 0.3, value(p))], colour.filled())
		})
	};
	chart
		.draw_series(bar(-0.3, |p| p.paper, PAPER_COLOUR))?
		.label("paper (bars: per period, dashes: cumulative)")
		.legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], PAPER_COLOUR.filled()));
	chart
		.draw_series(bar(0.0, |p| p.chain_percent, CHAIN_COLOUR))?
		.label(format!("chain schedule ({unscheduled_percent:.1}% unscheduled: governance pools)"))
		.legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], CHAIN_COLOUR.filled()));
	let cumulative = |value: fn(&Period) -> f64| {
		periods.iter().enumerate().map(move |(i, p)| (i as f64, value(p))).collect::<Vec<_>>()
	};
	chart.draw_series(DashedLineSeries::new(
		cumulative(|p| p.paper_cumulative),
		5,
		3,
		PAPER_COLOUR.stroke_width(2),
	))?;
	chart.draw_series(DashedLineSeries::new(
		cumulative(|p| p.chain_cumulative),
		5,
		3,
		CHAIN_COLOUR.stroke_width(2),
	))?;
	chart
		.configure_series_labels()
		.position(SeriesLabelPosition::UpperLeft)
		.background_style(WHITE.mix(0.9))
		.border_style(BLACK)
		.draw()?;
	root.present()?;
	Ok(())
}

/// `part` as a percentage of `whole`.
fn percent(part: Balance, whole: Balance) -> f64 {
	if whole == 0 {
		return 0.0;
	}
	part as f64 * 100.0 / whole as f64
}

/// Plancks as whole BTT with thousands separators (rounded down).
fn btt(plancks: Balance) -> String {
	let whole = btt_plain(plancks);
	let mut out = String::new();
	for (i, digit) in whole.chars().enumerate() {
		if i > 0 && (whole.len() - i) % 3 == 0 {
			out.push(',');
		}
		out.push(digit);
	}
	out
}

/// Plancks as whole BTT (rounded down).
fn btt_plain(plancks: Balance) -> String {
	(plancks / 10u128.pow(u32::from(TOKEN_DECIMALS))).to_string()
}

#[cfg(test)]
mod tests {
	use super::*;
	use btt_runtime::currency::{BTT, TOTAL_SUPPLY};

	/// The report of the local testnet: the dev chain's table on the production calendar
	/// (the dev chain's short day makes its mining eras, and so the projection, shorter).
	fn local_report() -> Report {
		let spec = crate::chain_spec::local_testnet().expect("the local spec builds");
		Report::from_genesis(&spec).expect("the local runtime answers")
	}

	#[test]
	fn a_chain_on_the_production_calendar_reports_its_own_schedule() {
		let report = local_report();
		assert_eq!(report.rows.len(), 12);
		assert_eq!(report.projection.total, TOTAL_SUPPLY);
		// Community incentives, ecosystem fund, strategic reserve: 12% + 7% + 1%, less the
		// 11M the ecosystem fund keeps for milestone burns.
		assert_eq!(report.projection.discretionary, 31_000_000 * BTT);
		// The four milestone burns (1M + 2M + 5M + 3M) are kept back in the ecosystem fund:
		// they will be burned, not released.
		assert_eq!(report.projection.milestone_burns, 11_000_000 * BTT);
		// Mining ends last, after 8 years; everything scheduled is released by then.
		assert_eq!(report.projection.years.len(), 8);
		assert_eq!(
			report.projection.years.last().map(|y| y.cumulative),
			Some(TOTAL_SUPPLY - 42_000_000 * BTT)
		);
		// At genesis only the liquidity row circulates, plus the existential deposits that
		// opened the development fund and the stakers' pot.
		assert_eq!(
			report.supply.circulating,
			4_200_000 * BTT + 2 * btt_runtime::EXISTENTIAL_DEPOSIT
		);
		let periods = report.periods();
		assert_eq!(periods.len(), 6);
		let scheduled: Balance = periods.iter().map(|p| p.chain).sum();
		assert_eq!(scheduled, TOTAL_SUPPLY - 42_000_000 * BTT);
		assert!((periods[5].chain_cumulative - 80.0).abs() < 1e-9);
	}

	/// The one copy of the paper's table (`docs/paper-release.json`, which the web app reads
	/// too) holds the paper's section 8, written out here by hand; its cumulative column is
	/// the running sum and ends at the whole supply.
	#[test]
	fn the_paper_table_is_the_papers_section_8() {
		let table = paper_table().expect("docs/paper-release.json parses");
		let rows: Vec<_> =
			table.iter().map(|p| (p.label.as_str(), p.percent, p.cumulative)).collect();
		assert_eq!(
			rows,
			vec![
				("2025", 22.0, 22.0),
				("2026", 18.0, 40.0),
				("2027", 15.0, 55.0),
				("2028", 12.0, 67.0),
				("2029", 10.0, 77.0),
				("2030+", 23.0, 100.0),
			]
		);
		let mut sum = 0.0;
		for period in &table {
			sum += period.percent;
			assert!((period.cumulative - sum).abs() < 1e-9, "{} cumulative", period.label);
		}
	}

	#[test]
	fn the_files_hold_the_comparison() {
		let report = local_report();
		let csv = report.render_csv();
		let lines: Vec<&str> = csv.lines().collect();
		assert_eq!(lines.len(), 9, "header, six periods, unscheduled, milestone burns");
		assert!(lines[1].starts_with("2025,22.00,22.00,"));
		assert!(lines[6].starts_with("2030+,23.00,100.00,"));
		assert!(lines[7].starts_with("unscheduled (governance),,,31000000,14.7619,"));
		assert!(lines[8].starts_with("milestone burns,,,11000000,5.2381,"));
		let svg = report.render_svg().expect("the chart draws");
		assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
		// Six periods, each with the paper's and the chain's bar and its label.
		assert!(svg.matches(r##"fill="#1F6FEB""##).count() >= 6, "the chain's bars");
		assert!(svg.matches(r##"fill="#8A8A8A""##).count() >= 6, "the paper's bars");
		for period in report.paper.iter().map(|p| &p.label) {
			assert!(svg.contains(&format!(">\n{period}\n</text>")), "the label {period}");
		}
		assert!(svg.contains("unscheduled: governance pools"));
		assert!(report.render_text().contains("2030+"));
	}

	#[test]
	fn balances_print_as_whole_btt() {
		assert_eq!(btt(0), "0");
		assert_eq!(btt(999 * BTT), "999");
		assert_eq!(btt(1_234_567 * BTT + BTT / 2), "1,234,567");
		assert_eq!(btt_plain(210_000_000 * BTT), "210000000");
	}
}
