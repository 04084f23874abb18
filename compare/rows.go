package compare

import (
	"math"

	"pingtune/metric"
	"pingtune/sim"
	"pingtune/stats"
)

// Kind says how a row's paired difference and its 95% interval are
// computed.
type Kind uint8

const (
	// Rate is a per-replication rate: the mean over replications of
	// (this − the first) with its Student-t interval.
	Rate Kind = iota
	// Total is a count summed over replications: the difference of the
	// totals, with n times the Student-t interval of the per-replication
	// differences.
	Total
	// Pooled is a statistic (mean, percentile) of a latency distribution
	// pooled over every replication: the difference of the two statistics,
	// with a paired bootstrap interval (bootstrap.go).
	Pooled
	// Decile is the mean over the worst-off 10% of replications: the
	// difference, with the same paired bootstrap.
	Decile
)

// Row is one metric compare lists and pairs.
type Row struct {
	// Key is the metric's path in `run -json`'s metrics, levels joined by
	// dots: "battery_pct_per_day", "detect_client_s.p95", "pushes.sent".
	Key  string
	Unit metric.Unit
	Kind Kind
	// Policy rows describe the interval over time; Fleet rows the worst
	// decile of replications.
	Policy, Fleet bool

	def   *metric.Def                               // Rate: the run metric it is, if any
	rate  func(s *stats.RepScalars, r *Rep) float64 // Rate, Decile: a replication's value
	count func(r *Rep) int                          // Total: a replication's count
	total func(m *stats.Metrics) int                // Total: what run reports for the sum
	pool  int                                       // Pooled: which pool
	q     float64                                   // Pooled: the quantile, 0 for the mean
}

// Bootstrapped reports whether the row's interval comes from the bootstrap.
func (r *Row) Bootstrapped() bool { return r.Kind == Pooled || r.Kind == Decile }

// latencyKeys are the pools' paths in run's metrics.
var latencyKeys = [numPools]string{"detect_client_s", "detect_server_s", "recover_s", "pushes.latency_s"}

// latencyOf is pool's summary in m.
func latencyOf(m *stats.Metrics, pool int) *stats.Latency {
	return [numPools]*stats.Latency{&m.DetectClientS, &m.DetectServerS, &m.RecoverS, &m.Pushes.LatencyS}[pool]
}

// quantiles are the pooled statistics paired, as run reports them.
var quantiles = [...]struct {
	name string
	q    float64
}{{"mean", 0}, {"p50", 0.50}, {"p90", 0.90}, {"p95", 0.95}, {"p99", 0.99}}

