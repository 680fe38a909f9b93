package screen

import (
	"io"
	"os"
)

// IsListFile reports whether the file at path is a sanctions list in one
// of the formats Detect knows (an OFAC alt.csv or add.csv too), judged by
// its content alone. The app uses it to take a list opened or dropped
// with the shipment files as a list, not as shipments. It reads at most
// the first 64 KiB and is false for files it cannot read.
func IsListFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF || n == 0 {
		return false
	}
	_, err = Detect(head[:n])
	return err == nil
}
