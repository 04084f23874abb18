package main

import (
	"bytes"
	"errors"
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run the real binary and send it real signals: every verb
// must stop within a moment of SIGINT or SIGTERM, even inside one long
// replication, exit 130 saying it was interrupted, and write nothing.

// binDir holds the binary built for the tests; TestMain removes it.
var binDir string

var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "pingtune-signal-test-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "pingtune")
	out, err := exec.Command(filepath.Join(build.Default.GOROOT, "bin", "go"), "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", errors.New("go build: " + err.Error() + "\n" + string(out))
	}
	return bin, nil
})

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// slowScenario is always-awake-mqtt pinging every 2 s for ten years with a
// high event cap: one replication plays for minutes, so a signal always
// lands inside one.
func slowScenario(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "builtin", "always-awake-mqtt.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer("\nhorizon: 7d\n", "\nhorizon: 3650d\nmax_events: 2000000000\n",
		"replications: 200\n", "replications: 2\n",
		"interval: 5m, timeout: 30s", "interval: 2s, timeout: 1s",
		"interval: {from: 1m, to: 30m, step: 1m}", "interval: [2s, 3s]").Replace(string(data))
	if strings.Count(s, "3650d") != 1 || strings.Count(s, "replications: 2\n") != 1 || strings.Count(s, "2s") < 3 {
		t.Fatal("the built-in always-awake-mqtt changed: update slowScenario")
	}
	path := filepath.Join(t.TempDir(), "slow.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// interrupt starts the binary with args, sends sig after it has had time
// to get going, and returns its exit code, its stderr and how long it took
// to exit after the signal.
func interrupt(t *testing.T, sig syscall.Signal, args ...string) (int, string, time.Duration) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%v: still running 5 s after %v; stderr: %s", args, sig, stderr.String())
	}
	took := time.Since(sent)
	t.Logf("%s: exited %v after %v", args[0], took.Round(time.Millisecond), sig)
	var exit *exec.ExitError
	if err == nil {
		return 0, stderr.String(), took
	}
	if !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return exit.ExitCode(), stderr.String(), took
}

// wantInterrupted checks the exit code and message of an interrupted verb.
func wantInterrupted(t *testing.T, code int, stderr, verb string) {
	t.Helper()
	if code != exitInterrupted {
		t.Errorf("exit %d, want %d", code, exitInterrupted)
	}
	if !strings.Contains(stderr, verb+" interrupted") || strings.Contains(stderr, "context canceled") {
		t.Errorf("stderr %q, want it to say %q (and no \"context canceled\")", stderr, verb+" interrupted")
	}
}

// wantAbsent checks that a file an interrupted verb was to write is not
// there, nor any temporary beside it.
func wantAbsent(t *testing.T, path string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if e.Name() != "slow.yaml" {
			t.Errorf("an interrupted run left %s", e.Name())
		}
	}
}

// Ctrl-C during a long sweep: the process stops promptly, exits 130, and
// leaves the output directory exactly as it was (no partial results, no
// temporaries).
func TestSweepStopsOnSIGINT(t *testing.T) {
	dir := t.TempDir()
	old := []byte("{\"earlier\": true}\n")
	if err := os.WriteFile(filepath.Join(dir, "results.json"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	// Thousands of replications: many seconds of work, so the signal lands mid-run.
	code, stderr, _ := interrupt(t, syscall.SIGINT, "sweep", "ios6-voip-lte", "-reps", "2000", "-out", dir)
	wantInterrupted(t, code, stderr, "sweep")
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("the directory now holds %v, want only the earlier results.json", names)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "results.json")); !bytes.Equal(got, old) {
		t.Fatalf("the earlier results.json changed: %q", got)
	}
	if s := siblingsOf(t, dir); len(s) != 0 {
		t.Errorf("left beside the directory: %v", s)
	}
}

// siblingsOf lists what is beside dir in its parent.
func siblingsOf(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(dir))
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			names = append(names, e.Name())
		}
	}
	return names
}

// A sweep inside one long replication stops too, not only between them.
func TestSweepStopsInsideAReplicationOnSIGTERM(t *testing.T) {
	sc := slowScenario(t)
	out := filepath.Join(filepath.Dir(sc), "out")
	code, stderr, _ := interrupt(t, syscall.SIGTERM, "sweep", sc, "-reps", "1", "-out", out)
	wantInterrupted(t, code, stderr, "sweep")
	wantAbsent(t, out)
}

func TestRunStopsOnSIGTERM(t *testing.T) {
	sc := slowScenario(t)
	out := filepath.Join(filepath.Dir(sc), "out.json")
	code, stderr, _ := interrupt(t, syscall.SIGTERM, "run", sc, "-reps", "1", "-json", "-o", out)
	wantInterrupted(t, code, stderr, "run")
	wantAbsent(t, out)
}

func TestCheckStopsOnSIGINT(t *testing.T) {
	sc := slowScenario(t)
	out := filepath.Join(filepath.Dir(sc), "verdict.txt")
	code, stderr, _ := interrupt(t, syscall.SIGINT, "check", sc, "-o", out)
	wantInterrupted(t, code, stderr, "check")
	wantAbsent(t, out)
}

func TestTimelineStopsOnSIGINT(t *testing.T) {
	sc := slowScenario(t)
	out := filepath.Join(filepath.Dir(sc), "late.png")
	// A window at the end of the run: the whole run must play before it.
	code, stderr, _ := interrupt(t, syscall.SIGINT, "timeline", sc, "-from", "87599h", "-o", out)
	wantInterrupted(t, code, stderr, "timeline")
	wantAbsent(t, out)
}

// Without -from/-to the timeline first plays the run to find its first
// break; that run stops too.
func TestTimelineStopsOnSIGTERM(t *testing.T) {
	sc := slowScenario(t)
	// No break for ten years: no outages, restarts or NAT.
	data, _ := os.ReadFile(sc)
	quiet := strings.NewReplacer("\n  outages:", "\n  #", "\n  restarts:", "\n  #", "nat_idle_timeout: 350s", "nat_idle_timeout: 0s").Replace(string(data))
	os.WriteFile(sc, []byte(quiet), 0o644)
	out := filepath.Join(filepath.Dir(sc), "first-break.png")
	code, stderr, _ := interrupt(t, syscall.SIGTERM, "timeline", sc, "-o", out)
	wantInterrupted(t, code, stderr, "timeline")
	wantAbsent(t, out)
}

func TestTraceStopsOnSIGINT(t *testing.T) {
	sc := slowScenario(t)
	out := filepath.Join(filepath.Dir(sc), "late.jsonl")
	code, stderr, _ := interrupt(t, syscall.SIGINT, "trace", sc, "-from", "87599h", "-o", out)
	wantInterrupted(t, code, stderr, "trace")
	wantAbsent(t, out)
}
