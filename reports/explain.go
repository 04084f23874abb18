package reports

import (
	"fmt"
	"math"
	"strings"

	"pingtune/metric"
	"pingtune/sim"
	"pingtune/stats"
	"pingtune/sweep"
)

// explain puts a sweep's recommendation into words: what is recommended and
// at what cost, which requirement binds and what the next longer interval
// would break, how the saving compares with the shorter neighbour (paired),
// and what the requirements do not cover. Each string is a paragraph.
func explain(res *sweep.Result) []string {
	rec := res.Recommendation
	if rec.Index < 0 {
		return explainNone(res)
	}
	p := &res.Points[rec.Index]
	m := &p.Metrics
	var out []string
	head := fmt.Sprintf("Recommended %s: battery %s %%/day, %s wakeups/h.", ivl(p.IntervalS),
		batteryText(res, m.BatteryPctPerDay), num(m.WakeupsPerHour.Mean))
	if len(res.Requirements) == 0 {
		head += " No requirements are set (sweep.require), so this is simply the lowest battery use in the sweep; detection and availability are unconstrained."
	} else {
		var hold []string
		for _, c := range p.Checks {
			hold = append(hold, fmt.Sprintf("%s (%s)", metricBound(c.Requirement), checkValue(c)))
		}
		head += " Every requirement holds at its conservative 95% bound: " + strings.Join(hold, "; ") + "."
	}
	out = append(out, head)
	if s := clampNote(res, rec.Index); s != "" {
		out = append(out, s)
	}
	out = append(out, whyNotLonger(res))
	if s := whyNotShorter(res); s != "" {
		out = append(out, s)
	}
	if s := passedOver(res); s != "" {
		out = append(out, s)
	}
	out = append(out, unguided(res)...)
	out = append(out, caveats(res, rec.Index)...)
	return out
}

// passedOver says which qualifying intervals were not recommended because
// they break their own connections.
func passedOver(res *sweep.Result) string {
	idx := res.Recommendation.PassedOver
	if len(idx) == 0 {
		return ""
	}
	why := ""
	if nat := res.NATIdleTimeoutS; nat > 0 || res.NATFleet != nil {
		if nat > 0 {
			why = fmt.Sprintf(" (the NAT forgets an idle mapping after %s", ivl(nat))
		} else {
			why = " (" + natFleetWhy(res)
		}
		if s := serverIdleText(res); s != "" {
			why += "; the server's idle timeout is " + s
		}
		why += ")"
	} else if s := serverIdleText(res); s != "" {
		why = " (the server's idle timeout is " + s + ")"
	}
	verbs := "meet every requirement but break their own connections"
	if len(idx) == 1 {
		verbs = "meets every requirement but breaks its own connection"
	}
	return fmt.Sprintf("Passed over: %s %s%s, each break found only at the next ping; shorter intervals meet every requirement without that. Set sweep.allow_self_breaks: true to allow them.",
		ranges(res, idx), verbs, why)
}

// serverIdleText is the server's idle timeout in words, or "" if none.
func serverIdleText(res *sweep.Result) string {
	switch {
	case res.ServerIdleMult > 0:
		return fmt.Sprintf("%s× the interval", num(res.ServerIdleMult))
	case res.ServerIdleS > 0:
		return ivl(res.ServerIdleS)
	}
	return ""
}

// unguided names the requirements that cannot guide the choice: the same
// value, or the same verdict, at every interval.
func unguided(res *sweep.Result) []string {
	var out []string
	for k, g := range res.Guides {
		if g.SameEverywhere {
			out = append(out, fmt.Sprintf("`%s` cannot guide the choice: %s.", metricBound(res.Requirements[k]), g.Why))
		}
	}
	return out
}

// clampNote says when the recommendation involves a clamped interval.
func clampNote(res *sweep.Result, i int) string {
	p := &res.Points[i]
	if res.Recommendation.Renominated {
		return fmt.Sprintf("The cheapest qualifying setting was a shorter nominal interval that %s clamps to %s; %s is recommended because it is what the device really runs.",
			platformName(res), ivl(p.EffectiveIntervalS), ivl(p.IntervalS))
	}
	if p.IntervalS != p.EffectiveIntervalS {
		return fmt.Sprintf("Note: %s clamps %s to %s (its keepalive minimum), so set %s: that is what the device will run. The sweep has no %s point to compare.",
			platformName(res), ivl(p.IntervalS), ivl(p.EffectiveIntervalS), ivl(p.EffectiveIntervalS), ivl(p.EffectiveIntervalS))
	}
	return ""
}

func platformName(res *sweep.Result) string {
	if res.Platform == "" {
		return "the platform"
	}
	return res.Platform
}

