package atomicfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// carryOthers brings every entry of from that is not owned into to.
func carryOthers(from, to string, owned []string) error {
	mine := map[string]bool{}
	for _, n := range owned {
		if err := replaceable(from, n); err != nil {
			return err
		}
		mine[n] = true
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if mine[e.Name()] || staleTemp(e.Name(), owned) {
			continue
		}
		if err := carry(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return fmt.Errorf("keep %s: %w", filepath.Join(from, e.Name()), err)
		}
	}
	return nil
}

// staleTemp reports whether name is a temporary that Write (or an older
// all-files-then-rename install) left for one of owned.
func staleTemp(name string, owned []string) bool {
	for _, n := range owned {
		if strings.HasPrefix(name, "."+n+".tmp-") {
			return true
		}
	}
	return false
}

// carry recreates src at dst: a hard link for a file (a copy where links are
// refused), a directory with its entries carried, a link as a link.
func carry(src, dst string) error {
	fi, err := os.Lstat(src)
	if err != nil {
		return err
	}
	switch m := fi.Mode(); {
	case m.IsRegular():
		if os.Link(src, dst) == nil {
			return nil
		}
		return copyFile(src, dst, m.Perm())
	case m.IsDir():
		if err := os.Mkdir(dst, m.Perm()|0o700); err != nil {
			return err
		}
		entries, err := os.ReadDir(src)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := carry(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); err != nil {
				return err
			}
		}
		return os.Chmod(dst, m.Perm())
	case m&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	}
	return fmt.Errorf("%s is neither a file, a directory nor a link", src)
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeFile writes a new file and syncs it.
func writeFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(path, 0o644) // as Write does, whatever the umask
	}
	return err
}
