// Package trace is one replication seen record by record: the Window of
// simulated time to show, the LaneStates every lane is in, the Filter that
// follows a run's lanes and tells which records fall in a window, and JSON,
// the sim.Tracer behind `pingtune trace` that writes them as JSON lines.
// Times are written with durfmt.Clock (h:mm:ss from the scenario's start).
package trace
