package main

import (
	"context"
	"errors"
)

// cmdTimeline is being built in its own issue; this placeholder keeps the CLI compiling.
func cmdTimeline(ctx context.Context, args []string, e *env) error {
	return errors.New("timeline: not built yet")
}
