package reports

import (
	"fmt"
	"math"
	"time"

	"pingtune/internal/durfmt"
	"pingtune/sweep"
)

// This file is what the reports say about a fleet of NATs: when every
// replication draws its own NAT idle timeout (network.nat_idle_timeout as a
// distribution), there is no single timeout to mark, but at every interval
// a share of the users sit behind a NAT that forgets them between pings.

// natFleetShare is the share of the fleet whose NAT idle timeout is at most
// intervalS: the users whose mapping expires between two pings that far
// apart. 0 without a fleet.
func natFleetShare(res *sweep.Result, intervalS float64) float64 {
	if res.NATFleet == nil {
		return 0
	}
	return res.NATFleet.CDF(time.Duration(intervalS * float64(time.Second)))
}

// natFleetQuantile is the NAT idle timeout, in seconds, below which a share
// p of the fleet's NATs fall.
func natFleetQuantile(res *sweep.Result, p float64) float64 {
	return res.NATFleet.Quantile(p).Seconds()
}

// sharePct writes a share as a whole percentage, or "<1%" for a small non-zero one.
func sharePct(x float64) string {
	switch {
	case x > 0 && x < 0.005:
		return "<1%"
	case x < 1 && x > 0.995:
		return ">99%"
	}
	return fmt.Sprintf("%.0f%%", math.Round(100*x))
}

// natFleetNote says how the fleet's NAT idle timeouts spread and what share
// of users each end of the sweep loses to them; "" without a fleet.
func natFleetNote(res *sweep.Result) string {
	if res.NATFleet == nil || len(res.Points) == 0 {
		return ""
	}
	first, last := &res.Points[0], &res.Points[len(res.Points)-1]
	return fmt.Sprintf("NAT idle timeouts differ across the fleet (%s, drawn once per replication): 10%% of users' NATs forget an idle connection within %s, half within %s, 90%% within %s. The share of users whose NAT forgets the connection between two pings goes from %s at %s to %s at %s; the worst-decile rows show what those users get.",
		res.NATFleet, durfmt.Human(natFleetQuantile(res, 0.1)), durfmt.Human(natFleetQuantile(res, 0.5)), durfmt.Human(natFleetQuantile(res, 0.9)),
		sharePct(natFleetShare(res, first.EffectiveIntervalS)), ivl(first.EffectiveIntervalS),
		sharePct(natFleetShare(res, last.EffectiveIntervalS)), ivl(last.EffectiveIntervalS))
}

// natFleetCaveat warns when the chosen interval outlasts the NATs of at
// least 1% of the fleet; "" otherwise.
func natFleetCaveat(res *sweep.Result, p *sweep.Point) string {
	share := natFleetShare(res, p.EffectiveIntervalS)
	if share < 0.01 {
		return ""
	}
	return fmt.Sprintf("Caution: at %s about %s of the fleet's NATs (those that forget an idle connection within %s) lose the connection between pings, and only the next ping or the server's idle timeout finds out.",
		ivl(p.EffectiveIntervalS), sharePct(share), ivl(p.EffectiveIntervalS))
}

// natFleetWhy is the parenthesis passedOver gives for a fleet.
func natFleetWhy(res *sweep.Result) string {
	return fmt.Sprintf("the fleet's NATs forget an idle mapping after %s, median %s", res.NATFleet, durfmt.Human(natFleetQuantile(res, 0.5)))
}
