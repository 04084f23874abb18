package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pingtune/reports"
)

// cli runs one command line in-process with ctx.
func cli(ctx context.Context, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(ctx, args, &env{stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

// scenarioFile writes the SPEC's example scenario with the given
// sweep.require into a temporary file.
func scenarioFile(t *testing.T, require string) string {
	t.Helper()
	yaml := `name: spec-example
horizon: 2d
replications: 12
seed: 1
platform: ios6
app:
  heartbeat: {interval: 10m, timeout: 30s}
  background_task: end_when_done
  reconnect: {initial: 2s, max: 5m, multiplier: 2, jitter: 0.2}
user:
  sessions_per_day: 12
  session_length: {lognormal: {median: 2m, sigma: 1}}
network:
  rtt: 80ms
  connect_time: 300ms
  nat_idle_timeout: 30m
  outages: {every: {exp: 8h}, duration: {lognormal: {median: 90s, sigma: 1.2}}, signals_client: true}
  handovers: {every: {exp: 12h}}
server:
  idle_timeout: 1.5x
  restarts: {every: {exp: 72h}, downtime: {uniform: [10s, 2m]}, kind: graceful}
  pushes: {per_hour: 4, when_offline: queue}
radio: lte
device: {battery_mah: 1440, voltage: 3.8, cpu_power: 250mW}
sweep:
  interval: [10m, 20m]
`
	if require != "" {
		yaml += "  require: " + require + "\n"
	}
	path := filepath.Join(t.TempDir(), "spec-example.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// Every output of a sweep is byte-identical whatever -workers is.
func TestSweepIsTheSameForAnyWorkers(t *testing.T) {
	var ref map[string][]byte
	var refOut string
	for _, w := range []string{"1", "2"} {
		dir := t.TempDir()
		code, out, errs := cli(context.Background(), "sweep", "ios6-voip-wifi-nat", "-reps", "12", "-horizon", "2d",
			"-interval", "5m,15m,25m", "-workers", w, "-out", dir)
		if code != exitOK && code != exitUnmet {
			t.Fatalf("-workers %s: exit %d: %s", w, code, errs)
		}
		out = strings.ReplaceAll(out, dir, "DIR")
		files := readDir(t, dir)
		if ref == nil {
			ref, refOut = files, out
			continue
		}
		if out != refOut {
			t.Errorf("-workers %s changed the summary", w)
		}
		for name, b := range ref {
			if !bytes.Equal(files[name], b) {
				t.Errorf("-workers %s changed %s", w, name)
			}
		}
	}
	// Every document and every plot (this sweep has breaks to draw), no SVG
	// without -svg.
	want := append(reports.SweepDocuments(), reports.SweepPlots()...)
	for _, name := range want {
		if _, ok := ref[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if len(ref) != len(want) {
		t.Errorf("wrote %d files, want %d", len(ref), len(want))
	}
	if !strings.Contains(refOut, "wrote DIR: results.json") {
		t.Errorf("summary:\n%s", refOut)
	}
}

func TestSweepJSONToStdout(t *testing.T) {
	code, out, errs := cli(context.Background(), "sweep", scenarioFile(t, "{detect_client_p95: 20m}"), "-json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Scenario    string         `json:"scenario"`
		IntervalsS  []float64      `json:"intervals_s"`
		Resolved    map[string]any `json:"resolved"`
		Recommended struct {
			IntervalS float64 `json:"interval_s"`
		} `json:"recommended"`
		Points []map[string]any `json:"points"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if doc.Scenario != "spec-example" || len(doc.Points) != 2 || doc.Recommended.IntervalS == 0 || doc.Resolved["platform"] == nil {
		t.Fatalf("results.json: %+v", doc)
	}
}

// No interval meets the requirements: the report is still written, the
// closest is named, and the exit status is 3.
func TestSweepNoneQualifiesExits3(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cli(context.Background(), "sweep", scenarioFile(t, "{battery_pct_per_day: 0.01}"), "-out", dir)
	if code != exitUnmet {
		t.Fatalf("exit %d, want %d: %s", code, exitUnmet, errs)
	}
	if !strings.Contains(out, "No interval meets every requirement") || !strings.Contains(out, "The closest is") {
		t.Errorf("summary:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err != nil {
		t.Error(err)
	}
}

// An interrupted sweep writes nothing and leaves earlier results alone.
func TestSweepInterruptedWritesNothing(t *testing.T) {
	dir := t.TempDir()
	old := []byte(`{"old": true}`)
	if err := os.WriteFile(filepath.Join(dir, "results.json"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, errs := cli(ctx, "sweep", "ios6-voip-lte", "-reps", "50", "-out", dir)
	if code == exitOK {
		t.Fatal("exit 0 after an interrupt")
	}
	if !strings.Contains(errs, "interrupted") {
		t.Errorf("stderr: %s", errs)
	}
	files := readDir(t, dir)
	if len(files) != 1 || !bytes.Equal(files["results.json"], old) {
		t.Fatalf("the directory changed: %d files", len(files))
	}
}

func TestSweepUsage(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o644)
	noInterval := scenarioFile(t, "")
	data, _ := os.ReadFile(noInterval)
	os.WriteFile(noInterval, bytes.ReplaceAll(data, []byte("  interval: [10m, 20m]\n"), nil), 0o644)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no scenario", []string{"sweep"}},
		{"unknown scenario", []string{"sweep", "no-such-scenario"}},
		{"-out is a file", []string{"sweep", "ios6-voip-lte", "-out", file}},
		{"no sweep.interval", []string{"sweep", noInterval}},
		{"bad -interval", []string{"sweep", "ios6-voip-lte", "-interval", "5m:1m:1m"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := cli(context.Background(), tc.args...)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d: %s", code, exitUsage, errs)
			}
		})
	}
}

func TestCheckExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		require string
		code    int
		say     string
	}{
		{"every requirement holds", "{detect_client_p95: 20m, battery_pct_per_day: 50}", exitOK, "PASS"},
		{"one fails", "{detect_client_p95: 20m, battery_pct_per_day: 0.5}", exitUnmet, "FAIL"},
		{"nothing to check", "", exitUsage, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(context.Background(), "check", scenarioFile(t, tc.require))
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s%s", code, tc.code, out, errs)
			}
			if !strings.HasPrefix(out, tc.say) {
				t.Errorf("verdict:\n%s", out)
			}
			if tc.code == exitUsage && !strings.Contains(errs, "no sweep.require") {
				t.Errorf("stderr: %s", errs)
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, errs := cli(context.Background(), "check", scenarioFile(t, "{battery_pct_per_day: 0.5}"), "-json", "-interval", "20m")
	if code != exitUnmet {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		OK        bool     `json:"ok"`
		Failed    []string `json:"failed"`
		IntervalS float64  `json:"interval_s"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.OK || len(v.Failed) != 1 || v.IntervalS != 1200 {
		t.Fatalf("%s", out)
	}
}

// A second sweep into the same directory replaces the first entirely: SVGs
// the first wrote and the second did not are removed, other files are kept.
func TestSweepReplacesEarlierOutputs(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	os.WriteFile(keep, []byte("mine"), 0o644)
	sc := scenarioFile(t, "{detect_client_p95: 20m}")
	if code, _, errs := cli(context.Background(), "sweep", sc, "-out", dir, "-svg"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "metrics.svg")); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cli(context.Background(), "sweep", sc, "-out", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "metrics.svg")); !os.IsNotExist(err) {
		t.Errorf("a stale metrics.svg is left beside the new results (%v)", err)
	}
	if b, _ := os.ReadFile(keep); string(b) != "mine" {
		t.Error("a file the sweep did not write was touched")
	}
	for name := range readDir(t, dir) {
		if strings.HasPrefix(name, ".") {
			t.Errorf("temporary file %s left behind", name)
		}
	}
}
