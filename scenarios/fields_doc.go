package scenarios

import (
	"strings"
)

// FieldReference writes the field table as the Markdown reference of
// docs/scenario.md: one row per field, with what it takes, its default and
// what it means. Paths write a list item as [] (events[].at).
func FieldReference() string {
	var b strings.Builder
	b.WriteString("| field | takes | default | meaning |\n|---|---|---|---|\n")
	var walk func(prefix string, fields []fieldSpec)
	walk = func(prefix string, fields []fieldSpec) {
		for _, f := range fields {
			p := child(prefix, f.Name)
			def := f.Default
			switch {
			case def == "" && f.Required:
				def = "required"
			case def == "":
				def = "–"
			case !isSentence(def):
				def = "`" + def + "`"
			}
			b.WriteString("| `" + p + "` | " + takes(f) + " | " + def + " | " + f.Doc + " |\n")
			sub := p
			if f.Kind == kindList {
				sub += "[]"
			}
			if f.Kind != kindBound {
				walk(sub, f.Fields)
			}
		}
	}
	walk("", scenarioFields)
	return b.String()
}

// DistributionReference writes the distribution shapes as a Markdown table.
func DistributionReference() string {
	var b strings.Builder
	b.WriteString("| shape | parameters | meaning |\n|---|---|---|\n")
	for _, f := range distributionFields {
		var params []string
		for _, p := range f.Fields {
			params = append(params, "`"+p.Name+"` ("+takes(p)+"): "+p.Doc)
		}
		if len(params) == 0 {
			params = []string{takes(f)}
		}
		b.WriteString("| `" + f.Name + "` | " + strings.Join(params, "<br>") + " | " + f.Doc + " |\n")
	}
	return b.String()
}

// takes says in words what a field's value may be.
func takes(f fieldSpec) string {
	code := func(xs []string) string { return "`" + strings.Join(xs, "`, `") + "`" }
	var s string
	switch f.Kind {
	case kindSection:
		s = "mapping"
	case kindList:
		s = "list of mappings"
	case kindDuration:
		s = "duration"
	case kindPower:
		s = "power"
	case kindNumber:
		s = "number"
	case kindInteger:
		s = "whole number"
	case kindText:
		s = "text"
	case kindBool:
		s = "`true` or `false`"
	case kindEnum:
		s = "one of " + code(f.Choices)
	case kindDistribution:
		s = "distribution"
	case kindDurationList:
		s = "list of durations"
	case kindDurationPair:
		s = "[low, high] durations"
	case kindPresetOr:
		s = "a preset (" + code(f.Choices) + ") or a mapping"
	case kindNoneOr:
		s = "`none` or a mapping"
	case kindIdleTimeout:
		s = "duration, a multiple of the interval (`1.5x`), or a distribution"
	case kindIntervals:
		s = "{from, to, step}, a list of durations, or one duration"
	case kindBound:
		s = takes(f.Fields[0]) + ", or {max: …} or {min: …}"
	}
	switch {
	case f.Min != "" && f.Max != "" && f.MaxExclusive:
		s += ", " + f.Min + " ≤ x < " + f.Max
	case f.Min != "" && f.Max != "":
		s += ", " + f.Min + " to " + f.Max
	case f.Min != "":
		s += ", at least " + f.Min
	}
	return s
}
