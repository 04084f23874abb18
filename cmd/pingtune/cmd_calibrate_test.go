package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingtune/scenarios"
	"pingtune/sim"
)

const haverinenCSV = "testdata/calibrate/haverinen.csv"

// What calibrate prints for Haverinen et al.'s 3G table.
func TestCalibrateGolden(t *testing.T) {
	code, out, errs := pingtune(t, "calibrate", haverinenCSV)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "calibrate/haverinen.golden", out)
}

// calibrateOutput splits calibrate's output into the radio block and the
// table's rows (interval → fitted mA).
func calibrateOutput(t *testing.T, out string) (block string, fitted map[time.Duration]float64) {
	t.Helper()
	head, table, ok := strings.Cut(out, "\n\n")
	if !ok {
		t.Fatalf("no blank line after the radio block:\n%s", out)
	}
	fitted = map[time.Duration]float64{}
	for _, line := range strings.Split(table, "\n")[1:] {
		f := strings.Fields(line)
		if len(f) != 4 {
			break
		}
		T, err := scenarios.ParseDuration(f[0])
		if err != nil {
			t.Fatalf("row %q: %v", line, err)
		}
		if fitted[T], err = strconv.ParseFloat(f[2], 64); err != nil {
			t.Fatalf("row %q: %v", line, err)
		}
	}
	return head, fitted
}

// Fitting Haverinen's table reaches every point within 10%, and a scenario
// with the printed block, simulated, draws the fitted currents.
func TestCalibratedBlockSimulatesToTheTable(t *testing.T) {
	code, out, errs := pingtune(t, "calibrate", "-voltage", "3.7", "-radio", "3g", haverinenCSV)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	block, fitted := calibrateOutput(t, out)
	measured := map[time.Duration]float64{20 * time.Second: 27.9, 40 * time.Second: 17.9, 150 * time.Second: 9.9, 300 * time.Second: 7.9}
	if len(fitted) != len(measured) {
		t.Fatalf("%d rows in the table, want %d:\n%s", len(fitted), len(measured), out)
	}
	// The measurement rig as a scenario: the printed block pasted as is.
	yaml := "name: rig\nplatform: always-awake\napp: {heartbeat: {interval: 1m}}\nnetwork: {rtt: 80ms}\nserver: {idle_timeout: 0}\n" + block
	s, err := scenarios.Parse("rig.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("the printed block does not parse: %v\n%s", err, yaml)
	}
	for T, want := range measured {
		if e := fitted[T]/want - 1; math.Abs(e) > 0.10 {
			t.Errorf("every %v: fitted %.4g mA, measured %.4g (%+.1f%%, allowed ±10%%)", T, fitted[T], want, 100*e)
		}
		// Steady state: the energy between the 40th and the 400th keepalive.
		energy := func(n int) float64 {
			c := s.Config.WithInterval(T)
			c.Horizon = time.Duration(n)*T + T/2
			r, err := sim.Run(&c, 0, sim.Options{Check: true})
			if err != nil {
				t.Fatal(err)
			}
			return r.RadioJ
		}
		got := (energy(400) - energy(40)) / (360 * T).Seconds() / 3.7 * 1000
		if math.Abs(got/fitted[T]-1) > 0.0005 { // the table prints 4 digits
			t.Errorf("every %v: the printed block simulates to %.5g mA, the table says %.4g", T, got, fitted[T])
		}
	}
}

// -o draws the measured points and the fitted curve as a PNG.
func TestCalibratePlot(t *testing.T) {
	out := filepath.Join(t.TempDir(), "calibrate.png")
	if code, _, errs := pingtune(t, "calibrate", "-o", out, haverinenCSV); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || len(data) < 10_000 {
		t.Errorf("%s is not a drawn PNG (%d bytes)", out, len(data))
	}
}

// Bad measurements, bad flags: exit 2, a message naming file:line:column
// and the field, and no plot written.
func TestCalibrateErrors(t *testing.T) {
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name, body string
		args       []string
		msg        string
	}{
		{"noheader.csv", "20s,27.9\n40s,17.9\n150s,9.9\n", nil, "noheader.csv:1: missing header"},
		{"empty.csv", "", nil, "empty.csv: empty file"},
		{"column.csv", "interval,current\n20s,1\n", nil, "column.csv:1: current: unknown column"},
		{"nounit.csv", "interval,extra_ma\n20s,27.9\n40,17.9\n150s,9.9\n", nil, `nounit.csv:3:1: interval: missing unit in duration "40"`},
		{"baddur.csv", "interval,extra_ma\n20s,27.9\n40 sec,17.9\n150s,9.9\n", nil, "baddur.csv:3:1: interval:"},
		{"zero.csv", "interval,extra_ma\n20s,27.9\n40s,0\n150s,9.9\n", nil, "zero.csv:3:5: extra_ma: must be positive"},
		{"negative.csv", "interval,extra_ma\n20s,27.9\n40s,17.9\n150s,-9.9\n", nil, "negative.csv:4:6: extra_ma: must be positive"},
		{"text.csv", "interval,extra_ma\n20s,27.9\n40s,lots\n150s,9.9\n", nil, `text.csv:3:5: extra_ma: want a current`},
		{"dup.csv", "interval,extra_ma\n20s,27.9\n40s,17.9\n0.5m,9.9\n30s,3\n", nil, "dup.csv:5:1: interval: 30s is given twice (first at line 4)"},
		{"dup2.csv", "interval,extra_ma\n20s,27.9\n40s,17.9\n20s,9.9\n", nil, "dup2.csv:4:1: interval: 20s is given twice (first at line 2)"},
		{"two.csv", "interval,extra_ma\n20s,27.9\n40s,17.9\n", nil, "two.csv: 2 distinct intervals; a fit needs at least 3"},
		{"fields.csv", "interval,extra_ma\n20s,27.9,1\n40s,17.9\n150s,9.9\n", nil, "fields.csv:2:1: 3 fields, the header has 2"},
		{"ok.csv", "interval,extra_ma\n20s,27.9\n40s,17.9\n150s,9.9\n", []string{"-voltage", "0"}, "-voltage must be positive"},
		{"ok2.csv", "interval,extra_ma\n20s,27.9\n40s,17.9\n150s,9.9\n", []string{"-radio", "5g"}, `unknown radio preset "5g"`},
	} {
		plot := filepath.Join(dir, tc.name+".png")
		args := append([]string{"calibrate", "-o", plot}, tc.args...)
		code, out, errs := pingtune(t, append(args, file(tc.name, tc.body))...)
		if code != exitUsage || !strings.Contains(errs, tc.msg) || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.name, code, out, errs, tc.msg)
		}
		if _, err := os.Stat(plot); err == nil {
			t.Errorf("%s: a plot was written for a failed fit", tc.name)
		}
	}
	if code, _, errs := pingtune(t, "calibrate", filepath.Join(dir, "missing.csv")); code != exitUsage || !strings.Contains(errs, "missing.csv") {
		t.Errorf("a missing file: exit %d, stderr %q", code, errs)
	}
}
