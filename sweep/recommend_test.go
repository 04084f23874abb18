package sweep

import (
	"slices"
	"testing"

	"pingtune/stats"
)

// ladder builds a sweep whose battery falls by step per interval and whose
// p95 client detection grows with it: detection at T is spread up to T.
func ladder(intervalsM []float64, battery0, step float64) []stats.Point {
	var ps []stats.Point
	b := around(battery0, 0.02, 30)
	for _, m := range intervalsM {
		ps = append(ps, pt(m*60, m*60, b, latencies(400, m*60)))
		b = shifted(b, -step)
	}
	return ps
}

func TestRecommend(t *testing.T) {
	detect := func(m float64) Requirement { return Requirement{Metric: DetectClientP95, Upper: true, Bound: m * 60} }
	for _, tc := range []struct {
		name        string
		points      []stats.Point
		reqs        []Requirement
		want        float64 // recommended interval in minutes; 0: none
		next        float64 // the next longer interval; 0: none
		binding     []int
		closest     float64
		renominated bool
	}{
		{
			name:    "the longest interval that still detects in time",
			points:  ladder([]float64{10, 12, 14, 16, 18}, 2, 0.1),
			reqs:    []Requirement{detect(14)}, // p95 of T is 0.95·T
			want:    14,
			next:    16,
			binding: []int{0},
		},
		{
			name:   "no requirements: the cheapest",
			points: ladder([]float64{10, 12, 14}, 2, 0.1),
			want:   14,
			next:   0,
		},
		{
			name:    "a requirement that cannot be shown to hold does not qualify",
			points:  ladder([]float64{10, 12, 14}, 2, 0.1),
			reqs:    []Requirement{detect(13.4)}, // 14m: p95 13.3m, upper bound above 13.4m
			want:    12,
			next:    14,
			binding: []int{0},
		},
		{
			name: "the knee: the next interval qualifies but costs more",
			points: func() []stats.Point {
				ps := ladder([]float64{10, 15, 20}, 2, 0.1)
				// 25m: past a NAT, reconnects cost more than the saved pings.
				return append(ps, pt(25*60, 25*60, around(3, 0.02, 30), latencies(400, 20*60)))
			}(),
			reqs:    []Requirement{detect(30)},
			want:    20,
			next:    25,
			binding: nil,
		},
		{
			name:    "nothing qualifies: the closest misses by the least",
			points:  ladder([]float64{10, 12, 14}, 2, 0.1),
			reqs:    []Requirement{detect(5)},
			want:    0,
			closest: 10,
		},
		{
			name: "an unknown bound is closer than a definite miss",
			points: func() []stats.Point {
				b := around(2, 0.02, 30)
				p := pt(600, 600, b, latencies(100, 600))
				p.Metrics.DetectClientS.Censored = 1 // the upper bound falls on it
				return []stats.Point{p, pt(1200, 1200, shifted(b, -1), latencies(400, 1300))}
			}(),
			reqs:    []Requirement{detect(15)},
			want:    0,
			closest: 10,
		},
		{
			name: "clamped intervals: the nominal the platform really runs",
			points: func() []stats.Point {
				b := around(2, 0.02, 30)
				// 5m–10m all run at 10m with the same battery use.
				ps := []stats.Point{pt(300, 600, b, latencies(400, 600)), pt(480, 600, b, latencies(400, 600)),
					pt(600, 600, b, latencies(400, 600))}
				return append(ps, pt(720, 720, shifted(b, -0.1), latencies(400, 1200)))
			}(),
			reqs:    []Requirement{detect(15)},
			want:    10,
			next:    12,
			binding: []int{0},
		},
		{
			name: "a clamped nominal that is cheaper is renamed to what runs",
			points: func() []stats.Point {
				b := around(2, 0.02, 30)
				// Foreground pings at 5m cost a little less here (a made-up case).
				return []stats.Point{pt(300, 600, shifted(b, -0.01), latencies(400, 600)), pt(600, 600, b, latencies(400, 600))}
			}(),
			reqs:        []Requirement{detect(15)},
			want:        10,
			renominated: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Analyze(tc.points, tc.reqs, Policy{})
			if err != nil {
				t.Fatal(err)
			}
			rec := res.Recommendation
			minutes := func(i int) float64 {
				if i < 0 {
					return 0
				}
				return res.Points[i].IntervalS / 60
			}
			if got := minutes(rec.Index); got != tc.want {
				t.Fatalf("recommended %vm, want %vm", got, tc.want)
			}
			if tc.want == 0 {
				if got := minutes(rec.Closest); got != tc.closest {
					t.Fatalf("closest %vm, want %vm", got, tc.closest)
				}
				return
			}
			if rec.Closest != -1 {
				t.Errorf("closest %d with a recommendation", rec.Closest)
			}
			if got := minutes(rec.Next); got != tc.next {
				t.Errorf("next %vm, want %vm", got, tc.next)
			}
			if !slices.Equal(rec.Binding, tc.binding) {
				t.Errorf("binding %v, want %v", rec.Binding, tc.binding)
			}
			if rec.Renominated != tc.renominated {
				t.Errorf("renominated %v, want %v", rec.Renominated, tc.renominated)
			}
		})
	}
}

