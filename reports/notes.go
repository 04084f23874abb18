package reports

import (
	"fmt"
	"slices"
	"strings"

	"pingtune/sim"
	"pingtune/sweep"
)

// sweepNotes are the sweep's warnings in plain words: intervals the platform
// clamps, intervals at or past the NAT idle timeout, and every warning the
// model gave, each once with the intervals it applies to.
func sweepNotes(res *sweep.Result) []string {
	var out []string
	// Clamped intervals, by the effective interval they run at.
	for i := 0; i < len(res.Points); {
		p := &res.Points[i]
		if p.IntervalS == p.EffectiveIntervalS {
			i++
			continue
		}
		var idx []int
		j := i
		for ; j < len(res.Points) && res.Points[j].EffectiveIntervalS == p.EffectiveIntervalS && res.Points[j].IntervalS != p.EffectiveIntervalS; j++ {
			idx = append(idx, j)
		}
		they, behave := "they", "behave"
		if len(idx) == 1 {
			they, behave = "it", "behaves"
		}
		out = append(out, fmt.Sprintf("%s %s below the %s keepalive minimum: the platform runs %s at %s. In the background %s %s exactly as %s; only foreground pings, which follow the nominal interval, differ.",
			ranges(res, idx), isAre(len(idx)), platformName(res), itThem(len(idx)), ivl(p.EffectiveIntervalS), they, behave, ivl(p.EffectiveIntervalS)))
		i = j
	}
	if nat := res.NATIdleTimeoutS; nat > 0 {
		var idx []int
		for i := range res.Points {
			if res.Points[i].EffectiveIntervalS >= nat {
				idx = append(idx, i)
			}
		}
		if len(idx) > 0 {
			out = append(out, fmt.Sprintf("%s %s not shorter than the NAT idle timeout (%s): the NAT can forget the connection between pings, which only a failed ping or the server's idle timeout reveals. Expect NAT breaks, slower detection, lost pushes and reconnects that cost battery.",
				ranges(res, idx), isAre(len(idx)), ivl(nat)))
		}
	}
	if s := natFleetNote(res); s != "" {
		out = append(out, s)
	}
	return append(out, groupedWarnings(res, len(out) > 0)...)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func itThem(n int) string {
	switch n {
	case 1:
		return "it"
	case 2:
		return "both"
	}
	return "them all"
}

// groupedWarnings lists each distinct model warning once with the intervals
// where it appears; warnings that differ only in their durations (the
// interval they name) count as one, shown as at its first interval.
func groupedWarnings(res *sweep.Result, explained bool) []string {
	type group struct {
		first sim.Warning
		idx   []int
	}
	var groups []*group
	for i := range res.Points {
		for _, w := range res.Points[i].Warnings {
			k := slices.IndexFunc(groups, func(g *group) bool { return g.first.SameBut(w) })
			if k < 0 {
				k = len(groups)
				groups = append(groups, &group{first: w})
			}
			g := groups[k]
			if n := len(g.idx); n == 0 || g.idx[n-1] != i {
				g.idx = append(g.idx, i)
			}
		}
	}
	var out []string
	for _, g := range groups {
		// The clamp and NAT warnings are said above in plain words.
		if explained && (g.first.Kind == sim.WarnClamped || g.first.Kind == sim.WarnNATIdle) {
			continue
		}
		if len(g.idx) == len(res.Points) {
			out = append(out, "Model warning at every interval: "+g.first.String())
			continue
		}
		s := fmt.Sprintf("Model warning at %s: %s", ranges(res, g.idx), g.first)
		if len(g.idx) > 1 {
			s = fmt.Sprintf("Model warning at %s, e.g. at %s: %s", ranges(res, g.idx), ivl(res.Points[g.idx[0]].IntervalS), g.first)
		}
		out = append(out, s)
	}
	return out
}

// joinSentences joins paragraphs for one-line contexts (JSON "reason").
func joinSentences(ps []string) string { return strings.Join(ps, " ") }
