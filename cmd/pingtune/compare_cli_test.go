package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"pingtune/reports"
)

// compareDoc is what the tests read of `compare -json`.
type compareDoc struct {
	Scenarios []struct {
		Name    string                     `json:"name"`
		Metrics map[string]json.RawMessage `json:"metrics"`
	} `json:"scenarios"`
	Paired []struct {
		Name    string `json:"name"`
		Vs      string `json:"vs"`
		Metrics map[string]struct {
			Mean *float64    `json:"mean"` // null: a scenario had nothing to measure
			CI95 [2]*float64 `json:"ci95"` // null: an end the data cannot fix
		} `json:"metrics"`
	} `json:"paired"`
}

func compareJSON(t *testing.T, args ...string) compareDoc {
	t.Helper()
	code, out, errs := cli(context.Background(), append([]string{"compare", "-json"}, args...)...)
	if code != 0 {
		t.Fatalf("compare %v: exit %d: %s", args, code, errs)
	}
	var doc compareDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return doc
}

// A scenario compared with itself: every paired difference is exactly 0,
// with a 95% interval of exactly [0, 0] (the same seed and replications
// give the same numbers, so each replication's difference is 0, and each
// bootstrap resample draws the same replications for both); only a pool
// that no resample can fill leaves an end unknown.
func TestCompareWithItselfIsExactlyZero(t *testing.T) {
	doc := compareJSON(t, "fleet-chat-wifi-adaptive", "fleet-chat-wifi-adaptive", "-reps", "6", "-horizon", "1d")
	if len(doc.Paired) != 1 || len(doc.Paired[0].Metrics) == 0 {
		t.Fatalf("paired: %+v", doc.Paired)
	}
	for key, d := range doc.Paired[0].Metrics {
		if d.Mean == nil {
			t.Errorf("%s: no difference", key)
			continue
		}
		if *d.Mean != 0 {
			t.Errorf("%s: mean %v, want exactly 0", key, *d.Mean)
		}
		for _, b := range d.CI95 {
			if b != nil && *b != 0 {
				t.Errorf("%s: interval end %v, want exactly 0", key, *b)
			}
		}
	}
	if _, ok := doc.Paired[0].Metrics["detect_client_s.p95"]; !ok {
		t.Error("no pooled percentile paired")
	}
}

// Each scenario's metrics are `run -json`'s, key for key and value for
// value; each paired key is a path in them (levels joined by dots), and its
// mean is the difference of the two scenarios' values there.
func TestCompareMetricsAreRunsMetrics(t *testing.T) {
	flags := []string{"-reps", "5", "-horizon", "1d", "-seed", "7"}
	doc := compareJSON(t, append([]string{"fleet-chat-wifi", "fleet-chat-wifi-probe"}, flags...)...)
	var runs [2]any
	for i, name := range []string{"fleet-chat-wifi", "fleet-chat-wifi-probe"} {
		code, out, errs := cli(context.Background(), append([]string{"run", name, "-json"}, flags...)...)
		if code != 0 {
			t.Fatalf("run %s: %s", name, errs)
		}
		var run struct {
			Metrics map[string]json.RawMessage `json:"metrics"`
		}
		if err := json.Unmarshal([]byte(out), &run); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(decoded(t, run.Metrics), decoded(t, doc.Scenarios[i].Metrics)) {
			t.Errorf("%s: compare's metrics differ from run -json's", name)
		}
		runs[i] = any(decoded(t, run.Metrics))
	}
	p := doc.Paired[0]
	if p.Name != "fleet-chat-wifi-probe" || p.Vs != "fleet-chat-wifi" {
		t.Errorf("paired %s vs %s", p.Name, p.Vs)
	}
	checked := 0
	for key, d := range p.Metrics {
		a, okA := at(runs[1], key)
		b, okB := at(runs[0], key)
		switch {
		case strings.HasPrefix(key, "breaks.") && strings.Contains(key, "_learned_via."):
			// run lists only the ways some break was learned: absent is 0
		case !okA || !okB:
			if strings.HasPrefix(key, "interval_") || key == "settle_s" || key == "unsettled" {
				continue // the fixed scenario's are its interval, not written by run
			}
			t.Errorf("%s: not a path in run's metrics", key)
			continue
		}
		if d.Mean == nil {
			t.Errorf("%s: no difference", key)
			continue
		}
		want := a - b
		if math.Abs(*d.Mean-want) > 1e-6*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: paired mean %v, the values differ by %v", key, *d.Mean, want)
		}
		checked++
	}
	for _, key := range []string{"detect_client_s.p95", "pushes.latency_s.p50", "pushes.sent", "app_kills", "breaks.by_cause.nat",
		"battery_pct_per_day_worst_decile", "recover_s.p99", "wakeups_by_cause_per_hour.push"} {
		if _, ok := p.Metrics[key]; !ok {
			t.Errorf("%s not paired", key)
		}
	}
	if checked < 50 {
		t.Errorf("only %d paired keys checked", checked)
	}
}

