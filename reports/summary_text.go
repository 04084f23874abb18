package reports

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"

	"pingtune/internal/durfmt"
	"pingtune/sim"
	"pingtune/stats"
)

// WriteSummary writes the one-screen table `pingtune run` prints for a Point.
func WriteSummary(w io.Writer, p stats.Point) error {
	m := &p.Metrics
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d replications × %s, seed %d\n", p.Scenario, p.Replications, durfmt.Human(p.HorizonS), p.Seed)
	fmt.Fprintf(&b, "heartbeat interval %s", durfmt.Human(p.IntervalS))
	if p.EffectiveIntervalS != p.IntervalS {
		fmt.Fprintf(&b, " (effective %s)", durfmt.Human(p.EffectiveIntervalS))
	}
	b.WriteString("\n\n")

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "cost\tmean\t95% CI\t")
	row := func(name string, e stats.Estimate, f func(float64) string) {
		fmt.Fprintf(tw, "  %s\t%s\t[%s, %s]\t\n", name, f(e.Mean), f(e.Lo()), f(e.Hi()))
	}
	row("wakeups / hour", m.WakeupsPerHour, num)
	row("radio promotions / hour", m.RadioPromotionsPerHour, num)
	row("energy J / hour", m.EnergyJPerHour, num)
	row("  radio J / hour", m.RadioJPerHour, num)
	row("  CPU J / hour", m.CPUJPerHour, num)
	row("battery % / day", m.BatteryPctPerDay, num)
	fmt.Fprintln(tw, "\t\t\t")
	fmt.Fprintln(tw, "connection\tmean\t95% CI\t")
	row("availability", m.Availability, pct)
	row("dead but unnoticed, min / day", m.UnnoticedMinPerDay, num)
	row("breaks / day", m.BreaksPerDay, num)
	row("  self-inflicted / day", m.SelfBreaksPerDay, num)
	tw.Flush()
	var wakes []string
	for c, v := range m.WakeupsByCausePerHour.PerCause() {
		wakes = append(wakes, sim.WakeCause(c).String()+" "+num(v))
	}
	fmt.Fprintf(&b, "\nwakeups / hour by cause: %s\n", strings.Join(wakes, ", "))
	var causes []string
	for c := range sim.NumCauses {
		if n := m.Breaks.ByCause.Get(c); n > 0 {
			causes = append(causes, fmt.Sprintf("%s %d", c, n))
		}
	}
	if len(causes) > 0 {
		fmt.Fprintf(&b, "breaks by cause (all replications): %s\n", strings.Join(causes, ", "))
		fmt.Fprintf(&b, "  the client learned by %s; the server by %s\n", viaList(m.Breaks.ClientVia), viaList(m.Breaks.ServerVia))
	}

	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "latency\tn\tcensored\tmean\tp50\tp90\tp95\tp95 95% CI\tp99\tmax\t")
	lat := func(name string, l stats.Latency) {
		if l.N == 0 {
			fmt.Fprintf(tw, "%s\t%d\t%d\t–\t–\t–\t–\t–\t–\t–\t\n", name, l.N, l.Censored)
			return
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t[%s, %s]\t%s\t%s\t\n", name, l.N, l.Censored,
			durfmt.Human(l.Mean), durfmt.Human(l.P50), durfmt.Human(l.P90), durfmt.Human(l.P95), durfmt.Human(float64(l.P95CI95[0])), durfmt.Human(float64(l.P95CI95[1])), durfmt.Human(l.P99), durfmt.Human(l.Max))
	}
	lat("client detects", m.DetectClientS)
	lat("server detects", m.DetectServerS)
	lat("recovery", m.RecoverS)
	lat("push delivery", m.Pushes.LatencyS)
	tw.Flush()

	ps := m.Pushes
	fmt.Fprintf(&b, "\npushes: %d sent, %d delivered, %d lost, %d dropped, %d pending at the end\n",
		ps.Sent, ps.Delivered, ps.Lost, ps.Dropped, ps.Pending)
	fmt.Fprintf(&b, "pings: %d sent, %d unanswered (%d on a healthy connection); connects: %d, %d failed; app kills: %d\n",
		m.Pings, m.PingTimeouts, m.FalseTimeouts, m.ConnectAttempts, m.ConnectFailures, m.AppKills)
	writePolicyRows(&b, m, p.Replications)
	for _, warn := range p.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", warn)
	}
	_, err := io.WriteString(w, regexp.MustCompile(`(?m)[ \t]+$`).ReplaceAllString(b.String(), "")) // tabwriter pads the last cell
	return err
}

// num writes a rate with three significant digits.
func num(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "-∞"
	case math.IsNaN(x):
		return "–"
	case x == 0:
		return "0"
	}
	return fmt.Sprintf("%.3g", x)
}

func pct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return num(x)
	}
	return fmt.Sprintf("%.3f%%", 100*x)
}

// viaList writes how-learned counts, most frequent first.
func viaList(counts map[string]int) string {
	type kv struct {
		k string
		n int
	}
	var l []kv
	for k, n := range counts {
		l = append(l, kv{k, n})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n || (l[i].n == l[j].n && l[i].k < l[j].k) })
	var parts []string
	for _, e := range l {
		parts = append(parts, fmt.Sprintf("%s %d", strings.ReplaceAll(e.k, "_", " "), e.n))
	}
	if len(parts) == 0 {
		return "nothing yet"
	}
	return strings.Join(parts, ", ")
}
