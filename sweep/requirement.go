package sweep

import (
	"fmt"
	"math"

	"pingtune/scenarios"
)

// The metrics a requirement can bound: see package scenarios, which owns
// the names and the Requirement type.
const (
	DetectClientP95    = scenarios.DetectClientP95
	DetectServerP95    = scenarios.DetectServerP95
	PushLatencyP95     = scenarios.PushLatencyP95
	BatteryPctPerDay   = scenarios.BatteryPctPerDay
	WakeupsPerHour     = scenarios.WakeupsPerHour
	Availability       = scenarios.Availability
	UnnoticedMinPerDay = scenarios.UnnoticedMinPerDay
)

// Requirement is one bound of sweep.require: Upper means metric <= Bound,
// otherwise metric >= Bound.
type Requirement = scenarios.Requirement

// Metrics lists the metric names in the order reports show them.
func Metrics() []string { return scenarios.Metrics() }

// IsLatency reports whether metric is a pooled p95 latency in seconds.
func IsLatency(metric string) bool { return scenarios.IsLatency(metric) }

// FormatBound writes a bound in the scenario's YAML syntax.
func FormatBound(metric string, v float64) string { return scenarios.FormatBound(metric, v) }

// validate checks a requirement names a known metric.
func validate(r Requirement) error {
	for _, m := range Metrics() {
		if r.Metric == m {
			if math.IsNaN(r.Bound) {
				return fmt.Errorf("sweep: requirement %s: bound is NaN", r.Metric)
			}
			return nil
		}
	}
	return fmt.Errorf("sweep: unknown requirement metric %q (want one of %v)", r.Metric, Metrics())
}
