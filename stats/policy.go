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

// policyMetrics are cfg's PolicyMetrics from its replications' scalars.
func policyMetrics(cfg *sim.Config, reps []RepScalars) PolicyMetrics {
	var pm PolicyMetrics
	col := func(f func(r *RepScalars) float64) []float64 {
		xs := make([]float64, len(reps))
		for i := range reps {
			xs[i] = f(&reps[i])
		}
		return xs
	}
	if IsFleet(cfg) {
		b := WorstDecile(col(func(r *RepScalars) float64 { return r.Battery }))
		u := WorstDecile(col(func(r *RepScalars) float64 { return r.Unnoticed }))
		pm.BatteryPctPerDayWorstDecile, pm.UnnoticedMinPerDayWorstDecile = &b, &u
	}
	if cfg.App.Policy.Kind == sim.PolicyFixed {
		return pm
	}
	inf := math.Inf(1)
	est := func(f func(r *RepScalars) float64) *Estimate {
		e := MeanCI(col(f)).Within(0, inf)
		return &e
	}
	pm.IntervalMeanS = est(func(r *RepScalars) float64 { return r.IntervalMean })
	pm.IntervalP5S = est(func(r *RepScalars) float64 { return r.IntervalP5 })
	pm.IntervalP95S = est(func(r *RepScalars) float64 { return r.IntervalP95 })
	pm.SettleS = est(func(r *RepScalars) float64 { return r.Settle })
	n := 0
	for i := range reps {
		if reps[i].Unsettled {
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
