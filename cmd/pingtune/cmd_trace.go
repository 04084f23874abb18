package main

import (
	"context"
	"errors"
)

// cmdTrace is being built in its own issue; this placeholder keeps the CLI compiling.
func cmdTrace(ctx context.Context, args []string, e *env) error {
	return errors.New("trace: not built yet")
}
