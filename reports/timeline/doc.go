// Package timeline draws one replication over a window of time as a PNG or an SVG
// (`pingtune timeline`): a lane per state machine, marks for wakeups, pings,
// pushes, breaks and detections, and under them each break's story.
//
// Where to start: a Recorder (a sim.Tracer) keeps a window of a run and gives
// a Timeline; Write (or WritePNG) draws it in layers (draw.go: title, grid, lanes,
// horizon, marks, legend, story), each in its own file; DefaultWindow picks
// the window when none is asked for. It reads records through package trace.
package timeline
