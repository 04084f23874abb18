package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"pingtune/stats"
	"pingtune/sweep"
)

// checkJSON is what `pingtune check -json` prints: the verdict first, each
// requirement as tested, then the summary of the interval (SPEC section 6).
type checkJSON struct {
	OK           bool          `json:"ok"`
	Failed       []string      `json:"failed"`
	Requirements []sweep.Check `json:"requirements"`
	stats.Point
}

// newCheckJSON builds the machine-readable verdict.
func newCheckJSON(p *stats.Point, checks []sweep.Check) checkJSON {
	v := checkJSON{OK: sweep.Holds(checks), Failed: []string{}, Requirements: checks, Point: *p}
	for _, c := range checks {
		if !c.Holds {
			v.Failed = append(v.Failed, c.Requirement.String())
		}
	}
	return v
}

// WriteCheckJSON writes the verdict as indented JSON.
func WriteCheckJSON(w io.Writer, p *stats.Point, checks []sweep.Check) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(newCheckJSON(p, checks))
}

// WriteCheck writes the one-screen verdict of `pingtune check`: PASS or
// FAIL, each requirement with its estimate and the conservative bound it was
// tested at, the cost at this interval, and the warnings.
func WriteCheck(w io.Writer, p *stats.Point, checks []sweep.Check) error {
	var b strings.Builder
	verdict := "PASS"
	if !sweep.Holds(checks) {
		verdict = "FAIL"
	}
	fmt.Fprintf(&b, "%s: %s at heartbeat interval %s", verdict, p.Scenario, ivl(p.IntervalS))
	if p.EffectiveIntervalS != p.IntervalS {
		fmt.Fprintf(&b, " (the platform runs %s)", ivl(p.EffectiveIntervalS))
	}
	fmt.Fprintf(&b, "\n%d replications × %s, seed %d; each requirement tested at the conservative end of its 95%% interval\n\n",
		p.Replications, ivl(p.HorizonS), p.Seed)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	failed := 0
	for _, c := range checks {
		mark := "ok  "
		if !c.Holds {
			mark = "FAIL"
			failed++
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s: %s\n", mark, metricBound(c.Requirement), statusWord(c), checkValue(c))
	}
	tw.Flush()
	m := &p.Metrics
	b.WriteString("\n")
	dec := decimalsFor(m.BatteryPctPerDay.Mean)
	fmt.Fprintf(&b, "cost: battery %s %%/day, %s wakeups/h; availability %s; %s breaks/day\n",
		estimate(m.BatteryPctPerDay.Mean, m.BatteryPctPerDay.Lo(), m.BatteryPctPerDay.Hi(), func(x float64) string { return fixed(x, dec) }),
		num(m.WakeupsPerHour.Mean),
		pct2(m.Availability.Mean), num(m.BreaksPerDay.Mean))
	for _, warn := range p.Warnings {
		b.WriteString(wrap("warning: "+warn.String(), 100) + "\n")
	}
	if failed > 0 {
		fmt.Fprintf(&b, "\n%d of %d requirements not met\n", failed, len(checks))
	} else {
		fmt.Fprintf(&b, "\nall %d requirements met\n", len(checks))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
