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
	return int(math.Round(float64(size[0]/vg.Inch) * PlotDPI)), int(math.Round(float64(size[1]/vg.Inch) * PlotDPI))
}

var plotters = []struct {
	name string
	draw func(*Sweep, string) ([]byte, error)
	size [2]vg.Length
}{
	{FileTradeoff, func(in *Sweep, f string) ([]byte, error) { return TradeoffPlot(in.Result, f) }, TradeoffSize},
	{FileMetrics, func(in *Sweep, f string) ([]byte, error) { return MetricsPlot(in.Result, f) }, MetricsSize},
	{FileCDF, func(in *Sweep, f string) ([]byte, error) { return DetectCDFPlot(in.Result, f) }, CDFSize},
	{FileBreaks, func(in *Sweep, f string) ([]byte, error) { return BreaksPlot(in.Result, f) }, BreaksSize},
}

// Every plot renders to a PNG that decodes at its documented size.
func TestPlotsRenderPNG(t *testing.T) {
	for _, p := range plotters {
		t.Run(p.name, func(t *testing.T) {
			img, err := png.Decode(bytes.NewReader(fixtureFile(t, p.name)))
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
	for _, p := range plotters {
		b := fixtureFile(t, strings.TrimSuffix(p.name, ".png")+".svg")
		if !bytes.Contains(b[:min(len(b), 200)], []byte("<svg")) {
			t.Errorf("%s: not an SVG: %.80q", p.name, b)
		}
	}
}

// A NaN is an error naming the interval, never a silently wrong picture.
func TestPlotsRefuseNaN(t *testing.T) {
	for _, p := range plotters {
		in := fixture(t, true, fixtureReqs...)
		in.Result.Points[2].Metrics.BatteryPctPerDay.Mean = math.NaN()
		_, err := p.draw(in, "png")
		if !errors.Is(err, ErrPlotData) || !strings.Contains(err.Error(), "10m") {
			t.Errorf("%s: err %v, want ErrPlotData naming 10m", p.name, err)
		}
	}
	in := fixture(t, true, fixtureReqs...)
	in.Result.Points = nil
	for _, p := range plotters {
		if _, err := p.draw(in, "png"); !errors.Is(err, ErrPlotData) {
			t.Errorf("%s: no intervals: err %v, want ErrPlotData", p.name, err)
		}
	}
}

// A sweep without a single break has no detection to plot: those plots are
// left out, the report says so, and the rest is written.
func TestSweepWithoutBreaks(t *testing.T) {
	in := fixture(t, false, fixtureReqs...)
	if _, err := TradeoffPlot(in.Result, "png"); !errors.Is(err, ErrNothingToPlot) {
		t.Errorf("tradeoff: err %v, want ErrNothingToPlot", err)
	}
	if _, err := DetectCDFPlot(in.Result, "png"); !errors.Is(err, ErrNothingToPlot) {
		t.Errorf("CDF: err %v, want ErrNothingToPlot", err)
	}
	files, err := SweepFiles(context.Background(), in, false)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string][]byte{}
	for _, f := range files {
		names[f.Name] = f.Data
	}
	if _, ok := names[FileTradeoff]; ok {
		t.Error("tradeoff.png written without data")
	}
	if _, ok := names[FileMetrics]; !ok {
		t.Error("metrics.png missing")
	}
	if md := string(names["report.md"]); !strings.Contains(md, "Plots not drawn") || !strings.Contains(md, "holds (vacuously)") && !strings.Contains(md, "nothing to detect") {
		t.Errorf("report.md does not say what is missing and why:\n%s", md)
	}
}
