package match

import "testing"

func TestReviewThresholdFor(t *testing.T) {
	for _, tt := range []struct {
		name       string
		auto, want float64
	}{
		{"default auto keeps default review", DefaultAutoThreshold, DefaultReviewThreshold},
		{"higher auto keeps default review", 0.97, DefaultReviewThreshold},
		{"auto below default review pulls it down", 0.6, 0.6},
		{"auto equal to default review", DefaultReviewThreshold, DefaultReviewThreshold},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ReviewThresholdFor(tt.auto)
			if got != tt.want {
				t.Errorf("ReviewThresholdFor(%g) = %g, want %g", tt.auto, got, tt.want)
			}
			// The options must be valid for Cluster: 0 < review <= auto.
			if got <= 0 || got > tt.auto {
				t.Errorf("ReviewThresholdFor(%g) = %g, outside (0, auto]", tt.auto, got)
			}
		})
	}
}
