package values

import "testing"

func TestDeclarationDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" when no date is read
	}{
		{"10702070/150922/0001234", "2022-09-15"},
		{"10702070-150922-0001234", "2022-09-15"},
		{"10702070 / 010122 / 0000007", "2022-01-01"},
		{"55202/311222/0012345", "2022-12-31"}, // a 5-digit post (Kazakhstan)
		{"10702070/310422/0001234", ""},        // 31 April
		{"10702070/151322/0001234", ""},        // month 13
		{"10702070/000922/0001234", ""},        // day 0
		{"10702070/15092/0001234", ""},         // five digits
		{"10702070/150922", ""},                // two parts
		{"MAEU123456789", ""},
		{"22341300EX000123", ""}, // a Turkish beyanname
		{"10702070/15O922/0001234", ""},
		{"", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			d, ok := DeclarationDate(tc.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tc.want {
				t.Errorf("DeclarationDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDateOrderByDeclaration(t *testing.T) {
	for _, tc := range []struct {
		name         string
		dates, decls []string
		want         DateOrder
		votes        int
	}{
		{"day first", []string{"04/05/2022", "10/03/2022"}, []string{"10702630/040522/0001798", "10702630/100322/0002406"}, OrderDMY, 2},
		{"month first", []string{"04/05/2022", "10/03/2022"}, []string{"10702630/050422/0001798", "10702630/031022/0002406"}, OrderMDY, 2},
		{"a day off still votes", []string{"04/05/2022"}, []string{"10702630/060422/0001798"}, OrderMDY, 1},
		{"disagreeing votes settle nothing", []string{"04/05/2022", "10/03/2022"}, []string{"10702630/050422/0001798", "10702630/100322/0002406"}, OrderUnknown, 0},
		{"far from both readings", []string{"04/05/2022"}, []string{"10702630/200822/0001798"}, OrderUnknown, 0},
		{"same either way", []string{"05/05/2022"}, []string{"10702630/050522/0001798"}, OrderUnknown, 0},
		{"no dated numbers", []string{"04/05/2022"}, []string{"22341300EX000123"}, OrderUnknown, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, votes := DateOrderByDeclaration(tc.dates, tc.decls)
			if got != tc.want || votes != tc.votes {
				t.Errorf("got %v (%d votes), want %v (%d)", got, votes, tc.want, tc.votes)
			}
		})
	}
}

func FuzzDeclarationDate(f *testing.F) {
	for _, s := range []string{"10702070/150922/0001234", "55202/311222/0012345", "10702070/310422/0001234", "MAEU123456789", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := DeclarationDate(s); ok && (d.Time.Year() < 2000 || d.Time.Year() > 2099) {
			t.Errorf("%q gave %v", s, d)
		}
	})
}

func TestDeclarationCountry(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in, want string // want "" = names no country
	}{
		{"10702070/140122/0001234", "RU"},
		{"10013160-150922-0001234", "RU"},
		{"06611/150922/0012345", "BY"},
		{"55301/150922/0012345", "KZ"},
		{"UA100100/2022/010230", "UA"},
		{"ua209000-2022-000017", "UA"},
		{"41713/150922/0012345", ""},    // another EAEU member's post: not guessed
		{"10702070/311322/0001234", ""}, // no such date: not a declaration number
		{"22341300EX00012345", ""},      // a beyanname
		{"UA10/2022/1", ""},
		{"", ""},
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := DeclarationCountry(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("DeclarationCountry(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}
