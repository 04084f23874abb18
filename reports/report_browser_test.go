package reports

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is the system's Chromium: on PATH, or /usr/bin/chromium.
// No browser is downloaded. It fails the test when CI is set and there is
// none (.ci/run installs it), and skips it otherwise.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("CI is set and there is no chromium on PATH or at /usr/bin/chromium: .ci/run installs it (apt-get install chromium)")
	}
	t.Skip("no chromium on PATH or at /usr/bin/chromium (install it: apt-get install chromium); CI would fail here")
	return ""
}

// layoutProbe measures the page as laid out: whether it scrolls sideways,
// the table cells whose text runs over more than one line, and the
// table boxes that do not scroll on their own or stick out of the page.
const layoutProbe = `(() => {
  const doc = document.documentElement;
  const out = {pageWidth: doc.scrollWidth, viewWidth: doc.clientWidth, cells: 0, wrapped: [], boxes: 0, badBoxes: []};
  for (const td of document.querySelectorAll("td")) {
    const r = document.createRange();
    r.selectNodeContents(td);
    const rects = Array.from(r.getClientRects()).filter(q => q.width > 0 && q.height > 0);
    if (rects.length === 0) continue;
    out.cells++;
    const top = Math.min(...rects.map(q => q.top)), bottom = Math.max(...rects.map(q => q.bottom));
    const line = Math.max(...rects.map(q => q.height));
    if (bottom - top > 1.5 * line) out.wrapped.push(td.textContent);
  }
  for (const t of document.querySelectorAll("table")) {
    out.boxes++;
    const box = t.parentElement, st = getComputedStyle(box);
    const right = box.getBoundingClientRect().right;
    if (!(st.overflowX === "auto" || st.overflowX === "scroll") || right > doc.clientWidth + 0.5) {
      out.badBoxes.push(box.tagName + " overflow-x " + st.overflowX + ", right edge " + right);
    }
  }
  return out;
})()`

type layout struct {
	PageWidth, ViewWidth float64
	Cells, Boxes         int
	Wrapped, BadBoxes    []string
}

// TestReportReadsInABrowser opens report.html in headless Chromium at 800,
// 1280 and 1600 px wide: no table value wraps, the table scrolls inside its own
// box, and the page does not scroll sideways.
func TestReportReadsInABrowser(t *testing.T) {
	exe := chromiumPath(t)
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, fixtureFile(t, "report.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	for _, width := range []int64{800, 1280, 1600} {
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(width, 900),
			chromedp.Navigate("file://"+file),
			chromedp.WaitReady("body"),
		); err != nil {
			t.Fatalf("%d px: %v", width, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[layout](layoutProbe))
		if err != nil {
			t.Fatalf("%d px: %v", width, err)
		}
		where := fmt.Sprintf("%d px", width)
		if got.Cells < 20 || got.Boxes == 0 {
			t.Fatalf("%s: measured %d cells in %d tables: the probe did not see the report's table", where, got.Cells, got.Boxes)
		}
		if got.PageWidth > got.ViewWidth {
			t.Errorf("%s: the page scrolls sideways (%g px wide in a %g px view)", where, got.PageWidth, got.ViewWidth)
		}
		if len(got.Wrapped) > 0 {
			t.Errorf("%s: %d values wrap, e.g. %q", where, len(got.Wrapped), strings.Join(got.Wrapped[:min(3, len(got.Wrapped))], " | "))
		}
		for _, b := range got.BadBoxes {
			t.Errorf("%s: a table's box does not scroll inside the page: %s", where, b)
		}
	}
}
