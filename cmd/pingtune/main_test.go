package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "pingtune/internal/golden"
)

// pingtune runs one command line in-process and returns its exit code,
// stdout and stderr.
func pingtune(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &env{stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}

// The summary of each built-in scenario, small enough to run in a test.
func TestRunBuiltinGolden(t *testing.T) {
	for _, name := range []string{"ios6-voip-lte", "ios6-voip-wifi-nat", "ios7-voip-3g", "always-awake-mqtt"} {
		t.Run(name, func(t *testing.T) {
			code, out, errs := pingtune(t, "run", name, "-reps", "20", "-horizon", "2d")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, "run/"+name+".txt", out)
		})
	}
}

// The JSON of run, for the shape users script against.
func TestRunJSONGolden(t *testing.T) {
	code, out, errs := pingtune(t, "run", "ios6-voip-lte", "-reps", "10", "-horizon", "1d", "-json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "run/ios6-voip-lte.json", out)
}

func TestRunIsTheSameForAnyWorkers(t *testing.T) {
	var ref string
	for _, w := range []string{"1", "2", "7"} {
		code, out, errs := pingtune(t, "run", "ios6-voip-wifi-nat", "-reps", "24", "-horizon", "2d", "-json", "-workers", w)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if ref == "" {
			ref = out
		} else if out != ref {
			t.Fatalf("-workers %s changed the output", w)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("name: x\napp:\n  heartbeat: {interval: 10m, timeout: -5s}\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		msg  string // in stderr
	}{
		{nil, exitUsage, "usage: pingtune"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"run"}, exitUsage, "want one scenario"},
		{[]string{"run", "no-such-scenario"}, exitUsage, "no-such-scenario"},
		{[]string{"run", bad}, exitUsage, "bad.yaml:3:"},
		{[]string{"run", "ios6-voip-lte", "-reps", "0"}, exitUsage, "-reps must be at least 1"},
		{[]string{"run", "ios6-voip-lte", "-interval", "5m,10m"}, exitUsage, "use `pingtune sweep`"},
		{[]string{"run", "ios6-voip-lte", "-horizon", "7 days"}, exitUsage, "-horizon"},
		{[]string{"run", "ios6-voip-lte", "-bogus"}, exitUsage, "flag provided but not defined: -bogus"},
		{[]string{"validate", bad}, exitUsage, "app.heartbeat.timeout: must be positive"},
		{[]string{"validate", "ios6-voip-lte", "always-awake-mqtt"}, exitOK, ""},
		{[]string{"scenarios"}, exitOK, ""},
		{[]string{"run", "-h"}, exitOK, "usage: pingtune run"},
	} {
		code, _, errs := pingtune(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("pingtune %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tc.args, " "), code, errs, tc.code, tc.msg)
		}
	}
}

// -o writes the file whole, and a failing run leaves none behind.
func TestOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if code, _, errs := pingtune(t, "run", "always-awake-mqtt", "-reps", "3", "-horizon", "1d", "-json", "-o", path); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("{")) {
		t.Fatalf("output file: %v %q", err, data)
	}
	failed := filepath.Join(dir, "failed.json")
	code, _, _ := pingtune(t, "run", "always-awake-mqtt", "-reps", "3", "-horizon", "1d", "-json", "-o", failed, "-interval", "0s")
	if code == exitOK {
		t.Fatal("a 0s interval ran")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("files left in the output directory: %v", entries)
	}
}

// Every built-in scenario keeps the simulator's invariants (-check), at its
// own interval and at one past its NAT timeout.
func TestBuiltinsKeepTheInvariants(t *testing.T) {
	for _, name := range []string{"ios6-voip-lte", "ios6-voip-wifi-nat", "ios7-voip-3g", "always-awake-mqtt"} {
		for _, interval := range []string{"", "45m"} {
			args := []string{"run", name, "-reps", "12", "-check", "-json"}
			if interval != "" {
				args = append(args, "-interval", interval)
			}
			if code, _, errs := pingtune(t, args...); code != exitOK {
				t.Errorf("%s: exit %d: %s", strings.Join(args, " "), code, errs)
			}
		}
	}
}
