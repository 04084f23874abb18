// Package calibrate fits a radio profile to a phone's measured keepalive
// cost, for `pingtune calibrate`. ReadCSV reads the measurements (the
// average current above idle at each keepalive interval); ExtraPower models
// the measurement, following the simulator's radio rules; FitRadio moves a
// preset's stage powers and durations to match, with gonum/optimize.
package calibrate
