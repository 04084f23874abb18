package reports

import (
	"slices"
	"strings"
	"testing"
	"time"

	"pingtune/internal/durfmt"
	"pingtune/sim"
)

// A sweep over a fleet of NATs says how the timeouts spread, what share of
// users each end of the sweep loses to them (from the distribution itself),
// warns when the recommendation outlasts 1% of them, and marks the fleet's
// p10 and median on the plots where they fall within the sweep.
func TestFleetNATIsExplained(t *testing.T) {
	res := denseSweep(t) // 1m to 40m
	res.NATIdleTimeoutS = 0
	fleet := sim.Dist{Kind: sim.Lognormal, Value: 20 * time.Minute, Shape: 0.5}
	res.NATFleet = &fleet

	note := natFleetNote(res)
	p10 := fleet.Quantile(0.1).Seconds() // 20m × e^(0.5 × −1.2816) ≈ 10m32s
	first, last := &res.Points[0], &res.Points[len(res.Points)-1]
	for _, want := range []string{
		"within " + durfmt.Human(p10),
		"half within 20m",
		sharePct(fleet.CDF(time.Duration(first.EffectiveIntervalS)*time.Second)) + " at 10m", // ios6 clamps 1m–9m to 10m: Φ(ln 0.5 / 0.5) ≈ 8%
		sharePct(fleet.CDF(40*time.Minute)) + " at 40m",                                      // Φ(ln 2 / 0.5) ≈ 92%
	} {
		if !strings.Contains(note, want) {
			t.Errorf("fleet note lacks %q:\n%s", want, note)
		}
	}
	if first.EffectiveIntervalS != 600 || last.EffectiveIntervalS != 2400 || sharePct(fleet.CDF(40*time.Minute)) != "92%" {
		t.Errorf("fixture moved: intervals %gs to %gs, share %s", first.EffectiveIntervalS, last.EffectiveIntervalS, sharePct(fleet.CDF(40*time.Minute)))
	}
	if !slices.Contains(sweepNotes(res), note) {
		t.Error("the fleet note is not among the sweep's notes")
	}

	// The caveat appears from the interval at which 1% of the NATs expire.
	for i := range res.Points {
		p := &res.Points[i]
		share := fleet.CDF(time.Duration(p.EffectiveIntervalS) * time.Second)
		if got := natFleetCaveat(res, p); (got != "") != (share >= 0.01) {
			t.Errorf("at %s (%.3f of the fleet) caveat %q", ivl(p.EffectiveIntervalS), share, got)
		}
	}

	marks := natFleetMarks(res)
	if len(marks) != 2 || marks[1].min != 20 || !strings.Contains(marks[0].label, "p10") {
		t.Errorf("marks = %+v, want p10 and the median at 20 min", marks)
	}
	res.NATFleet = &sim.Dist{Kind: sim.Lognormal, Value: 3 * time.Hour, Shape: 0.1}
	if marks := natFleetMarks(res); len(marks) != 0 {
		t.Errorf("a fleet far past the sweep is marked: %+v", marks)
	}
}
