package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"pingtune/calibrate"
	"pingtune/internal/atomicfile"
	"pingtune/reports"
	"pingtune/scenarios"
	"pingtune/sim"
)

func cmdCalibrate(ctx context.Context, args []string, e *env) error {
	var c common
	voltage := 3.7
	radioName := "3g"
	fs := newFlagSet("calibrate", "MEASURED.csv", `Fits a radio preset to a phone's measured keepalive cost and prints a radio:
block to paste into a scenario, then how well it fits.
MEASURED.csv has a header interval,extra_ma and a row per keepalive interval:
the interval (20s, 5m) and the average current in mA above the phone's idle
current without keepalives, measured with a power monitor. At least three
intervals. The fit moves the stage powers and durations of the preset (on a
3G radio, those keepalives use: the cell update, FACH and the paging stage)
by least squares on the relative error, keeping stages in decreasing power.
The measurement is modelled as an always-awake phone whose only traffic is
the keepalive, answered after 80 ms.`, e.stderr)
	fs.Float64Var(&voltage, "voltage", voltage, "battery voltage the currents were measured at, V")
	fs.StringVar(&radioName, "radio", radioName, "the radio preset to start from: "+strings.Join(scenarios.RadioPresets(), ", "))
	c.register(fs, "o")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("calibrate: want one MEASURED.csv, got %d arguments", len(rest))
	}
	if !(voltage > 0) || math.IsInf(voltage, 0) || voltage > 100 {
		return usagef("calibrate: -voltage must be positive, in volts (got %g)", voltage)
	}
	start, ok := scenarios.RadioPreset(radioName)
	if !ok {
		return usagef("calibrate: unknown radio preset %q (want one of %s)", radioName, strings.Join(scenarios.RadioPresets(), ", "))
	}
	path := rest[0]
	f, err := os.Open(path)
	if err != nil {
		return usageError(fmt.Errorf("calibrate: %w", err))
	}
	pts, err := calibrate.ReadCSV(path, io.LimitReader(f, 1<<20))
	f.Close()
	if err != nil {
		return usageError(err)
	}
	fit, err := calibrate.FitRadio(start, pts, voltage)
	if err != nil {
		return usageError(err)
	}
	block, err := scenarios.MarshalRadio(&fit.Radio)
	if err != nil {
		return err
	}
	if c.out != "" {
		if err := writeCalibrationPlot(c.out, path, fit, pts); err != nil {
			return err
		}
	}
	w := e.stdout
	fmt.Fprintf(w, "# %s fitted to %s (%d intervals, %g V); paste into a scenario:\n", radioName, path, len(pts), voltage)
	w.Write(block)
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "interval\tmeasured mA\tfitted mA\terror\t")
	for _, r := range fit.Rows {
		fmt.Fprintf(tw, "%s\t%.4g\t%.4g\t%+.1f%%\t\n", sim.FormatDuration(r.Interval), r.MeasuredMA, r.FittedMA, 100*r.Err())
	}
	tw.Flush()
	worst := fit.Worst()
	fmt.Fprintf(w, "worst error: %+.1f%% at %s\n", 100*worst.Err(), sim.FormatDuration(worst.Interval))
	fmt.Fprintf(w, "fitted: %s\n", strings.Join(fit.Fitted, ", "))
	if len(fit.Kept) > 0 {
		fmt.Fprintf(w, "kept from %s (keepalives alone do not show them): %s\n", radioName, strings.Join(fit.Kept, ", "))
	}
	if c.out != "" {
		fmt.Fprintf(w, "plot: %s\n", c.out)
	}
	return nil
}

// writeCalibrationPlot draws the measured points and the fitted curve.
func writeCalibrationPlot(out, source string, fit *calibrate.Fit, pts []calibrate.Point) error {
	c := reports.Calibration{
		Title: fmt.Sprintf("%s: keepalive cost measured (%s) and fitted", fit.Radio.Name, filepath.Base(source)),
		Label: "fitted " + fit.Radio.Name,
		Fitted: func(s float64) float64 {
			return fit.CurrentMA(time.Duration(s * float64(time.Second)))
		},
	}
	for _, p := range pts {
		c.IntervalS = append(c.IntervalS, p.Interval.Seconds())
		c.MeasuredA = append(c.MeasuredA, p.ExtraMA)
	}
	format := "png"
	if strings.HasSuffix(strings.ToLower(out), ".svg") {
		format = "svg"
	}
	data, err := reports.CalibrationPlot(c, format)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(out, data); err != nil {
		return errors.New("calibrate: " + err.Error())
	}
	return nil
}
