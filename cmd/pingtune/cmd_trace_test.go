package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingtune/runner"
	"pingtune/scenarios"
	"pingtune/sim"
)

// TestTraceIsTheReplicationRunCounts: the lines of `trace -rep N` count what
// `run` counted for replication N (played on a reused World, in parallel):
// wakeups by cause, breaks by cause, pushes, kills.
func TestTraceIsTheReplicationRunCounts(t *testing.T) {
	for _, name := range []string{"ios6-voip-lte", "ios6-voip-wifi-nat", "always-awake-mqtt"} {
		sc, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		cfg := sc.Config.WithInterval(25 * time.Minute)
		cfg.Horizon = 2 * 24 * time.Hour
		results, err := runner.Run(context.Background(), []*sim.Config{&cfg}, 6, runner.Options{Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, rep := range []int{0, 5} {
			code, out, errs := pingtune(t, "trace", name, "-rep", strconv.Itoa(rep), "-horizon", "2d", "-interval", "25m")
			if code != exitOK {
				t.Fatalf("%s: exit %d: %s", name, code, errs)
			}
			want := results[0][rep]
			var wakeups [sim.NumWakeCauses]int
			var breaks [sim.NumCauses]int
			var pushes sim.PushCounts
			kills := 0
			drain := false // wakeups and kills count up to the horizon
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var r struct{ Kind, Cause string }
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					t.Fatalf("%q: %v", line, err)
				}
				switch r.Kind {
				case "horizon":
					drain = true
				case "wakeup":
					if drain {
						break
					}
					wakeups[traceNameIndex(t, sim.WakeCauseNames(), r.Cause)]++
				case "break":
					breaks[traceNameIndex(t, sim.CauseNames(), r.Cause)]++
				case "push_sent":
					pushes.Sent++
				case "push_delivered":
					pushes.Delivered++
				case "push_lost":
					pushes.Lost++
				case "push_dropped":
					pushes.Dropped++
				case "kill":
					if !drain {
						kills++
					}
				}
			}
			var wantBreaks [sim.NumCauses]int
			for _, b := range want.Breaks {
				wantBreaks[b.Cause]++
			}
			wantPushes := want.Pushes
			wantPushes.Pending = 0
			if wakeups != want.Wakeups || breaks != wantBreaks || pushes != wantPushes || kills != want.Kills {
				t.Errorf("%s rep %d: the trace counts wakeups %v, breaks %v, pushes %+v, kills %d;\nrun counted wakeups %v, breaks %v, pushes %+v, kills %d",
					name, rep, wakeups, breaks, pushes, kills, want.Wakeups, wantBreaks, wantPushes, want.Kills)
			}
		}
	}
}

func traceNameIndex(t *testing.T, names []string, name string) int {
	t.Helper()
	for i, n := range names {
		if n == name {
			return i
		}
	}
	t.Fatalf("unknown name %q", name)
	return 0
}

// TestTraceIsStable: the same command gives the same bytes, on stdout or in
// a file; a window gives the full trace's lines inside it.
func TestTraceIsStable(t *testing.T) {
	args := []string{"trace", "ios6-voip-wifi-nat", "-rep", "2", "-horizon", "1d"}
	_, a, _ := pingtune(t, args...)
	_, b, _ := pingtune(t, args...)
	if a != b || a == "" {
		t.Fatal("two runs of the same trace differ")
	}
	file := filepath.Join(t.TempDir(), "trace.jsonl")
	if code, out, errs := pingtune(t, append(args, "-o", file)...); code != exitOK || out != "" {
		t.Fatalf("exit %d, stdout %q: %s", code, out, errs)
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != a {
		t.Fatalf("the file differs from stdout (%v)", err)
	}
	code, w, errs := pingtune(t, append(args, "-from", "3h", "-to", "5h30m")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.SplitAfter(w, "\n")
	if !strings.HasPrefix(lines[0], `{"t_s":10800,"kind":"snapshot"`) {
		t.Errorf("the window starts %q", lines[0])
	}
	if inner := strings.Join(lines[1:], ""); !strings.Contains(a, inner) || len(inner) == 0 {
		t.Error("the window's lines are not a run of the full trace's")
	}
}

// TestTraceAndTimelineBadFlags: bad flags are usage errors (exit 2) that
// say what is wrong.
func TestTraceAndTimelineBadFlags(t *testing.T) {
	png := filepath.Join(t.TempDir(), "x.png")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"trace", "no-such-scenario"}, "no-such-scenario"},
		{[]string{"trace", "ios6-voip-lte", "-rep", "200"}, "-rep 200 is out of range"},
		{[]string{"trace", "ios6-voip-lte", "-rep", "-1"}, "-rep -1 is out of range"},
		{[]string{"trace", "ios6-voip-lte", "-from", "3h", "-to", "2h"}, "-from 3h must be before -to 2h"},
		{[]string{"trace", "ios6-voip-lte", "-to", "8d"}, "past the end of the run"},
		{[]string{"trace", "ios6-voip-lte", "-from", "-1h"}, "cannot be negative"},
		{[]string{"trace", "ios6-voip-lte", "-from", "soon"}, "-from"},
		{[]string{"trace", "ios6-voip-lte", "-interval", "10m,20m"}, "one interval"},
		{[]string{"timeline", "ios6-voip-lte"}, "-o FILE.png"},
		{[]string{"timeline", "ios6-voip-lte", "-o", png, "-size", "big"}, "WIDTHxHEIGHT"},
		{[]string{"timeline", "ios6-voip-lte", "-o", png, "-size", "100x100"}, "outside"},
		{[]string{"timeline", "ios6-voip-lte", "-o", png, "-rep", "999"}, "out of range"},
		{[]string{"timeline", "ios6-voip-lte", "-o", png, "-from", "2h", "-to", "2h"}, "must be before"},
	} {
		code, _, errs := pingtune(t, c.args...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 saying %q", c.args, code, errs, c.want)
		}
	}
	if _, err := os.Stat(png); !os.IsNotExist(err) {
		t.Errorf("a failed timeline left %s behind", png)
	}
}
