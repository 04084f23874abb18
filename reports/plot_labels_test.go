package reports

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"pingtune/stats"
	"pingtune/sweep"
)

// checkLayout fails when a placed label leaves bounds, overlaps another
// label or comes closer than labelMargin to an obstacle.
func checkLayout(t *testing.T, what string, placed []placedLabel, obstacles []vg.Rectangle, bounds vg.Rectangle) {
	t.Helper()
	for a, pa := range placed {
		if !inside(pa.box, bounds) {
			t.Errorf("%s: label %d %v leaves the data area %v", what, pa.item, pa.box, bounds)
		}
		for _, pb := range placed[a+1:] {
			if overlaps(pa.box, pb.box) {
				t.Errorf("%s: labels %d and %d overlap: %v, %v", what, pa.item, pb.item, pa.box, pb.box)
			}
		}
		for _, o := range obstacles {
			if overlaps(grow(pa.box, vg.Points(labelMargin)), o) {
				t.Errorf("%s: label %d %v overlaps %v", what, pa.item, pa.box, o)
			}
		}
	}
}

// layoutLabels on crowded random points: whatever it places keeps clear of
// everything, and the first label, with room around it, is placed.
func TestLayoutLabelsNeverOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	bounds := vg.Rectangle{Max: vg.Point{X: 600, Y: 400}}
	for trial := range 50 {
		n := 10 + rng.IntN(60)
		var anchors, sizes []vg.Point
		var obstacles []vg.Rectangle
		for range n {
			a := vg.Point{X: vg.Length(20 + 560*rng.Float64()), Y: vg.Length(20 + 360*rng.Float64())}
			anchors = append(anchors, a)
			sizes = append(sizes, vg.Point{X: vg.Length(15 + 60*rng.Float64()), Y: 10})
			obstacles = append(obstacles, square(a.X, a.Y, 4),
				vg.Rectangle{Min: vg.Point{X: a.X - vg.Length(30*rng.Float64()), Y: a.Y - 2}, Max: vg.Point{X: a.X + vg.Length(30*rng.Float64()), Y: a.Y + 2}})
		}
		placed := layoutLabels(anchors, sizes, obstacles, bounds)
		checkLayout(t, fmt.Sprint("trial ", trial), placed, obstacles, bounds)
		if len(placed) == 0 {
			t.Errorf("trial %d: no label placed among %d points", trial, n)
		}
	}
	// A lone point far from everything gets its label to its right.
	placed := layoutLabels([]vg.Point{{X: 300, Y: 200}}, []vg.Point{{X: 30, Y: 10}}, nil, bounds)
	if len(placed) != 1 || placed[0].box.Min.X != 300+vg.Points(labelGap) {
		t.Errorf("lone point: %v, want one label %g pt to its right", placed, float64(vg.Points(labelGap)))
	}
}

// denseSweep is the fixture's sweep at every minute from 1m to 40m: from
// about 20 points up the labels of tradeoff.png used to collide.
func denseSweep(t *testing.T) *sweep.Result {
	t.Helper()
	cfg := fixtureConfig()
	var points []stats.Point
	for m := 1; m <= 40; m++ {
		c := cfg.WithInterval(time.Duration(m) * time.Minute)
		points = append(points, stats.Summarize(&c, fakeResults(&cfg, c.App.Interval, true)))
	}
	res, err := sweep.Analyze(points, fixtureReqs, sweep.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	res.Platform, res.KeepaliveMinS, res.NATIdleTimeoutS = "ios6", 600, 1200
	return res
}

// tradeoff.png's labels, laid out at the size users see, on the fixture
// and on a dense sweep: none overlaps another label, a point, an error bar,
// the Pareto front or the legend's box; the recommendation and the longest
// interval are labelled.
func TestTradeoffLabelsDoNotCollide(t *testing.T) {
	size := sweepPlots[0].size
	for name, res := range map[string]*sweep.Result{"fixture": fixture(t, true, fixtureReqs...).Result, "dense": denseSweep(t)} {
		p, labels, err := newTradeoffPlot(res)
		if err != nil {
			t.Fatal(err)
		}
		drawPlot(p, draw.New(vgimg.New(size[0], size[1])))
		if len(labels.obstacles) == 0 {
			t.Fatalf("%s: the layout saw no obstacles", name)
		}
		checkLayout(t, name, labels.placed, labels.obstacles, labels.bounds)
		shown := map[string]bool{}
		for _, pl := range labels.placed {
			shown[labels.items[pl.item].text] = true
		}
		rec := res.Recommendation.Index
		if rec < 0 {
			t.Fatalf("%s: no recommendation", name)
		}
		if want := ivl(res.Points[rec].IntervalS) + " recommended"; !shown[want] {
			t.Errorf("%s: %q is not labelled (labels: %v)", name, want, shown)
		}
		if last := ivl(res.Points[len(res.Points)-1].IntervalS); !shown[last] {
			t.Errorf("%s: the longest interval %s is not labelled (labels: %v)", name, last, shown)
		}
		if name == "dense" && len(labels.placed) < 12 {
			t.Errorf("dense: only %d of %d points labelled", len(labels.placed), len(res.Points))
		}
	}
}
