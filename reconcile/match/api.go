// Package match clusters company names as written into entities: candidate
// generation by blocking, scoring with reasons, precision-first clustering
// without chaining, user decisions applied first, and fuzzy search.
package match

import (
	"time"
)

// API CONTRACT used by merge, pipeline, workbook and ui. The match owner
// may add fields and functions but must not remove or rename these.

// Role is the part a name plays in a shipment.
type Role string

// Roles.
const (
	Consignee Role = "consignee"
	Shipper   Role = "shipper"
)

// Mention is one distinct name as written, in one role, with the tax ID the
// source gave for it (split off the name or from an ID column).
type Mention struct {
	Name  string
	Role  Role
	TaxID string
	Count int // records that use it, for canonical-name choice and display
}

// Key identifies a mention across runs: name as written, role and tax ID.
func (m Mention) Key() string { return string(m.Role) + "\x1f" + m.TaxID + "\x1f" + m.Name }

// Entity is a cluster of mentions believed to be one firm.
type Entity struct {
	ID        string // content-derived, Excel-safe: "E-3F9A2C"
	Canonical string
	Members   []int    // indexes into Result.Mentions; Members[0] is the core
	Reasons   []string // per member, why it joined (Reasons[0] = "core", or "core; " and why a name alone cannot be matched by name)
	Scores    []float64
}

// Pair is a scored pair of mentions, used for the review queue.
type Pair struct {
	A, B    int // indexes into Result.Mentions
	Score   float64
	Reasons []string
}

// Result of clustering.
type Result struct {
	Mentions []Mention
	Entities []Entity
	EntityOf []int // mention index -> entity index
	Review   []Pair

	// Unapplied lists decisions that named no mention of this run, so the
	// caller can tell the user instead of silently dropping them.
	Unapplied []Decision
}

// Options of clustering.
type Options struct {
	AutoThreshold   float64 // merge automatically at or above
	ReviewThreshold float64 // pairs in [Review, Auto) go to Review
	// Zero thresholds take DefaultAutoThreshold and DefaultReviewThreshold.
}

// ReviewThresholdFor is the review threshold that goes with an auto-merge
// threshold the user chose: the default, unless auto is lower still. The
// grey zone sits below the auto-merge threshold, so a lower auto threshold
// must not leave the review threshold above it (an empty or inverted
// zone). The app's slider and the CLI's --threshold both use it.
func ReviewThresholdFor(auto float64) float64 { return min(DefaultReviewThreshold, auto) }

// Decision op codes.
const (
	OpConfirm = "confirm"  // Name/Role and Other/OtherRole are the same firm
	OpNotSame = "not_same" // they are different firms
	OpSplit   = "split"    // Name/Role leaves its entity and stands alone
	OpMerge   = "merge"    // the entity holding Name/Role joins the one holding Other/OtherRole
	OpRename  = "rename"   // the entity holding Name/Role is called Target
	OpAssign  = "assign"   // Name/Role moves to the entity with ID Target (workbook edits)
)

// Decision is one user decision: plain serialisable data, an audit log entry.
type Decision struct {
	Op        string    `json:"op"`
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	TaxID     string    `json:"tax_id,omitempty"`
	Other     string    `json:"other,omitempty"`
	OtherRole Role      `json:"other_role,omitempty"`
	Target    string    `json:"target,omitempty"`
	Time      time.Time `json:"time"`
	Note      string    `json:"note,omitempty"`
}
