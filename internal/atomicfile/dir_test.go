package atomicfile

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree is every entry under root: a file's content, a link's target, or
// "dir", each with its permissions.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		fi, err := os.Lstat(path)
		if err != nil {
			return err
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(path)
			out[rel] = "link " + target
		case fi.IsDir():
			out[rel] = "dir " + fi.Mode().Perm().String()
		default:
			b, _ := os.ReadFile(path)
			out[rel] = fi.Mode().Perm().String() + " " + string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeTree makes files (name → content; a name ending in / is a directory).
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(root, name)
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// siblings lists what is beside dir apart from dir itself.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			names = append(names, e.Name())
		}
	}
	return names
}

var owned = []string{"a.txt", "b.txt", "m.png"}

func ok() error { return nil }

// TestReplaceDirSwapsTheWholeSet: the owned files are the new ones (an
// owned file not in the new set is gone), everything else in the directory
// is kept as it was, and nothing is left beside it.
func TestReplaceDirSwapsTheWholeSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	writeTree(t, dir, map[string]string{"a.txt": "old a", "b.txt": "old b", "notes.txt": "mine",
		"sub/deep.txt": "deep", ".a.txt.tmp-123": "half"})
	if err := os.Symlink("notes.txt", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o750)
	err := ReplaceDir(dir, []NamedData{{"a.txt", []byte("new a")}, {"m.png", []byte("png")}}, owned, ok)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".": "dir -rwxr-x---", "a.txt": "-rw-r--r-- new a", "m.png": "-rw-r--r-- png",
		"notes.txt": "-rw-r--r-- mine", "sub": "dir -rwxr-xr-x", "sub/deep.txt": "-rw-r--r-- deep", "link": "link notes.txt"}
	if got := tree(t, dir); !maps.Equal(got, want) {
		t.Errorf("the directory holds\n%v\nwant\n%v", got, want)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left beside it: %v", s)
	}
}

// TestReplaceDirObstacleLeavesDirUntouched: a directory where an owned file
// goes fails the set, and the directory is byte-identical afterwards.
func TestReplaceDirObstacleLeavesDirUntouched(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	writeTree(t, dir, map[string]string{"a.txt": "old a", "m.png/inside": "x", "notes.txt": "mine"})
	before := tree(t, dir)
	err := ReplaceDir(dir, []NamedData{{"a.txt", []byte("new a")}, {"m.png", []byte("png")}}, owned, ok)
	if err == nil || !strings.Contains(err.Error(), "m.png is a directory") {
		t.Fatalf("error %v, want one naming the directory m.png", err)
	}
	if after := tree(t, dir); !maps.Equal(after, before) {
		t.Errorf("the directory changed:\n%v\nwas\n%v", after, before)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left beside it: %v", s)
	}
	if err := PrepareDir(dir, owned); err == nil {
		t.Error("PrepareDir does not see the obstacle")
	}
}

// TestReplaceDirNotReadyLeavesDirUntouched: when ready says no (an
// interrupt), nothing changes; a directory that did not exist, and the
// parents made for it, are not left behind empty.
func TestReplaceDirNotReadyLeavesDirUntouched(t *testing.T) {
	stop := errors.New("interrupted")
	notReady := func() error { return stop }
	dir := filepath.Join(t.TempDir(), "out")
	writeTree(t, dir, map[string]string{"a.txt": "old a", "notes.txt": "mine"})
	before := tree(t, dir)
	if err := ReplaceDir(dir, []NamedData{{"a.txt", []byte("new a")}}, owned, notReady); !errors.Is(err, stop) {
		t.Fatalf("error %v, want ready's", err)
	}
	if after := tree(t, dir); !maps.Equal(after, before) || len(siblings(t, dir)) != 0 {
		t.Errorf("the directory changed or temporaries are left: %v %v", after, siblings(t, dir))
	}

	root := t.TempDir()
	fresh := filepath.Join(root, "x", "y", "out")
	if err := ReplaceDir(fresh, []NamedData{{"a.txt", []byte("a")}}, owned, notReady); !errors.Is(err, stop) {
		t.Fatalf("error %v, want ready's", err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("a failed set left %v behind", entries)
	}
	if err := ReplaceDir(fresh, []NamedData{{"a.txt", []byte("a")}}, owned, ok); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, fresh); got["a.txt"] != "-rw-r--r-- a" || got["."] != "dir -rwxr-xr-x" {
		t.Errorf("a new directory holds %v", got)
	}
}

