package stats

import (
	"time"

	"fmt"
	"math"

	"pingtune/sim"
	"pingtune/stats/hist"
)

// Accumulator summarises replications as they arrive, in any order, in
// memory that grows with the replications only by a few numbers each
// (RepScalars): latencies go into histograms (package hist) and counts into
// sums, so neither the horizon nor the rate of pushes makes it grow.
// Accumulators of disjoint replications merge (Merge) into the one that saw
// them all, whatever the order: what shards and workers rely on.
type Accumulator struct {
	cfg   *sim.Config
	State AccState
}

// AccState is what an Accumulator has gathered; it round-trips through JSON
// exactly (floats as shortest round-trip decimals), so that a shard's part
// file merges into the same bytes as an unsharded run.
type AccState struct {
	// Reps holds each replication's scalars by replication number;
	// Have[i] says whether replication i has been added.
	Reps []RepScalars `json:"reps"`
	Have []bool       `json:"have"`

	Counts Counts `json:"counts"`
	// Latencies in nanoseconds: resolved ones, and for censored breaks how
	// long they had been open when the run ended.
	Client     hist.Histogram `json:"client"`
	Server     hist.Histogram `json:"server"`
	Recover    hist.Histogram `json:"recover"`
	Push       hist.Histogram `json:"push"`
	ClientOpen hist.Histogram `json:"client_open"`
	ServerOpen hist.Histogram `json:"server_open"`
}

// RepScalars are one replication's rates, behind the Student-t intervals.
type RepScalars struct {
	Wake, Energy, Battery, Avail, Breaks, Self, Unnoticed float64
	Promotions, RadioJ, CPUJ                              float64
	ByCause                                               [sim.NumWakeCauses]float64
	// The heartbeat policy's interval over time (policy.go), in seconds.
	IntervalMean, IntervalP5, IntervalP95, Settle float64
	Unsettled                                     bool
}

// Counts are sums over replications.
type Counts struct {
	ByCause         [sim.NumCauses]int `json:"by_cause"`
	ClientVia       [sim.NumVias]int   `json:"client_via"`
	ServerVia       [sim.NumVias]int   `json:"server_via"`
	RecoverCensored int                `json:"recover_censored"`
	Pushes          sim.PushCounts     `json:"pushes"`
	Kills           int                `json:"kills"`
	Pings           int                `json:"pings"`
	PingTimeouts    int                `json:"ping_timeouts"`
	FalseTimeouts   int                `json:"false_timeouts"`
	Connects        int                `json:"connects"`
	ConnectFailures int                `json:"connect_failures"`
	BreaksTotal     int                `json:"breaks_total"`
}

// NewAccumulator is an empty accumulator for replications 0..reps-1 of cfg.
func NewAccumulator(cfg *sim.Config, reps int) *Accumulator {
	return &Accumulator{cfg: cfg, State: AccState{Reps: make([]RepScalars, reps), Have: make([]bool, reps)}}
}

// Add takes in one replication's result; r may be reused afterwards.
func (a *Accumulator) Add(r *sim.Result) {
	s := &a.State
	s.Have[r.Rep] = true
	s.Reps[r.Rep] = scalarsOf(a.cfg, r)
	rc := CountsOf(r)
	s.Counts.add(&rc)
	for _, b := range r.Breaks {
		open := int64(r.End - b.At)
		recordOrCensor(&s.Client, &s.ClientOpen, b.Client, open)
		recordOrCensor(&s.Server, &s.ServerOpen, b.Server, open)
		if b.Recover != sim.Unresolved {
			s.Recover.Record(int64(b.Recover))
		}
	}
	s.Push.Merge(&r.PushLatency)
}

// CountsOf is replication r's counts: its breaks, by cause and by how each
// side learned of them, the recoveries it never saw, its pushes and its
// counters.
func CountsOf(r *sim.Result) Counts {
	c := Counts{Pushes: r.Pushes, Kills: r.Kills, Pings: r.Pings, PingTimeouts: r.PingTimeouts,
		FalseTimeouts: r.FalseTimeouts, Connects: r.Connects, ConnectFailures: r.ConnectFails,
		BreaksTotal: len(r.Breaks)}
	for _, b := range r.Breaks {
		c.ByCause[b.Cause]++
		c.ClientVia[b.ClientVia]++
		c.ServerVia[b.ServerVia]++
		if b.Recover == sim.Unresolved {
			c.RecoverCensored++
		}
	}
	return c
}

