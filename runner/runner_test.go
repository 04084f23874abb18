package runner

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
	"pingtune/stats"
)

func TestResultsDoNotDependOnWorkers(t *testing.T) {
	base := testcfg.Classic()
	base.Horizon = 2 * 24 * time.Hour
	a, b := base.WithInterval(10*time.Minute), base.WithInterval(20*time.Minute)
	cfgs := []*sim.Config{&a, &b}
	var ref [][]sim.Result
	for _, workers := range []int{1, 2, 5} {
		got, err := Run(context.Background(), cfgs, 7, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if ref == nil {
			ref = got
			continue
		}
		if !reflect.DeepEqual(ref, got) {
			t.Fatalf("%d workers gave different results from 1", workers)
		}
	}
	for c := range ref {
		for rep, r := range ref[c] {
			if r.Rep != rep || r.Horizon != base.Horizon {
				t.Fatalf("results[%d][%d] is replication %d", c, rep, r.Rep)
			}
		}
	}
}

func TestErrorIsTheFirstFailingReplication(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.MaxEvents = 500 // every replication hits the cap
	_, err := Run(context.Background(), []*sim.Config{&cfg}, 8, Options{Workers: 4})
	if err == nil {
		t.Fatal("no error")
	}
	want := "scenario test-classic, replication 0: stopped at"
	if got := err.Error(); len(got) < len(want) || got[:len(want)] != want {
		t.Fatalf("error %q, want it to start %q", got, want)
	}
}

func TestCancelStopsPromptly(t *testing.T) {
	cfg := testcfg.Classic()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Run(ctx, []*sim.Config{&cfg}, 1000, Options{Workers: 2, Progress: func(done, total int) {
		n = done
		if done == 4 {
			cancel()
		}
	}})
	if err != context.Canceled {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if n > 20 {
		t.Fatalf("%d replications ran after cancelling at 4", n)
	}
}

// flippingCtx is a context whose Err turns to context.Canceled on its
// after-th call and whose Done never closes: only a replication that asks
// Err as it runs can notice it.
type flippingCtx struct {
	context.Context
	calls, after int
	mu           sync.Mutex
}

func (c *flippingCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.calls >= c.after {
		return context.Canceled
	}
	return nil
}

// TestCancelStopsInsideAReplication: a cancellation that comes while a
// replication runs stops that replication, not only the ones after it.
func TestCancelStopsInsideAReplication(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Horizon = 10 * 365 * 24 * time.Hour // far more events than the polls below cover
	cfg.MaxEvents = 0
	ctx := &flippingCtx{Context: context.Background(), after: 3}
	_, err := Run(ctx, []*sim.Config{&cfg}, 1, Options{Workers: 1})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	// The replication asked twice and stopped at the third; Run asks once more.
	if ctx.calls != 4 {
		t.Errorf("Err was asked %d times, want 4", ctx.calls)
	}
}

// BenchmarkEach is the runner over 200 one-day replications of the classic
// configuration summarised as they arrive, on 1 and 2 workers.
func BenchmarkEach(b *testing.B) {
	cfg := testcfg.Classic()
	cfg.Horizon = 24 * time.Hour
	for _, workers := range []int{1, 2} {
		b.Run(map[int]string{1: "workers=1", 2: "workers=2"}[workers], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				acc := stats.NewAccumulator(&cfg, 200)
				err := Each(context.Background(), []*sim.Config{&cfg}, 200, Options{Workers: workers},
					func(_ int, r *sim.Result) { acc.Add(r) })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(200*b.N), "ns/rep")
		})
	}
}
