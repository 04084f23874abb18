package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sharded three ways and merged, `run -json` gives the bytes of the
// unsharded run, whatever order the parts are given in.
func TestShardedRunMergesToTheSameBytes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	base := []string{"run", "ios6-voip-lte", "-reps", "7", "-horizon", "1d"}
	code, whole, stderr := cli(ctx, append(base, "-json", "-workers", "2")...)
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	var parts []string
	for k := range 3 {
		p := filepath.Join(dir, "part"+string(rune('0'+k))+".json")
		if code, _, stderr := cli(ctx, append(base, "-shard", string(rune('0'+k))+"/3", "-o", p, "-workers", "1")...); code != 0 {
			t.Fatalf("shard %d: exit %d: %s", k, code, stderr)
		}
		parts = append(parts, p)
	}
	code, merged, stderr := cli(ctx, "merge", "-json", parts[2], parts[0], parts[1])
	if code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr)
	}
	if merged != whole {
		t.Fatalf("merged output differs from the unsharded run:\n%s\nwant\n%s", merged, whole)
	}
	// The summary table too, into a file.
	out := filepath.Join(dir, "summary.txt")
	_, table, _ := cli(ctx, base...)
	if code, _, stderr := cli(ctx, "merge", "-o", out, parts[0], parts[1], parts[2]); code != 0 {
		t.Fatalf("merge -o: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != table {
		t.Fatalf("merged table differs:\n%s\nwant\n%s", got, table)
	}
}

// Sharded three ways and merged, `sweep -out` writes the same files, byte
// for byte, as the unsharded sweep.
func TestShardedSweepMergesToTheSameFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("plots every interval twice")
	}
	ctx := context.Background()
	dir := t.TempDir()
	sc := scenarioFile(t, "")
	base := []string{"sweep", sc, "-reps", "5", "-horizon", "1d", "-interval", "10m,20m,30m"}
	whole := filepath.Join(dir, "whole")
	if code, _, stderr := cli(ctx, append(base, "-out", whole)...); code != 0 {
		t.Fatalf("sweep: exit %d: %s", code, stderr)
	}
	var parts []string
	for k := range 3 {
		p := filepath.Join(dir, "part"+string(rune('0'+k)))
		if code, _, stderr := cli(ctx, append(base, "-shard", string(rune('0'+k))+"/3", "-out", p)...); code != 0 {
			t.Fatalf("shard %d: exit %d: %s", k, code, stderr)
		}
		parts = append(parts, p)
	}
	merged := filepath.Join(dir, "merged")
	if code, _, stderr := cli(ctx, append([]string{"merge", "-out", merged}, parts...)...); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr)
	}
	entries, err := os.ReadDir(whole)
	if err != nil || len(entries) == 0 {
		t.Fatalf("unsharded sweep wrote nothing: %v", err)
	}
	for _, en := range entries {
		a, _ := os.ReadFile(filepath.Join(whole, en.Name()))
		b, err := os.ReadFile(filepath.Join(merged, en.Name()))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the unsharded and the merged sweep (%v)", en.Name(), err)
		}
	}
	if m, _ := os.ReadDir(merged); len(m) != len(entries) {
		t.Errorf("merged sweep wrote %d files, unsharded %d", len(m), len(entries))
	}
}

// merge refuses parts that are not the shards of one command, with exit 2
// and no output file.
func TestMergeRefusesMismatchedParts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	part := func(name string, args ...string) string {
		p := filepath.Join(dir, name)
		args = append([]string{"run", "ios6-voip-lte", "-reps", "4", "-horizon", "6h", "-o", p}, args...)
		if code, _, stderr := cli(ctx, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		return p
	}
	a0, a1 := part("a0", "-shard", "0/2"), part("a1", "-shard", "1/2")
	seed := part("seed", "-shard", "1/2", "-seed", "9")
	three := part("three", "-shard", "1/3")
	horizon := part("horizon", "-shard", "1/2", "-horizon", "7h")
	other := part("other", "-shard", "1/2")
	// A part of another scenario: the same shard, another scenario name.
	wifi := filepath.Join(dir, "wifi")
	if code, _, stderr := cli(ctx, "run", "ios6-voip-wifi-nat", "-reps", "4", "-horizon", "6h", "-shard", "1/2", "-o", wifi); code != 0 {
		t.Fatalf("wifi part: %s", stderr)
	}
	notPart := filepath.Join(dir, "not-a-part")
	os.WriteFile(notPart, []byte(`{"scenario": "x"}`), 0o644)
	for _, tc := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"different seeds", []string{a0, seed}, "seed"},
		{"different shard counts", []string{a0, three}, "shards"},
		{"different horizons", []string{a0, horizon}, "another command or scenario"},
		{"different scenarios", []string{a0, wifi}, "another command or scenario"},
		{"a missing shard", []string{a0}, "shard 1/2 is missing"},
		{"a duplicate shard", []string{a0, a1, other}, "shard 1/2 twice"},
		{"not a part", []string{a0, notPart}, "not a part file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "merged-"+strings.ReplaceAll(tc.name, " ", "-"))
			code, _, stderr := cli(ctx, append([]string{"merge", "-json", "-o", out}, tc.parts...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, %q; want exit %d mentioning %q", code, stderr, exitUsage, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("an output file was written")
			}
		})
	}
	if code, _, _ := cli(ctx, "merge", "-json", "-o", filepath.Join(dir, "ok"), a1, a0); code != 0 {
		t.Errorf("the two shards of one run: exit %d", code)
	}
	if code, _, stderr := cli(ctx, "run", "ios6-voip-lte", "-shard", "2/2"); code != exitUsage || !strings.Contains(stderr, "0 <= K < N") {
		t.Errorf("-shard 2/2: exit %d, %q", code, stderr)
	}
}

