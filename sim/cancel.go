package sim

import (
	"context"
	"fmt"
)

// cancelPoll is how many events a run plays between two calls of
// Options.Cancel: often enough to stop within a millisecond or so, rarely
// enough to cost nothing per event.
const cancelPoll = 4096

// cancelled is the error of a run that Options.Cancel stopped; it wraps
// context.Canceled.
func (w *World) cancelled(rep int) error {
	return fmt.Errorf("scenario %s, replication %d: stopped at %v of %v: %w", w.cfg.Name, rep, w.now(), w.cfg.Horizon, context.Canceled)
}
