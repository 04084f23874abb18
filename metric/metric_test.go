package metric

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"pingtune/stats"
)

// Every rate and latency reads the stats.Metrics field that results.json
// writes under its key: each field gets a value of its own, and the table's
// getter must return the one under its key.
func TestKeysMatchTheResultsJSON(t *testing.T) {
	var m stats.Metrics
	v := reflect.ValueOf(&m).Elem()
	mark := 1.0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch {
		case v.Type() == reflect.TypeOf(stats.Estimate{}):
			v.FieldByName("Mean").SetFloat(mark)
			mark++
		case v.Type() == reflect.TypeOf(stats.Latency{}):
			v.FieldByName("P95").SetFloat(mark)
			mark++
		case v.Kind() == reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i))
			}
		}
	}
	fill(v)
	b, err := json.Marshal(&m)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	at := func(key string) map[string]any {
		if key == "push_latency_s" { // nested under pushes, as SPEC section 6 has it
			return doc["pushes"].(map[string]any)["latency_s"].(map[string]any)
		}
		obj, _ := doc[key].(map[string]any)
		return obj
	}
	for _, d := range Rates {
		if got := at(d.Key); got == nil || got["mean"] != d.Estimate(&m).Mean {
			t.Errorf("%s: results.json has %v, the table reads mean %v", d.Key, got, d.Estimate(&m).Mean)
		}
	}
	for _, d := range Latencies {
		if got := at(d.Key); got == nil || got["p95"] != d.Latency(&m).P95 {
			t.Errorf("%s: results.json has %v, the table reads p95 %v", d.Key, got, d.Latency(&m).P95)
		}
	}
}

// The requirement keys: a latency's is its p95, each resolves to its own
// definition, and only availability is bounded below by a plain value.
func TestRequirable(t *testing.T) {
	keys := Requirable()
	if len(keys) != 7 {
		t.Fatalf("%d requirement keys: %v", len(keys), keys)
	}
	for _, k := range keys {
		d := ByRequire(k)
		if d == nil || d.Require != k {
			t.Fatalf("%s: ByRequire gives %+v", k, d)
		}
		if d.IsLatency() != strings.HasSuffix(k, "_p95") || IsLatency(k) != d.IsLatency() {
			t.Errorf("%s: IsLatency %v", k, d.IsLatency())
		}
		if (d.Unit == Seconds) != d.IsLatency() || (d.Estimate == nil) != d.IsLatency() {
			t.Errorf("%s: unit %d, latency %v, estimate set %v", k, d.Unit, d.IsLatency(), d.Estimate != nil)
		}
		if d.Upper != (k != Availability) {
			t.Errorf("%s: Upper %v", k, d.Upper)
		}
	}
	if ByRequire("recover_s") != nil || ByRequire("energy_j_per_hour") != nil || IsLatency("nope_p95") {
		t.Error("a metric no requirement can bound resolves")
	}
}

// The policy metrics read the field results.json writes under their key,
// and read zero where a fixed policy leaves them out.
func TestPolicyKeysMatchTheResultsJSON(t *testing.T) {
	var m stats.Metrics
	for _, d := range Policy {
		if got := d.Estimate(&m); got != (stats.Estimate{}) {
			t.Errorf("%s: %v without a policy", d.Key, got)
		}
	}
	ptrs := []**stats.Estimate{&m.IntervalMeanS, &m.IntervalP5S, &m.IntervalP95S, &m.SettleS}
	for i, p := range ptrs {
		*p = &stats.Estimate{Mean: float64(100 + i)}
	}
	b, err := json.Marshal(&m)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, d := range Policy {
		obj, _ := doc[d.Key].(map[string]any)
		if obj == nil || obj["mean"] != d.Estimate(&m).Mean {
			t.Errorf("%s: results.json has %v, the table reads %v", d.Key, obj, d.Estimate(&m).Mean)
		}
	}
}