func TestPareto(t *testing.T) {
	b := around(2, 0.02, 10)
	points := []stats.Point{
		pt(600, 600, b, latencies(100, 600)),                   // front: fastest
		pt(720, 720, shifted(b, -0.2), latencies(100, 720)),    // front
		pt(840, 840, shifted(b, 0.1), latencies(100, 840)),     // dominated by 720
		pt(960, 960, shifted(b, -0.3), latencies(100, 960)),    // front: cheapest
		pt(1080, 1080, shifted(b, -0.3), latencies(100, 1080)), // dominated: as cheap, slower
		pt(1200, 1200, b, nil),                                 // no breaks: not on the axis
	}
	res, err := Analyze(points, nil, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0, 1, 3}; !slices.Equal(res.Pareto, want) {
		t.Fatalf("front %v, want %v", res.Pareto, want)
	}
}

// Neighbours are compared over the same replications.
func TestAnalyzePairsNeighbours(t *testing.T) {
	b := around(2, 0.5, 30) // wide spread between replications...
	points := []stats.Point{pt(600, 600, b, nil), pt(720, 720, shifted(b, -0.01), nil)}
	res, err := Analyze(points, nil, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Points[0].VsPrevious != nil {
		t.Error("the first interval has a previous one")
	}
	d := res.Points[1].VsPrevious.BatteryPctPerDay
	// ...but the same in both intervals, so the paired difference is exact.
	if d.Mean != -0.01 || !stats.Significant(d) {
		t.Fatalf("paired difference %+v, want exactly -0.01", d)
	}
	a, c := res.Points[0].Metrics.BatteryPctPerDay, res.Points[1].Metrics.BatteryPctPerDay
	if !(a.Lo() < c.Hi() && c.Lo() < a.Hi()) {
		t.Fatal("the test needs unpaired intervals that overlap")
	}
}

func TestAnalyzeRejects(t *testing.T) {
	b := around(2, 0.02, 10)
	for _, tc := range []struct {
		name   string
		points []stats.Point
		reqs   []Requirement
	}{
		{"no points", nil, nil},
		{"intervals out of order", []stats.Point{pt(720, 720, b, nil), pt(600, 600, b, nil)}, nil},
		{"an interval twice", []stats.Point{pt(600, 600, b, nil), pt(600, 600, b, nil)}, nil},
		{"different replications", []stats.Point{pt(600, 600, b, nil), pt(720, 720, b[:5], nil)}, nil},
		{"unknown metric", []stats.Point{pt(600, 600, b, nil)}, []Requirement{{Metric: "battery", Upper: true, Bound: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Analyze(tc.points, tc.reqs, Policy{}); err == nil {
				t.Fatal("no error")
			}
		})
	}
}
