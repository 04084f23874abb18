package reports

import (
	"encoding/json"

	"pingtune/sweep"
)

// Sweep is what the sweep outputs are made from: the analysed sweep and the
// scenario it ran, as the user wrote it and fully resolved.
type Sweep struct {
	Result      *sweep.Result
	Description string // the scenario's description
	Source      string // where the scenario came from: a file path, or "built-in"
	// Resolved is the fully resolved scenario as YAML (every preset value
	// explicit): the assumptions the numbers rest on; ResolvedJSON is the
	// same for results.json (scenarios.Marshal and MarshalJSON).
	Resolved     []byte
	ResolvedJSON json.RawMessage
	// Command reproduces the sweep: pingtune sweep NAME -seed … (no -out).
	Command string
}
