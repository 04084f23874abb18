package timeline

import (
	"time"

	"pingtune/reports/trace"
	"pingtune/sim"
)

// The default timeline windows.
const (
	// WindowAround is how much of the replication a timeline shows on each
	// side of its first break.
	WindowAround = time.Hour
	// WindowQuiet is how much a timeline shows from the start of a
	// replication without breaks.
	WindowQuiet = 6 * time.Hour
	// windowAfter is what the window keeps after the first break's last
	// resolution (both detections and the recovery) when that comes later
	// than an hour after the break, so that the picture shows how it ended;
	// windowMaxAfter caps that at half a day after the break.
	windowAfter    = 10 * time.Minute
	windowMaxAfter = 12 * time.Hour
)

// DefaultWindow is the window a timeline shows when none is asked for: the
// replication's first break with an hour either side, stretched to see the
// break's detections and recovery if they come later (to 10 min after the
// last, at most 12 h after the break); without a break, the first 6 h.
// Either way it stays inside the run: the horizon and the drain after it.
func DefaultWindow(res *sim.Result) trace.Window {
	h := max(res.End, res.Horizon)
	if len(res.Breaks) == 0 {
		return trace.Window{From: 0, To: min(WindowQuiet, h)}
	}
	b := res.Breaks[0]
	to := b.At + WindowAround
	for _, l := range []time.Duration{b.Client, b.Server, b.Recover} {
		if l != sim.Unresolved {
			to = max(to, min(b.At+l+windowAfter, b.At+windowMaxAfter))
		}
	}
	return trace.Window{From: max(0, b.At-WindowAround), To: min(to, h)}
}
