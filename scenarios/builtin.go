package scenarios

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// builtinFS holds the built-in scenarios, one NAME.yaml each.
//
//go:embed builtin/*.yaml
var builtinFS embed.FS

// Builtins returns the built-in scenario names, sorted.
func Builtins() []string {
	files, _ := fs.Glob(builtinFS, "builtin/*.yaml") // the pattern is valid
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(path.Base(f), ".yaml")
	}
	slices.Sort(names) // by name: fleet-chat-wifi before fleet-chat-wifi-adaptive
	return names
}

// BuiltinHint says which built-in name may have been meant ("did you mean
// ios6-voip-lte?"), or lists them all.
func BuiltinHint(name string) string { return hint(name, Builtins()) }

// BuiltinYAML returns the text of a built-in scenario.
func BuiltinYAML(name string) ([]byte, bool) {
	if !looksBuiltin(name) {
		return nil, false
	}
	data, err := builtinFS.ReadFile("builtin/" + name + ".yaml")
	return data, err == nil
}

// looksBuiltin reports whether nameOrPath could name a built-in rather than a
// file: no directory and no .yaml or .yml suffix.
func looksBuiltin(nameOrPath string) bool {
	return nameOrPath != "" && !strings.ContainsAny(nameOrPath, `/\`) && nameOrPath != "." && nameOrPath != ".." &&
		!strings.HasSuffix(nameOrPath, ".yaml") && !strings.HasSuffix(nameOrPath, ".yml")
}

// Load reads a built-in scenario by name (ios6-voip-lte) or a scenario file
// by path, and returns it decoded and validated as Parse does. A name with
// no slash and no .yaml suffix is looked up among the built-ins first.
func Load(nameOrPath string) (*Scenario, error) { return loadScenario(nameOrPath, true) }

// LoadForWork is Load without the estimate of the work (CheckWork): for a
// command that applies flags (-reps, -horizon, -interval, -shard, -workers)
// and then checks the work it will really run, so that a scenario too large
// as written can still run smaller. The fixed bounds still apply.
func LoadForWork(nameOrPath string) (*Scenario, error) { return loadScenario(nameOrPath, false) }

func loadScenario(nameOrPath string, work bool) (*Scenario, error) {
	if data, ok := BuiltinYAML(nameOrPath); ok {
		s, err := parse(nameOrPath+".yaml", data, work)
		if s != nil {
			s.Source = "builtin:" + nameOrPath
		}
		return s, err
	}
	data, err := readFile(nameOrPath)
	if err != nil {
		if looksBuiltin(nameOrPath) && errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%q is not a built-in scenario (%s) nor a file: %w",
				nameOrPath, BuiltinHint(nameOrPath), err)
		}
		return nil, err
	}
	return parse(nameOrPath, data, work)
}

// readFile reads a scenario file, refusing one over maxFileSize before
// reading it.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > maxFileSize {
		return nil, joinErrors([]*Error{tooBig(name, info.Size())})
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if len(data) > maxFileSize {
		return nil, joinErrors([]*Error{{File: name, Msg: fmt.Sprintf("file is over the %d-byte (1 MiB) limit for a scenario", maxFileSize)}})
	}
	return data, nil
}
