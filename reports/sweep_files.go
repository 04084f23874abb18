package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
)

// File is one output of a sweep, rendered in memory.
type File struct {
	Name string
	Data []byte
}

// SweepFiles renders every output of a sweep into memory: results.json,
// results.csv, the four PNG plots (and SVGs when svg is set), report.md and
// report.html with the PNGs inlined. Nothing touches the disk, so the caller
// can install them all together or not at all. A cancelled ctx stops it
// between two files with ctx's error.
func SweepFiles(ctx context.Context, in *Sweep, svg bool) ([]File, error) {
	var files []File
	var buf bytes.Buffer
	if err := WriteSweepJSON(&buf, in); err != nil {
		return nil, fmt.Errorf("results.json: %w", err)
	}
	files = append(files, File{"results.json", bytes.Clone(buf.Bytes())})
	buf.Reset()
	if err := WriteSweepCSV(&buf, in.Result); err != nil {
		return nil, fmt.Errorf("results.csv: %w", err)
	}
	files = append(files, File{"results.csv", bytes.Clone(buf.Bytes())})

	plots := []struct {
		name string
		draw func(format string) ([]byte, error)
	}{
		{FileTradeoff, func(f string) ([]byte, error) { return TradeoffPlot(in.Result, f) }},
		{FileMetrics, func(f string) ([]byte, error) { return MetricsPlot(in.Result, f) }},
		{FileCDF, func(f string) ([]byte, error) { return DetectCDFPlot(in.Result, f) }},
		{FileBreaks, func(f string) ([]byte, error) { return BreaksPlot(in.Result, f) }},
	}
	pngs := map[string][]byte{}
	var skipped []string
	for _, p := range plots {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		png, err := p.draw("png")
		if err != nil {
			// A plot with nothing to show (no breaks at all) is left out and
			// the report says so; any other failure is an error.
			if errors.Is(err, ErrNothingToPlot) {
				skipped = append(skipped, fmt.Sprintf("%s: %v", p.name, err))
				continue
			}
			return nil, fmt.Errorf("%s: %w", p.name, err)
		}
		pngs[p.name] = png
		files = append(files, File{p.name, png})
		if svg {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			s, err := p.draw("svg")
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.name, err)
			}
			files = append(files, File{p.name[:len(p.name)-len(".png")] + ".svg", s})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := sweepDocument(in, pngs)
	if len(skipped) > 0 {
		doc.add(heading{"Plots not drawn"}, bullets{skipped})
	}
	files = append(files, File{"report.md", doc.markdown()}, File{"report.html", doc.html()})
	return files, nil
}
