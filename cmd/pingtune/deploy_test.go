package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// verbFlags lists the flags a verb's usage text names.
func verbFlags(t *testing.T, verb string) map[string]bool {
	t.Helper()
	_, _, usage := cli(context.Background(), verb, "-h")
	flags := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+-([a-z0-9]+)`).FindAllStringSubmatch(usage, -1) {
		flags[m[1]] = true
	}
	if len(flags) == 0 {
		t.Fatalf("no flags in the usage of %s:\n%s", verb, usage)
	}
	return flags
}

// pingtuneCommands finds each `pingtune VERB ...` in a shell command line
// and checks that the verb exists and takes every flag given; it returns the
// -shard values.
func pingtuneCommands(t *testing.T, where, line string) (shards []string) {
	t.Helper()
	words := strings.Fields(line)
	for i := 0; i < len(words); i++ {
		if words[i] != "pingtune" || i+1 >= len(words) {
			continue
		}
		verb := words[i+1]
		flags := verbFlags(t, verb)
		for j := i + 2; j < len(words) && words[j] != "|" && words[j] != "&&"; j++ {
			w := words[j]
			if !strings.HasPrefix(w, "-") || w == "-" {
				continue
			}
			name, _, _ := strings.Cut(strings.TrimLeft(w, "-"), "=")
			if !flags[name] {
				t.Errorf("%s: pingtune %s has no flag -%s", where, verb, name)
			}
			if name == "shard" && j+1 < len(words) {
				shards = append(shards, strings.Trim(words[j+1], `"'`))
			}
		}
	}
	return shards
}

// The Kubernetes manifests parse, the sweep is an Indexed Job whose shard
// comes from JOB_COMPLETION_INDEX with as many shards as completions, and
// every pingtune command they run names flags that exist.
func TestDeployManifests(t *testing.T) {
	files, err := filepath.Glob("../../deploy/k8s/*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatalf("manifests: %v %v", files, err)
	}
	indexed := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for {
			var doc struct {
				Kind string `yaml:"kind"`
				Spec struct {
					CompletionMode string `yaml:"completionMode"`
					Completions    int    `yaml:"completions"`
					Template       struct {
						Spec struct {
							Containers []struct {
								Command []string `yaml:"command"`
								Args    []string `yaml:"args"`
							} `yaml:"containers"`
						} `yaml:"spec"`
					} `yaml:"template"`
				} `yaml:"spec"`
			}
			err := dec.Decode(&doc)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if doc.Kind != "Job" {
				continue
			}
			for _, c := range doc.Spec.Template.Spec.Containers {
				line := strings.Join(append(c.Command, c.Args...), " ")
				if !strings.Contains(line, "pingtune ") {
					t.Errorf("%s: a container that does not run pingtune", f)
				}
				for _, s := range pingtuneCommands(t, f, line) {
					indexed++
					if doc.Spec.CompletionMode != "Indexed" {
						t.Errorf("%s: a sharded Job with completionMode %q", f, doc.Spec.CompletionMode)
					}
					k, n, _ := strings.Cut(s, "/")
					if k != "$JOB_COMPLETION_INDEX" || n != strconv.Itoa(doc.Spec.Completions) {
						t.Errorf("%s: -shard %s, want $JOB_COMPLETION_INDEX/%d", f, s, doc.Spec.Completions)
					}
				}
			}
		}
	}
	if indexed == 0 {
		t.Error("no Job runs a shard")
	}
}

// The GNU parallel script runs shards and merges them with flags that exist.
func TestDeployParallelScript(t *testing.T) {
	data, err := os.ReadFile("../../deploy/parallel.sh")
	if err != nil {
		t.Fatal(err)
	}
	script := strings.ReplaceAll(string(data), "\\\n", " ")
	var shards []string
	merges := 0
	for _, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		shards = append(shards, pingtuneCommands(t, "parallel.sh", line)...)
		if strings.Contains(line, "pingtune merge") {
			merges++
		}
	}
	if len(shards) != 1 || merges != 1 {
		t.Errorf("parallel.sh: shards %v, %d merges; want one sharded command and one merge", shards, merges)
	}
}
