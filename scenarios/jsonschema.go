package scenarios

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Patterns of the scalar syntaxes, for the JSON Schema. They take what the
// parsers in values.go take: a sign (validation then says what must be
// positive) and, for durations, the units us, µs and ns besides d, h, m, s
// and ms.
const (
	decimal          = `([0-9]+(\.[0-9]*)?|\.[0-9]+)`
	durationPattern  = `^[+-]?(0|(` + decimal + `(d|h|ms|m|s|us|µs|μs|ns))+)$`
	powerPattern     = `^[+-]?(0|` + decimal + `([eE][+-]?[0-9]+)?(mW|W))$`
	multiplePattern  = `^[+-]?` + decimal + `([eE][+-]?[0-9]+)?x$`
	wholeTextPattern = `^[+]?[0-9](_?[0-9])*$`
)

// Schema returns the JSON Schema (draft 2020-12) of a scenario file, built
// from the field table (fields.go) with each field's description, so that
// editors that read YAML through a schema (yaml-language-server) complete
// and check scenarios. It checks the shape of a file: which fields exist,
// their kinds, the duration and power syntaxes, the choices of each enum;
// the ranges and cross-field rules are left to Parse.
func Schema() []byte {
	root := object(scenarioFields)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = "pingtune scenario"
	root["description"] = "A pingtune scenario file: the app, platform, network, server and radio to simulate, and the sweep. docs/scenario.md explains every field."
	root["$defs"] = map[string]any{
		"duration": map[string]any{
			"description": durationDoc + ".",
			"anyOf": []any{
				map[string]any{"type": "string", "pattern": durationPattern},
				map[string]any{"const": 0},
			},
		},
		"power": map[string]any{
			"description": "a power with its unit, mW or W (250mW, 1.21W); a bare 0 is zero.",
			"anyOf": []any{
				map[string]any{"type": "string", "pattern": powerPattern},
				map[string]any{"const": 0},
			},
		},
		"distribution": distributionSchema(),
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic("scenarios: the schema does not encode: " + err.Error()) // built from literals: cannot happen
	}
	return buf.Bytes()
}

// object is the schema of a mapping of fields: no other keys, the required
// ones required.
func object(fields []fieldSpec) map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range fields {
		props[f.Name] = fieldSchema(f)
		if f.Required {
			required = append(required, f.Name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

// fieldSchema is the schema of one field's value, with its description and
// default.
func fieldSchema(f fieldSpec) map[string]any {
	s := kindSchema(f)
	if f.Doc != "" {
		s["description"] = f.Doc
	}
	if f.Default != "" {
		var v any
		if err := yaml.Unmarshal([]byte(f.Default), &v); err == nil && v != nil && !isSentence(f.Default) {
			s["default"] = v
		}
	}
	return s
}

// isSentence tells a default described in words ("the file name without
// .yaml") from a value.
func isSentence(s string) bool { return strings.Contains(s, " ") }

func ref(name string) map[string]any { return map[string]any{"$ref": "#/$defs/" + name} }

func kindSchema(f fieldSpec) map[string]any {
	switch f.Kind {
	case kindSection:
		return object(f.Fields)
	case kindList:
		item := object(f.Fields)
		if f.Name == "events" {
			eventRules(item)
		}
		return map[string]any{"type": "array", "items": item}
	case kindDuration:
		return ref("duration")
	case kindPower:
		return ref("power")
	case kindNumber:
		return withRange(map[string]any{"type": "number"}, f)
	case kindInteger:
		return map[string]any{"anyOf": []any{
			withRange(map[string]any{"type": "integer"}, f),
			map[string]any{"type": "string", "pattern": wholeTextPattern}, // 50_000
		}}
	case kindText:
		return map[string]any{"type": []string{"string", "number", "boolean"}}
	case kindBool:
		return map[string]any{"type": "boolean"}
	case kindEnum:
		return map[string]any{"enum": f.Choices}
	case kindDistribution:
		return ref("distribution")
	case kindDurationList:
		return map[string]any{"type": "array", "items": ref("duration"), "minItems": 1}
	case kindDurationPair:
		return map[string]any{"type": "array", "items": ref("duration"), "minItems": 2, "maxItems": 2}
	case kindPresetOr:
		obj := object(f.Fields)
		if f.Name == "radio" {
			// Without a preset, the power states must all be given.
			obj["anyOf"] = []any{
				map[string]any{"required": []string{"preset"}},
				map[string]any{"required": []string{"promotion", "promotion_power", "active_power", "tail"}},
			}
		}
		return map[string]any{"anyOf": []any{map[string]any{"enum": f.Choices}, obj}}
	case kindNoneOr:
		return map[string]any{"anyOf": []any{map[string]any{"const": "none"}, object(f.Fields)}}
	case kindIdleTimeout:
		return map[string]any{"anyOf": []any{ref("distribution"), map[string]any{"type": "string", "pattern": multiplePattern}}}
	case kindIntervals:
		rng := object(f.Fields)
		return map[string]any{"anyOf": []any{
			ref("duration"),
			map[string]any{"type": "array", "items": ref("duration"), "minItems": 1},
			rng,
		}}
	case kindBound:
		bound := kindSchema(f.Fields[0])
		dir := object(f.Fields)
		dir["minProperties"], dir["maxProperties"] = 1, 1
		return map[string]any{"anyOf": []any{bound, dir}}
	}
	panic("scenarios: a field of unknown kind in the table: " + f.Name) // the table is a literal: cannot happen
}

// withRange adds f's Min and Max to the schema of a number.
func withRange(s map[string]any, f fieldSpec) map[string]any {
	if f.Min != "" {
		s["minimum"] = json.Number(f.Min)
	}
	if f.Max != "" {
		if f.MaxExclusive {
			s["exclusiveMaximum"] = json.Number(f.Max)
		} else {
			s["maximum"] = json.Number(f.Max)
		}
	}
	return s
}

// eventRules adds to the schema of an event that it is exactly one of the
// event forms, with the fields that go with it.
func eventRules(item map[string]any) {
	var forms []any
	for _, e := range eventForms {
		props := map[string]any{e.kind: map[string]any{"const": e.word}}
		for _, k := range eventOptions() {
			if !slices.Contains(e.allowed, k) {
				props[k] = false
			}
		}
		for _, k := range eventKinds() {
			if k != e.kind {
				props[k] = false
			}
		}
		form := map[string]any{"properties": props, "required": append([]string{e.kind}, e.required...)}
		forms = append(forms, form)
	}
	item["oneOf"] = forms
}

// distributionSchema is a duration or a mapping with exactly one of the
// distribution keys.
func distributionSchema() map[string]any {
	shapes := object(distributionFields)
	shapes["minProperties"], shapes["maxProperties"] = 1, 1
	return map[string]any{
		"description": "A duration (a constant) or a distribution: {exp: MEAN}, {uniform: [LO, HI]}, {lognormal: {median, sigma}}, {weibull: {scale, shape}}, {normal: {mean, sd}} (cut at 0) or {empirical: [values]}.",
		"anyOf":       []any{ref("duration"), shapes},
	}
}
