package scenarios

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// leaf is a field of the table with the path the decoder gives it.
type leaf struct {
	path  string // app.heartbeat.interval, events[0].for, radio.tail[0].power
	field fieldSpec
}

// walkFields lists every field of the table, sections included, depth first,
// with distribution parameters under network.rtt and requirement bounds'
// max and min.
func walkFields() []leaf {
	var out []leaf
	var walk func(prefix string, fields []fieldSpec)
	walk = func(prefix string, fields []fieldSpec) {
		for _, f := range fields {
			p := child(prefix, f.Name)
			out = append(out, leaf{p, f})
			sub := p
			if f.Kind == kindList {
				sub = index(p, 0)
			}
			walk(sub, f.Fields)
		}
	}
	walk("", scenarioFields)
	return out
}

// TestDecoderReadsEveryTableField writes, for every field of the table, a
// value of no kind any field takes ([[bad]]) and expects an error at that
// field: a field the table lists but the decoder never reads would pass
// silently. Keys outside the table are refused by construction (the decoder
// takes each mapping's keys from it); TestUnknownKeyEverywhere checks that.
func TestDecoderReadsEveryTableField(t *testing.T) {
	for _, l := range walkFields() {
		t.Run(l.path, func(t *testing.T) {
			data := scenarioWith(t, l.path, [][]string{{"bad"}})
			_, err := Parse("x.yaml", data)
			if !hasErrorAt(err, l.path) {
				t.Errorf("no error at %s for a bad value in\n%s\ngot: %v", l.path, data, err)
			}
		})
	}
	// The distribution shapes and their parameters, under network.rtt.
	for _, f := range distributionFields {
		paths := []string{"network.rtt." + f.Name}
		for _, p := range f.Fields {
			paths = append(paths, "network.rtt."+f.Name+"."+p.Name)
		}
		for _, p := range paths {
			t.Run(p, func(t *testing.T) {
				data := scenarioWith(t, p, [][]string{{"bad"}})
				_, err := Parse("x.yaml", data)
				if !hasErrorAt(err, p) {
					t.Errorf("no error at %s for a bad value in\n%s\ngot: %v", p, data, err)
				}
			})
		}
	}
}

// TestUnknownKeyEverywhere adds an unknown key to every mapping of the table
// and expects it refused.
func TestUnknownKeyEverywhere(t *testing.T) {
	mappings := []string{""}
	for _, l := range walkFields() {
		switch l.field.Kind {
		case kindSection, kindPresetOr, kindNoneOr:
			mappings = append(mappings, l.path)
		case kindList:
			mappings = append(mappings, index(l.path, 0))
		}
	}
	for _, m := range mappings {
		p := child(m, "no_such_field")
		t.Run(p, func(t *testing.T) {
			data := scenarioWith(t, p, 1)
			_, err := Parse("x.yaml", data)
			if err == nil || !strings.Contains(err.Error(), p+": unknown") {
				t.Errorf("%s accepted or misreported in\n%s\ngot: %v", p, data, err)
			}
		})
	}
}

// TestTableDefaults writes every field that has a default value explicitly,
// at that value, and expects the same scenario as leaving it out: the table
// says what defaultConfig does.
func TestTableDefaults(t *testing.T) {
	n := 0
	for _, l := range walkFields() {
		f := l.field
		if f.Default == "" || isSentence(f.Default) || strings.Contains(l.path, "[") ||
			strings.HasPrefix(l.path, "platform.") || strings.HasPrefix(l.path, "radio.") {
			continue // a list item's, or a preset's field: no default of its own
		}
		n++
		t.Run(l.path, func(t *testing.T) {
			var v any
			if err := yaml.Unmarshal([]byte(f.Default), &v); err != nil {
				t.Fatal(err)
			}
			without, err := Parse("x.yaml", scenarioWith(t, parent(l.path)+".", nil))
			if err != nil {
				t.Fatal(err)
			}
			with, err := Parse("x.yaml", scenarioWith(t, l.path, v))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(with.Config, without.Config) || !reflect.DeepEqual(with.Sweep, without.Sweep) {
				t.Errorf("writing %s: %s changes the scenario", l.path, f.Default)
			}
		})
	}
	if n < 20 {
		t.Errorf("only %d defaults checked", n)
	}
}

// TestEventFormsMatchTheTable: the event words the table offers are the
// forms the decoder and the schema know.
func TestEventFormsMatchTheTable(t *testing.T) {
	for _, k := range eventKinds() {
		var words []string
		for _, e := range eventForms {
			if e.kind == k {
				words = append(words, e.word)
			}
		}
		if got := choicesOf("events." + k); !slices.Equal(got, words) {
			t.Errorf("events.%s: table %v, forms %v", k, got, words)
		}
	}
	for _, k := range append(eventKinds(), eventOptions()...) {
		if _, ok := fieldAt("events." + k); !ok {
			t.Errorf("events.%s is not in the table", k)
		}
	}
}

// TestEveryFieldIsDocumented: the schema's descriptions and the docs come
// from Doc.
func TestEveryFieldIsDocumented(t *testing.T) {
	for _, l := range walkFields() {
		if l.field.Doc == "" && l.field.Kind != kindBound && !strings.HasSuffix(l.path, ".max") && !strings.HasSuffix(l.path, ".min") {
			t.Errorf("%s has no Doc", l.path)
		}
	}
	for _, f := range distributionFields {
		if f.Doc == "" {
			t.Errorf("distribution %s has no Doc", f.Name)
		}
	}
}

