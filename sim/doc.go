// Package sim is pingtune's world model: one phone, its app, one TCP
// connection through a network path and a NAT, and one server, played on the
// virtual clock of package des. It knows nothing of YAML or reports:
// scenarios.Load builds its Config, and Run plays one replication of it into
// a Result.
//
// Where to start:
//   - config.go: Config, the resolved scenario, and what each field means.
//   - world.go: the World's state, Run and the event loop. After every event
//     the loop calls settle (app.go), which ends a finished background task
//     and suspends an idle app, so no rule has to remember to.
//   - states.go: the lanes (app, task, path, NAT, server, session, conn,
//     radio), their states and the legal transitions; an illegal one panics,
//     because it is a bug, never bad input.
//   - app.go (app states, wakeups, background tasks, the watchdog, the
//     keepalive handler), conn.go (pings, timeouts, connects, breaks and how
//     the client learns of them), packet.go (packets across the path, the NAT
//     and the server), server.go (sessions, idle timeout, restarts, pushes),
//     network.go (outages, handovers, the NAT), radio.go (the radio's power
//     state machine and energy).
//   - result.go: what a replication measures; invariants.go: the accounting
//     rules Options.Check verifies at the end of a run.
//   - trace.go: the Tracer hook, which costs nothing when no tracer is attached.
//
// Randomness comes from one PCG stream per source (rng.go), seeded from
// (seed, replication, stream), so replication k sees the same outages,
// restarts, pushes and user sessions at every heartbeat interval.
package sim
