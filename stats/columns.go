package stats

import (
	"cmp"
	"slices"
	"time"

	"pingtune/sim"
)

// Column is one per-replication rate, in replication order, under the key
// results.json gives its estimate: the series a paired comparison subtracts.
type Column struct {
	Key    string
	Values []float64
}

// rateColumns are the per-replication rates with their keys, in the order
// `compare` lists them. The first ten are the rates of Metrics (Summarize
// computes each the same way; TestColumnsMatchSummarize holds them equal);
// the interval ones are the heartbeat policy's (policy.go).
var rateColumns = []struct {
	key string
	f   func(r *sim.Result, c *sim.Config) float64
}{
	{"wakeups_per_hour", func(r *sim.Result, c *sim.Config) float64 { return float64(r.Wakeup()) / c.Horizon.Hours() }},
	{"radio_promotions_per_hour", func(r *sim.Result, c *sim.Config) float64 { return float64(r.Promotions) / c.Horizon.Hours() }},
	{"energy_j_per_hour", func(r *sim.Result, c *sim.Config) float64 { return r.EnergyJ() / c.Horizon.Hours() }},
	{"radio_j_per_hour", func(r *sim.Result, c *sim.Config) float64 { return r.RadioJ / c.Horizon.Hours() }},
	{"cpu_j_per_hour", func(r *sim.Result, c *sim.Config) float64 { return r.CPUJ / c.Horizon.Hours() }},
	{"battery_pct_per_day", func(r *sim.Result, c *sim.Config) float64 {
		return 100 * r.EnergyJ() / (c.Horizon.Hours() / 24) / c.Device.BatteryJoules()
	}},
	{"availability", func(r *sim.Result, _ *sim.Config) float64 { return float64(r.UpTime) / float64(r.Horizon) }},
	{"unnoticed_min_per_day", func(r *sim.Result, c *sim.Config) float64 { return r.BrokenTime.Minutes() / (c.Horizon.Hours() / 24) }},
	{"breaks_per_day", func(r *sim.Result, c *sim.Config) float64 { return float64(len(r.Breaks)) / (c.Horizon.Hours() / 24) }},
	{"self_breaks_per_day", func(r *sim.Result, c *sim.Config) float64 { return float64(r.SelfBreaks()) / (c.Horizon.Hours() / 24) }},
	{"interval_mean_s", func(r *sim.Result, _ *sim.Config) float64 { return IntervalMean(r).Seconds() }},
	{"interval_p5_s", func(r *sim.Result, _ *sim.Config) float64 { return IntervalQuantile(r, 0.05).Seconds() }},
	{"interval_p95_s", func(r *sim.Result, _ *sim.Config) float64 { return IntervalQuantile(r, 0.95).Seconds() }},
	{"settle_s", func(r *sim.Result, _ *sim.Config) float64 { return SettleTime(r).Seconds() }},
}

// Columns are cfg's per-replication rates over results.
func Columns(cfg *sim.Config, results []sim.Result) []Column {
	out := make([]Column, len(rateColumns))
	for i, rc := range rateColumns {
		xs := make([]float64, len(results))
		for j := range results {
			xs[j] = rc.f(&results[j], cfg)
		}
		out[i] = Column{Key: rc.key, Values: xs}
	}
	return out
}

// spanLengths pairs each interval span of r with how long it lasted up to
// the horizon.
func spanLengths(r *sim.Result) ([]time.Duration, []time.Duration) {
	iv := make([]time.Duration, len(r.Intervals))
	ln := make([]time.Duration, len(r.Intervals))
	for i, s := range r.Intervals {
		end := r.Horizon
		if i+1 < len(r.Intervals) {
			end = r.Intervals[i+1].From
		}
		iv[i], ln[i] = s.Interval, max(end-s.From, 0)
	}
	return iv, ln
}

// IntervalMean is r's background interval averaged over the horizon,
// weighted by the time it was in force.
func IntervalMean(r *sim.Result) time.Duration {
	iv, ln := spanLengths(r)
	var sum, total float64
	for i := range iv {
		sum += float64(iv[i]) * float64(ln[i])
		total += float64(ln[i])
	}
	if total == 0 {
		if len(iv) > 0 {
			return iv[len(iv)-1]
		}
		return 0
	}
	return time.Duration(sum / total)
}

// IntervalQuantile is the interval r ran at for at least a fraction q of the
// horizon at or below it: its time-weighted q-quantile.
func IntervalQuantile(r *sim.Result, q float64) time.Duration {
	iv, ln := spanLengths(r)
	if len(iv) == 0 {
		return 0
	}
	idx := make([]int, len(iv))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(iv[a], iv[b]) })
	var total time.Duration
	for _, l := range ln {
		total += l
	}
	var acc time.Duration
	for _, i := range idx {
		acc += ln[i]
		if float64(acc) >= q*float64(total) {
			return iv[i]
		}
	}
	return iv[idx[len(idx)-1]]
}

// SettleTime is when r's policy first settled; the horizon when it never did
// (a censored value, counted by Metrics.Unsettled).
func SettleTime(r *sim.Result) time.Duration {
	if r.SettledAt == sim.Unresolved {
		return r.Horizon
	}
	return r.SettledAt
}