// whyNotLonger explains what stops the recommendation at its interval.
func whyNotLonger(res *sweep.Result) string {
	rec := res.Recommendation
	p := &res.Points[rec.Index]
	if rec.Next < 0 {
		return fmt.Sprintf("%s is the longest interval the sweep tried; a longer one might use less battery, so widen sweep.interval (or -interval) to see where a requirement binds.", ivl(p.IntervalS))
	}
	q := &res.Points[rec.Next]
	saving := ""
	if d, ok := res.PairedBattery(rec.Next, rec.Index); ok {
		if stats.Significant(d) && d.Mean < 0 {
			saving = fmt.Sprintf(" It would save %s %%/day (paired over the same %d replications).", estimateAbs(res, d), res.Replications)
		} else if d.Mean < 0 {
			saving = fmt.Sprintf(" Its saving, %s %%/day (paired), is not significant anyway.", estimateAbs(res, d))
		}
	}
	if len(rec.Binding) > 0 {
		var fails []string
		for _, k := range rec.Binding {
			c := q.Checks[k]
			fails = append(fails, fmt.Sprintf("%s %s (%s)", metricBound(c.Requirement), statusWord(c), checkValue(c)))
		}
		word := "requirement is"
		if len(rec.Binding) > 1 {
			word = "requirements are"
		}
		var names []string
		for _, k := range rec.Binding {
			names = append(names, "`"+metricBound(res.Requirements[k])+"`")
		}
		return fmt.Sprintf("The binding %s %s: at %s, %s.%s", word, strings.Join(names, " and "), ivl(q.IntervalS), strings.Join(fails, "; "), saving)
	}
	if q.PassedOver != "" {
		return fmt.Sprintf("No requirement binds, but %s, the next longer interval, was passed over: %s.%s",
			ivl(q.IntervalS), q.PassedOver, saving)
	}
	// The next interval qualifies but costs more: the knee.
	s := "No requirement binds: battery use is lowest here."
	if d, ok := res.PairedBattery(rec.Next, rec.Index); ok {
		f := diffFormat(res)
		s += fmt.Sprintf(" At %s it would rise by %s [%s, %s] %%/day (paired over the same %d replications)", ivl(q.IntervalS), f(d.Mean), f(d.Lo()), f(d.Hi()), res.Replications)
	} else {
		s += fmt.Sprintf(" At %s it would rise to %s %%/day", ivl(q.IntervalS), num(q.Metrics.BatteryPctPerDay.Mean))
	}
	if why := breakRise(res, rec.Index, rec.Next); why != "" {
		s += ": " + why
	}
	return s + "."
}

// estimateAbs writes a negative difference as a positive saving.
func estimateAbs(res *sweep.Result, d stats.Estimate) string {
	return estimate(-d.Mean, -d.Hi(), -d.Lo(), diffFormat(res))
}

// breakRise explains a rise in cost from i to j by the break cause that grew
// most, with the NAT idle timeout when that is the cause.
func breakRise(res *sweep.Result, i, j int) string {
	a, b := &res.Points[i], &res.Points[j]
	best, rise := sim.Cause(0), 0.0
	for c := range sim.NumCauses {
		if r := perDay(res, b, c) - perDay(res, a, c); r > rise {
			best, rise = c, r
		}
	}
	if rise <= 0 {
		return ""
	}
	s := fmt.Sprintf("%s breaks go from %s to %s per day", causeName(best), num(perDay(res, a, best)), num(perDay(res, b, best)))
	if best == sim.CauseNAT && res.NATIdleTimeoutS > 0 {
		s += fmt.Sprintf(" — past the NAT idle timeout (%s) the mapping expires between pings, so pings find the connection dead, time out and reconnect", ivl(res.NATIdleTimeoutS))
	}
	if best == sim.CauseNAT && res.NATFleet != nil {
		s += fmt.Sprintf(" — the interval outlasts more of the fleet's NATs (%s of users at %s, %s at %s), whose mappings expire between pings, so pings find the connection dead, time out and reconnect",
			sharePct(natFleetShare(res, a.EffectiveIntervalS)), ivl(a.EffectiveIntervalS), sharePct(natFleetShare(res, b.EffectiveIntervalS)), ivl(b.EffectiveIntervalS))
	}
	return s
}

// perDay is the mean number of breaks of cause c per replication-day.
func perDay(res *sweep.Result, p *sweep.Point, c sim.Cause) float64 {
	days := p.HorizonS / 86400 * float64(p.Replications)
	if days == 0 {
		return 0
	}
	return float64(p.Metrics.Breaks.ByCause.Get(c)) / days
}

