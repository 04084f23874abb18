package reports

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// pixels is a plot size in PNG pixels.
func pixels(size [2]vg.Length) (int, int) {
	return int(math.Round(float64(size[0]/vg.Inch) * plotDPI)), int(math.Round(float64(size[1]/vg.Inch) * plotDPI))
}

// Every plot renders to a PNG that decodes at its documented size.
func TestPlotsRenderPNG(t *testing.T) {
	for _, p := range sweepPlots {
		t.Run(p.file, func(t *testing.T) {
			img, err := png.Decode(bytes.NewReader(fixtureFile(t, p.file)))
			if err != nil {
				t.Fatal(err)
			}
			w, h := pixels(p.size)
			if got := img.Bounds().Size(); got.X != w || got.Y != h {
				t.Fatalf("%dx%d, want %dx%d", got.X, got.Y, w, h)
			}
		})
	}
}

func TestPlotsRenderSVG(t *testing.T) {
	for _, p := range sweepPlots {
		b := fixtureFile(t, svgName(p.file))
		if !bytes.Contains(b[:min(len(b), 200)], []byte("<svg")) {
			t.Errorf("%s: not an SVG: %.80q", p.file, b)
		}
	}
}

// A NaN is an error naming the interval, never a silently wrong picture.
func TestPlotsRefuseNaN(t *testing.T) {
	for _, p := range sweepPlots {
		in := fixture(t, true, fixtureReqs...)
		in.Result.Points[2].Metrics.BatteryPctPerDay.Mean = math.NaN()
		_, err := p.draw(in.Result, p.size, "png")
		if !errors.Is(err, ErrPlotData) || !strings.Contains(err.Error(), "10m") {
			t.Errorf("%s: err %v, want ErrPlotData naming 10m", p.file, err)
		}
	}
	in := fixture(t, true, fixtureReqs...)
	in.Result.Points = nil
	for _, p := range sweepPlots {
		if _, err := p.draw(in.Result, p.size, "png"); !errors.Is(err, ErrPlotData) {
			t.Errorf("%s: no intervals: err %v, want ErrPlotData", p.file, err)
		}
	}
}

// A sweep without a single break has no detection to plot: those plots are
// left out, the report says so, and the rest is written.
func TestSweepWithoutBreaks(t *testing.T) {
	in := fixture(t, false, fixtureReqs...)
	files, err := SweepFiles(context.Background(), in, false)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string][]byte{}
	for _, f := range files {
		names[f.Name] = f.Data
	}
	// The detection plots have nothing to show; the others draw.
	nothing := map[string]bool{"tradeoff.png": true, "detect-cdf.png": true}
	for _, p := range sweepPlots {
		_, err := p.draw(in.Result, p.size, "png")
		if got := errors.Is(err, ErrNothingToPlot); got != nothing[p.file] || !got && err != nil {
			t.Errorf("%s: err %v, want ErrNothingToPlot: %v", p.file, err, nothing[p.file])
		}
		if _, ok := names[p.file]; ok == nothing[p.file] {
			t.Errorf("%s: written %v, want %v", p.file, ok, !nothing[p.file])
		}
	}
	if md := string(names["report.md"]); !strings.Contains(md, "Plots not drawn") || !strings.Contains(md, "holds (vacuously)") && !strings.Contains(md, "nothing to detect") {
		t.Errorf("report.md does not say what is missing and why:\n%s", md)
	}
}
