package sweep

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// small is the classic iOS 6 pattern behind a 20-minute NAT, cut down to
// run in a test.
func small(reps int, horizon time.Duration) *sim.Config {
	c := testcfg.Classic()
	c.Name = "test-nat"
	c.Network.NATIdleTimeout = 20 * time.Minute
	c.Replications = reps
	c.Horizon = horizon
	return &c
}

func minutes(ms ...int) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = time.Duration(m) * time.Minute
	}
	return out
}

func TestRunIsTheSameForAnyWorkers(t *testing.T) {
	cfg := small(6, 24*time.Hour)
	reqs := []Requirement{{Metric: DetectClientP95, Upper: true, Bound: 15 * 60}, {Metric: BatteryPctPerDay, Upper: true, Bound: 30}}
	var ref *Result
	for _, w := range []int{1, 2, 5} {
		res, err := Run(context.Background(), cfg, minutes(5, 15, 25), reqs, Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if ref == nil {
			ref = res
		} else if !reflect.DeepEqual(res, ref) {
			t.Fatalf("-workers %d changed the result", w)
		}
	}
}

func TestRunSortsIntervalsAndDropsDuplicates(t *testing.T) {
	res, err := Run(context.Background(), small(2, 24*time.Hour), minutes(20, 10, 20, 15), nil, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got []float64
	for _, p := range res.Points {
		got = append(got, p.IntervalS)
	}
	if want := []float64{600, 900, 1200}; !reflect.DeepEqual(got, want) {
		t.Fatalf("intervals %v, want %v", got, want)
	}
	if res.NATIdleTimeoutS != 1200 || res.KeepaliveMinS != 600 || res.Platform != "ios6" {
		t.Errorf("context for the reports: %+v", res)
	}
}

// Common random numbers: the world each replication sees does not depend on
// the interval, so the paired difference between neighbours is far tighter
// than the two intervals' own confidence intervals.
func TestRunPairsNeighbours(t *testing.T) {
	res, err := Run(context.Background(), small(20, 24*time.Hour), minutes(12, 13), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Points[1].VsPrevious.BatteryPctPerDay
	own := res.Points[1].Metrics.BatteryPctPerDay
	if pw, ow := d.Hi()-d.Lo(), own.Hi()-own.Lo(); pw > ow/3 {
		t.Fatalf("paired interval %.4g wide, the interval's own %.4g: common random numbers are not working", pw, ow)
	}
	if !(d.Mean < 0) {
		t.Errorf("a longer interval should save battery before the NAT timeout: %+v", d)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	_, err := Run(ctx, small(200, 7*24*time.Hour), minutes(10, 20, 30), nil, Options{Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("took %v to stop", d)
	}
}

func TestRunRefuses(t *testing.T) {
	if _, err := Run(context.Background(), small(2, time.Hour), nil, nil, Options{}); err == nil {
		t.Error("no intervals: no error")
	}
	if _, err := Run(context.Background(), small(2, time.Hour), minutes(10), []Requirement{{Metric: "nope", Upper: true, Bound: 1}}, Options{}); err == nil {
		t.Error("unknown metric: no error")
	}
}
