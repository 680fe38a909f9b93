package match

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// entityID derives an Excel-safe ID from an anchor string: "E-" and six
// upper-case hex digits. The "E-" prefix keeps Excel from reading it as a
// number or a date (an all-digit or 1E5-like ID would be mangled). On a
// collision the caller asks again with attempt > 0, which hashes a salted
// anchor and lengthens the ID.
func entityID(anchor string, attempt int) string {
	h := sha256.Sum256([]byte(anchor + "\x00" + strconv.Itoa(attempt)))
	n := 3 + attempt/4 // bytes: 6 hex digits, longer after repeated collisions
	if n > 16 {
		n = 16
	}
	return "E-" + strings.ToUpper(hex.EncodeToString(h[:n]))
}
