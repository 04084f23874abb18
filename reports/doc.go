// Package reports turns summarised results (packages stats and sweep) into
// what users read: the text summary of `run`, the verdict of `check`, the
// JSON, CSV, Markdown, HTML and PNG outputs of `sweep`. It reads only result
// types; it never runs the simulator. One replication's trace and timeline
// are its subpackages trace and timeline.
//
// Where to start:
//   - `run`: WriteSummary.
//   - `check`: WriteCheck and WriteCheckJSON.
//   - `sweep`: SweepFiles renders every output into memory, so the caller
//     installs all or nothing: results.json (WriteSweepJSON), results.csv
//     (sweep_csv.go), the plots of the table sweepPlots (sweep_outputs.go: a
//     row per plot, one plot_*.go file each), and report.md and report.html
//     from one document model (sweep_report.go, document.go).
//     WriteSweepSummary is what the terminal shows; explain.go puts the
//     recommendation into words and notes.go the warnings.
//
// Plots refuse NaN or missing data with ErrPlotData; a plot with nothing to
// show (no breaks at all) returns ErrNothingToPlot and the report leaves it
// out, saying why. Every output is byte-identical for the same input.
package reports
