package main

import (
	"context"

	"pingtune/scenarios"
)

func cmdSchema(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("schema", "", `Prints the JSON Schema (draft 2020-12) of scenario files, from the same field
table as the decoder: save it beside your scenarios and point your editor at it
with a first line `+"`# yaml-language-server: $schema="+scenarios.SchemaFile+"`"+`
to complete and check fields as you type (docs/scenario.md).`, e.stderr)
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("schema takes no arguments (got %q)", rest[0])
	}
	out := &stickyWriter{w: e.stdout}
	out.Write(scenarios.Schema())
	return out.Err()
}
