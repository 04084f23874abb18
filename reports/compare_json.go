package reports

import (
	"encoding/json"
	"io"
	"math"

	"pingtune/compare"
	"pingtune/stats"
)

// jsonDoc is `compare -json`'s document: each scenario's metrics as `run
// -json` writes them, and each pair's differences under their paths in
// those metrics.
type jsonDoc struct {
	Seed         uint64         `json:"seed"`
	Replications int            `json:"replications"`
	HorizonS     float64        `json:"horizon_s"`
	Method       string         `json:"interval_method"`
	Resamples    int            `json:"bootstrap_resamples"`
	Scenarios    []jsonScenario `json:"scenarios"`
	Paired       []jsonPaired   `json:"paired"`
}

type jsonScenario struct {
	Name     string        `json:"name"`
	Warnings []string      `json:"warnings"`
	Metrics  stats.Metrics `json:"metrics"`
}

type jsonPaired struct {
	Name    string              `json:"name"`
	Vs      string              `json:"vs"`
	Metrics map[string]jsonDiff `json:"metrics"`
	Real    []string            `json:"real"` // the keys whose 95% interval excludes zero
}

// jsonDiff is a paired difference: its mean is null where a scenario had
// nothing to measure (a pool empty in it), as are interval ends the data
// cannot fix.
type jsonDiff struct {
	Mean maybe          `json:"mean"`
	CI95 [2]stats.Bound `json:"ci95"`
}

// maybe is a number, or null when NaN.
type maybe float64

func (m maybe) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(m)) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(m))
}

// WriteCompareJSON writes res as `compare -json` prints it and results.json
// holds it.
func WriteCompareJSON(w io.Writer, res *compare.Result) error {
	doc := jsonDoc{Seed: res.Seed, Replications: res.Replications, HorizonS: res.Horizon.Seconds(),
		Method: res.Method(), Resamples: compare.Resamples, Scenarios: []jsonScenario{}, Paired: []jsonPaired{}}
	for _, s := range res.Scenarios {
		warn := make([]string, len(s.Point.Warnings))
		for i, w := range s.Point.Warnings {
			warn[i] = w.String()
		}
		doc.Scenarios = append(doc.Scenarios, jsonScenario{Name: s.Name, Warnings: warn, Metrics: s.Point.Metrics})
	}
	for _, p := range res.Paired {
		jp := jsonPaired{Name: p.Name, Vs: p.Vs, Metrics: map[string]jsonDiff{}, Real: []string{}}
		for _, d := range p.Metrics {
			jp.Metrics[d.Key] = jsonDiff{Mean: maybe(d.Diff.Mean), CI95: d.Diff.CI95}
			if d.Real() {
				jp.Real = append(jp.Real, d.Key)
			}
		}
		doc.Paired = append(doc.Paired, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
