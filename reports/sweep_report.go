package reports

import (
	"fmt"
	"strings"

	"pingtune/sweep"
)

// sweepDocument assembles report.md and report.html: the recommendation and
// why, the warnings, the table, the plots, how requirements are tested, and
// the scenario with every assumption it rests on. pngs maps plot file names
// to their images.
func sweepDocument(in *Sweep, pngs map[string][]byte) *document {
	res := in.Result
	d := &document{title: "pingtune sweep: " + res.Scenario}
	intro := fmt.Sprintf("%d heartbeat intervals from %s to %s, %d replications of %s each (seed %d). Every interval sees the same replications: the same outages, handovers, server restarts, pushes and user sessions (common random numbers), so neighbouring intervals are compared paired.",
		len(res.Points), ivl(res.Points[0].IntervalS), ivl(res.Points[len(res.Points)-1].IntervalS), res.Replications, ivl(res.HorizonS), res.Seed)
	if in.Description != "" {
		d.add(para{strings.TrimSpace(in.Description)})
	}
	d.add(para{intro})

	d.add(heading{"Recommendation"})
	for _, p := range explain(res) {
		d.add(para{p})
	}
	if notes := sweepNotes(res); len(notes) > 0 {
		d.add(heading{"Warnings"}, bullets{notes})
	}

	d.add(heading{"Results by interval"})
	head, right, rows := sweepTable(res)
	d.add(table{head: head, right: right, rows: rows})
	d.add(para{"Battery and wakeups are means over replications with Student-t 95% intervals. Latency percentiles pool every break of every replication; their 95% intervals are distribution-free (order statistics of the binomial). Δ battery is the paired difference from the previous row over the same replications. Requirements: ✗ fails (the estimate against its bound), ? cannot be shown to hold (the conservative end of its 95% interval against the bound). “Passed over” marks an interval that meets every requirement but breaks its own connections (past a NAT's or the server's idle timeout) while another does not."})

	d.add(heading{"Plots"})
	for _, p := range sweepPlots {
		if png, ok := pngs[p.file]; ok {
			d.add(figure{file: p.file, alt: p.alt(res), caption: p.caption(res), png: png})
		}
	}

	d.add(heading{"How requirements are tested"})
	d.add(bullets{[]string{
		"A requirement holds at an interval when the conservative end of its 95% interval is within the bound: the upper end for `<=`, the lower end for `>=`. An estimate inside the bound with its interval across it is reported as “cannot be shown to hold”, not passed.",
		"Each replication's periodic schedules (the keepalive, the ping timer, generators with a fixed period) start at a random phase, the same at every interval, so a scripted event meets the ping cycle at a random point.",
		"At the horizon the costs stop and the generators stop, and the run drains: it goes on until every break of the horizon has been learned of by both sides and repaired, or for max(2h, 4 × the longest timeout in play). Latencies include what the drain saw.",
		fmt.Sprintf("p95 latencies count a break still undetected after the drain as never detected (+∞) when it had been open longer than the bound (it fails whatever came next), and leave it out otherwise; pushes lost, dropped or still pending count as never delivered. Below %d samples a p95 has no finite distribution-free upper bound: “too few breaks to tell”.", sweep.MinLatencyN),
		"A latency requirement with nothing measured (no breaks, no pushes) holds vacuously, and says so.",
		"The recommendation is the lowest mean battery use among intervals where every requirement holds; where the platform clamps intervals, the nominal interval equal to what the device runs is preferred. An interval whose self-inflicted breaks (nat, server_idle) are significantly above zero is passed over while another meets every requirement without them (sweep.allow_self_breaks: true lifts this).",
		"A requirement whose value, or verdict, is the same at every interval cannot guide the choice, and the recommendation says so.",
	}})

	d.add(heading{"Scenario and assumptions"})
	src := in.Source
	if src == "" {
		src = "unknown"
	}
	d.add(para{fmt.Sprintf("Scenario `%s` from %s. Reproduce with `%s`.", res.Scenario, src, in.Command)})
	if len(in.Resolved) > 0 {
		d.add(para{"Every value the simulation used, presets expanded (platform timings, radio power states, device battery, generators):"})
		d.add(codeBlock{lang: "yaml", text: string(in.Resolved)})
	}
	return d
}
