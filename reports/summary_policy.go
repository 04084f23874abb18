package reports

import (
	"fmt"
	"strings"

	"pingtune/internal/durfmt"
	"pingtune/stats"
)

// writePolicyRows adds to `run`'s summary what only a moving heartbeat
// policy or a fleet has: the interval over time, and the worst decile of
// users. A fixed interval on one network adds nothing.
func writePolicyRows(b *strings.Builder, m *stats.Metrics, reps int) {
	if m.IntervalMeanS != nil {
		e := func(x *stats.Estimate) string {
			return fmt.Sprintf("%s [%s, %s]", durfmt.Human(x.Mean), durfmt.Human(x.Lo()), durfmt.Human(x.Hi()))
		}
		fmt.Fprintf(b, "interval over time: mean %s, p5 %s, p95 %s\n", e(m.IntervalMeanS), e(m.IntervalP5S), e(m.IntervalP95S))
		fmt.Fprintf(b, "  settled after %s", e(m.SettleS))
		if n := *m.Unsettled; n > 0 {
			fmt.Fprintf(b, " (%d of %d replications never settled: counted at the horizon)", n, reps)
		}
		b.WriteString("\n")
	}
	if m.BatteryPctPerDayWorstDecile != nil {
		fmt.Fprintf(b, "fleet, worst 10%% of users: battery %s %%/day, dead but unnoticed %s min/day\n",
			num(*m.BatteryPctPerDayWorstDecile), num(*m.UnnoticedMinPerDayWorstDecile))
	}
}
