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
// A binary built in a git clone (go build, go install ./cmd/pingtune) has
// a pseudo-version and the revision; go run, go test and -buildvcs=false
// leave them out, and the version is (devel). (So did a build inside a git
// worktree, here.)
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
		s += " (no VCS revision stamped: go run, go test or -buildvcs=false)"
	}
	return s + " " + info.GoVersion
}