// add adds d to c.
func (c *Counts) add(d *Counts) {
	for i := range c.ByCause {
		c.ByCause[i] += d.ByCause[i]
	}
	for i := range c.ClientVia {
		c.ClientVia[i] += d.ClientVia[i]
		c.ServerVia[i] += d.ServerVia[i]
	}
	c.RecoverCensored += d.RecoverCensored
	c.BreaksTotal += d.BreaksTotal
	c.Pushes.Sent += d.Pushes.Sent
	c.Pushes.Delivered += d.Pushes.Delivered
	c.Pushes.Lost += d.Pushes.Lost
	c.Pushes.Dropped += d.Pushes.Dropped
	c.Pushes.Pending += d.Pushes.Pending
	c.Kills += d.Kills
	c.Pings += d.Pings
	c.PingTimeouts += d.PingTimeouts
	c.FalseTimeouts += d.FalseTimeouts
	c.Connects += d.Connects
	c.ConnectFailures += d.ConnectFailures
}

// recordOrCensor records a latency, or, when it was never resolved, how long
// it had been open.
func recordOrCensor(h, open *hist.Histogram, d time.Duration, openNs int64) {
	if d == sim.Unresolved {
		open.Record(max(0, openNs)) // a result built by hand may have no End
		return
	}
	h.Record(int64(d))
}

// scalarsOf is a replication's rates.
func scalarsOf(cfg *sim.Config, r *sim.Result) RepScalars {
	hours := cfg.Horizon.Hours()
	days := hours / 24
	s := RepScalars{
		Wake:       float64(r.Wakeup()) / hours,
		Energy:     r.EnergyJ() / hours,
		Battery:    100 * r.EnergyJ() / days / cfg.Device.BatteryJoules(),
		Avail:      float64(r.UpTime) / float64(r.Horizon),
		Breaks:     float64(len(r.Breaks)) / days,
		Self:       float64(r.SelfBreaks()) / days,
		Unnoticed:  r.BrokenTime.Minutes() / days,
		Promotions: float64(r.Promotions) / hours,
		RadioJ:     r.RadioJ / hours,
		CPUJ:       r.CPUJ / hours,
	}
	for c, w := range r.Wakeups {
		s.ByCause[c] = float64(w) / hours
	}
	if cfg.App.Policy.Kind != sim.PolicyFixed {
		s.IntervalMean = IntervalMean(r).Seconds()
		s.IntervalP5 = IntervalQuantile(r, 0.05).Seconds()
		s.IntervalP95 = IntervalQuantile(r, 0.95).Seconds()
		s.Settle = SettleTime(r).Seconds()
		s.Unsettled = r.SettledAt == sim.Unresolved
	}
	return s
}

// Merge adds the replications o has seen, which must be others than a's.
func (a *Accumulator) Merge(o *AccState) error {
	s := &a.State
	if len(o.Reps) != len(s.Reps) || len(o.Have) != len(s.Have) {
		return fmt.Errorf("merging %d replications into %d", len(o.Reps), len(s.Reps))
	}
	for i, h := range o.Have {
		if !h {
			continue
		}
		if s.Have[i] {
			return fmt.Errorf("replication %d twice", i)
		}
		s.Have[i], s.Reps[i] = true, o.Reps[i]
	}
	s.Counts.add(&o.Counts)
	s.Client.Merge(&o.Client)
	s.Server.Merge(&o.Server)
	s.Recover.Merge(&o.Recover)
	s.Push.Merge(&o.Push)
	s.ClientOpen.Merge(&o.ClientOpen)
	s.ServerOpen.Merge(&o.ServerOpen)
	return nil
}

// Missing is the first replication not yet added, or -1 when all are in.
func (a *Accumulator) Missing() int {
	for i, h := range a.State.Have {
		if !h {
			return i
		}
	}
	return -1
}

// Pack shrinks the histograms to their non-empty buckets, for an
// accumulator that is done recording.
func (a *Accumulator) Pack() {
	s := &a.State
	for _, h := range []*hist.Histogram{&s.Client, &s.Server, &s.Recover, &s.Push, &s.ClientOpen, &s.ServerOpen} {
		h.Pack()
	}
}