// Sharded three ways and merged, `compare -json` prints the bytes of the
// unsharded compare, and `compare -out` writes the same files, whether the
// parts went to files (-o) or directories (-out).
func TestShardedCompareMergesToTheSameBytes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	base := []string{"compare", "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "fleet-chat-wifi-probe", "-reps", "8", "-horizon", "1d"}
	code, whole, stderr := cli(ctx, append(base, "-json", "-workers", "2")...)
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, stderr)
	}
	wholeDir := filepath.Join(dir, "whole")
	if code, _, stderr := cli(ctx, append(base, "-out", wholeDir)...); code != 0 {
		t.Fatalf("compare -out: exit %d: %s", code, stderr)
	}
	var parts []string
	for k := range 3 {
		shard := []string{"-shard", string(rune('0'+k)) + "/3", "-workers", "1"}
		p := filepath.Join(dir, "part"+string(rune('0'+k)))
		if k == 1 {
			shard = append(shard, "-out", p) // a directory holding the part
		} else {
			p += ".json"
			shard = append(shard, "-o", p)
		}
		if code, _, stderr := cli(ctx, append(base, shard...)...); code != 0 {
			t.Fatalf("shard %d: exit %d: %s", k, code, stderr)
		}
		parts = append(parts, p)
	}
	code, merged, stderr := cli(ctx, "merge", "-json", parts[2], parts[0], parts[1])
	if code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr)
	}
	if merged != whole {
		t.Fatalf("merged output differs from the unsharded compare:\n%s\nwant\n%s", merged, whole)
	}
	mergedDir := filepath.Join(dir, "merged")
	if code, _, stderr := cli(ctx, append([]string{"merge", "-out", mergedDir}, parts...)...); code != 0 {
		t.Fatalf("merge -out: exit %d: %s", code, stderr)
	}
	entries, err := os.ReadDir(wholeDir)
	if err != nil || len(entries) != 4 {
		t.Fatalf("unsharded compare wrote %d files: %v", len(entries), err)
	}
	for _, en := range entries {
		a, _ := os.ReadFile(filepath.Join(wholeDir, en.Name()))
		b, err := os.ReadFile(filepath.Join(mergedDir, en.Name()))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the unsharded and the merged compare (%v)", en.Name(), err)
		}
	}
}

// merge refuses the parts of compares that differ in their scenarios or
// seeds, and a compare part missing a shard, with exit 2 and no output.
func TestMergeRefusesMismatchedCompareParts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	part := func(name string, args ...string) string {
		p := filepath.Join(dir, name)
		args = append([]string{"compare", "-reps", "4", "-horizon", "6h", "-o", p}, args...)
		if code, _, stderr := cli(ctx, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		return p
	}
	a0 := part("a0", "fleet-chat-wifi", "fleet-chat-wifi-probe", "-shard", "0/2")
	a1 := part("a1", "fleet-chat-wifi", "fleet-chat-wifi-probe", "-shard", "1/2")
	other := part("other", "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "-shard", "1/2")
	seed := part("seed", "fleet-chat-wifi", "fleet-chat-wifi-probe", "-shard", "1/2", "-seed", "3")
	run := filepath.Join(dir, "run")
	if code, _, stderr := cli(ctx, "run", "fleet-chat-wifi", "-reps", "4", "-horizon", "6h", "-shard", "1/2", "-o", run); code != 0 {
		t.Fatalf("run part: %s", stderr)
	}
	for _, tc := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"other scenarios", []string{a0, other}, "another command or scenario"},
		{"different seeds", []string{a0, seed}, "seed"},
		{"a run's part", []string{a0, run}, "another command or scenario"},
		{"a missing shard", []string{a1}, "shard 0/2 is missing"},
		{"a duplicate shard", []string{a0, a1, a1}, "shard 1/2 twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "merged-"+strings.ReplaceAll(tc.name, " ", "-"))
			code, _, stderr := cli(ctx, append([]string{"merge", "-out", out}, tc.parts...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, %q; want exit %d mentioning %q", code, stderr, exitUsage, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("an output directory was written")
			}
		})
	}
	if code, _, stderr := cli(ctx, "compare", "fleet-chat-wifi", "fleet-chat-wifi-probe", "-shard", "0/2"); code != exitUsage || !strings.Contains(stderr, "-o FILE") {
		t.Errorf("-shard without -o or -out: exit %d, %q", code, stderr)
	}
}
