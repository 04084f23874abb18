// Package scenarios reads pingtune's scenario files: the scenario language
// (docs/scenario.md), its presets, its defaults and its built-in scenarios. It turns
// a file into a validated sim.Config, and a sim.Config back into YAML.
//
// Start with Load and Parse (scenario.go, builtin.go): they decode a file,
// fill in presets and defaults, and call sim.Config.Validate and
// CheckLimits. Everything that can go wrong comes back as *Error values,
// each naming file:line:column and the field path:
//
//	x.yaml:2:39: app.heartbeat.timeout: must be positive (got -5s)
//	x.yaml:3:5: app.heartbeat.intervall: unknown field (did you mean interval?)
//	x.yaml:1:11: platform.expiry_warning: must be shorter than platform.background_task_limit 3s (got 5s) (from preset ios6)
//
// The golden files in testdata/bad show every kind of error.
//
// The rest, one concept per file:
//
//   - decode.go walks the yaml.Node tree by hand: unknown and duplicate
//     keys, merge keys, aliases under a node budget (no alias bombs), and
//     where each field is written, for the errors found later.
//   - fields.go is the field table: every field with its kind, default,
//     range and meaning. The decoder takes each mapping's keys from it,
//     jsonschema.go builds the JSON Schema from it (Schema, `pingtune
//     schema`), and fields_doc.go the reference of docs/scenario.md.
//   - schema.go, platform.go, world.go, events.go and sweep.go decode each
//     section; distributions.go the duration distributions; values.go the
//     scalar syntaxes (7d, 1h30m, 11.576s, 1210mW, 1.5x).
//   - presets.go holds the platform and radio presets, each value citing its
//     source (docs/sources.md); builtin/*.yaml the built-in scenarios.
//   - template.go prints a built-in as a file to copy (`pingtune scenarios NAME`).
//   - marshal.go writes a resolved scenario back out (Marshal), which Parse
//     reads to an equal Scenario.
//   - limits.go refuses runs too large to be meant or to finish (CheckLimits),
//     from estimate.go's count of each generator's events and kept results.
//   - yamlpos.go refuses YAML tags and places what yaml.v3 leaves unplaced
//     (an alias to an unknown anchor).
//
// A platform or radio mapping may also carry a name (a
// label for reports; by default the preset's name, or "custom"), so that
// Marshal can write a preset out field by field and keep its name.
package scenarios
