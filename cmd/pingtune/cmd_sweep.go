package main

import (
	"context"
	"errors"
)

// cmdSweep is being built in its own issue; this placeholder keeps the CLI compiling.
func cmdSweep(ctx context.Context, args []string, e *env) error {
	return errors.New("sweep: not built yet")
}
