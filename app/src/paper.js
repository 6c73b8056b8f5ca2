// The white paper's release table (tokenomics, section 8): the share of the 210M supply
// released in each period and the cumulative share at its end. The chain does not enforce
// these numbers: its allocation rows' own rules produce a release, which the Supply page
// shows beside them (`bttVestingApi.projectedRelease`). The table has one copy in the
// repository, `docs/paper-release.json`, which `btt-node tokenomics` reads too.
import PAPER_RELEASE from '../../docs/paper-release.json' with { type: 'json' };

export { PAPER_RELEASE };

/**
 * The chain's projected release in the paper's periods: year 1 after genesis is the
 * paper's 2025, ..., year 5 is 2029, and every later year is "2030+". Returns one
 * `{ period, paper, paperCumulative, chain (plancks), chainPercent, chainCumulative }` per row.
 */
export function releaseBesidePaper(projection) {
  const total = projection.total.toBigInt();
  const years = projection.years.map((y) => ({ year: y.year.toNumber(), released: y.released.toBigInt() }));
  let cumulative = 0n;
  return PAPER_RELEASE.map((row, index) => {
    const last = index === PAPER_RELEASE.length - 1;
    const chain = years
      .filter((y) => (last ? y.year > index : y.year === index + 1))
      .reduce((sum, y) => sum + y.released, 0n);
    cumulative += chain;
    const share = (amount) => (total === 0n ? 0 : Number((amount * 10_000n) / total) / 100);
    return {
      period: row.period,
      paper: row.percent,
      paperCumulative: row.cumulative,
      chain,
      chainPercent: share(chain),
      chainCumulative: share(cumulative),
    };
  });
}
