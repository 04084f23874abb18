package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"pingtune/scenarios"
)

// sameScenario fails unless a and b are the same scenario, Source aside.
func sameScenario(t *testing.T, what string, a, b *scenarios.Scenario) {
	t.Helper()
	if !reflect.DeepEqual(a.Config, b.Config) || !reflect.DeepEqual(a.Sweep, b.Sweep) || a.Description != b.Description {
		t.Errorf("%s: not the same scenario:\n%+v\n%+v", what, a, b)
	}
}

// `pingtune scenarios NAME` prints a file that parses back to the built-in,
// validates and runs as is.
func TestScenariosNamePrintsATemplate(t *testing.T) {
	dir := t.TempDir()
	for _, name := range scenarios.Builtins() {
		code, out, errs := pingtune(t, "scenarios", name)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		if !strings.HasPrefix(out, "# yaml-language-server: $schema="+scenarios.SchemaFile+"\n") {
			t.Errorf("%s: no schema line first:\n%s", name, out)
		}
		if n := strings.Count(out, "\n#") + strings.Count(out, "  # "); n < 15 {
			t.Errorf("%s: only %d comments: want the built-in's commented file", name, n)
		}
		file := filepath.Join(dir, name+"-copy.yaml")
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		copied, err := scenarios.Load(file)
		if err != nil {
			t.Fatalf("%s: the template does not parse: %v", name, err)
		}
		builtin, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		sameScenario(t, name, copied, builtin)
		if code, _, errs := pingtune(t, "validate", file); code != exitOK {
			t.Errorf("%s: validate: exit %d: %s", name, code, errs)
		}
		if code, _, errs := pingtune(t, "run", file, "-reps", "2", "-horizon", "6h"); code != exitOK {
			t.Errorf("%s: run: exit %d: %s", name, code, errs)
		}
	}
	code, _, errs := pingtune(t, "scenarios", "ios6-voip")
	if want := "pingtune: scenarios: \"ios6-voip\" is not a built-in scenario (did you mean ios6-voip-lte?)\n"; code != exitUsage || errs != want {
		t.Errorf("unknown name: exit %d, %q; want %d, %q", code, errs, exitUsage, want)
	}
}

// `validate -resolved` prints each scenario fully resolved; each document
// parses back to the scenario.
func TestValidateResolved(t *testing.T) {
	names := scenarios.Builtins()
	code, out, errs := pingtune(t, append([]string{"validate", "-resolved"}, names...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	docs := strings.Split(out, "\n---\n")
	if len(docs) != len(names) {
		t.Fatalf("%d documents for %d scenarios", len(docs), len(names))
	}
	for i, name := range names {
		back, err := scenarios.Parse(name+".yaml", []byte(docs[i]))
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, docs[i])
		}
		want, _ := scenarios.Load(name)
		sameScenario(t, name, back, want)
		for _, field := range []string{"max_events:", "foreground_interval:", "relaunch_after_kill:", "paging_cycle:"} {
			if !strings.Contains(docs[i], field) {
				t.Errorf("%s: the resolved scenario does not write %s", name, field)
			}
		}
	}
}

func TestSchemaVerb(t *testing.T) {
	code, out, errs := pingtune(t, "schema")
	if code != exitOK || out != string(scenarios.Schema()) {
		t.Fatalf("exit %d, %s; not scenarios.Schema()", code, errs)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema is %v", s["$schema"])
	}
	if code, _, _ := pingtune(t, "schema", "extra"); code != exitUsage {
		t.Errorf("schema extra: exit %d", code)
	}
}

func TestVersion(t *testing.T) {
	code, out, errs := pingtune(t, "version")
	if code != exitOK || !strings.HasPrefix(out, "pingtune ") || !strings.HasSuffix(out, "\n") {
		t.Fatalf("exit %d: %q %s", code, out, errs)
	}
	// A test binary has no VCS stamp; go build from a checkout does.
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "pingtune", Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123456789abcdef0123"},
			{Key: "vcs.time", Value: "2026-11-28T01:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	for _, c := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{info, true, "pingtune (devel) (0123456789ab, 2026-11-28T01:00:00Z, modified) go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, true,
			"pingtune v1.2.0 (no VCS revision stamped: go run, go test or -buildvcs=false) go1.26.8"},
		{nil, false, "pingtune (no build information)"},
	} {
		if got := versionText(c.info, c.ok); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// A file that cannot be read is said with the pingtune: prefix, like every
// other error that is not a scenario's own file:line:column one.
func TestValidateMissingFile(t *testing.T) {
	code, out, errs := pingtune(t, "validate", "nosuch.yaml")
	want := "pingtune: open nosuch.yaml: no such file or directory\npingtune: 1 scenario invalid\n"
	if code != exitUsage || out != "" || errs != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q", code, out, errs, exitUsage, want)
	}
}

// Every verb's -h: a "flags:" heading only above flags, and -interval
// described as the verb takes it.
func TestHelp(t *testing.T) {
	for _, v := range verbs() {
		code, out, errs := pingtune(t, v.name, "-h")
		if code != exitOK || out != "" {
			t.Errorf("%s -h: exit %d, stdout %q", v.name, code, out)
		}
		if before, after, ok := strings.Cut(errs, "flags:\n"); ok {
			if !strings.HasPrefix(after, "  -") || !strings.Contains(before, "[flags]") {
				t.Errorf("%s -h: a flags: heading with no flags under it:\n%s", v.name, errs)
			}
		} else if strings.Contains(errs, "[flags]") {
			t.Errorf("%s -h: [flags] in the usage but no flags:\n%s", v.name, errs)
		}
		_, help, hasInterval := strings.Cut(errs, "  -interval string\n")
		help, _, _ = strings.Cut(help, "\n  -")
		switch {
		case !hasInterval:
		case v.name == "sweep":
			if !strings.Contains(help, "5m:30m:1m") || !strings.Contains(help, "5m,10m,20m") {
				t.Errorf("sweep -interval: %q", help)
			}
		case strings.Contains(help, "5m,") || strings.Contains(help, ":30m") || strings.Contains(help, "sweep"):
			t.Errorf("%s -interval describes the sweep's syntax: %q", v.name, help)
		}
	}
	for _, c := range []struct {
		verb  string
		flags bool
	}{{"validate", true}, {"scenarios", false}, {"schema", false}, {"version", false}} {
		_, _, errs := pingtune(t, c.verb, "-h")
		if got := strings.Contains(errs, "flags:"); got != c.flags {
			t.Errorf("%s -h: flags section %v, want %v:\n%s", c.verb, got, c.flags, errs)
		}
	}
}

// run's text has no trailing white space on any line.
func TestRunHasNoTrailingSpaces(t *testing.T) {
	code, out, errs := pingtune(t, "run", "ios6-voip-wifi-nat", "-reps", "4", "-horizon", "1d", "-interval", "25m")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(out, "\n")
	if len(lines) < 20 {
		t.Fatalf("only %d lines", len(lines))
	}
	for i, l := range lines {
		if strings.TrimRight(l, " \t") != l {
			t.Errorf("line %d ends in white space: %q", i+1, l)
		}
	}
}