// whyNotShorter compares the recommendation with the shorter neighbour.
func whyNotShorter(res *sweep.Result) string {
	rec := res.Recommendation
	if rec.Prev < 0 {
		return ""
	}
	q := &res.Points[rec.Prev]
	d, ok := res.PairedBattery(rec.Index, rec.Prev)
	if !ok {
		return ""
	}
	switch {
	case stats.Significant(d) && d.Mean < 0:
		return fmt.Sprintf("Against %s it saves %s %%/day (paired), a real difference.", ivl(q.IntervalS), estimateAbs(res, d))
	case stats.Significant(d):
		return fmt.Sprintf("Against %s it costs %s %%/day more (paired); %s does not meet every requirement.", ivl(q.IntervalS), estimate(d.Mean, d.Lo(), d.Hi(), diffFormat(res)), ivl(q.IntervalS))
	}
	f := diffFormat(res)
	return fmt.Sprintf("Against %s the difference, %s [%s, %s] %%/day (paired), is within noise: %s would do as well on battery.", ivl(q.IntervalS), f(d.Mean), f(d.Lo()), f(d.Hi()), ivl(q.IntervalS))
}

// caveats are what an expert would ask about the chosen interval that the
// requirements do not cover.
func caveats(res *sweep.Result, i int) []string {
	p := &res.Points[i]
	var out []string
	if nat := res.NATIdleTimeoutS; nat > 0 && p.EffectiveIntervalS >= nat {
		out = append(out, fmt.Sprintf("Caution: %s is not shorter than the NAT idle timeout (%s): the NAT forgets the connection between pings (%s NAT breaks per day), and only the next ping or the server's idle timeout finds out.",
			ivl(p.EffectiveIntervalS), ivl(nat), num(perDay(res, p, sim.CauseNAT))))
	}
	if s := natFleetCaveat(res, p); s != "" {
		out = append(out, s)
	}
	if !required(res, sweep.Availability) {
		bestA, at := 0.0, 0
		for k := range res.Points {
			if a := res.Points[k].Metrics.Availability.Mean; a > bestA {
				bestA, at = a, k
			}
		}
		a := p.Metrics.Availability
		if bestA-a.Mean > 0.005 {
			out = append(out, fmt.Sprintf("Caution: availability here is %s [%s, %s], against %s at %s; no availability requirement is set, so the recommendation does not weigh it.",
				pct2(a.Mean), pct2(a.Lo()), pct2(a.Hi()), pct2(bestA), ivl(res.Points[at].IntervalS)))
		}
	}
	if ps := p.Metrics.Pushes; !required(res, sweep.PushLatencyP95) && ps.Sent > 0 {
		lost := lostShare(&p.Point)
		least, at := lost, i
		for k := range res.Points {
			if l := lostShare(&res.Points[k].Point); l < least {
				least, at = l, k
			}
		}
		if lost > 0.01 {
			s := fmt.Sprintf("Caution: %s of pushes are lost or dropped here (%d of %d", pct2(lost), ps.Lost+ps.Dropped, ps.Sent)
			if at != i {
				s += fmt.Sprintf("; %s at %s", pct2(least), ivl(res.Points[at].IntervalS))
			}
			out = append(out, s+"); no push_latency_p95 requirement is set.")
		}
	}
	return out
}

func required(res *sweep.Result, metric string) bool {
	for _, r := range res.Requirements {
		if r.Metric == metric {
			return true
		}
	}
	return false
}

// explainNone says that nothing qualifies, names the closest interval, and
// where each requirement holds, so that conflicting requirements show.
func explainNone(res *sweep.Result) []string {
	c := res.Recommendation.Closest
	p := &res.Points[c]
	var fails []string
	for _, ch := range p.Checks {
		if !ch.Holds {
			fails = append(fails, fmt.Sprintf("%s %s (%s)", metricBound(ch.Requirement), statusWord(ch), checkValue(ch)))
		}
	}
	out := []string{fmt.Sprintf("No interval meets every requirement at its conservative 95%% bound. The closest is %s, where %s.",
		ivl(p.IntervalS), strings.Join(fails, "; "))}
	var where []string
	for k, r := range res.Requirements {
		var idx []int
		for i := range res.Points {
			if res.Points[i].Checks[k].Holds {
				idx = append(idx, i)
			}
		}
		where = append(where, fmt.Sprintf("`%s` holds at %s", metricBound(r), ranges(res, idx)))
	}
	out = append(out, "Where each requirement holds: "+strings.Join(where, "; ")+".")
	out = append(out, unguided(res)...)
	if tooFew(p.Checks) {
		out = append(out, "Some bounds are unknown because too few breaks were observed: more replications or a longer horizon may settle them.")
	}
	return out
}

// tooFew reports whether a check failed only because its bound is unknown.
func tooFew(checks []sweep.Check) bool {
	for _, c := range checks {
		if c.Status == sweep.Unproven && math.IsInf(float64(c.Conservative), 0) && metric.IsLatency(c.Metric) {
			return true
		}
	}
	return false
}

// lostShare is the fraction of pushes sent that were lost or dropped.
func lostShare(p *stats.Point) float64 {
	ps := p.Metrics.Pushes
	if ps.Sent == 0 {
		return 0
	}
	return float64(ps.Lost+ps.Dropped) / float64(ps.Sent)
}
