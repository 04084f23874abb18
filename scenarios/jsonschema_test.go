package scenarios

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// compileSchema compiles Schema() with a draft 2020-12 validator.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("scenario.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("scenario.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// yamlInstance reads YAML as an editor's language server does (YAML 1.2
// core types: 10m a string, 200 an integer, true a boolean) and returns it
// as a JSON instance.
func yamlInstance(data []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(js))
}

// TestSchemaAcceptsBuiltins: every built-in, as written, as `pingtune
// scenarios NAME` prints it and fully resolved, is valid under the schema.
func TestSchemaAcceptsBuiltins(t *testing.T) {
	sch := compileSchema(t)
	for _, name := range Builtins() {
		src, _ := BuiltinYAML(name)
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		resolved, err := Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		for what, data := range map[string][]byte{"as written": src, "template": Template(name, src), "resolved": resolved} {
			inst, err := yamlInstance(data)
			if err != nil {
				t.Fatalf("%s %s: %v", name, what, err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("%s %s: %v", name, what, err)
			}
		}
	}
}

// schemaPasses lists the malformed scenarios the schema accepts, with why:
// what is wrong with them is a range, a limit or a rule across fields that
// only Parse checks. Every other case of testdata/bad must be refused by the
// schema (or be YAML an editor refuses as YAML).
var schemaPasses = map[string]string{
	"default-conflict":          "expiry_warning against a preset's background_task_limit: across fields",
	"dist-uniform-order":        "low above high: across values",
	"huge-heartbeat-timeout":    "a range (at most 36500d)",
	"huge-idle-multiple":        "a range (the multiple times the interval)",
	"huge-nat-idle-timeout":     "a range",
	"huge-outage-duration":      "a range",
	"huge-reconnect":            "a range",
	"huge-rtt":                  "a range",
	"huge-server-idle-timeout":  "a range",
	"huge-sweep-interval":       "a range",
	"interval-below-1ms":        "a range",
	"keepalive-early-flood":     "against the interval: across fields",
	"keepalive-early-sweep":     "against the sweep's intervals: across fields",
	"keepalive-early-unbounded": "the distribution's upper end: across fields",
	"negative-duration":         "a range (the sign is syntax the parser takes)",
	"outage-flood":              "an estimate of the events: a limit",
	"preset-conflict":           "expiry_warning against background_task_limit: across fields",
	"push-flood-events":         "an estimate of the events: a limit",
	"break-flood-memory":        "an estimate of the memory: a limit",
	"sweep-range-reversed":      "to before from: across fields",
	"sweep-step-zero":           "a duration's range (the step must be positive)",
	"sweep-too-many":            "a limit on the intervals a range expands to",
	"too-large":                 "an estimate of the events: a limit",
	"two-documents":             "editors check each document of a file on its own",
	"yaml-tag-binary":           "a YAML tag: editors read the tagged value as its type",
	"zero-interval":             "a range (at least 1ms; 0 is a duration)",
	"platform-no-preset":        "a custom platform with zero values: across fields",
	"android-custom-zero":       "an Android platform with zero values: across fields",
	"android-doze-ranges":       "Doze's bounds across fields, negative durations, a mean",
}

// TestSchemaOnMalformedScenarios runs the schema on the malformed-scenario
// table: it refuses every case whose fault is the shape of the file, and
// passes only those listed in schemaPasses.
func TestSchemaOnMalformedScenarios(t *testing.T) {
	sch := compileSchema(t)
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	refused, notYAML := 0, 0
	seen := map[string]bool{}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := yamlInstance(data)
		if err != nil || inst == nil {
			notYAML++ // a YAML error, an empty file: the editor says so itself
			continue
		}
		verr := sch.Validate(inst)
		why, listed := schemaPasses[name]
		seen[name] = true
		switch {
		case verr == nil && !listed:
			t.Errorf("%s: the schema accepts it", name)
		case verr != nil && listed:
			t.Errorf("%s: listed as accepted (%s) but the schema refuses it: %v", name, why, verr)
		case verr != nil:
			refused++
		}
	}
	for name := range schemaPasses {
		if !seen[name] {
			t.Errorf("schemaPasses lists %s, which is no case of testdata/bad (or not YAML)", name)
		}
	}
	if refused < 40 {
		t.Errorf("the schema refuses only %d cases (%d not YAML)", refused, notYAML)
	}
}

// TestSchemaPatterns holds the duration and power patterns against the
// parsers: what they take, the pattern takes.
func TestSchemaPatterns(t *testing.T) {
	sch := compileSchema(t)
	check := func(field, value string, want bool) {
		t.Helper()
		inst, err := yamlInstance([]byte("app: {heartbeat: {interval: 10m}}\n" + field + ": " + value + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := sch.Validate(inst) == nil; got != want {
			t.Errorf("%s: %s: schema says %v, want %v", field, value, got, want)
		}
	}
	for _, d := range []string{"7d", "1h30m", "11.576s", "250ms", "0", "0s", "1d12h", ".5s", "5.s", "500us", "500µs", "3ns", "1m1m", "-5s"} {
		if _, err := ParseDuration(d); err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		check("horizon", d, true)
	}
	for _, d := range []string{"10", "1.5", "10min", "1 week", "1h 30m", "10x", "abc", "1e3s", "''"} {
		if _, err := ParseDuration(strings.Trim(d, "'")); err == nil {
			t.Fatalf("%s parses", d)
		}
		check("horizon", d, false)
	}
	for _, p := range []string{"250mW", "1.21W", "0", "1e3mW", "0.5mW"} {
		if _, err := parsePower(p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		check("device", "{cpu_power: "+p+"}", true)
	}
	for _, p := range []string{"250", "1.21 W", "250mw", "1kW"} {
		if _, err := parsePower(p); err == nil {
			t.Fatalf("%s parses", p)
		}
		check("device", "{cpu_power: "+p+"}", false)
	}
	check("server", "{idle_timeout: 1.5x}", true)
	check("server", "{idle_timeout: 15m}", true)
	check("server", "{idle_timeout: 1.5}", false)
}