// TestPrepareDirRestoresACutSwap: a run killed between the swap's two
// renames left no directory, its aside copy and the new one; the next run
// puts the old directory back and removes the new one.
func TestPrepareDirRestoresACutSwap(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	writeTree(t, filepath.Join(root, ".out.pingtune-old-42"), map[string]string{"a.txt": "old a", "notes.txt": "mine"})
	writeTree(t, filepath.Join(root, ".out.pingtune-new-42"), map[string]string{"a.txt": "new a"})
	if err := PrepareDir(dir, owned); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".": "dir -rwxr-xr-x", "a.txt": "-rw-r--r-- old a", "notes.txt": "-rw-r--r-- mine"}
	if got := tree(t, dir); !maps.Equal(got, want) {
		t.Errorf("the directory holds %v, want %v", got, want)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left beside it: %v", s)
	}
}

// TestPrepareDirRemovesStaleTemporaries: what killed runs left (a half-built
// new directory, an old copy not yet removed, hidden temporaries inside the
// directory) is removed; the user's own hidden files are kept.
func TestPrepareDirRemovesStaleTemporaries(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	writeTree(t, dir, map[string]string{"a.txt": "a", ".a.txt.tmp-123": "half", ".b.txt.tmp-9": "", ".mine": "keep"})
	writeTree(t, filepath.Join(root, ".out.pingtune-new-1"), map[string]string{"a.txt": "half"})
	writeTree(t, filepath.Join(root, ".out.pingtune-old-2"), map[string]string{"a.txt": "older"})
	writeTree(t, filepath.Join(root, "other"), map[string]string{"x": "x"})
	if err := PrepareDir(dir, owned); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".": "dir -rwxr-xr-x", "a.txt": "-rw-r--r-- a", ".mine": "-rw-r--r-- keep"}
	if got := tree(t, dir); !maps.Equal(got, want) {
		t.Errorf("the directory holds %v, want %v", got, want)
	}
	if s := siblings(t, dir); !slices.Equal(s, []string{"other"}) {
		t.Errorf("beside it: %v, want only other", s)
	}
	if err := PrepareDir(filepath.Join(dir, "a.txt"), owned); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("a file as the directory: %v", err)
	}
}

func TestCheckPath(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		path, want string
	}{
		{filepath.Join(dir, "out.json"), ""},
		{dir, "is a directory"},
		{filepath.Join(dir, "missing", "out.json"), "cannot write"},
	} {
		err := CheckPath(c.path)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: %v, want %q", c.path, err, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("CheckPath left %v", entries)
	}
}

// TestReplaceDirRefusesTheWorkingDirectory: the directory the process (and
// the shell that started it) works in, or one above it, is not swapped away.
func TestReplaceDirRefusesTheWorkingDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	writeTree(t, filepath.Join(dir, "sub"), map[string]string{"a.txt": "a"})
	t.Chdir(filepath.Join(dir, "sub"))
	for _, d := range []string{".", "..", dir, "/"} {
		if err := PrepareDir(d, owned); err == nil {
			t.Errorf("PrepareDir(%q) accepted", d)
		}
		if err := ReplaceDir(d, []NamedData{{"a.txt", []byte("new")}}, owned, ok); err == nil {
			t.Errorf("ReplaceDir(%q) accepted", d)
		}
	}
	if b, _ := os.ReadFile("a.txt"); string(b) != "a" {
		t.Errorf("a.txt holds %q", b)
	}
	if err := ReplaceDir("new", []NamedData{{"a.txt", []byte("new")}}, owned, ok); err != nil {
		t.Errorf("a directory inside the working one: %v", err)
	}
}
