package main

import (
	"context"
	"errors"
)

// cmdCheck is being built in its own issue; this placeholder keeps the CLI compiling.
func cmdCheck(ctx context.Context, args []string, e *env) error {
	return errors.New("check: not built yet")
}
