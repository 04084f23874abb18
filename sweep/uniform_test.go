package sweep

import (
	"math"
	"strings"
	"testing"

	"pingtune/stats"
	"pingtune/stats/hist"
)

// A requirement whose value or verdict is the same at every interval cannot
// guide the choice, and says why.
func TestGuides(t *testing.T) {
	b := around(2, 0.02, 30)
	// The p95 of 400 latencies spread over 1 s is 0.95 s, as the histogram
	// keeps it (within hist.RelativeError).
	p95, _ := stats.HistQuantileCensored(0.95, histOf(latencies(400, 1)), 0)
	if math.Abs(p95-0.95) > 0.95*hist.RelativeError {
		t.Fatalf("p95 %g, want 0.95 within %g", p95, hist.RelativeError)
	}
	fast := func(p stats.Point) stats.Point { // the client learned of every break from the OS
		p.Metrics.Breaks.ClientVia = map[string]int{"interface_down": 90, "ip_change": 10}
		return p
	}
	for _, tc := range []struct {
		name   string
		points []stats.Point
		req    Requirement
		same   bool
		why    []string
	}{
		{"the same value everywhere, learned from the OS",
			[]stats.Point{fast(pt(600, 600, b, latencies(400, 1))), fast(pt(900, 900, shifted(b, -0.5), latencies(400, 1)))},
			Requirement{Metric: DetectClientP95, Upper: true, Bound: 1200}, true,
			[]string{"it is " + valueText(DetectClientP95, p95) + " at every interval", "the client learns of all of its breaks from the OS"}},
		{"different values, all holding",
			[]stats.Point{pt(600, 600, b, latencies(400, 300)), pt(900, 900, shifted(b, -0.5), latencies(400, 450))},
			Requirement{Metric: DetectClientP95, Upper: true, Bound: 1200}, true,
			[]string{"it holds at every interval"}},
		{"different values, all failing",
			[]stats.Point{pt(600, 600, b, latencies(400, 300)), pt(900, 900, shifted(b, -0.5), latencies(400, 450))},
			Requirement{Metric: DetectClientP95, Upper: true, Bound: 60}, true,
			[]string{"it fails at every interval"}},
		{"one holds, one fails: it guides",
			[]stats.Point{pt(600, 600, b, latencies(400, 300)), pt(900, 900, shifted(b, -0.5), latencies(400, 900))},
			Requirement{Metric: DetectClientP95, Upper: true, Bound: 600}, false, nil},
		{"battery bound between the two: it guides",
			[]stats.Point{pt(600, 600, b, nil), pt(900, 900, shifted(b, -0.5), nil)},
			Requirement{Metric: BatteryPctPerDay, Upper: true, Bound: 1.8}, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Analyze(tc.points, []Requirement{tc.req}, Policy{})
			if err != nil {
				t.Fatal(err)
			}
			g := res.Guides[0]
			if g.SameEverywhere != tc.same {
				t.Fatalf("same_everywhere %v (%q), want %v", g.SameEverywhere, g.Why, tc.same)
			}
			for _, w := range tc.why {
				if !strings.Contains(g.Why, w) {
					t.Errorf("why %q lacks %q", g.Why, w)
				}
			}
		})
	}
}

// The trade-off is drawn against the detection metric that binds the
// recommendation; when none binds, against the one that varies most.
func TestAxis(t *testing.T) {
	b := around(2, 0.02, 30)
	mk := func(T float64, battery []float64, client []float64, unnoticed float64) stats.Point {
		p := pt(T, T, battery, client)
		p.Metrics.UnnoticedMinPerDay = stats.MeanCI([]float64{unnoticed, unnoticed})
		return p
	}
	// Client detection is flat; unnoticed time grows.
	points := []stats.Point{mk(600, b, latencies(400, 1), 1), mk(900, shifted(b, -0.5), latencies(400, 1), 2), mk(1200, shifted(b, -0.7), latencies(400, 1), 3)}
	res, err := Analyze(points, nil, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Axis != UnnoticedMinPerDay {
		t.Errorf("no requirement: axis %s, want the one that varies, %s", res.Axis, UnnoticedMinPerDay)
	}
	res, err = Analyze(points, []Requirement{{Metric: UnnoticedMinPerDay, Upper: true, Bound: 2.5}, {Metric: DetectClientP95, Upper: true, Bound: 600}}, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if rec := res.Recommendation; res.Points[rec.Index].IntervalS != 900 || res.Axis != UnnoticedMinPerDay {
		t.Errorf("recommended %+v on axis %s, want 15m bound by %s", rec, res.Axis, UnnoticedMinPerDay)
	}
}