// Point is the summary of every replication added; it panics when one is
// missing (a caller's bug: Run adds them all, merge checks first).
func (a *Accumulator) Point() Point {
	if i := a.Missing(); i >= 0 {
		panic(fmt.Sprintf("stats: replication %d missing from the summary", i))
	}
	a.Pack()
	cfg, s := a.cfg, &a.State
	n := len(s.Reps)
	p := Point{
		Scenario:           cfg.Name,
		Seed:               cfg.Seed,
		Replications:       n,
		HorizonS:           cfg.Horizon.Seconds(),
		IntervalS:          cfg.App.Interval.Seconds(),
		EffectiveIntervalS: cfg.EffectiveInterval().Seconds(),
		Warnings:           cfg.Warnings(),
		Reps:               make([]RepValues, n),
	}
	if p.Warnings == nil {
		p.Warnings = []sim.Warning{}
	}
	if n == 1 {
		p.Warnings = append(p.Warnings, sim.Warning{Kind: sim.WarnOneReplication})
	}
	col := func(f func(r *RepScalars) float64) []float64 {
		xs := make([]float64, n)
		for i := range s.Reps {
			xs[i] = f(&s.Reps[i])
		}
		return xs
	}
	// Each interval is clipped to the range its metric can take: counts and
	// energies are never negative, and availability is a fraction.
	// (Unnoticed time counts each break's whole detection latency, which the
	// drain may see end past the horizon, so it has no upper limit here.)
	inf := math.Inf(1)
	m := &p.Metrics
	m.WakeupsPerHour = MeanCI(col(func(r *RepScalars) float64 { return r.Wake })).Within(0, inf)
	m.EnergyJPerHour = MeanCI(col(func(r *RepScalars) float64 { return r.Energy })).Within(0, inf)
	m.BatteryPctPerDay = MeanCI(col(func(r *RepScalars) float64 { return r.Battery })).Within(0, inf)
	m.Availability = MeanCI(col(func(r *RepScalars) float64 { return r.Avail })).Within(0, 1)
	m.BreaksPerDay = MeanCI(col(func(r *RepScalars) float64 { return r.Breaks })).Within(0, inf)
	m.SelfBreaksPerDay = MeanCI(col(func(r *RepScalars) float64 { return r.Self })).Within(0, inf)
	m.UnnoticedMinPerDay = MeanCI(col(func(r *RepScalars) float64 { return r.Unnoticed })).Within(0, inf)
	m.RadioPromotionsPerHour = MeanCI(col(func(r *RepScalars) float64 { return r.Promotions })).Within(0, inf)
	m.RadioJPerHour = MeanCI(col(func(r *RepScalars) float64 { return r.RadioJ })).Within(0, inf)
	m.CPUJPerHour = MeanCI(col(func(r *RepScalars) float64 { return r.CPUJ })).Within(0, inf)
	for i, r := range s.Reps {
		p.Reps[i] = RepValues{WakeupsPerHour: r.Wake, EnergyJPerHour: r.Energy, BatteryPctPerDay: r.Battery,
			Availability: r.Avail, BreaksPerDay: r.Breaks, SelfBreaksPerDay: r.Self, UnnoticedMinPerDay: r.Unnoticed}
	}
	byCause := func(c sim.WakeCause) float64 {
		return round(MeanCI(col(func(r *RepScalars) float64 { return r.ByCause[c] })).Mean)
	}
	m.WakeupsByCausePerHour = WakeupCause{
		Keepalive: byCause(sim.WakeKeepalive), Socket: byCause(sim.WakeSocket),
		Push: byCause(sim.WakePush), User: byCause(sim.WakeUser),
	}
	c := &s.Counts
	m.Breaks.Total = c.BreaksTotal
	for cause, k := range c.ByCause {
		*m.Breaks.ByCause.field(sim.Cause(cause)) = k
	}
	m.Breaks.ClientVia, m.Breaks.ServerVia = vias(c.ClientVia), vias(c.ServerVia)
	m.Pushes = Pushes{Sent: c.Pushes.Sent, Delivered: c.Pushes.Delivered, Lost: c.Pushes.Lost,
		Dropped: c.Pushes.Dropped, Pending: c.Pushes.Pending}
	m.AppKills, m.Pings, m.PingTimeouts, m.FalseTimeouts = c.Kills, c.Pings, c.PingTimeouts, c.FalseTimeouts
	m.ConnectAttempts, m.ConnectFailures = c.Connects, c.ConnectFailures
	poolLatencies(&p, s)
	m.PolicyMetrics = policyMetrics(cfg, s.Reps)
	return p
}

// vias names the ways of learning counted, leaving out ViaNone.
func vias(counts [sim.NumVias]int) map[string]int {
	out := map[string]int{}
	for v, k := range counts {
		if sim.Via(v) != sim.ViaNone && k > 0 {
			out[sim.Via(v).String()] = k
		}
	}
	return out
}
