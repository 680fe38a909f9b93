package values

import "testing"

func TestGluedDigits(t *testing.T) {
	tests := []struct{ name, glued, invalid string }{
		{"7709999999 OOO TEKHKRIM", "7709999999", "7709999999"},
		{"7701234560 OOO TEKHKRIM", "7701234560", ""}, // valid INN: not invalid
		{"TEKHKRIM LLC, 7701234567", "7701234567", "7701234567"},
		{"ИНН 7701234567 ООО ТЕХКРИМ", "", ""}, // labelled: SplitTaxIDs' business
		{"OOO ZAVOD 2", "", ""},
		{"7701234567", "", ""},                           // a bare number is not glued to a name
		{"123456789 HOLDINGS", "123456789", ""},          // 9 digits: no INN length
		{"(500100732259) IP IVANOV", "500100732259", ""}, // a valid 12-digit INN
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GluedDigits(tt.name); got != tt.glued {
				t.Errorf("GluedDigits: got %q, want %q", got, tt.glued)
			}
			if got := InvalidGluedINN(tt.name); got != tt.invalid {
				t.Errorf("InvalidGluedINN: got %q, want %q", got, tt.invalid)
			}
		})
	}
}
