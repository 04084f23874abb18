package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
)

func cmdVersion(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("version", "", "Prints the module version, the VCS revision it was built from and the Go version.", e.stderr)
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("version takes no arguments (got %q)", rest[0])
	}
	info, ok := debug.ReadBuildInfo()
	out := &stickyWriter{w: e.stdout}
	fmt.Fprintln(out, versionText(info, ok))
	return out.Err()
}

// versionText says what was built: "pingtune v1.2.0 (abc123def456, 2026-11-28T01:00:00Z, modified) go1.26.8".
// A binary built from a checkout (go build, go install ./cmd/pingtune) has
// the module version (devel) and, unless built with -buildvcs=false, the
// revision; go run and go test have no revision.
func versionText(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "pingtune (no build information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var vcs []string
	var revision, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if revision != "" {
		if len(revision) > 12 {
			revision = revision[:12]
		}
		vcs = append(vcs, revision)
	}
	if when != "" {
		vcs = append(vcs, when)
	}
	if modified {
		vcs = append(vcs, "modified")
	}
	s := "pingtune " + version
	if len(vcs) > 0 {
		s += " (" + strings.Join(vcs, ", ") + ")"
	} else {
		s += " (no VCS revision: built by go run, go test or with -buildvcs=false)"
	}
	return s + " " + info.GoVersion
}
