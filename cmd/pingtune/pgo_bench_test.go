package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"pingtune/scenarios"
)

// cliMix is a representative mix of command lines: every built-in's run,
// sweeps with their plots and reports on a suspending and an always-awake
// platform, a three-way compare, and an always-awake run at a short
// interval (the analytic always-awake job's kind of work). pingtune.pgo is
// the CPU profile of BenchmarkCLIMix (pgo.go).
func cliMix(dir string) [][]string {
	var mix [][]string
	for _, name := range scenarios.Builtins() {
		mix = append(mix, []string{"run", name, "-reps", "20", "-workers", "1", "-json"})
	}
	return append(mix,
		[]string{"run", "always-awake-mqtt", "-interval", "5m", "-horizon", "30d", "-reps", "10", "-workers", "1"},
		[]string{"sweep", "ios6-voip-lte", "-reps", "40", "-horizon", "3d", "-workers", "1", "-out", filepath.Join(dir, "ios6")},
		[]string{"sweep", "always-awake-mqtt", "-reps", "40", "-horizon", "3d", "-workers", "1", "-out", filepath.Join(dir, "mqtt")},
		[]string{"compare", "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "fleet-chat-wifi-probe", "-reps", "20", "-workers", "1"},
	)
}

// BenchmarkCLIMix runs cliMix in-process on one worker; one op is the whole
// mix. Every command must succeed (a sweep that recommends no interval
// exits 3, which is a result, not a failure).
func BenchmarkCLIMix(b *testing.B) {
	for b.Loop() {
		for _, args := range cliMix(b.TempDir()) {
			if code := run(context.Background(), args, &env{stdout: io.Discard, stderr: io.Discard}); code != exitOK && code != exitUnmet {
				b.Fatalf("pingtune %v: exit %d", args, code)
			}
		}
	}
}
