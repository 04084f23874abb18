package main

import (
	"fmt"
	"io"
)

// stickyWriter passes writes on and keeps the first error, so that a verb
// that prints line by line can report once, at the end, a stdout that failed
// (a full disk, a closed pipe) instead of exiting 0.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

// Err is the first write error, said as a failure to write stdout.
func (s *stickyWriter) Err() error {
	if s.err == nil {
		return nil
	}
	return fmt.Errorf("write stdout: %w", s.err)
}
