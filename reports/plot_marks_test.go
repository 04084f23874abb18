package reports

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"pingtune/sim"
)

// Every break cause has its own Okabe–Ito colour, apart from every other's and from
// the total's black, and its own marker: wifi and server_silent used to
// look alike.
func TestBreakCausesLookDifferent(t *testing.T) {
	dist := func(a, b [3]float64) float64 {
		return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
	}
	rgb := func(c sim.Cause) [3]float64 {
		r, g, b, _ := causeStyles[c].color.RGBA()
		return [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
	}
	var glyphs []string
	for c := range sim.NumCauses {
		if causeStyles[c].color == nil || causeStyles[c].glyph == nil {
			t.Fatalf("%s has no style", c)
		}
		if d := dist(rgb(c), [3]float64{}); d < 100 {
			t.Errorf("%s: too close to the total's black (%.0f)", c, d)
		}
		for d := range c {
			if dd := dist(rgb(c), rgb(d)); dd < 50 {
				t.Errorf("%s and %s: colours %.0f apart, want at least 50", c, d, dd)
			}
		}
		glyphs = append(glyphs, fmt.Sprintf("%T", causeStyles[c].glyph))
	}
	slices.Sort(glyphs)
	if len(slices.Compact(glyphs)) != int(sim.NumCauses) {
		t.Errorf("markers shared between causes: %v", glyphs)
	}
}

// metrics.png's caption names the grey region and the NAT line only when
// the picture has them.
func TestMetricsCaptionNamesOnlyWhatIsDrawn(t *testing.T) {
	res := fixture(t, true, fixtureReqs...).Result
	if c := metricsCaption(res); !strings.Contains(c, "grey region") || !strings.Contains(c, "NAT") {
		t.Errorf("clamped, NAT within the sweep: %q", c)
	}
	bare := *res
	bare.KeepaliveMinS, bare.NATIdleTimeoutS = 0, 0
	if c := metricsCaption(&bare); strings.Contains(c, "grey") || strings.Contains(c, "NAT") {
		t.Errorf("nothing clamped, no NAT: %q", c)
	}
	far := *res
	far.NATIdleTimeoutS = 10 * 3600 // far past the longest interval
	if c := metricsCaption(&far); strings.Contains(c, "NAT") {
		t.Errorf("NAT off the axis: %q", c)
	}
}

// detect-cdf.png says which intervals it shows and why.
func TestDetectCDFSaysWhichIntervals(t *testing.T) {
	res := fixture(t, true, fixtureReqs...).Result
	picks := cdfPicks(res)
	why := cdfWhy(res, picks)
	rec, next := res.Recommendation.Index, res.Recommendation.Next
	if rec < 0 || next < 0 {
		t.Fatalf("the fixture has recommendation %d, next %d", rec, next)
	}
	for _, want := range []string{ivl(res.Points[rec].IntervalS) + " (recommended", ivl(res.Points[next].IntervalS) + " (the next longer)", "evenly spread"} {
		if !strings.Contains(why, want) {
			t.Errorf("%q lacks %q", why, want)
		}
	}
	for _, i := range picks {
		if !strings.Contains(why, ivl(res.Points[i].IntervalS)) {
			t.Errorf("%q does not name %s, a curve it shows", why, ivl(res.Points[i].IntervalS))
		}
	}
}
