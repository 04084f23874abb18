package reports

import (
	"io"
	"strings"

	"gonum.org/v1/plot/vg"

	"pingtune/sweep"
)

// sweepPlot is one plot of a sweep: a row of sweepPlots. Adding a plot is a
// file with its draw function and a row here; the file writer, the report,
// the CLI's help and clean-up, and the tests all read this table.
type sweepPlot struct {
	file    string                         // the PNG's name in -out DIR; the SVG's swaps the extension
	alt     func(res *sweep.Result) string // the image's alt text in the report
	caption func(res *sweep.Result) string // the report's caption under it
	size    [2]vg.Length                   // width and height
	draw    func(res *sweep.Result, size [2]vg.Length, format string) ([]byte, error)
}

// sweepPlots are the plots of a sweep, in the order the files are written and
// the report shows them.
var sweepPlots = []sweepPlot{
	{file: "tradeoff.png", alt: tradeoffAlt, caption: tradeoffCaption,
		size: [2]vg.Length{10 * vg.Inch, 7 * vg.Inch}, draw: tradeoffPlot},
	{file: "metrics.png", alt: fixedText("metrics against the interval"), caption: metricsCaption,
		size: [2]vg.Length{15 * vg.Inch, 11 * vg.Inch}, draw: metricsPlot}, // 3×3 panels
	{file: "detect-cdf.png", alt: fixedText("client detection CDFs"),
		caption: fixedText("The distribution of the time for the client to detect a break, for a few intervals, the recommended one (thick) and the next longer one. Breaks the client learns of at once (interface loss, handover, server FIN) make the step at zero; silent ones (NAT, a silent server) are found by the next ping."),
		size:    [2]vg.Length{10 * vg.Inch, 6.5 * vg.Inch}, draw: detectCDFPlot},
	{file: "breaks.png", alt: fixedText("breaks per day by cause"),
		caption: fixedText("Broken connections per day by cause. Outages, handovers and server restarts come from the world and do not depend on the interval; NAT and server-idle breaks are caused by it."),
		size:    [2]vg.Length{10 * vg.Inch, 6 * vg.Inch}, draw: breaksPlot},
}

// sweepData are the sweep's data files, written first; the plots follow,
// and the report (sweepReportFiles, made from the plots) comes last.
var sweepData = []struct {
	file  string
	write func(w io.Writer, in *Sweep) error
}{
	{"results.json", WriteSweepJSON},
	{"results.csv", func(w io.Writer, in *Sweep) error { return writeSweepCSV(w, in.Result) }},
}

var sweepReportFiles = []string{"report.md", "report.html"}

func fixedText(s string) func(*sweep.Result) string { return func(*sweep.Result) string { return s } }

// svgName is the SVG twin of a plot's PNG file name.
func svgName(png string) string { return strings.TrimSuffix(png, ".png") + ".svg" }

// SweepDocuments are the files every sweep writes besides its plots:
// results.json, results.csv, report.md and report.html.
func SweepDocuments() []string {
	var names []string
	for _, d := range sweepData {
		names = append(names, d.file)
	}
	return append(names, sweepReportFiles...)
}

// SweepPlots are the PNG plots a sweep writes (each left out when it has
// nothing to show), in order.
func SweepPlots() []string {
	names := make([]string, len(sweepPlots))
	for i, p := range sweepPlots {
		names[i] = p.file
	}
	return names
}

// SweepOutputs are every file a sweep may write: the documents, each plot
// as PNG and SVG. A directory's earlier sweep outputs that a new sweep does
// not write are removed with it, so that none lingers beside results it does
// not match.
func SweepOutputs() []string {
	names := SweepDocuments()
	names = append(names, SweepPlots()...)
	for _, p := range sweepPlots {
		names = append(names, svgName(p.file))
	}
	return names
}
