package values

import "testing"

func TestAppendKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"lower-case", "RUSSIA", "russia"},
		{"dots dropped", "U.A.E.", "uae"},
		{"comma and apostrophe", "CHINA, PEOPLE'S REPUBLIC OF", "china peoples republic of"},
		{"Turkish dotted I", "TÜRKİYE", "turkiye"},
		{"ё", "Объединённые", "объединенные"},
		{"spaces collapsed", "  a \u00a0 b\t", "a b"},
		{"ampersand", "Bosnia & Herzegovina", "bosnia and herzegovina"},
		{"superscript", "м²", "м2"},
		{"brackets and underscore", "(GROSS_WEIGHT)", "gross weight"},
		{"typographic quotes dropped", "«Ромашка»", "ромашка"},
		{"empty", "", ""},
		{"punctuation only", "-/-", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendKey(nil, tt.in)); got != tt.want {
				t.Errorf("appendKey(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTrimSpace(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"\u00a0 12 \u202f": "12", "": "", "\u2009": "", "a b": "a b", "\ufeffx": "x",
	} {
		if got := trimSpace(in); got != want {
			t.Errorf("trimSpace(%q) = %q; want %q", in, got, want)
		}
	}
}
