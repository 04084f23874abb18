package sweep

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"pingtune/sim"
)

// The metrics a requirement can bound, as `sweep.require` names them.
// Latency bounds are in seconds.
const (
	DetectClientP95  = "detect_client_p95"
	DetectServerP95  = "detect_server_p95"
	PushLatencyP95   = "push_latency_p95"
	BatteryPctPerDay = "battery_pct_per_day"
	WakeupsPerHour   = "wakeups_per_hour"
	Availability     = "availability"
)

// Metrics lists the metric names in the order reports show them.
func Metrics() []string {
	return []string{DetectClientP95, DetectServerP95, PushLatencyP95, BatteryPctPerDay, WakeupsPerHour, Availability}
}

// IsLatency reports whether metric is a pooled p95 latency in seconds.
func IsLatency(metric string) bool {
	return metric == DetectClientP95 || metric == DetectServerP95 || metric == PushLatencyP95
}

// Requirement is one bound of `sweep.require`: Upper means metric <= Bound,
// otherwise metric >= Bound. It has the fields of scenarios.Requirement.
type Requirement struct {
	Metric string
	Upper  bool
	Bound  float64
}

// Op is "<=" for an upper bound and ">=" for a lower one.
func (r Requirement) Op() string {
	if r.Upper {
		return "<="
	}
	return ">="
}

// String writes the requirement as a user would: detect_client_p95 <= 20m.
func (r Requirement) String() string {
	return r.Metric + " " + r.Op() + " " + FormatBound(r.Metric, r.Bound)
}

// FormatBound writes a bound in the scenario's YAML syntax: a duration for a
// latency, a plain number otherwise.
func FormatBound(metric string, v float64) string {
	if IsLatency(metric) && !math.IsInf(v, 0) && !math.IsNaN(v) {
		return sim.FormatDuration(time.Duration(math.Round(v * 1e9)))
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// validate checks a requirement names a known metric.
func (r Requirement) validate() error {
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
