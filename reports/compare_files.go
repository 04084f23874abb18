package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"pingtune/compare"
)

// compareOutputs are the files `compare -out DIR` writes, in order; the
// report comes last and shows the plot.
var compareOutputs = []struct {
	file  string
	write func(w io.Writer, res *compare.Result, sources []string) error
}{
	{"results.json", func(w io.Writer, res *compare.Result, _ []string) error { return WriteCompareJSON(w, res) }},
	{"compare.csv", func(w io.Writer, res *compare.Result, _ []string) error { return writeCompareCSV(w, res) }},
	{"compare.png", func(w io.Writer, res *compare.Result, _ []string) error {
		png, err := comparePlot(res, comparePlotSize, "png")
		if err == nil {
			_, err = w.Write(png)
		}
		return err
	}},
	{"report.md", writeCompareReport},
}

// CompareOutputs are every file `compare -out DIR` writes.
func CompareOutputs() []string {
	names := make([]string, len(compareOutputs))
	for i, o := range compareOutputs {
		names[i] = o.file
	}
	return names
}

// CompareFiles renders every output of a comparison into memory, so that
// the caller installs them all or none. sources are the scenario arguments.
func CompareFiles(ctx context.Context, res *compare.Result, sources []string) ([]File, error) {
	var files []File
	var buf bytes.Buffer
	for _, o := range compareOutputs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		buf.Reset()
		if err := o.write(&buf, res, sources); err != nil {
			return nil, fmt.Errorf("%s: %w", o.file, err)
		}
		files = append(files, File{o.file, bytes.Clone(buf.Bytes())})
	}
	return files, nil
}

// writeCompareCSV writes one row per (scenario, metric): its value with its
// 95% interval where its results give one, and, after the first scenario,
// the paired difference to the first and how its interval was computed.
// Empty cells have no number (an empty pool, an interval the data cannot
// bound).
func writeCompareCSV(w io.Writer, res *compare.Result) error {
	cw := csv.NewWriter(w)
	f := func(v float64) string {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return ""
		}
		return strconv.FormatFloat(v, 'g', 10, 64)
	}
	if err := cw.Write([]string{"scenario", "vs", "metric", "value", "ci95_lo", "ci95_hi", "diff_mean", "diff_ci95_lo", "diff_ci95_hi", "real", "diff_interval"}); err != nil {
		return err
	}
	for i := range res.Scenarios {
		s := &res.Scenarios[i]
		for k, row := range res.Rows {
			c := s.Cell(row)
			row := []string{s.Name, "", row.Key, f(c.V), "", "", "", "", "", "", ""}
			if c.HasCI {
				row[4], row[5] = f(c.Lo), f(c.Hi)
			}
			if i > 0 {
				pd := res.Paired[i-1].Metrics[k]
				row[1] = res.Paired[i-1].Vs
				row[6], row[7], row[8], row[9] = f(pd.Diff.Mean), f(pd.Diff.Lo()), f(pd.Diff.Hi()), strconv.FormatBool(pd.Real())
				row[10] = intervalKind[res.Rows[k].Kind]
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// intervalKind names how a kind of row's difference interval is computed.
var intervalKind = map[compare.Kind]string{compare.Rate: "paired_t", compare.Total: "paired_t_times_n",
	compare.Pooled: "paired_bootstrap", compare.Decile: "paired_bootstrap"}

// writeCompareReport writes report.md: what was compared, the table, the plot.
func writeCompareReport(w io.Writer, res *compare.Result, sources []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Comparison of %d scenarios\n\n", len(res.Scenarios))
	fmt.Fprintf(&b, "Scenarios: %s. Each ran the same %d replications of %s from seed %d: replication k of every scenario meets the same outages, handovers, restarts, pushes, user sessions and fleet draws (common random numbers), so each difference below is paired replication by replication against the first scenario. The 95%% intervals of the differences: %s.\n\n",
		strings.Join(sources, ", "), res.Replications, ivl(res.Horizon.Seconds()), res.Seed, res.Method())
	fmt.Fprintf(&b, "To reproduce: `pingtune compare %s -seed %d -reps %d -horizon %s`\n\n", strings.Join(sources, " "), res.Seed, res.Replications, ivl(res.Horizon.Seconds()))
	for _, n := range res.Notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	b.WriteString("![battery against unnoticed minutes a day](compare.png)\n\n")
	b.WriteString("Battery against the minutes a day the client held a dead connection it believed up, each scenario with its 95% intervals: lower left is better.\n\n```\n")
	if err := WriteCompareText(&b, res); err != nil {
		return err
	}
	b.WriteString("```\n")
	_, err := io.WriteString(w, b.String())
	return err
}