// scenarioWith returns a minimal valid scenario with value written at path
// (a path ending in "." writes nothing: the sections on the way only). The
// sections on the way are created: a platform or radio mapping starts from
// its preset, a list gets one item, an event gets the kind the field goes
// with.
func scenarioWith(t *testing.T, path string, value any) []byte {
	t.Helper()
	return scenarioOn(t, map[string]any{}, path, value)
}

// scenarioOn is scenarioWith on root, which holds other fields to write.
func scenarioOn(t *testing.T, root map[string]any, path string, value any) []byte {
	t.Helper()
	root["app"] = map[string]any{"heartbeat": map[string]any{"interval": "10m"}}
	parts := strings.Split(strings.TrimSuffix(path, "."), ".")
	if path == "." {
		parts = nil
	}
	cur := root
	for i, part := range parts {
		name, isItem := strings.CutSuffix(part, "[0]")
		last := i == len(parts)-1 && !strings.HasSuffix(path, ".")
		if last && !isItem {
			cur[name] = value
			break
		}
		var next map[string]any
		if isItem {
			list, _ := cur[name].([]any)
			if len(list) == 0 {
				list = []any{map[string]any{}}
				cur[name] = list
			}
			next = list[0].(map[string]any)
			if name == "events" {
				addEventKind(next, parts[i+1:])
			} else {
				fillRequired(next, child(strings.Join(parts[:i], "."), name))
			}
			if last {
				break
			}
		} else {
			m, ok := cur[name].(map[string]any)
			if !ok {
				m = map[string]any{}
				switch child(strings.Join(parts[:i], "."), name) {
				case "platform":
					m["preset"] = "ios6"
				case "radio":
					m["preset"] = "3g"
				}
				fillRequired(m, child(strings.Join(parts[:i], "."), name))
				cur[name] = m
			}
			next = m
		}
		cur = next
	}
	data, err := yaml.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fillRequired writes a valid value for each required field of the mapping
// at table path into m.
func fillRequired(m map[string]any, path string) {
	f, ok := fieldAt(path)
	if !ok { // a distribution's parameters: network.rtt.lognormal
		for _, d := range distributionFields {
			if strings.HasSuffix(path, "."+d.Name) {
				f = d
			}
		}
	}
	for _, c := range f.Fields {
		if !c.Required {
			continue
		}
		switch c.Kind {
		case kindDuration, kindDistribution:
			m[c.Name] = "1h"
		case kindNumber:
			m[c.Name] = 1
		case kindPower:
			m[c.Name] = "1W"
		}
	}
}

// addEventKind makes ev an event that takes the field rest names.
func addEventKind(ev map[string]any, rest []string) {
	ev["at"] = "1h"
	field := ""
	if len(rest) > 0 {
		field = rest[0]
	}
	switch field {
	case "kind", "server":
		ev["server"], ev["for"] = "restart", "1m"
	case "user":
		ev["user"], ev["for"] = "open", "1m"
	default:
		ev["network"], ev["for"] = "down", "1m"
	}
	delete(ev, field)
}

// hasErrorAt reports whether err holds an *Error at path or under it.
func hasErrorAt(err error, path string) bool {
	for _, e := range flatten(err) {
		if se, ok := e.(*Error); ok && (se.Field == path || strings.HasPrefix(se.Field, path+".") || strings.HasPrefix(se.Field, path+"[")) {
			return true
		}
	}
	return false
}

// TestTableRangesMatchParse holds each Min and Max of the table (which the
// schema states) against Parse: the bounds themselves pass, a value beyond
// either fails at that field.
func TestTableRangesMatchParse(t *testing.T) {
	var ranged []leaf
	for _, l := range walkFields() {
		if l.field.Min != "" || l.field.Max != "" {
			ranged = append(ranged, l)
		}
	}
	for _, f := range distributionFields {
		for _, p := range f.Fields {
			if p.Min != "" || p.Max != "" {
				ranged = append(ranged, leaf{"network.rtt." + f.Name + "." + p.Name, p})
			}
		}
	}
	if len(ranged) < 15 {
		t.Fatalf("only %d ranged fields", len(ranged))
	}
	for _, l := range ranged {
		t.Run(l.path, func(t *testing.T) {
			value := func(s string) any {
				if l.field.Kind == kindDuration {
					return s + "s"
				}
				return yamlNumber(t, s)
			}
			try := func(s string, ok bool) {
				t.Helper()
				// A short run, so that the largest rates stay within the
				// limits on events, and a user with sessions to open.
				base := map[string]any{"horizon": "1h", "replications": 1, "user": map[string]any{"session_length": "1m"}}
				_, err := Parse("x.yaml", scenarioOn(t, base, l.path, value(s)))
				if got := !hasErrorAt(err, l.path); got != ok {
					t.Errorf("%s: %s: accepted %v, want %v (%v)", l.path, s, got, ok, err)
				}
			}
			if lo := l.field.Min; lo != "" {
				try(lo, true)
				try(step(t, lo, -1, l.field.Kind), false)
			}
			if hi := l.field.Max; hi != "" && l.path != "seed" { // 2^64-1 + 1 is out of range of the parser, not of the table
				try(hi, !l.field.MaxExclusive)
				try(step(t, hi, +1, l.field.Kind), false)
			}
		})
	}
}

// step moves the decimal s just past itself in direction dir: by one for an
// integer, by a thousandth of its size (or 0.001) for a number.
func step(t *testing.T, s string, dir float64, kind valueKind) string {
	x := yamlNumber(t, s).(float64)
	d := 1.0
	if kind != kindInteger {
		d = max(0.001, x/1000)
	}
	return formatFloat(x + dir*d)
}

func yamlNumber(t *testing.T, s string) any {
	t.Helper()
	x, err := parseFloat(s)
	if err != nil {
		t.Fatal(err)
	}
	return x
}
