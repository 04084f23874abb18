package stats

import (
	"math"

	"pingtune/sim"
	"pingtune/stats/hist"
)

// Point is the summary of all replications at one interval, as `run -json`
// prints it and as `sweep` writes each entry of points[] (docs/results.md).
type Point struct {
	Scenario           string        `json:"scenario"`
	Seed               uint64        `json:"seed"`
	Replications       int           `json:"replications"`
	HorizonS           float64       `json:"horizon_s"`
	IntervalS          float64       `json:"interval_s"`
	EffectiveIntervalS float64       `json:"effective_interval_s"`
	Warnings           []sim.Warning `json:"warnings"`
	Metrics            Metrics       `json:"metrics"`

	// Reps holds the per-replication values behind the estimates, in
	// replication order, for paired comparisons between intervals.
	Reps []RepValues `json:"-"`
	// ClientDetect, ServerDetect and PushLatency are the pooled latencies
	// behind DetectClientS, DetectServerS and Pushes.LatencyS, in
	// nanoseconds, as histograms (package hist: every value within
	// hist.RelativeError): for the CDF plot, and for the requirement checks
	// of package sweep, which recompute the p95 with the censored ones.
	ClientDetect *hist.Histogram `json:"-"`
	ServerDetect *hist.Histogram `json:"-"`
	PushLatency  *hist.Histogram `json:"-"`
	// ClientCensored and ServerCensored are, for each break a side had not
	// learned of when the run (and its drain) ended, how long it had been
	// open then, in nanoseconds: a censored latency is known only to be
	// longer than that.
	ClientCensored *hist.Histogram `json:"-"`
	ServerCensored *hist.Histogram `json:"-"`
}

// Metrics are the measured outcomes at one interval.
type Metrics struct {
	WakeupsPerHour         Estimate    `json:"wakeups_per_hour"`
	WakeupsByCausePerHour  WakeupCause `json:"wakeups_by_cause_per_hour"`
	RadioPromotionsPerHour Estimate    `json:"radio_promotions_per_hour"`
	EnergyJPerHour         Estimate    `json:"energy_j_per_hour"`
	RadioJPerHour          Estimate    `json:"radio_j_per_hour"`
	CPUJPerHour            Estimate    `json:"cpu_j_per_hour"`
	BatteryPctPerDay       Estimate    `json:"battery_pct_per_day"`
	Availability           Estimate    `json:"availability"`
	UnnoticedMinPerDay     Estimate    `json:"unnoticed_min_per_day"`
	BreaksPerDay           Estimate    `json:"breaks_per_day"`
	// SelfBreaksPerDay counts the breaks the interval causes itself (a NAT
	// or the server timing out an idle connection: causes nat, server_idle).
	SelfBreaksPerDay Estimate `json:"self_breaks_per_day"`
	Breaks           Breaks   `json:"breaks"`
	DetectClientS    Latency  `json:"detect_client_s"`
	DetectServerS    Latency  `json:"detect_server_s"`
	RecoverS         Latency  `json:"recover_s"`
	Pushes           Pushes   `json:"pushes"`
	AppKills         int      `json:"app_kills"`
	Pings            int      `json:"pings"`
	PingTimeouts     int      `json:"ping_timeouts"`
	FalseTimeouts    int      `json:"false_timeouts"`
	ConnectAttempts  int      `json:"connect_attempts"`
	ConnectFailures  int      `json:"connect_failures"`
	PolicyMetrics             // a moving heartbeat policy's, and a fleet's (policy.go)
}

// WakeupCause splits wakeups per hour by what woke the app (means across
// replications).
type WakeupCause struct {
	Keepalive float64 `json:"keepalive"`
	Socket    float64 `json:"socket"`
	Push      float64 `json:"push"`
	User      float64 `json:"user"`
}

// PerCause is the rates in sim.WakeCause order. A wake cause added to sim
// fails to compile here until WakeupCause has its field.
func (w WakeupCause) PerCause() [sim.NumWakeCauses]float64 {
	return [...]float64{w.Keepalive, w.Socket, w.Push, w.User}
}

// Breaks counts broken connections over all replications.
type Breaks struct {
	Total   int          `json:"total"`
	ByCause BreakByCause `json:"by_cause"`
	// ClientVia and ServerVia count how each side learned of its breaks
	// (ping_timeout, interface_down, reset, idle_timeout, takeover, ...).
	ClientVia map[string]int `json:"client_learned_via"`
	ServerVia map[string]int `json:"server_learned_via"`
}

// BreakByCause counts breaks by cause, in a fixed order.
type BreakByCause struct {
	Wifi           int `json:"wifi"`
	Handover       int `json:"handover"`
	NAT            int `json:"nat"`
	ServerGraceful int `json:"server_graceful"`
	ServerSilent   int `json:"server_silent"`
	Kill           int `json:"kill"`
	ServerIdle     int `json:"server_idle"`
	// SocketDestroyed: Android destroyed the app's socket (a Doze idle
	// entry, the freezer).
	SocketDestroyed int `json:"socket_destroyed"`
}

