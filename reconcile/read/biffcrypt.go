package read

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"

	"tradecheck/reconcile"
)

// BIFF record types that decide whether a legacy .xls is encrypted.
const (
	biffFilePass = 0x002F // FILEPASS: the rest of the stream is encrypted (XOR, RC4 or CryptoAPI)
	biffEOF      = 0x000A // end of the workbook globals: FILEPASS would have come before
)

// biffEncrypted reports a FILEPASS record in the workbook globals of a
// legacy .xls Workbook stream. It stops at the globals' EOF, at a record
// that runs past the stream, or after a bounded number of records: an
// encrypted file puts FILEPASS right after its first BOF.
func biffEncrypted(r io.Reader) bool {
	br := bufio.NewReader(io.LimitReader(r, 1<<20))
	var hdr [4]byte
	for i := 0; i < 4096; i++ {
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			return false
		}
		typ, n := binary.LittleEndian.Uint16(hdr[0:]), binary.LittleEndian.Uint16(hdr[2:])
		switch typ {
		case biffFilePass:
			return true
		case biffEOF:
			return false
		}
		if _, err := br.Discard(int(n)); err != nil {
			return false
		}
	}
	return false
}

// encryptedXLS is the error for a password-protected legacy .xls. Such a
// file is read through LibreOffice's --convert-to, which has no way to
// take a password (only a UNO program can pass one), so the way out is a
// copy saved without the password; without this check LibreOffice fails
// with its start-up noise as the only reason given.
func encryptedXLS(path string) error {
	return &reconcile.Error{File: path,
		Err:  fmt.Errorf("%w: the workbook is encrypted with a password, and legacy .xls files are read through LibreOffice's converter, which cannot be given one", reconcile.ErrLegacyXLS),
		Hint: "open the file in Excel or LibreOffice with its password and save it as .xlsx (without the password, or with one: an .xlsx password can be given here), then load that copy"}
}
