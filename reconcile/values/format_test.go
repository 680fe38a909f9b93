package values

import (
	"math"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		v    float64
		dec  int
		want string
	}{
		{"zero", 0, 0, "0"},
		{"under a thousand", 999, 0, "999"},
		{"thousands", 1000, 0, "1,000"},
		{"millions rounded", 10234567.4, 0, "10,234,567"},
		{"negative", -1500, 0, "-1,500"},
		{"decimals trimmed", 12.600, 3, "12.6"},
		{"decimals kept", 1234.5678, 2, "1,234.57"},
		{"whole number with decimals allowed", 80, 3, "80"},
		{"negative zero after rounding", -0.0004, 3, "0"},
		{"infinity", math.Inf(1), 0, "+Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatNumber(tt.v, tt.dec); got != tt.want {
				t.Errorf("FormatNumber(%v, %d): got %q, want %q", tt.v, tt.dec, got, tt.want)
			}
		})
	}
}