// allRows lists every row in the order compare shows them; Rows keeps those
// that apply.
func allRows() []Row {
	var rows []Row
	for _, d := range metric.Rates {
		rows = append(rows, Row{Key: d.Key, Unit: d.Unit, Kind: Rate, def: d, rate: rateOf(d.Key)})
	}
	for c, name := range sim.WakeCauseNames() {
		rows = append(rows, Row{Key: "wakeups_by_cause_per_hour." + name, Unit: metric.PerHour, Kind: Rate,
			rate: func(s *stats.RepScalars, _ *Rep) float64 { return s.ByCause[c] }})
	}
	for i, d := range metric.Policy {
		rows = append(rows, Row{Key: d.Key, Unit: d.Unit, Kind: Rate, Policy: true, def: d,
			rate: func(_ *stats.RepScalars, r *Rep) float64 { return r.Interval[i] }})
	}
	rows = append(rows, Row{Key: "unsettled", Unit: metric.Count, Kind: Total, Policy: true,
		count: func(r *Rep) int { return r.Unsettled },
		total: func(m *stats.Metrics) int {
			if m.Unsettled == nil {
				return 0
			}
			return *m.Unsettled
		}})
	rows = append(rows,
		Row{Key: "battery_pct_per_day_worst_decile", Unit: metric.PctPerDay, Kind: Decile, Fleet: true,
			rate: func(s *stats.RepScalars, _ *Rep) float64 { return s.Battery }},
		Row{Key: "unnoticed_min_per_day_worst_decile", Unit: metric.MinPerDay, Kind: Decile, Fleet: true,
			rate: func(s *stats.RepScalars, _ *Rep) float64 { return s.Unnoticed }})

	rows = append(rows, totalRow("breaks.total", func(c *stats.Counts) int { return c.BreaksTotal },
		func(m *stats.Metrics) int { return m.Breaks.Total }))
	for c, name := range sim.CauseNames() {
		rows = append(rows, totalRow("breaks.by_cause."+name, func(k *stats.Counts) int { return k.ByCause[c] },
			func(m *stats.Metrics) int { return m.Breaks.ByCause.Get(sim.Cause(c)) }))
	}
	for v := sim.Via(1); v < sim.NumVias; v++ {
		rows = append(rows, totalRow("breaks.client_learned_via."+v.String(), func(k *stats.Counts) int { return k.ClientVia[v] },
			func(m *stats.Metrics) int { return m.Breaks.ClientVia[v.String()] }))
	}
	for v := sim.Via(1); v < sim.NumVias; v++ {
		rows = append(rows, totalRow("breaks.server_learned_via."+v.String(), func(k *stats.Counts) int { return k.ServerVia[v] },
			func(m *stats.Metrics) int { return m.Breaks.ServerVia[v.String()] }))
	}
	censored := [numPools]func(r *Rep) int{
		func(r *Rep) int { return r.ClientCensored }, func(r *Rep) int { return r.ServerCensored },
		func(r *Rep) int { return r.Counts.RecoverCensored }, func(r *Rep) int { return r.Counts.Pushes.Pending }}
	for pool := range numPools {
		if pool == poolPush {
			rows = append(rows, pushRows()...)
		}
		key := latencyKeys[pool]
		rows = append(rows,
			Row{Key: key + ".n", Unit: metric.Count, Kind: Total, count: func(r *Rep) int { return r.Latency[pool].N() },
				total: func(m *stats.Metrics) int { return latencyOf(m, pool).N }},
			Row{Key: key + ".censored", Unit: metric.Count, Kind: Total, count: censored[pool],
				total: func(m *stats.Metrics) int { return latencyOf(m, pool).Censored }})
		for _, q := range quantiles {
			rows = append(rows, Row{Key: key + "." + q.name, Unit: metric.Seconds, Kind: Pooled, pool: pool, q: q.q})
		}
	}
	rows = append(rows,
		totalRow("app_kills", func(c *stats.Counts) int { return c.Kills }, func(m *stats.Metrics) int { return m.AppKills }),
		totalRow("pings", func(c *stats.Counts) int { return c.Pings }, func(m *stats.Metrics) int { return m.Pings }),
		totalRow("ping_timeouts", func(c *stats.Counts) int { return c.PingTimeouts }, func(m *stats.Metrics) int { return m.PingTimeouts }),
		totalRow("false_timeouts", func(c *stats.Counts) int { return c.FalseTimeouts }, func(m *stats.Metrics) int { return m.FalseTimeouts }),
		totalRow("connect_attempts", func(c *stats.Counts) int { return c.Connects }, func(m *stats.Metrics) int { return m.ConnectAttempts }),
		totalRow("connect_failures", func(c *stats.Counts) int { return c.ConnectFailures }, func(m *stats.Metrics) int { return m.ConnectFailures }))
	return rows
}

// pushRows are the push counts.
func pushRows() []Row {
	return []Row{
		totalRow("pushes.sent", func(c *stats.Counts) int { return c.Pushes.Sent }, func(m *stats.Metrics) int { return m.Pushes.Sent }),
		totalRow("pushes.delivered", func(c *stats.Counts) int { return c.Pushes.Delivered }, func(m *stats.Metrics) int { return m.Pushes.Delivered }),
		totalRow("pushes.lost", func(c *stats.Counts) int { return c.Pushes.Lost }, func(m *stats.Metrics) int { return m.Pushes.Lost }),
		totalRow("pushes.dropped", func(c *stats.Counts) int { return c.Pushes.Dropped }, func(m *stats.Metrics) int { return m.Pushes.Dropped }),
		totalRow("pushes.pending", func(c *stats.Counts) int { return c.Pushes.Pending }, func(m *stats.Metrics) int { return m.Pushes.Pending }),
	}
}

