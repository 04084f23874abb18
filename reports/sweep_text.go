package reports

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteSweepSummary writes what `pingtune sweep` prints: the table, the
// recommendation in words and the warnings. written lists the files the
// sweep wrote (none: nothing is said about files).
func WriteSweepSummary(w io.Writer, in *Sweep, dir string, written []string) error {
	res := in.Result
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d intervals × %d replications × %s, seed %d\n", res.Scenario, len(res.Points), res.Replications, ivl(res.HorizonS), res.Seed)
	if len(res.Requirements) > 0 {
		var rs []string
		for _, r := range res.Requirements {
			rs = append(rs, metricBound(r))
		}
		fmt.Fprintf(&b, "requirements (tested at the conservative end of each 95%% interval): %s\n", strings.Join(rs, ", "))
	} else {
		b.WriteString("requirements: none (sweep.require is empty)\n")
	}
	b.WriteString("\n")
	head, _, rows := sweepTable(res)
	// tabwriter aligns every column one way: the numbers go right-aligned
	// through it, the two text columns are padded by hand after them.
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(head[:len(head)-2], "\t")+"\t")
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r[:len(r)-2], "\t")+"\t")
	}
	tw.Flush()
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	b.Reset()
	// Append the two left-aligned columns (requirements, note).
	tail := make([][2]string, len(rows)+1)
	tail[0] = [2]string{head[len(head)-2], head[len(head)-1]}
	for i, r := range rows {
		tail[i+1] = [2]string{r[len(r)-2], r[len(r)-1]}
	}
	wReq := 0
	for _, t := range tail {
		wReq = max(wReq, len([]rune(t[0])))
	}
	start := len(lines) - len(tail)
	for i, l := range lines {
		if i >= start {
			t := tail[i-start]
			l += "  " + t[0] + strings.Repeat(" ", wReq-len([]rune(t[0]))) + "  " + t[1]
			l = strings.TrimRight(l, " ")
		}
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	for _, para := range explain(res) {
		b.WriteString(wrap(para, 100) + "\n")
	}
	if notes := sweepNotes(res); len(notes) > 0 {
		b.WriteString("\n")
		for _, n := range notes {
			b.WriteString(wrap("warning: "+n, 100) + "\n")
		}
	}
	if len(written) > 0 {
		fmt.Fprintf(&b, "\nwrote %s: %s\n", dir, strings.Join(written, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks s into lines of at most width runes at spaces, indenting
// continuation lines by two.
func wrap(s string, width int) string {
	var out strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		l := len([]rune(word))
		if i > 0 {
			if n+1+l > width {
				out.WriteString("\n  ")
				n = 2
			} else {
				out.WriteByte(' ')
				n++
			}
		}
		out.WriteString(word)
		n += l
	}
	return out.String()
}
