package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"tradecheck/reconcile"
)

// Legacy binary workbooks (.xls BIFF5/8) and OpenDocument (.ods) are
// converted to .xlsx by LibreOffice, run headless, and the .xlsx is read
// as usual. No maintained pure-Go BIFF reader exists (extrame/xls is
// unmaintained, panics on damaged files and misreads dates), and a
// converter that Excel's own users trust gives the same cells Excel
// shows. The input is never touched: LibreOffice works on a copy in a
// temporary folder, with its own profile, and each file is converted
// once per run (the app and `reconcile` open a file more than once).

// SofficeEnv names the environment variable that gives the soffice
// binary; "none" behaves as if LibreOffice were not installed.
const SofficeEnv = "TRADECHECK_SOFFICE"

// convertTimeout bounds one conversion: a damaged file must not hang.
const convertTimeout = 3 * time.Minute

var conversions struct {
	sync.Mutex
	dir   string
	n     int
	cache map[string]string // path|size|mtime → converted .xlsx
}

// sofficePath finds LibreOffice, or "" when it is not installed.
func sofficePath() string {
	if p := os.Getenv(SofficeEnv); p != "" {
		if p == "none" {
			return ""
		}
		return p
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// convertToXLSX returns the path of an .xlsx copy of a legacy workbook,
// converting it on first use. what names the format for messages
// (".xls", ".ods"); sentinel is the error kind when conversion is not
// possible.
func convertToXLSX(path, what string, sentinel error) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	abs, _ := filepath.Abs(path)
	key := abs + "|" + strconv.FormatInt(fi.Size(), 10) + "|" + fi.ModTime().String()
	conversions.Lock()
	defer conversions.Unlock()
	if out, ok := conversions.cache[key]; ok {
		return out, nil
	}
	bin := sofficePath()
	if bin == "" {
		return "", &reconcile.Error{File: path, Err: sentinel,
			Hint: fmt.Sprintf("reading %s files needs LibreOffice, which is not installed: install it (apt install libreoffice-calc), or open the file in Excel or LibreOffice and save it as .xlsx", what)}
	}
	if conversions.dir == "" {
		d, err := os.MkdirTemp("", "tradecheck-convert-")
		if err != nil {
			return "", &reconcile.Error{File: path, Err: err, Hint: "the temporary folder is not writable; save the file as .xlsx instead"}
		}
		conversions.dir, conversions.cache = d, map[string]string{}
	}
	conversions.n++
	work := filepath.Join(conversions.dir, strconv.Itoa(conversions.n))
	if err := os.MkdirAll(work, 0o700); err != nil {
		return "", &reconcile.Error{File: path, Err: err, Hint: "the temporary folder is not writable; save the file as .xlsx instead"}
	}
	in := filepath.Join(work, "input"+strings.ToLower(filepath.Ext(path)))
	if filepath.Ext(path) == "" || !strings.EqualFold(filepath.Ext(path), what) {
		in = filepath.Join(work, "input"+what) // a renamed file: LibreOffice goes by content, but the name helps
	}
	if err := copyFile(path, in); err != nil {
		return "", &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), convertTimeout)
	defer cancel()
	profile := "file://" + filepath.ToSlash(filepath.Join(conversions.dir, "profile"))
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "--nolockcheck", "-env:UserInstallation="+profile,
		"--convert-to", "xlsx", "--outdir", work, in)
	cmd.Dir = work
	outText, runErr := cmd.CombinedOutput()
	out := filepath.Join(work, "input.xlsx")
	if _, err := os.Stat(out); err != nil {
		why := strings.TrimSpace(sofficeNoise(string(outText)))
		if runErr != nil {
			why = runErr.Error() + ": " + why
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			why = "LibreOffice did not finish within " + convertTimeout.String()
		}
		if why == "" {
			why = "it gave no reason"
		}
		return "", &reconcile.Error{File: path, Err: fmt.Errorf("%w: LibreOffice could not convert it (%s)", sentinel, firstLine(why)),
			Hint: "the file may be damaged; open it in Excel or LibreOffice and save it as .xlsx"}
	}
	os.Remove(in)
	conversions.cache[key] = out
	return out, nil
}

// RemoveConversions deletes the .xlsx copies made of legacy workbooks in
// this run; call it when the program ends.
func RemoveConversions() {
	conversions.Lock()
	defer conversions.Unlock()
	if conversions.dir != "" {
		os.RemoveAll(conversions.dir)
		conversions.dir, conversions.cache = "", nil
	}
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// sofficeNoise drops what LibreOffice prints on every start whatever the
// file ("Warning: failed to launch javaldx - java may not function
// correctly"), which a user would otherwise read as the cause.
func sofficeNoise(out string) string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "javaldx") || strings.Contains(l, "java may not function") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