// totalRow is a count summed over replications.
func totalRow(key string, count func(c *stats.Counts) int, total func(m *stats.Metrics) int) Row {
	return Row{Key: key, Unit: metric.Count, Kind: Total, count: func(r *Rep) int { return count(&r.Counts) }, total: total}
}

// rateOf is the per-replication value behind the run rate key.
func rateOf(key string) func(s *stats.RepScalars, _ *Rep) float64 {
	f := map[string]func(s *stats.RepScalars) float64{
		"wakeups_per_hour":          func(s *stats.RepScalars) float64 { return s.Wake },
		"radio_promotions_per_hour": func(s *stats.RepScalars) float64 { return s.Promotions },
		"energy_j_per_hour":         func(s *stats.RepScalars) float64 { return s.Energy },
		"radio_j_per_hour":          func(s *stats.RepScalars) float64 { return s.RadioJ },
		"cpu_j_per_hour":            func(s *stats.RepScalars) float64 { return s.CPUJ },
		"battery_pct_per_day":       func(s *stats.RepScalars) float64 { return s.Battery },
		"availability":              func(s *stats.RepScalars) float64 { return s.Avail },
		"unnoticed_min_per_day":     func(s *stats.RepScalars) float64 { return s.Unnoticed },
		"breaks_per_day":            func(s *stats.RepScalars) float64 { return s.Breaks },
		"self_breaks_per_day":       func(s *stats.RepScalars) float64 { return s.Self },
	}[key]
	if f == nil {
		panic("compare: no per-replication value for the rate " + key) // a rate added to metric.Rates
	}
	return func(s *stats.RepScalars, _ *Rep) float64 { return f(s) }
}

// Cell is a scenario's value of a row, with its 95% interval where run gives
// one (HasCI); V is NaN where there is nothing to measure (an empty pool).
type Cell struct {
	V, Lo, Hi float64
	HasCI     bool
}

// Cell is scenario s's value of row, as its results have it or, for a row
// they leave out (the interval of a fixed policy, the worst decile of a
// scenario that is no fleet), from its replications.
func (s *Scenario) Cell(row *Row) Cell {
	m := &s.Point.Metrics
	switch row.Kind {
	case Rate:
		var e stats.Estimate
		if row.def != nil && (!row.Policy || m.IntervalMeanS != nil) {
			e = row.def.Estimate(m)
		} else {
			e = stats.MeanCI(s.column(row))
		}
		return Cell{V: e.Mean, Lo: e.Lo(), Hi: e.Hi(), HasCI: true}
	case Total:
		return Cell{V: float64(row.total(m)), Lo: math.NaN(), Hi: math.NaN()}
	case Decile:
		return Cell{V: stats.WorstDecile(s.column(row)), Lo: math.NaN(), Hi: math.NaN()}
	}
	l := latencyOf(m, row.pool)
	c := Cell{V: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	if l.N == 0 {
		return c
	}
	switch row.q {
	case 0:
		c.V = l.Mean
	case 0.50:
		c = Cell{V: l.P50, Lo: float64(l.P50CI95[0]), Hi: float64(l.P50CI95[1]), HasCI: true}
	case 0.90:
		c.V = l.P90
	case 0.95:
		c = Cell{V: l.P95, Lo: float64(l.P95CI95[0]), Hi: float64(l.P95CI95[1]), HasCI: true}
	case 0.99:
		c.V = l.P99
	}
	return c
}

// column is s's per-replication values of a Rate or Decile row (counts for
// a Total row), in replication order.
func (s *Scenario) column(row *Row) []float64 {
	xs := make([]float64, len(s.reps))
	for i := range s.reps {
		if row.Kind == Total {
			xs[i] = float64(row.count(&s.reps[i]))
		} else {
			xs[i] = row.rate(&s.scalars[i], &s.reps[i])
		}
	}
	return xs
}
