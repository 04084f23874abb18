package reports

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"text/tabwriter"

	"pingtune/compare"
	"pingtune/internal/durfmt"
	"pingtune/metric"
)

// WriteCompareText writes the table `pingtune compare` prints: for every
// metric, each scenario's mean and 95% interval, and for each scenario after
// the first its paired difference to the first, marked * where the 95%
// interval excludes zero (a real difference).
func WriteCompareText(w io.Writer, res *compare.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "compare: %d scenarios, %d replications × %s, seed %d\n", len(res.Scenarios), res.Replications,
		durfmt.Human(res.Horizon.Seconds()), res.Seed)
	b.WriteString("common random numbers: replication k of every scenario meets the same outages, handovers, restarts, pushes, user and fleet draws.\n")
	fmt.Fprintf(&b, "differences are paired against %s; * marks one whose 95%% interval excludes 0 (a real difference).\n", res.Scenarios[0].Name)
	for _, s := range res.Scenarios {
		for _, warn := range s.Point.Warnings {
			fmt.Fprintf(&b, "warning: %s: %s\n", s.Name, warn)
		}
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "metric, scenario	mean	95%% CI	paired difference to the first [95%% CI]	\n")
	for k, d := range compare.Keys() {
		if policyOnly(d) && !anyPolicy(res) {
			continue
		}
		fmt.Fprintf(tw, "%s\t\t\t\t\n", d.Key)
		for i := range res.Scenarios {
			s := &res.Scenarios[i]
			e := s.Estimate(d)
			diff := ""
			if i > 0 {
				pd := res.Paired[i-1].Metrics[k]
				mark := ""
				if pd.Real() {
					mark = " *"
				}
				diff = fmt.Sprintf("%s [%s, %s]%s", signed(d, pd.Diff.Mean), signed(d, pd.Diff.Lo()), signed(d, pd.Diff.Hi()), mark)
			}
			fmt.Fprintf(tw, "  %s\t%s\t[%s, %s]\t%s\t\n", s.Name, defValue(d, e.Mean), defValue(d, e.Lo()), defValue(d, e.Hi()), diff)
		}
	}
	tw.Flush()
	if fleet := fleetRows(res); fleet != "" {
		b.WriteString("\n" + fleet)
	}
	_, err := io.WriteString(w, regexp.MustCompile(`(?m)[ \t]+$`).ReplaceAllString(b.String(), "")) // tabwriter pads the last cell
	return err
}

// policyOnly reports whether d is an interval-over-time metric.
func policyOnly(d *metric.Def) bool {
	for _, p := range metric.Policy {
		if p == d {
			return true
		}
	}
	return false
}

// anyPolicy reports whether a compared scenario moves its interval (the
// interval metrics of a fixed one are the interval itself; the table shows
// them only beside a moving one).
func anyPolicy(res *compare.Result) bool {
	for _, s := range res.Scenarios {
		if s.Point.Metrics.IntervalMeanS != nil {
			return true
		}
	}
	return false
}

// fleetRows lists the worst decile of each scenario that is a fleet.
func fleetRows(res *compare.Result) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	n := 0
	for _, s := range res.Scenarios {
		m := &s.Point.Metrics
		if m.BatteryPctPerDayWorstDecile == nil {
			continue
		}
		if n == 0 {
			fmt.Fprintln(tw, "fleet: the worst-off 10% of replications\tbattery\tunnoticed\t")
		}
		n++
		fmt.Fprintf(tw, "  %s\t%s %%/day\t%s min/day\t\n", s.Name, num(*m.BatteryPctPerDayWorstDecile), num(*m.UnnoticedMinPerDayWorstDecile))
	}
	tw.Flush()
	return b.String()
}

// defValue writes a value in d's unit.
func defValue(d *metric.Def, v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case d.Unit == metric.Seconds:
		return durfmt.Human(v)
	case d.Unit == metric.Fraction:
		return pct(v)
	}
	return num(v) + unitSuffix[d.Unit]
}

// signed writes a difference in d's unit with its sign.
func signed(d *metric.Def, v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case v < 0:
		return "−" + defValue(d, -v)
	case v > 0:
		return "+" + defValue(d, v)
	}
	return "0"
}
