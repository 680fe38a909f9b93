package pipeline

import (
	"fmt"
	"strconv"
	"strings"
)

// Upper bounds of the windows' days before, as the CLI and the app
// accept them.
const (
	MaxBLDaysBefore     = 60
	MaxExportDaysBefore = 365
)

// ParseWindow reads "-10,+2" as 10 days before and 2 after. Both bounds
// are at least one day: a project stores 0 as "the default". maxBefore is
// 60 for the B/L window (MaxBLDaysBefore), 365 for the export window.
// The CLI's --bl-window and --export-window and the app's Rules panel
// read windows with it.
func ParseWindow(s string, maxBefore int) (before, after int, err error) {
	b, a, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), ",")
	if !ok {
		return 0, 0, fmt.Errorf("want -BEFORE,+AFTER in days, e.g. -10,+2")
	}
	nb, errB := strconv.Atoi(b)
	na, errA := strconv.Atoi(strings.TrimPrefix(a, "+"))
	switch {
	case errB != nil || errA != nil:
		return 0, 0, fmt.Errorf("want two whole numbers of days, e.g. -10,+2")
	case nb >= 0 || !strings.HasPrefix(b, "-"):
		return 0, 0, fmt.Errorf("the first number is the days before and is written negative (-1 to -%d)", maxBefore)
	case -nb > maxBefore:
		return 0, 0, fmt.Errorf("at most %d days before", maxBefore)
	case na < 1 || na > 30:
		return 0, 0, fmt.Errorf("the second number is the days after, +1 to +30")
	}
	return -nb, na, nil
}

// ParseBand reads a fraction (0.15) or a percentage (15%) and returns the
// percentage. A bare number above 1 is refused: 15 is 1,500 %, not 15 %.
func ParseBand(s string) (float64, error) {
	pct := strings.HasSuffix(s, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil {
		return 0, fmt.Errorf("want a fraction such as 0.15 (or 15%%)")
	}
	if !pct {
		if v > 1 {
			return 0, fmt.Errorf("a fraction from 0.01 to 1 (write 0.15 or 15%% for fifteen percent)")
		}
		v *= 100
	}
	if v < 1 || v > 100 {
		return 0, fmt.Errorf("from 0.01 to 1 (1%% to 100%%)")
	}
	return v, nil
}
