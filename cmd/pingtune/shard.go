package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"pingtune/compare"
	"pingtune/internal/atomicfile"
	"pingtune/scenarios"
	"pingtune/stats"
)

// partFormat names the layout of a shard's part file.
const partFormat = "pingtune-part/1"

// partFile is the name a sharded sweep gives its part inside -out.
const partFile = "pingtune-part.json"

// shardSpec is -shard K/N: replications i with i mod N = K. N 0: unsharded.
type shardSpec struct{ K, N int }

// parseShard reads K/N with 0 ≤ K < N.
func parseShard(s string) (shardSpec, error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, errK := strconv.Atoi(ks)
	n, errN := strconv.Atoi(ns)
	if !ok || errK != nil || errN != nil || n < 1 || k < 0 || k >= n {
		return shardSpec{}, fmt.Errorf("-shard %q: want K/N with 0 <= K < N, e.g. 0/4", s)
	}
	return shardSpec{K: k, N: n}, nil
}

// reps is how many of reps replications the shard runs.
func (s shardSpec) reps(reps int) int {
	if s.N == 0 {
		return reps
	}
	return (reps - s.K + s.N - 1) / s.N
}

// part is what one shard of `run`, `sweep` or `compare` writes and `merge` reads: the
// command (verb, scenario argument and the flags that shape the work), a
// digest of the scenario as resolved with them, and one accumulator per
// interval holding the shard's replications.
type part struct {
	Format       string            `json:"format"`
	Verb         string            `json:"verb"`
	Scenario     string            `json:"scenario"`
	Flags        map[string]string `json:"flags"`
	Resolved     string            `json:"resolved_sha256"`
	Seed         uint64            `json:"seed"`
	Replications int               `json:"replications"`
	Shard        int               `json:"shard"`
	Shards       int               `json:"shards"`
	IntervalsNs  []time.Duration   `json:"intervals_ns"`
	States       []stats.AccState  `json:"states"`
	// A sharded compare's: every scenario argument, and for each its
	// summary and per-replication values (States and IntervalsNs stay empty).
	Scenarios []string        `json:"scenarios,omitempty"`
	Compare   []compare.State `json:"compare,omitempty"`
}

// workFlags are the flags that decide what a shard computes; merge applies
// them again to load the same scenario.
var workFlags = []string{"seed", "reps", "horizon", "interval"}

// givenFlags are c's work flags the user gave, as text.
func (c *common) givenFlags() map[string]string {
	m := map[string]string{}
	for _, n := range workFlags {
		if !c.set[n] {
			continue
		}
		switch n {
		case "seed":
			m[n] = strconv.FormatUint(c.seed, 10)
		case "reps":
			m[n] = strconv.Itoa(c.reps)
		case "horizon":
			m[n] = c.horizon
		case "interval":
			m[n] = c.interval
		}
	}
	return m
}

// fromFlags sets c as if the user had given flags.
func (c *common) fromFlags(flags map[string]string) error {
	c.set = map[string]bool{}
	for n, v := range flags {
		var err error
		switch n {
		case "seed":
			c.seed, err = strconv.ParseUint(v, 10, 64)
		case "reps":
			c.reps, err = strconv.Atoi(v)
		case "horizon":
			c.horizon = v
		case "interval":
			c.interval = v
		default:
			err = fmt.Errorf("unknown flag")
		}
		if err != nil {
			return fmt.Errorf("flag %s=%q: %v", n, v, err)
		}
		c.set[n] = true
	}
	return nil
}

// resolvedDigest identifies a scenario as resolved with its flags.
func resolvedDigest(sc *scenarios.Scenario) (string, error) {
	text, err := scenarios.Marshal(sc)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:]), nil
}

// newPart describes shard s of verb on scenario arg.
func newPart(verb, arg string, c *common, sc *scenarios.Scenario, s shardSpec, intervals []time.Duration, accs []*stats.Accumulator) (*part, error) {
	d, err := resolvedDigest(sc)
	if err != nil {
		return nil, err
	}
	p := &part{Format: partFormat, Verb: verb, Scenario: arg, Flags: c.givenFlags(), Resolved: d,
		Seed: sc.Config.Seed, Replications: sc.Config.Replications, Shard: s.K, Shards: s.N, IntervalsNs: intervals}
	for _, a := range accs {
		a.Pack()
		p.States = append(p.States, a.State)
	}
	return p, nil
}

// writePart writes p as JSON to path (stdout when empty), atomically.
func writePart(e *env, path string, p *part) error {
	return output(e, path, func(w io.Writer) error { return json.NewEncoder(w).Encode(p) })
}

// readPart reads a part file, or the part file inside a directory a sharded
// sweep wrote.
func readPart(path string) (*part, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, partFile)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p part
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: not a part file: %v", path, err)
	}
	if p.Format != partFormat {
		return nil, fmt.Errorf("%s: not a part file (format %q, want %q)", path, p.Format, partFormat)
	}
	return &p, nil
}

// writeSweepPart writes a sharded sweep's (or compare's) part into dir,
// creating it.
func writeSweepPart(dir string, p *part) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, partFile), func(w io.Writer) error { return json.NewEncoder(w).Encode(p) })
}
