package stats

import (
	"math"
	"time"

	"pingtune/sim"
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
	// ClientDetect is every client detection latency in seconds, sorted: the
	// pooled sample behind DetectClientS, for CDF plots.
	ClientDetect []float64 `json:"-"`
	// ServerDetect and PushLatency are the pooled samples behind
	// DetectServerS and Pushes.LatencyS, sorted, in seconds: the requirement
	// checks of package sweep recompute their p95 with the censored ones.
	ServerDetect []float64 `json:"-"`
	PushLatency  []float64 `json:"-"`
	// ClientCensored and ServerCensored are, for each break a side had not
	// learned of when the run (and its drain) ended, how long it had been
	// open then, in seconds, sorted: a censored latency is known only to be
	// longer than that.
	ClientCensored []float64 `json:"-"`
	ServerCensored []float64 `json:"-"`
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
}

// Get returns the count for cause c.
func (b *BreakByCause) Get(c sim.Cause) int { return *b.field(c) }

// field is the count of cause c. A cause added to sim fails to compile here
// until BreakByCause has its field.
func (b *BreakByCause) field(c sim.Cause) *int {
	var fields [sim.NumCauses]*int = [...]*int{&b.Wifi, &b.Handover, &b.NAT, &b.ServerGraceful, &b.ServerSilent, &b.Kill, &b.ServerIdle}
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
	p := Point{
		Scenario:           cfg.Name,
		Seed:               cfg.Seed,
		Replications:       len(results),
		HorizonS:           cfg.Horizon.Seconds(),
		IntervalS:          cfg.App.Interval.Seconds(),
		EffectiveIntervalS: cfg.EffectiveInterval().Seconds(),
		Warnings:           cfg.Warnings(),
		Reps:               make([]RepValues, len(results)),
	}
	if p.Warnings == nil {
		p.Warnings = []sim.Warning{}
	}
	if len(results) == 1 {
		p.Warnings = append(p.Warnings, sim.Warning{Kind: sim.WarnOneReplication})
	}
	n := len(results)
	hours := cfg.Horizon.Hours()
	days := hours / 24
	battery := cfg.Device.BatteryJoules()
	col := func(f func(r *sim.Result) float64) []float64 {
		xs := make([]float64, n)
		for i := range results {
			xs[i] = f(&results[i])
		}
		return xs
	}
	m := &p.Metrics
	wake := col(func(r *sim.Result) float64 { return float64(r.Wakeup()) / hours })
	energy := col(func(r *sim.Result) float64 { return r.EnergyJ() / hours })
	batt := col(func(r *sim.Result) float64 { return 100 * r.EnergyJ() / days / battery })
	avail := col(func(r *sim.Result) float64 { return float64(r.UpTime) / float64(r.Horizon) })
	brk := col(func(r *sim.Result) float64 { return float64(len(r.Breaks)) / days })
	self := col(func(r *sim.Result) float64 { return float64(r.SelfBreaks()) / days })
	unnoticed := col(func(r *sim.Result) float64 { return r.BrokenTime.Minutes() / days })
	// Each interval is clipped to the range its metric can take: counts and
	// energies are never negative, and availability is a fraction.
	// (Unnoticed time counts each break's whole detection latency, which the
	// drain may see end past the horizon, so it has no upper limit here.)
	inf := math.Inf(1)
	m.WakeupsPerHour = MeanCI(wake).Within(0, inf)
	m.EnergyJPerHour = MeanCI(energy).Within(0, inf)
	m.BatteryPctPerDay = MeanCI(batt).Within(0, inf)
	m.Availability = MeanCI(avail).Within(0, 1)
	m.BreaksPerDay = MeanCI(brk).Within(0, inf)
	m.SelfBreaksPerDay = MeanCI(self).Within(0, inf)
	m.UnnoticedMinPerDay = MeanCI(unnoticed).Within(0, inf)
	m.RadioPromotionsPerHour = MeanCI(col(func(r *sim.Result) float64 { return float64(r.Promotions) / hours })).Within(0, inf)
	m.RadioJPerHour = MeanCI(col(func(r *sim.Result) float64 { return r.RadioJ / hours })).Within(0, inf)
	m.CPUJPerHour = MeanCI(col(func(r *sim.Result) float64 { return r.CPUJ / hours })).Within(0, inf)
	for i := range p.Reps {
		p.Reps[i] = RepValues{WakeupsPerHour: wake[i], EnergyJPerHour: energy[i], BatteryPctPerDay: batt[i],
			Availability: avail[i], BreaksPerDay: brk[i], SelfBreaksPerDay: self[i], UnnoticedMinPerDay: unnoticed[i]}
	}
	byCause := func(c sim.WakeCause) float64 {
		return round(MeanCI(col(func(r *sim.Result) float64 { return float64(r.Wakeups[c]) / hours })).Mean)
	}
	m.WakeupsByCausePerHour = WakeupCause{
		Keepalive: byCause(sim.WakeKeepalive), Socket: byCause(sim.WakeSocket),
		Push: byCause(sim.WakePush), User: byCause(sim.WakeUser),
	}

	m.Breaks.ClientVia, m.Breaks.ServerVia = map[string]int{}, map[string]int{}
	var client, server, recov, push, clientOpen, serverOpen []float64
	var rc int
	sec := func(d time.Duration) float64 { return d.Seconds() }
	for i := range results {
		r := &results[i]
		for _, b := range r.Breaks {
			m.Breaks.Total++
			(*m.Breaks.ByCause.field(b.Cause))++
			if b.ClientVia != sim.ViaNone {
				m.Breaks.ClientVia[b.ClientVia.String()]++
			}
			if b.ServerVia != sim.ViaNone {
				m.Breaks.ServerVia[b.ServerVia.String()]++
			}
			open := (r.End - b.At).Seconds()
			appendOrCensor(&client, &clientOpen, b.Client, open)
			appendOrCensor(&server, &serverOpen, b.Server, open)
			if b.Recover == sim.Unresolved {
				rc++
			} else {
				recov = append(recov, b.Recover.Seconds())
			}
		}
		for _, d := range r.PushLatency {
			push = append(push, sec(d))
		}
		m.Pushes.Sent += r.Pushes.Sent
		m.Pushes.Delivered += r.Pushes.Delivered
		m.Pushes.Lost += r.Pushes.Lost
		m.Pushes.Dropped += r.Pushes.Dropped
		m.Pushes.Pending += r.Pushes.Pending
		m.AppKills += r.Kills
		m.Pings += r.Pings
		m.PingTimeouts += r.PingTimeouts
		m.FalseTimeouts += r.FalseTimeouts
		m.ConnectAttempts += r.Connects
		m.ConnectFailures += r.ConnectFails
	}
	m.DetectClientS = Pool(client, len(clientOpen))
	p.ClientDetect = sortedCopy(client)
	p.ClientCensored = sortedCopy(clientOpen)
	m.DetectServerS = Pool(server, len(serverOpen))
	p.ServerDetect = sortedCopy(server)
	p.ServerCensored = sortedCopy(serverOpen)
	p.PushLatency = sortedCopy(push)
	m.RecoverS = Pool(recov, rc)
	m.Pushes.LatencyS = Pool(push, m.Pushes.Pending)
	m.PolicyMetrics = policyMetrics(cfg, results, unnoticed, batt)
	return p
}

// appendOrCensor adds a latency to xs, or, when it was never resolved, how
// long it had been open (open, in seconds) to censored.
func appendOrCensor(xs, censored *[]float64, d time.Duration, open float64) {
	if d == sim.Unresolved {
		*censored = append(*censored, open)
		return
	}
	*xs = append(*xs, d.Seconds())
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
