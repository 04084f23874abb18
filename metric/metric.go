// Package metric is the one table of the metrics pingtune reports: each
// one's key in results.json and results.csv, the key sweep.require bounds it
// by, its unit, the direction a plain bound takes, whether it is a pooled
// latency, and where its value is in stats.Metrics. Package scenarios takes
// its requirement keys from here, package sweep tests them, and package
// reports writes and formats them, so a metric is added in one place.
package metric

import "pingtune/stats"

// The metrics sweep.require can bound, as it names them. Latency bounds are
// in seconds.
const (
	DetectClientP95  = "detect_client_p95"
	DetectServerP95  = "detect_server_p95"
	PushLatencyP95   = "push_latency_p95"
	BatteryPctPerDay = "battery_pct_per_day"
	WakeupsPerHour   = "wakeups_per_hour"
	Availability     = "availability"
	// UnnoticedMinPerDay bounds the minutes a day the client holds a dead
	// connection it believes up: detection weighted by time, which a flood of
	// quickly found breaks cannot dilute the way it can a pooled p95.
	UnnoticedMinPerDay = "unnoticed_min_per_day"
)

// Unit says what a metric's number is, and so how it is written for people.
type Unit uint8

const (
	Count     Unit = iota // a plain number
	Seconds               // a latency: 12m30s
	Fraction              // a share: 0.99 is 99.000%
	PerHour               // 6.1/h
	PctPerDay             // battery: 1.2 %/day
	MinPerDay             // 16 min/day
	JPerHour              // energy: 141 J/h
	PerDay                // breaks: 5.6/day
)

// Def is one metric.
type Def struct {
	Key     string // in results.json and results.csv: "battery_pct_per_day", "detect_client_s"
	Require string // the sweep.require key that bounds it (a latency's p95), "" when none can
	Unit    Unit
	// Upper: a plain bound in sweep.require is an upper bound (less is
	// better); false for availability, which a plain bound bounds below.
	Upper bool
	// Exactly one of these is set: a per-replication rate with a Student-t
	// 95% interval across replications, or a distribution pooled over every
	// break (or push) of every replication.
	Estimate func(*stats.Metrics) stats.Estimate
	Latency  func(*stats.Metrics) stats.Latency
}

// IsLatency reports whether d is a pooled latency distribution.
func (d *Def) IsLatency() bool { return d.Latency != nil }

// The metrics, each defined once.
var (
	wakeups = Def{Key: "wakeups_per_hour", Require: WakeupsPerHour, Unit: PerHour, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.WakeupsPerHour }}
	promotions = Def{Key: "radio_promotions_per_hour", Unit: PerHour, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.RadioPromotionsPerHour }}
	energy = Def{Key: "energy_j_per_hour", Unit: JPerHour, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.EnergyJPerHour }}
	radioEnergy = Def{Key: "radio_j_per_hour", Unit: JPerHour, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.RadioJPerHour }}
	cpuEnergy = Def{Key: "cpu_j_per_hour", Unit: JPerHour, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.CPUJPerHour }}
	battery = Def{Key: "battery_pct_per_day", Require: BatteryPctPerDay, Unit: PctPerDay, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.BatteryPctPerDay }}
	availability = Def{Key: "availability", Require: Availability, Unit: Fraction, Upper: false,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.Availability }}
	unnoticed = Def{Key: "unnoticed_min_per_day", Require: UnnoticedMinPerDay, Unit: MinPerDay, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.UnnoticedMinPerDay }}
	breaks = Def{Key: "breaks_per_day", Unit: PerDay, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.BreaksPerDay }}
	selfBreaks = Def{Key: "self_breaks_per_day", Unit: PerDay, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return m.SelfBreaksPerDay }}

	detectClient = Def{Key: "detect_client_s", Require: DetectClientP95, Unit: Seconds, Upper: true,
		Latency: func(m *stats.Metrics) stats.Latency { return m.DetectClientS }}
	detectServer = Def{Key: "detect_server_s", Require: DetectServerP95, Unit: Seconds, Upper: true,
		Latency: func(m *stats.Metrics) stats.Latency { return m.DetectServerS }}
	recovery = Def{Key: "recover_s", Unit: Seconds, Upper: true,
		Latency: func(m *stats.Metrics) stats.Latency { return m.RecoverS }}
	pushLatency = Def{Key: "push_latency_s", Require: PushLatencyP95, Unit: Seconds, Upper: true,
		Latency: func(m *stats.Metrics) stats.Latency { return m.Pushes.LatencyS }}
)

// Rates are the per-replication rates, in the order results.csv writes them.
var Rates = []*Def{&wakeups, &promotions, &energy, &radioEnergy, &cpuEnergy, &battery, &availability, &unnoticed, &breaks, &selfBreaks}

// Latencies are the pooled latency distributions, in the order results.csv
// writes them.
var Latencies = []*Def{&detectClient, &detectServer, &recovery, &pushLatency}

// requirable are the metrics sweep.require can bound, in the order
// scenarios.Sweep.Require keeps them and reports show them.
var requirable = []*Def{&detectClient, &detectServer, &pushLatency, &battery, &wakeups, &availability, &unnoticed}

// Requirable lists the sweep.require keys, in the order Sweep.Require keeps
// them and reports show them.
func Requirable() []string {
	keys := make([]string, len(requirable))
	for i, d := range requirable {
		keys[i] = d.Require
	}
	return keys
}

// ByRequire is the metric a sweep.require key bounds, or nil.
func ByRequire(key string) *Def {
	for _, d := range requirable {
		if d.Require == key {
			return d
		}
	}
	return nil
}

// IsLatency reports whether a sweep.require key bounds a pooled p95
// latency (in seconds).
func IsLatency(key string) bool {
	d := ByRequire(key)
	return d != nil && d.IsLatency()
}

// The heartbeat policy's interval over time (stats.PolicyMetrics): results
// carry them only under a moving policy; `compare` pairs them always.
var (
	intervalMean = Def{Key: "interval_mean_s", Unit: Seconds, Upper: false,
		Estimate: func(m *stats.Metrics) stats.Estimate { return orZero(m.IntervalMeanS) }}
	intervalP5 = Def{Key: "interval_p5_s", Unit: Seconds, Upper: false,
		Estimate: func(m *stats.Metrics) stats.Estimate { return orZero(m.IntervalP5S) }}
	intervalP95 = Def{Key: "interval_p95_s", Unit: Seconds, Upper: false,
		Estimate: func(m *stats.Metrics) stats.Estimate { return orZero(m.IntervalP95S) }}
	settle = Def{Key: "settle_s", Unit: Seconds, Upper: true,
		Estimate: func(m *stats.Metrics) stats.Estimate { return orZero(m.SettleS) }}
)

// Policy are the interval-over-time rates, in the order results show them.
var Policy = []*Def{&intervalMean, &intervalP5, &intervalP95, &settle}

// orZero is e, or a zero estimate where a result has none.
func orZero(e *stats.Estimate) stats.Estimate {
	if e == nil {
		return stats.Estimate{}
	}
	return *e
}
