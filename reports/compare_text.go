package reports

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"pingtune/compare"
	"pingtune/internal/durfmt"
	"pingtune/metric"
)

// WriteCompareText writes the table `pingtune compare` prints: for every
// row (metric), each scenario's value with its 95% interval where its results
// give one, and for each scenario after the first its paired difference to
// the first, marked * where the 95% interval excludes zero (a real
// difference). Rows that are 0 in every scenario, or that no scenario could
// measure, are named below the table instead.
func WriteCompareText(w io.Writer, res *compare.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "compare: %d scenarios, %d replications × %s, seed %d\n", len(res.Scenarios), res.Replications,
		durfmt.Human(res.Horizon.Seconds()), res.Seed)
	b.WriteString("common random numbers: replication k of every scenario meets the same outages, handovers, restarts, pushes, user and fleet draws.\n")
	fmt.Fprintf(&b, "differences are paired against %s; * marks one whose 95%% interval excludes 0 (a real difference).\n", res.Scenarios[0].Name)
	b.WriteString(wrapWords("intervals of the differences:", strings.Fields(res.Method()+".")))
	for _, s := range res.Scenarios {
		for _, warn := range s.Point.Warnings {
			fmt.Fprintf(&b, "warning: %s: %s\n", s.Name, warn)
		}
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "metric, scenario\tvalue\t95%% CI\tpaired difference to the first [95%% CI]\t\n")
	var zero, none []string
	for k, row := range res.Rows {
		if row.Policy && !res.AnyPolicy() {
			continue
		}
		switch {
		case zeroRow(res, k):
			zero = append(zero, row.Key)
			continue
		case noneMeasured(res, k):
			none = append(none, row.Key)
			continue
		}
		fmt.Fprintf(tw, "%s\t\t\t\t\n", row.Key)
		for i := range res.Scenarios {
			s := &res.Scenarios[i]
			c := s.Cell(row)
			ci, diff := "", ""
			if c.HasCI {
				ci = fmt.Sprintf("[%s, %s]", rowValue(row, c.Lo), rowValue(row, c.Hi))
			}
			if i > 0 {
				pd := res.Paired[i-1].Metrics[k]
				mark := ""
				if pd.Real() {
					mark = " *"
				}
				diff = fmt.Sprintf("%s [%s, %s]%s", signed(row, pd.Diff.Mean), signed(row, pd.Diff.Lo()), signed(row, pd.Diff.Hi()), mark)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t\n", s.Name, rowValue(row, c.V), ci, diff)
		}
	}
	tw.Flush()
	if len(zero) > 0 {
		b.WriteString("\n" + wrapList("0 in every scenario:", zero))
	}
	if len(none) > 0 {
		b.WriteString("\n" + wrapList("nothing to measure in any scenario:", none))
	}
	_, err := io.WriteString(w, regexp.MustCompile(`(?m)[ \t]+$`).ReplaceAllString(b.String(), "")) // tabwriter pads the last cell
	return err
}

// zeroRow reports whether row k is 0 in every scenario with every
// difference exactly 0 [0, 0].
func zeroRow(res *compare.Result, k int) bool {
	for i := range res.Scenarios {
		if res.Scenarios[i].Cell(res.Rows[k]).V != 0 {
			return false
		}
	}
	for _, p := range res.Paired {
		d := p.Metrics[k].Diff
		if d.Mean != 0 || d.Lo() != 0 || d.Hi() != 0 {
			return false
		}
	}
	return true
}

// noneMeasured reports whether no scenario has a value of row k (a pool
// empty everywhere).
func noneMeasured(res *compare.Result, k int) bool {
	for i := range res.Scenarios {
		if !math.IsNaN(res.Scenarios[i].Cell(res.Rows[k]).V) {
			return false
		}
	}
	return true
}

// rowValue writes a value in row's unit.
func rowValue(row *compare.Row, v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case row.Unit == metric.Seconds:
		return durfmt.Human(v)
	case row.Unit == metric.Fraction:
		return pct(v)
	case row.Unit == metric.Count:
		return count(v)
	}
	return num(v) + unitSuffix[row.Unit]
}

// count writes a count: whole numbers in full, others (an interval's ends)
// to the unit when large.
func count(v float64) string {
	switch {
	case math.IsInf(v, 0):
		return num(v)
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case math.Abs(v) >= 1000:
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	}
	return num(v)
}

// signed writes a difference in row's unit with its sign.
func signed(row *compare.Row, v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 1):
		return "+∞"
	case math.IsInf(v, -1):
		return "−∞"
	case v < 0:
		return "−" + rowValue(row, -v)
	case v > 0:
		return "+" + rowValue(row, v)
	}
	return "0"
}

// wrapList writes head and the keys after it, comma-separated, in lines of
// about 100 characters, the continuation lines indented.
func wrapList(head string, keys []string) string {
	sep := make([]string, len(keys))
	for i, k := range keys {
		sep[i] = k
		if i < len(keys)-1 {
			sep[i] += ","
		}
	}
	return wrapWords(head, sep)
}

// wrapWords writes head and the words after it in lines of about 100
// characters, the continuation lines indented.
func wrapWords(head string, words []string) string {
	var b strings.Builder
	line := head
	for _, k := range words {
		if len(line)+1+len(k) > 100 {
			b.WriteString(line + "\n")
			line = " "
		}
		line += " " + k
	}
	b.WriteString(line + "\n")
	return b.String()
}
