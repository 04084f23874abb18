package stats

import (
	"math"
	"slices"

	"pingtune/sim"
)

// PolicyMetrics are written only where they say something: the interval
// over time under a moving heartbeat policy (a fixed one runs at its
// interval throughout), and the worst decile of a fleet (replications that
// drew different networks). Under a fixed policy without a fleet they are
// all nil, and results read as they always did.
type PolicyMetrics struct {
	// IntervalMeanS is the background interval averaged over the horizon,
	// weighted by time; IntervalP5S and IntervalP95S its 5th and 95th
	// percentiles over time; each a mean across replications.
	IntervalMeanS *Estimate `json:"interval_mean_s,omitempty"`
	IntervalP5S   *Estimate `json:"interval_p5_s,omitempty"`
	IntervalP95S  *Estimate `json:"interval_p95_s,omitempty"`
	// SettleS is the time until the policy first settled (locked, or its
	// search ended); a replication that never did counts the horizon, and
	// Unsettled counts those.
	SettleS   *Estimate `json:"settle_s,omitempty"`
	Unsettled *int      `json:"unsettled,omitempty"`

	// The fleet: the mean over the worst-off 10% of replications (at least
	// one) of battery and of unnoticed minutes a day.
	BatteryPctPerDayWorstDecile   *float64 `json:"battery_pct_per_day_worst_decile,omitempty"`
	UnnoticedMinPerDayWorstDecile *float64 `json:"unnoticed_min_per_day_worst_decile,omitempty"`
}

// IsFleet reports whether cfg's replications draw their networks.
func IsFleet(cfg *sim.Config) bool {
	return cfg.Network.NATIdleFleet != nil || cfg.Server.IdleTimeoutFleet != nil && cfg.Server.IdleTimeoutMultiple == 0
}

func policyMetrics(cfg *sim.Config, results []sim.Result, unnoticed, battery []float64) PolicyMetrics {
	var pm PolicyMetrics
	if IsFleet(cfg) {
		b, u := WorstDecile(battery), WorstDecile(unnoticed)
		pm.BatteryPctPerDayWorstDecile, pm.UnnoticedMinPerDayWorstDecile = &b, &u
	}
	if cfg.App.Policy.Kind == sim.PolicyFixed {
		return pm
	}
	inf := math.Inf(1)
	est := func(key string) *Estimate {
		for _, c := range Columns(cfg, results) {
			if c.Key == key {
				e := MeanCI(c.Values).Within(0, inf)
				return &e
			}
		}
		panic("stats: no column " + key)
	}
	pm.IntervalMeanS, pm.IntervalP5S, pm.IntervalP95S, pm.SettleS = est("interval_mean_s"), est("interval_p5_s"), est("interval_p95_s"), est("settle_s")
	n := 0
	for i := range results {
		if results[i].SettledAt == sim.Unresolved {
			n++
		}
	}
	pm.Unsettled = &n
	return pm
}

// WorstDecile is the mean of the largest tenth of xs (at least one value):
// the users worst off, for a metric where more is worse.
func WorstDecile(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	k := max(1, int(math.Ceil(float64(len(s))/10)))
	sum := 0.0
	for _, x := range s[len(s)-k:] {
		sum += x
	}
	return round(sum / float64(k))
}
