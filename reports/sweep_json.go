package reports

import (
	"encoding/json"
	"io"

	"pingtune/stats"
	"pingtune/sweep"
)

// sweepJSON is results.json: the scenario, the resolved assumptions, one
// entry per interval under points[] in the shape of `run -json` (SPEC
// section 6) plus the requirements tested on it, the recommendation and the
// Pareto front.
type sweepJSON struct {
	Scenario     string            `json:"scenario"`
	Description  string            `json:"description,omitempty"`
	Source       string            `json:"source,omitempty"`
	Command      string            `json:"command,omitempty"`
	Seed         uint64            `json:"seed"`
	Replications int               `json:"replications"`
	HorizonS     float64           `json:"horizon_s"`
	IntervalsS   []float64         `json:"intervals_s"`
	Requirements []requirementJSON `json:"requirements"`
	Resolved     json.RawMessage   `json:"resolved,omitempty"`
	Warnings     []string          `json:"warnings"`
	Recommended  *recommendedJSON  `json:"recommended"` // null when no interval qualifies
	Closest      *closestJSON      `json:"closest,omitempty"`
	// TradeoffAxis is the detection metric tradeoff.png and the Pareto
	// front use: the one that binds the recommendation, or else the one that
	// varies most across the sweep.
	TradeoffAxis string        `json:"tradeoff_axis"`
	Pareto       []float64     `json:"pareto"` // interval_s of the points on the front
	Reason       string        `json:"reason"`
	Points       []sweep.Point `json:"points"`
}

// requirementJSON is one requirement of sweep.require.
type requirementJSON struct {
	Metric string  `json:"metric"`
	Op     string  `json:"op"`
	Bound  float64 `json:"bound"` // seconds for latencies
	Text   string  `json:"text"`
	// SameEverywhere: the requirement's value, or its verdict, is the same
	// at every interval, so it cannot guide the choice; Why says how.
	SameEverywhere bool   `json:"same_everywhere"`
	Why            string `json:"why,omitempty"`
}

// recommendedJSON names the recommended interval and what binds it.
type recommendedJSON struct {
	IntervalS          float64        `json:"interval_s"`
	EffectiveIntervalS float64        `json:"effective_interval_s"`
	BatteryPctPerDay   stats.Estimate `json:"battery_pct_per_day"`
	// NextIntervalS is the next longer interval the platform runs
	// differently (null: the recommendation is the longest swept), and
	// Binding the requirements it breaks (empty: it costs more battery).
	NextIntervalS *float64 `json:"next_interval_s"`
	Binding       []string `json:"binding"`
}

// closestJSON is, when no interval qualifies, the one that misses by least.
type closestJSON struct {
	IntervalS          float64        `json:"interval_s"`
	EffectiveIntervalS float64        `json:"effective_interval_s"`
	BatteryPctPerDay   stats.Estimate `json:"battery_pct_per_day"`
	Failing            []string       `json:"failing"`
}

// newSweepJSON builds results.json's document.
func newSweepJSON(in *Sweep) (*sweepJSON, error) {
	res := in.Result
	doc := &sweepJSON{
		Scenario: res.Scenario, Description: in.Description, Source: in.Source, Command: in.Command,
		Seed: res.Seed, Replications: res.Replications, HorizonS: res.HorizonS,
		IntervalsS: []float64{}, Requirements: []requirementJSON{}, Warnings: sweepNotes(res),
		TradeoffAxis: res.Axis, Pareto: []float64{}, Reason: joinSentences(explain(res)), Points: res.Points,
	}
	if doc.Warnings == nil {
		doc.Warnings = []string{}
	}
	if len(in.ResolvedJSON) > 0 {
		doc.Resolved = in.ResolvedJSON
	}
	for i := range res.Points {
		doc.IntervalsS = append(doc.IntervalsS, res.Points[i].IntervalS)
	}
	for k, r := range res.Requirements {
		rj := requirementJSON{Metric: r.Metric, Op: r.Op(), Bound: r.Bound, Text: r.String()}
		if k < len(res.Guides) {
			rj.SameEverywhere, rj.Why = res.Guides[k].SameEverywhere, res.Guides[k].Why
		}
		doc.Requirements = append(doc.Requirements, rj)
	}
	for _, i := range res.Pareto {
		doc.Pareto = append(doc.Pareto, res.Points[i].IntervalS)
	}
	rec := res.Recommendation
	if rec.Index >= 0 {
		p := &res.Points[rec.Index]
		doc.Recommended = &recommendedJSON{IntervalS: p.IntervalS, EffectiveIntervalS: p.EffectiveIntervalS,
			BatteryPctPerDay: p.Metrics.BatteryPctPerDay, Binding: []string{}}
		for _, k := range rec.Binding {
			doc.Recommended.Binding = append(doc.Recommended.Binding, res.Requirements[k].String())
		}
		if rec.Next >= 0 {
			next := res.Points[rec.Next].IntervalS
			doc.Recommended.NextIntervalS = &next
		}
	} else {
		p := &res.Points[rec.Closest]
		doc.Closest = &closestJSON{IntervalS: p.IntervalS, EffectiveIntervalS: p.EffectiveIntervalS,
			BatteryPctPerDay: p.Metrics.BatteryPctPerDay, Failing: []string{}}
		for _, c := range p.Checks {
			if !c.Holds {
				doc.Closest.Failing = append(doc.Closest.Failing, c.Requirement.String())
			}
		}
	}
	return doc, nil
}

// WriteSweepJSON writes results.json.
func WriteSweepJSON(w io.Writer, in *Sweep) error {
	doc, err := newSweepJSON(in)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
