package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A directory is replaced whole: its new content is built in a fresh sibling
// named ".DIR.pingtune-new-*", the old directory is renamed aside to
// ".DIR.pingtune-old-*", the new one renamed in, and the old one removed.
// Readers see the old set or the new one, never a mix. PrepareDir clears
// what a killed earlier run left behind. Only one writer per directory at a
// time: a second one's PrepareDir would remove the first one's work.
const (
	newInfix = ".pingtune-new-"
	oldInfix = ".pingtune-old-"
)

// NamedData is one file of a directory's new content.
type NamedData struct {
	Name string // a plain name inside the directory, no separators
	Data []byte
}

// PrepareDir readies dir for ReplaceDir before any work is done, so that a
// bad output directory is reported at once. It finishes what a killed
// earlier ReplaceDir left: if the swap was cut between its two renames (dir
// gone, dir's aside copy there) it renames the aside copy back; it removes
// the stale siblings, and the hidden temporaries that older versions left
// inside dir for the files in owned. It fails if dir is not a directory, or
// if something that is not a file stands where a file of owned goes.
func PrepareDir(dir string, owned []string) error {
	real, err := resolve(dir)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(real), filepath.Base(real)
	olds, _ := filepath.Glob(filepath.Join(parent, "."+base+oldInfix+"*"))
	news, _ := filepath.Glob(filepath.Join(parent, "."+base+newInfix+"*"))
	if _, err := os.Lstat(real); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		if len(olds) > 1 {
			return fmt.Errorf("%s is missing and %d earlier copies of it are beside it (%s): restore the right one by hand",
				dir, len(olds), strings.Join(olds, ", "))
		}
		if err := os.Rename(olds[0], real); err != nil {
			return fmt.Errorf("restore %s from %s, which an interrupted run left: %w", dir, olds[0], err)
		}
		olds = nil
	}
	for _, stale := range append(olds, news...) {
		if err := os.RemoveAll(stale); err != nil {
			return fmt.Errorf("remove %s, which an interrupted run left: %w", stale, err)
		}
	}
	fi, err := os.Stat(real)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: not a directory", dir)
	}
	for _, name := range owned {
		if err := replaceable(real, name); err != nil {
			return err
		}
		tmps, _ := filepath.Glob(filepath.Join(real, "."+name+".tmp-*"))
		for _, t := range tmps {
			if err := os.Remove(t); err != nil {
				return fmt.Errorf("remove %s, which an interrupted run left: %w", t, err)
			}
		}
	}
	return nil
}

// ReplaceDir makes dir hold files, all at once: the files named in owned
// that dir held are gone (replaced by files, or removed if files has none
// of that name), every other entry of dir is kept. It builds the new
// directory beside dir, carries the other entries over (hard links where it
// can), calls ready, and only if ready returns nil swaps the new directory
// in. On any error dir is as it was, no temporary is left, and a dir that did
// not exist is not created. If dir is a symbolic link, its target is replaced.
func ReplaceDir(dir string, files []NamedData, owned []string, ready func() error) (err error) {
	real, err := resolve(dir)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(real), filepath.Base(real)
	old, err := os.Stat(real)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	case exists && !old.IsDir():
		return fmt.Errorf("%s: not a directory", dir)
	}
	var created []string // parents this call made, deepest last
	if !exists {
		if created, err = mkdirAll(parent); err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+base+newInfix)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
			for i := len(created) - 1; i >= 0; i-- {
				os.Remove(created[i])
			}
		}
	}()
	for _, f := range files {
		if err := writeFile(filepath.Join(tmp, f.Name), f.Data); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), err)
		}
	}
	mode := fs.FileMode(0o755)
	if exists {
		mode = old.Mode().Perm()
		if err := carryOthers(real, tmp, owned); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return err
	}
	if err := syncDir(tmp); err != nil {
		return err
	}
	if err := ready(); err != nil {
		return err
	}
	if !exists {
		if err := os.Rename(tmp, real); err != nil {
			return fmt.Errorf("install %s: %w", dir, err)
		}
		return syncDir(parent)
	}
	aside := filepath.Join(parent, "."+base+oldInfix+strings.TrimPrefix(filepath.Base(tmp), "."+base+newInfix))
	if err := os.Rename(real, aside); err != nil {
		return fmt.Errorf("move %s aside: %w", dir, err)
	}
	if err := os.Rename(tmp, real); err != nil {
		if rerr := os.Rename(aside, real); rerr != nil {
			return fmt.Errorf("install %s: %w; and restoring it from %s: %v", dir, err, aside, rerr)
		}
		return fmt.Errorf("install %s: %w", dir, err)
	}
	syncDir(parent)
	// The new content is in place: failing to remove the old copy is not
	// the run's failure, and the next PrepareDir removes it.
	os.RemoveAll(aside)
	return nil
}

// resolve is dir as an absolute path, with a symbolic link at its end
// followed. A directory that holds the working directory cannot be swapped
// (the shell that ran us would be left in the removed copy), nor can a root.
func resolve(dir string) (string, error) {
	real, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if fi, err := os.Lstat(real); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if real, err = filepath.EvalSymlinks(real); err != nil {
			return "", err
		}
		if real, err = filepath.Abs(real); err != nil {
			return "", err
		}
	}
	if filepath.Dir(real) == real {
		return "", fmt.Errorf("%s: cannot replace a root directory; name a directory inside it", dir)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(real, wd); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			return "", fmt.Errorf("%s holds the working directory, and its content is replaced as a whole; name a directory inside it", dir)
		}
	}
	return real, nil
}

// replaceable fails if dir/name exists and is neither a file nor a link:
// a directory there is someone's, not an output to overwrite.
func replaceable(dir, name string) error {
	fi, err := os.Lstat(filepath.Join(dir, name))
	if err != nil || fi.Mode().IsRegular() || fi.Mode()&fs.ModeSymlink != 0 {
		return nil
	}
	what := "not a file"
	if fi.IsDir() {
		what = "a directory"
	}
	return fmt.Errorf("%s is %s, where a file is to be written: move it away or write elsewhere", filepath.Join(dir, name), what)
}

// mkdirAll makes dir and any missing parents, and returns those it made,
// outermost first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	err := os.MkdirAll(dir, 0o755)
	if err != nil {
		for _, d := range missing { // deepest first
			os.Remove(d)
		}
		return nil, err
	}
	for i, j := 0, len(missing)-1; i < j; i, j = i+1, j-1 {
		missing[i], missing[j] = missing[j], missing[i]
	}
	return missing, nil
}

// syncDir flushes a directory's entries to disk, where the system allows it.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}
