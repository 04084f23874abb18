package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// countingCtx is a context whose Err says context.Canceled from its
// cancelAt-th call on (never when cancelAt is 0) and whose Done never
// closes; it counts the calls. With one worker the calls a verb makes are
// the same every run, so a test can interrupt it at any one of them.
type countingCtx struct {
	context.Context
	mu       sync.Mutex
	calls    int
	cancelAt int
}

func (c *countingCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.cancelAt > 0 && c.calls >= c.cancelAt {
		return context.Canceled
	}
	return nil
}

// snapshot is every file under dir with its content ("dir" for directories).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			out[rel] = "dir"
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out[rel] = string(b)
		return nil
	})
	return out
}

// earlierSweep is an output directory as an earlier sweep and its user left it.
func earlierSweep(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	for name, data := range map[string]string{"results.json": `{"earlier": true}`, "report.md": "# earlier\n",
		"metrics.svg": "<svg/>", "notes.txt": "mine"} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var smallSweep = []string{"sweep", "ios6-voip-wifi-nat", "-reps", "4", "-horizon", "1d", "-interval", "10m,20m", "-workers", "1"}

// TestSweepObstacleLeavesDirUntouched: a directory where metrics.png goes
// is refused before anything runs (exit 2, naming it), and the output
// directory is byte-identical afterwards.
func TestSweepObstacleLeavesDirUntouched(t *testing.T) {
	dir := earlierSweep(t)
	if err := os.MkdirAll(filepath.Join(dir, "metrics.png", "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	// An interrupted context: had the check come after the run, the exit
	// would say interrupted.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, errs := cli(ctx, append(smallSweep, "-out", dir)...)
	if code != exitUsage || !strings.Contains(errs, filepath.Join(dir, "metrics.png")+" is a directory") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming the directory metrics.png", code, errs)
	}
	if after := snapshot(t, dir); !maps.Equal(after, before) {
		t.Errorf("the directory changed:\n%v\nwas\n%v", after, before)
	}
	if s := siblingsOf(t, dir); len(s) != 0 {
		t.Errorf("left beside it: %v", s)
	}
}

// TestSweepRemovesStaleTemporaries: what a killed sweep left (a half-built
// new directory beside DIR, an old copy not yet removed, and the hidden
// temporaries older versions wrote inside DIR) is gone after the next one.
func TestSweepRemovesStaleTemporaries(t *testing.T) {
	dir := earlierSweep(t)
	parent := filepath.Dir(dir)
	for _, p := range []string{".out.pingtune-new-123/results.json", ".out.pingtune-old-456/notes.txt", "out/.results.json.tmp-789", "out/.metrics.png.tmp-1"} {
		os.MkdirAll(filepath.Join(parent, filepath.Dir(p)), 0o755)
		if err := os.WriteFile(filepath.Join(parent, p), []byte("stale"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errs := cli(context.Background(), append(smallSweep, "-out", dir)...); code != exitOK && code != exitUnmet {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if s := siblingsOf(t, dir); len(s) != 0 {
		t.Errorf("left beside the directory: %v", s)
	}
	files := snapshot(t, dir)
	for name := range files {
		if strings.Contains(name, ".tmp-") {
			t.Errorf("stale temporary %s left", name)
		}
	}
	if files["notes.txt"] != "mine" || files["results.json"] == `{"earlier": true}` || files["metrics.svg"] != "" {
		t.Errorf("the sweep did not replace its own files and keep the user's: %v", slicesOfKeys(files))
	}
}

func slicesOfKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestSweepInterruptedWhileWritingLeavesDirUntouched: an interrupt at any
// of the last checks (between two plots, before the report, before the
// swap) stops the sweep with exit 130 and leaves DIR as it was, or, when DIR
// did not exist, does not create it.
func TestSweepInterruptedWhileWritingLeavesDirUntouched(t *testing.T) {
	// Count the checks of a whole sweep.
	probe := &countingCtx{Context: context.Background()}
	if code, _, errs := cli(probe, append(smallSweep, "-out", filepath.Join(t.TempDir(), "probe"))...); code != exitOK && code != exitUnmet {
		t.Fatalf("exit %d: %s", code, errs)
	}
	total := probe.calls
	const plots = 4 // a check before each, one before the report, one before the swap
	for back := 0; back <= plots+1; back++ {
		for _, fresh := range []bool{false, true} {
			if testing.Short() && (back != 0 && back != 3 || back == 3 && fresh) {
				continue // rendering is slow under -race: before the swap, and between two plots
			}
			t.Run(fmt.Sprintf("check %d from the end, fresh %v", back, fresh), func(t *testing.T) {
				dir := earlierSweep(t)
				root := filepath.Dir(dir)
				if fresh {
					root = t.TempDir()
					dir = filepath.Join(root, "new", "out")
				}
				before := snapshot(t, root)
				ctx := &countingCtx{Context: context.Background(), cancelAt: total - back}
				code, out, errs := cli(ctx, append(smallSweep, "-out", dir)...)
				if code != exitInterrupted || !strings.Contains(errs, "sweep interrupted while writing") {
					t.Errorf("exit %d, stderr %q; want %d and the sweep interrupted while writing", code, errs, exitInterrupted)
				}
				if out != "" {
					t.Errorf("printed %q", out)
				}
				if after := snapshot(t, root); !maps.Equal(after, before) {
					t.Errorf("the output changed:\n%v\nwas\n%v", after, before)
				}
			})
		}
	}
}

// TestRunOutputDirFailsBeforeTheRun: -o naming a directory, or a file in
// a missing directory, is bad usage found before any work: with an
// interrupted context the exit would otherwise be 130.
func TestRunOutputDirFailsBeforeTheRun(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"run", "ios6-voip-lte", "-o", dir},
		{"run", "ios6-voip-lte", "-o", filepath.Join(dir, "missing", "x.json")},
		{"check", "ios6-voip-wifi-nat", "-o", dir},
		{"trace", "ios6-voip-lte", "-o", dir},
		{"timeline", "ios6-voip-lte", "-o", dir},
	} {
		code, _, errs := cli(ctx, args...)
		if code != exitUsage || !strings.Contains(errs, "-o: ") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 about -o", args, code, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}
}

// TestRunInterruptedSaysInterrupted: an interrupted run exits 130 saying
// so, never "context canceled".
func TestRunInterruptedSaysInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, verb := range []string{"run", "check", "trace", "sweep"} {
		scenario := "ios6-voip-lte"
		if verb == "check" {
			scenario = "ios6-voip-wifi-nat"
		}
		code, _, errs := cli(ctx, verb, scenario, "-horizon", "1d")
		if code != exitInterrupted || !strings.Contains(errs, verb+" interrupted") || strings.Contains(errs, "context canceled") {
			t.Errorf("%s: exit %d, stderr %q; want %d saying %q", verb, code, errs, exitInterrupted, verb+" interrupted")
		}
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestValidateReportsAFailedStdout: validate (and the other verbs that
// print) fail with exit 1 when stdout cannot be written, e.g. >/dev/full.
func TestValidateReportsAFailedStdout(t *testing.T) {
	full := []struct {
		name string
		w    func(t *testing.T) *env
	}{
		{"a failing writer", func(t *testing.T) *env { return &env{stdout: failingWriter{}, stderr: &bytes.Buffer{}} }},
		{"/dev/full", func(t *testing.T) *env {
			f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Skip("no /dev/full")
			}
			t.Cleanup(func() { f.Close() })
			return &env{stdout: f, stderr: &bytes.Buffer{}}
		}},
	}
	png := filepath.Join(t.TempDir(), "t.png")
	for _, f := range full {
		for _, args := range [][]string{
			{"validate", "ios6-voip-lte"},
			{"scenarios"},
			{"run", "always-awake-mqtt", "-reps", "2", "-horizon", "1d"},
			{"timeline", "always-awake-mqtt", "-horizon", "1d", "-o", png},
		} {
			t.Run(f.name+" "+args[0], func(t *testing.T) {
				e := f.w(t)
				code := run(context.Background(), args, e)
				errs := e.stderr.(*bytes.Buffer).String()
				if code != exitFailure || !strings.Contains(errs, "no space left on device") {
					t.Errorf("exit %d, stderr %q; want exit 1 saying the disk is full", code, errs)
				}
			})
		}
	}
}

// TestCheckOneReplicationFails: with one replication a requirement on a
// mean cannot be shown to hold (its interval has no width), so check fails
// with exit 3 and says why.
func TestCheckOneReplicationFails(t *testing.T) {
	sc := scenarioFile(t, "{availability: 0.9}")
	code, out, errs := cli(context.Background(), "check", sc, "-reps", "1")
	if code != exitUnmet {
		t.Fatalf("exit %d, want %d: %s%s", code, exitUnmet, out, errs)
	}
	if !strings.Contains(out, "cannot be shown to hold") || !strings.Contains(out, "fewer than 2 replications") {
		t.Errorf("the verdict does not say why:\n%s", out)
	}
	if code, out, errs := cli(context.Background(), "check", sc, "-reps", "12"); code != exitOK {
		t.Errorf("12 replications: exit %d: %s%s", code, out, errs)
	}
}

// TestTimelineRefusesABusyWindow: a window with more records than a
// picture can show is refused (exit 2, nothing written) with a narrower
// window proposed, and the proposal draws.
func TestTimelineRefusesABusyWindow(t *testing.T) {
	png := filepath.Join(t.TempDir(), "busy.png")
	code, _, errs := pingtune(t, "timeline", "ios6-voip-lte", "-horizon", "60d", "-from", "0s", "-to", "60d", "-o", png)
	if code != exitUsage || !strings.Contains(errs, "more than a picture can show") {
		t.Fatalf("exit %d, stderr %q; want exit 2 refusing the window", code, errs)
	}
	if _, err := os.Stat(png); !os.IsNotExist(err) {
		t.Errorf("a refused timeline wrote %s", png)
	}
	m := regexp.MustCompile(`-from (\S+) -to (\S+)$`).FindStringSubmatch(strings.TrimSpace(errs))
	if m == nil {
		t.Fatalf("no window proposed: %s", errs)
	}
	if testing.Short() {
		return // drawing 100000 records is slow under -race
	}
	code, out, errs := pingtune(t, "timeline", "ios6-voip-lte", "-horizon", "60d", "-from", m[1], "-to", m[2], "-o", png)
	if code != exitOK {
		t.Fatalf("the proposed window -from %s -to %s: exit %d: %s", m[1], m[2], code, errs)
	}
	if !strings.Contains(out, "breaks") {
		t.Errorf("says %q", out)
	}
}