// Get returns the count for cause c.
func (b *BreakByCause) Get(c sim.Cause) int { return *b.field(c) }

// field is the count of cause c. A cause added to sim fails to compile here
// until BreakByCause has its field.
func (b *BreakByCause) field(c sim.Cause) *int {
	var fields [sim.NumCauses]*int = [...]*int{&b.Wifi, &b.Handover, &b.NAT, &b.ServerGraceful, &b.ServerSilent, &b.Kill, &b.ServerIdle, &b.SocketDestroyed}
	return fields[c]
}

// Latency is a pooled latency distribution in seconds: every break (or push)
// of every replication. Censored counts those the horizon cut short; they
// are not in the percentiles, which therefore lean short when many are.
type Latency struct {
	N        int      `json:"n"`
	Censored int      `json:"censored"`
	Mean     float64  `json:"mean"`
	P50      float64  `json:"p50"`
	P90      float64  `json:"p90"`
	P95      float64  `json:"p95"`
	P99      float64  `json:"p99"`
	Max      float64  `json:"max"`
	P50CI95  [2]Bound `json:"p50_ci95"`
	P95CI95  [2]Bound `json:"p95_ci95"`
}

// Pushes accounts for server pushes over all replications.
type Pushes struct {
	Sent      int     `json:"sent"`
	Delivered int     `json:"delivered"`
	Lost      int     `json:"lost"`
	Dropped   int     `json:"dropped"`
	Pending   int     `json:"pending"`
	LatencyS  Latency `json:"latency_s"`
}

// RepValues are one replication's rates.
type RepValues struct {
	WakeupsPerHour   float64
	EnergyJPerHour   float64
	BatteryPctPerDay float64
	Availability     float64
	BreaksPerDay     float64
	SelfBreaksPerDay float64
	// UnnoticedMinPerDay is minutes a day the client held a dead connection
	// it believed up.
	UnnoticedMinPerDay float64
}

// Summarize builds the Point for results, the replications of cfg in order.
func Summarize(cfg *sim.Config, results []sim.Result) Point {
	a := NewAccumulator(cfg, len(results))
	for i := range results {
		a.Add(&results[i])
	}
	return a.Point()
}

// poolLatencies summarises the pooled latencies of s into p.
func poolLatencies(p *Point, s *AccState) {
	m := &p.Metrics
	m.DetectClientS = PoolHist(&s.Client, s.ClientOpen.N())
	m.DetectServerS = PoolHist(&s.Server, s.ServerOpen.N())
	m.RecoverS = PoolHist(&s.Recover, s.Counts.RecoverCensored)
	m.Pushes.LatencyS = PoolHist(&s.Push, m.Pushes.Pending)
	p.ClientDetect, p.ServerDetect, p.PushLatency = &s.Client, &s.Server, &s.Push
	p.ClientCensored, p.ServerCensored = &s.ClientOpen, &s.ServerOpen
}

// PoolHist summarises a pooled histogram of latencies in nanoseconds, in
// seconds: the mean exactly, percentiles and their intervals within
// hist.RelativeError, the maximum exactly.
func PoolHist(h *hist.Histogram, censored int) Latency {
	n := h.N()
	l := Latency{N: n, Censored: censored}
	if n == 0 {
		unknown := [2]Bound{Bound(math.Inf(-1)), Bound(math.Inf(1))}
		l.P50CI95, l.P95CI95 = unknown, unknown
		return l
	}
	sec := func(k int) float64 { return h.Value(k) / 1e9 }
	q := func(p float64) float64 { return round(sec(quantileRank(p, n))) }
	l.Mean = round(h.Mean() / 1e9)
	l.P50, l.P90, l.P95, l.P99 = q(0.50), q(0.90), q(0.95), q(0.99)
	l.Max = round(float64(h.Max()) / 1e9)
	l.P50CI95 = orderCI(0.50, n, sec)
	l.P95CI95 = orderCI(0.95, n, sec)
	return l
}

// Pool summarises a pooled sample of latencies in seconds.
func Pool(xs []float64, censored int) Latency {
	l := Latency{N: len(xs), Censored: censored}
	if len(xs) == 0 {
		unknown := [2]Bound{Bound(math.Inf(-1)), Bound(math.Inf(1))}
		l.P50CI95, l.P95CI95 = unknown, unknown
		return l
	}
	s := sortedCopy(xs)
	var sum float64
	for _, x := range s {
		sum += x
	}
	l.Mean = round(sum / float64(len(s)))
	l.P50 = round(Quantile(0.50, s))
	l.P90 = round(Quantile(0.90, s))
	l.P95 = round(Quantile(0.95, s))
	l.P99 = round(Quantile(0.99, s))
	l.Max = round(s[len(s)-1])
	l.P50CI95 = QuantileCI(0.50, s)
	l.P95CI95 = QuantileCI(0.95, s)
	return l
}
