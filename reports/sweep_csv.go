package reports

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"pingtune/metric"
	"pingtune/sim"
	"pingtune/sweep"
)

// writeSweepCSV writes results.csv: one row per interval, every metric with
// the bounds of its 95% interval (_lo, _hi), break counts per day by cause,
// the outcome of each requirement, and the paired battery difference from
// the previous interval. Infinite bounds are written inf, unknown values empty.
func writeSweepCSV(w io.Writer, res *sweep.Result) error {
	cw := csv.NewWriter(w)
	var head []string
	col := func(names ...string) { head = append(head, names...) }
	col("interval_s", "effective_interval_s", "qualifies", "passed_over", "recommended", "pareto")
	for _, e := range metric.Rates {
		col(e.Key, e.Key+"_lo", e.Key+"_hi")
	}
	for _, c := range sim.WakeCauseNames() {
		col("wakeups_" + c + "_per_hour")
	}
	for _, c := range sim.CauseNames() {
		col("breaks_" + c + "_per_day")
	}
	for _, l := range metric.Latencies {
		n := l.Key
		col(n+"_n", n+"_censored", n+"_mean", n+"_p50", n+"_p50_lo", n+"_p50_hi", n+"_p90", n+"_p95", n+"_p95_lo", n+"_p95_hi", n+"_p99", n+"_max")
	}
	col("pushes_sent", "pushes_delivered", "pushes_lost", "pushes_dropped", "pushes_pending",
		"app_kills", "pings", "ping_timeouts", "false_timeouts", "connect_attempts", "connect_failures")
	for _, r := range res.Requirements {
		col("req_"+r.Metric+"_status", "req_"+r.Metric+"_tested")
	}
	col("battery_vs_previous", "battery_vs_previous_lo", "battery_vs_previous_hi")
	if err := cw.Write(head); err != nil {
		return err
	}

	for i := range res.Points {
		p := &res.Points[i]
		m := &p.Metrics
		var row []string
		add := func(vs ...string) { row = append(row, vs...) }
		add(csvNum(p.IntervalS), csvNum(p.EffectiveIntervalS), strconv.FormatBool(p.Qualifies), strconv.FormatBool(p.PassedOver != ""),
			strconv.FormatBool(i == res.Recommendation.Index), strconv.FormatBool(contains(res.Pareto, i)))
		for _, e := range metric.Rates {
			v := e.Estimate(m)
			add(csvNum(v.Mean), csvNum(v.Lo()), csvNum(v.Hi()))
		}
		for _, v := range m.WakeupsByCausePerHour.PerCause() {
			add(csvNum(v))
		}
		for c := range sim.NumCauses {
			add(csvNum(perDay(res, p, c)))
		}
		for _, l := range metric.Latencies {
			v := l.Latency(m)
			if v.N == 0 {
				add(strconv.Itoa(v.N), strconv.Itoa(v.Censored), "", "", "", "", "", "", "", "", "", "")
				continue
			}
			add(strconv.Itoa(v.N), strconv.Itoa(v.Censored), csvNum(v.Mean), csvNum(v.P50), csvNum(float64(v.P50CI95[0])), csvNum(float64(v.P50CI95[1])),
				csvNum(v.P90), csvNum(v.P95), csvNum(float64(v.P95CI95[0])), csvNum(float64(v.P95CI95[1])), csvNum(v.P99), csvNum(v.Max))
		}
		ps := m.Pushes
		for _, n := range []int{ps.Sent, ps.Delivered, ps.Lost, ps.Dropped, ps.Pending, m.AppKills, m.Pings, m.PingTimeouts, m.FalseTimeouts, m.ConnectAttempts, m.ConnectFailures} {
			add(strconv.Itoa(n))
		}
		for _, c := range p.Checks {
			add(string(c.Status), csvNum(float64(c.Conservative)))
		}
		if d := p.VsPrevious; d != nil {
			add(csvNum(d.BatteryPctPerDay.Mean), csvNum(d.BatteryPctPerDay.Lo()), csvNum(d.BatteryPctPerDay.Hi()))
		} else {
			add("", "", "")
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvNum writes x with nine significant digits, inf for infinities and
// nothing for NaN.
func csvNum(x float64) string {
	switch {
	case math.IsNaN(x):
		return ""
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 9, 64), 64)
	return strconv.FormatFloat(r, 'g', -1, 64)
}
