package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The size limits follow the work a command runs: a scenario too large as
// written (1e5 replications × 3650d of 10-minute keepalives, about 2.6e11
// events) runs with -reps and -horizon that make it small, and a sweep's
// shard is checked for its share of the replications.
func TestLimitsFollowTheFlags(t *testing.T) {
	ctx := context.Background()
	sc := filepath.Join(t.TempDir(), "big.yaml")
	yaml := "name: big\nhorizon: 3650d\nreplications: 100000\napp: {heartbeat: {interval: 10m}}\nsweep: {interval: [10m, 20m]}\n"
	if err := os.WriteFile(sc, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cli(ctx, "run", sc); code != exitUsage || !strings.Contains(stderr, "the run is too large") {
		t.Errorf("as written: exit %d, %q", code, stderr)
	}
	if code, _, stderr := cli(ctx, "validate", sc); code != exitUsage {
		t.Errorf("validate as written: exit %d, %q", code, stderr)
	}
	if code, _, stderr := cli(ctx, "run", sc, "-reps", "2", "-horizon", "1d"); code != 0 {
		t.Errorf("-reps 2 -horizon 1d: exit %d, %q", code, stderr)
	}
	// 1e5 replications × 2 intervals × 2000d of keepalives (2.88e5 × 5
	// events each) ≈ 2.9e11 events: over 2e11 unsharded, half of it as
	// shard 0/2. A cancelled context stops the shard at once: exit 130, not
	// 2, says the limits let it through.
	args := []string{"sweep", sc, "-horizon", "2000d", "-out", filepath.Join(t.TempDir(), "p")}
	if code, _, stderr := cli(ctx, args...); code != exitUsage || !strings.Contains(stderr, "the run is too large") {
		t.Errorf("unsharded: exit %d, %q", code, stderr)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if code, _, stderr := cli(cancelled, append(args, "-shard", "0/2")...); code != exitInterrupted {
		t.Errorf("shard 0/2: exit %d, %q; want %d (past the limits, then interrupted)", code, stderr, exitInterrupted)
	}
}
