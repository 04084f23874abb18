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
			Mean float64    `json:"mean"`
			CI95 [2]float64 `json:"ci95"`
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
// give the same numbers, so each replication's difference is 0).
func TestCompareWithItselfIsExactlyZero(t *testing.T) {
	doc := compareJSON(t, "fleet-chat-wifi-adaptive", "fleet-chat-wifi-adaptive", "-reps", "6", "-horizon", "1d")
	if len(doc.Paired) != 1 || len(doc.Paired[0].Metrics) == 0 {
		t.Fatalf("paired: %+v", doc.Paired)
	}
	for key, d := range doc.Paired[0].Metrics {
		if d.Mean != 0 || d.CI95 != [2]float64{0, 0} {
			t.Errorf("%s: %v %v, want exactly 0 [0, 0]", key, d.Mean, d.CI95)
		}
	}
}

// Each scenario's metrics are `run -json`'s, key for key and value for
// value, and each paired mean is the difference of the two means.
func TestCompareMetricsAreRunsMetrics(t *testing.T) {
	flags := []string{"-reps", "5", "-horizon", "1d", "-seed", "7"}
	doc := compareJSON(t, append([]string{"fleet-chat-wifi", "fleet-chat-wifi-probe"}, flags...)...)
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
	}
	mean := func(i int, key string) float64 {
		var e struct{ Mean float64 }
		raw, ok := doc.Scenarios[i].Metrics[key]
		if !ok {
			return 0 // an interval metric a fixed policy leaves out
		}
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatal(err)
		}
		return e.Mean
	}
	p := doc.Paired[0]
	if p.Name != "fleet-chat-wifi-probe" || p.Vs != "fleet-chat-wifi" {
		t.Errorf("paired %s vs %s", p.Name, p.Vs)
	}
	for key, d := range p.Metrics {
		if strings.HasPrefix(key, "interval_") || key == "settle_s" {
			continue // the fixed scenario's are its interval, not written by run
		}
		want := mean(1, key) - mean(0, key)
		if math.Abs(d.Mean-want) > 1e-6*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: paired mean %v, the means differ by %v", key, d.Mean, want)
		}
	}
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
