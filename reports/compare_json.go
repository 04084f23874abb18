package reports

import (
	"encoding/json"
	"io"

	"pingtune/compare"
	"pingtune/stats"
)

// jsonDoc is `compare -json`'s document: each scenario's metrics as `run
// -json` writes them, and each pair's differences under the same keys.
type jsonDoc struct {
	Seed         uint64         `json:"seed"`
	Replications int            `json:"replications"`
	HorizonS     float64        `json:"horizon_s"`
	Scenarios    []jsonScenario `json:"scenarios"`
	Paired       []jsonPaired   `json:"paired"`
}

type jsonScenario struct {
	Name     string        `json:"name"`
	Warnings []string      `json:"warnings"`
	Metrics  stats.Metrics `json:"metrics"`
}

type jsonPaired struct {
	Name    string                    `json:"name"`
	Vs      string                    `json:"vs"`
	Metrics map[string]stats.Estimate `json:"metrics"`
	Real    []string                  `json:"real"` // the keys whose 95% interval excludes zero
}

// WriteJSON writes res as `compare -json` prints it and results.json holds it.
func WriteCompareJSON(w io.Writer, res *compare.Result) error {
	doc := jsonDoc{Seed: res.Seed, Replications: res.Replications, HorizonS: res.Horizon.Seconds(),
		Scenarios: []jsonScenario{}, Paired: []jsonPaired{}}
	for _, s := range res.Scenarios {
		warn := make([]string, len(s.Point.Warnings))
		for i, w := range s.Point.Warnings {
			warn[i] = w.String()
		}
		doc.Scenarios = append(doc.Scenarios, jsonScenario{Name: s.Name, Warnings: warn, Metrics: s.Point.Metrics})
	}
	for _, p := range res.Paired {
		jp := jsonPaired{Name: p.Name, Vs: p.Vs, Metrics: map[string]stats.Estimate{}, Real: []string{}}
		for _, d := range p.Metrics {
			jp.Metrics[d.Key] = d.Diff
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
