package sweep

import (
	"fmt"
	"math"
)

// Guide says whether a requirement can guide the choice of interval. One
// whose value, or whose verdict, is the same at every interval of the sweep
// cannot: it rules every interval in or every interval out, and the reports
// say so rather than let it look like a reason.
type Guide struct {
	SameEverywhere bool   `json:"same_everywhere"`
	Why            string `json:"why,omitempty"`
}

// guides tests each requirement across the sweep's points.
func guides(points []Point, reqs []Requirement) []Guide {
	out := make([]Guide, len(reqs))
	if len(points) < 2 {
		return out
	}
	for k, r := range reqs {
		sameValue, sameVerdict := true, true
		first := &points[0].Checks[k]
		for i := range points[1:] {
			c := &points[i+1].Checks[k]
			sameValue = sameValue && sameFloat(float64(c.Value), float64(first.Value))
			sameVerdict = sameVerdict && c.Holds == first.Holds
		}
		g := &out[k]
		switch {
		case sameValue:
			g.SameEverywhere = true
			g.Why = "it is " + valueText(r.Metric, float64(first.Value)) + " at every interval"
		case sameVerdict:
			g.SameEverywhere = true
			if first.Holds {
				g.Why = "it holds at every interval"
			} else {
				g.Why = "it fails at every interval"
			}
		default:
			continue
		}
		if hint := learnedHint(points, r.Metric); hint != "" {
			g.Why += "; " + hint
		}
	}
	return out
}

// sameFloat is equality that takes NaN as equal to NaN.
func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// valueText writes a check's value for a sentence.
func valueText(key string, v float64) string {
	switch {
	case math.IsNaN(v):
		return "not measured (nothing to detect)"
	case math.IsInf(v, 1):
		return "unbounded (too many breaks never detected)"
	}
	return FormatBound(key, v)
}

// learnedHint explains a detection requirement that the interval cannot
// move: a side that learns of nearly every break some other way than the
// heartbeat.
func learnedHint(points []Point, key string) string {
	const few = 0.05 // below this share, the heartbeat is not how breaks are found
	shareOf := func(via map[string]int, key string) float64 {
		total := 0
		for _, n := range via {
			total += n
		}
		if total == 0 {
			return math.NaN()
		}
		return float64(via[key]) / float64(total)
	}
	most := math.Inf(-1)
	for i := range points {
		b := &points[i].Metrics.Breaks
		var s float64
		switch key {
		case DetectClientP95:
			s = shareOf(b.ClientVia, "ping_timeout")
		case DetectServerP95:
			s = shareOf(b.ServerVia, "idle_timeout")
		default:
			return ""
		}
		if math.IsNaN(s) {
			return ""
		}
		most = math.Max(most, s)
	}
	if most >= few {
		return ""
	}
	share := "all"
	if most > 0 {
		share = fmt.Sprintf("over %.0f%%", math.Floor(100*(1-most)))
	}
	if key == DetectClientP95 {
		return fmt.Sprintf("the client learns of %s of its breaks from the OS (interface down, IP change) or a reset, not from a ping, so the interval barely moves it", share)
	}
	return fmt.Sprintf("the server learns of %s of its breaks by the client's reconnect, a restart or a FIN, not by its idle timeout, so the interval barely moves it", share)
}