// at is the number at a dotted path in decoded JSON (an estimate's mean for
// an estimate), and whether there is one.
func at(v any, path string) (float64, bool) {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return 0, false
		}
		if v, ok = m[k]; !ok {
			return 0, false
		}
	}
	if m, ok := v.(map[string]any); ok {
		v = m["mean"]
	}
	f, ok := v.(float64)
	return f, ok
}

// Scenarios that differ in horizon or replications are a usage error
// (exit 2) until -horizon or -reps sets them.
func TestCompareRefusesMismatchedScenarios(t *testing.T) {
	dir := t.TempDir()
	write := func(name, extra string) string {
		p := filepath.Join(dir, name+".yaml")
		yaml := "name: " + name + "\napp: {heartbeat: {interval: 10m}}\n" + extra
		if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a", "horizon: 1d\nreplications: 3\n")
	longer := write("b", "horizon: 2d\nreplications: 3\n")
	more := write("c", "horizon: 1d\nreplications: 4\n")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{a, longer}, 2, "-horizon"},
		{[]string{a, more}, 2, "-reps"},
		{[]string{a}, 2, "at least two"},
		{[]string{a, longer, "-horizon", "6h"}, 0, ""},
		{[]string{a, more, "-reps", "2"}, 0, ""},
	} {
		code, _, errs := cli(context.Background(), append([]string{"compare"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("compare %v: exit %d (%q), want %d with %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
}

// -out writes every output at once, and the text names the real
// differences.
func TestCompareOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cmp")
	code, out, errs := cli(context.Background(), "compare", "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "-reps", "4", "-horizon", "1d", "-out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range reports.CompareOutputs() {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if !strings.Contains(out, "battery_pct_per_day") || !strings.Contains(out, " *") {
		t.Errorf("the table lacks battery or a real difference:\n%s", out)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "results.json"))
	var doc compareDoc
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Scenarios) != 2 {
		t.Errorf("results.json: %v, %d scenarios", err, len(doc.Scenarios))
	}
}

// decoded is m with each value decoded, so that indentation does not count.
func decoded(t *testing.T, m map[string]json.RawMessage) map[string]any {
	t.Helper()
	out := map[string]any{}
	for k, raw := range m {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		out[k] = v
	}
	return out
}

// The table and the JSON of compare for the fleet built-ins, small enough
// to run in a test: every metric, the paired differences and their
// intervals, byte for byte.
func TestCompareGolden(t *testing.T) {
	args := []string{"compare", "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "fleet-chat-wifi-probe", "-reps", "12", "-horizon", "2d"}
	for _, tc := range []struct{ file, flag string }{{"compare/fleet.txt", ""}, {"compare/fleet.json", "-json"}} {
		a := args
		if tc.flag != "" {
			a = append(append([]string{}, args...), tc.flag)
		}
		code, out, errs := pingtune(t, a...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		golden(t, tc.file, out)
	}
}
