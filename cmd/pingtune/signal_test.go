package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C during a long sweep: the process stops promptly, exits non-zero,
// and leaves the output directory exactly as it was (no partial results, no
// temporaries). This runs the real binary and sends it a real SIGINT.
func TestSweepStopsOnSIGINT(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT")
	}
	bin := filepath.Join(t.TempDir(), "pingtune")
	if out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	old := []byte("{\"earlier\": true}\n")
	if err := os.WriteFile(filepath.Join(dir, "results.json"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	// Thousands of replications: many seconds of work, so the signal lands mid-run.
	cmd := exec.Command(bin, "sweep", "ios6-voip-lte", "-reps", "2000", "-out", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 5 s after SIGINT")
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() == 0 {
		t.Fatalf("exit %v after SIGINT, want non-zero; stderr: %s", err, stderr.String())
	}
	if !bytes.Contains(stderr.Bytes(), []byte("interrupted")) {
		t.Errorf("stderr does not say the sweep was interrupted: %s", stderr.String())
	}
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
}
