package read

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

// biffStream lays out BIFF records (type, body) as a Workbook stream.
func biffStream(recs ...[2]any) []byte {
	var b bytes.Buffer
	for _, r := range recs {
		body := r[1].([]byte)
		binary.Write(&b, binary.LittleEndian, uint16(r[0].(int)))
		binary.Write(&b, binary.LittleEndian, uint16(len(body)))
		b.Write(body)
	}
	return b.Bytes()
}

func TestBIFFEncrypted(t *testing.T) {
	t.Parallel()
	bof := [2]any{0x0809, make([]byte, 16)}
	cases := []struct {
		name string
		data []byte
		want bool
	}{
		{"RC4 FILEPASS after BOF", biffStream(bof, [2]any{biffFilePass, make([]byte, 54)}), true},
		{"FILEPASS after other records", biffStream(bof, [2]any{0x00E1, []byte{0, 0}}, [2]any{0x005C, make([]byte, 112)}, [2]any{biffFilePass, make([]byte, 6)}), true},
		{"plain workbook", biffStream(bof, [2]any{0x005C, make([]byte, 112)}, [2]any{biffEOF, []byte{}}, [2]any{biffFilePass, []byte{}}), false},
		{"record past the end", append(biffStream(bof), 0x2F, 0x00, 0xFF), false},
		{"empty", nil, false},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := biffEncrypted(bytes.NewReader(tt.data)); got != tt.want {
				t.Errorf("biffEncrypted = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEncryptedXLSMessage(t *testing.T) {
	t.Parallel()
	err := encryptedXLS("/data/book.xls")
	msg := err.Error()
	for _, w := range []string{"encrypted with a password", "save it as .xlsx", "book.xls"} {
		if !strings.Contains(msg, w) {
			t.Errorf("%q does not say %q", msg, w)
		}
	}
}

func TestSofficeNoise(t *testing.T) {
	t.Parallel()
	out := "Warning: failed to launch javaldx - java may not function correctly\nError: source file could not be loaded\n"
	if got := firstLine(strings.TrimSpace(sofficeNoise(out))); got != "Error: source file could not be loaded" {
		t.Errorf("cause = %q, want LibreOffice's own error without the javaldx warning", got)
	}
	if got := strings.TrimSpace(sofficeNoise("Warning: failed to launch javaldx - java may not function correctly\n")); got != "" {
		t.Errorf("noise only: %q, want nothing", got)
	}
}
