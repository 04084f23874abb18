package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"pingtune/sweep"
)

func TestWriteCheck(t *testing.T) {
	in := fixture(t, true)
	p := &in.Result.Points[3].Point // 15m
	reqs := []sweep.Requirement{
		{Metric: sweep.DetectClientP95, Upper: true, Bound: 15 * 60},
		{Metric: sweep.BatteryPctPerDay, Upper: true, Bound: 5},
	}
	checks := sweep.Evaluate(p, reqs)
	var b bytes.Buffer
	if err := WriteCheck(&b, p, checks); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"FAIL: fixture-nat at heartbeat interval 15m", "ok    detect_client_p95 <= 15m", "FAIL  battery_pct_per_day <= 5 %/day", "1 of 2 requirements not met"} {
		if !strings.Contains(out, want) {
			t.Errorf("verdict lacks %q:\n%s", want, out)
		}
	}

	b.Reset()
	if err := WriteCheckJSON(&b, p, checks); err != nil {
		t.Fatal(err)
	}
	var v struct {
		OK           bool             `json:"ok"`
		Failed       []string         `json:"failed"`
		Requirements []map[string]any `json:"requirements"`
		IntervalS    float64          `json:"interval_s"`
		Metrics      map[string]any   `json:"metrics"`
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.OK || len(v.Failed) != 1 || v.Failed[0] != "battery_pct_per_day <= 5" || len(v.Requirements) != 2 || v.IntervalS != 900 || v.Metrics == nil {
		t.Fatalf("verdict JSON %s", b.String())
	}
	if v.Requirements[1]["status"] != "unmet" {
		t.Errorf("battery status %v", v.Requirements[1]["status"])
	}
}
