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
// results.csv, the plots of sweepPlots (and SVGs when svg is set), report.md and
// report.html with the PNGs inlined. Nothing touches the disk, so the caller
// can install them all together or not at all. A cancelled ctx stops it
// between two files with ctx's error.
func SweepFiles(ctx context.Context, in *Sweep, svg bool) ([]File, error) {
	var files []File
	var buf bytes.Buffer
	for _, d := range sweepData {
		buf.Reset()
		if err := d.write(&buf, in); err != nil {
			return nil, fmt.Errorf("%s: %w", d.file, err)
		}
		files = append(files, File{d.file, bytes.Clone(buf.Bytes())})
	}

	pngs := map[string][]byte{}
	var skipped []string
	for _, p := range sweepPlots {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		png, err := p.draw(in.Result, p.size, "png")
		if err != nil {
			// A plot with nothing to show (no breaks at all) is left out and
			// the report says so; any other failure is an error.
			if errors.Is(err, ErrNothingToPlot) {
				skipped = append(skipped, fmt.Sprintf("%s: %v", p.file, err))
				continue
			}
			return nil, fmt.Errorf("%s: %w", p.file, err)
		}
		pngs[p.file] = png
		files = append(files, File{p.file, png})
		if svg {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			s, err := p.draw(in.Result, p.size, "svg")
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.file, err)
			}
			files = append(files, File{svgName(p.file), s})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := sweepDocument(in, pngs)
	if len(skipped) > 0 {
		doc.add(heading{"Plots not drawn"}, bullets{skipped})
	}
	files = append(files, File{sweepReportFiles[0], doc.markdown()}, File{sweepReportFiles[1], doc.html()})
	return files, nil
}
