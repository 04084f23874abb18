package runner

import (
	"context"
	"reflect"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
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
