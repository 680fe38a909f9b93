// Package screen checks company names against sanctions lists the user
// downloaded: OpenSanctions targets.simple.csv, OFAC's legacy SDN CSVs
// (sdn.csv, alt.csv, add.csv and sdn_comments.csv, read together), the
// UK's OFSI consolidated list (ConList.csv) and the EU's consolidated
// financial sanctions file (CSV or XML). Each format is recognised by its
// content, never by its file name.
//
// Screening uses the company-name machinery of reconcile/names and
// reconcile/match (transliteration, legal forms, generic words, the
// scorer and its reasons), so a hit explains itself the way a merge does.
// A tax ID equal on both sides is decisive. Only entries that are
// organisations are screened: individuals, vessels and aircraft are kept
// in the List (and counted) but never matched against company names,
// because a consignee or shipper on a customs record is a firm.
//
// Typical use:
//
//	lists, err := screen.ReadFiles(paths) // one *List per list, OFAC parts joined
//	idx := screen.NewIndex(lists)
//	hits, err := idx.Screen(ctx, screen.MentionQueries(res.Names), screen.Options{Decisions: ds}, progress)
//	byEntity := screen.ByEntity(hits)
//
// Hits at or above Options.Threshold are StatusListed; hits in the grey
// zone [ReviewThreshold, Threshold) are StatusReview. A user's Decision
// (confirm or reject) is keyed by the name as written, its role and tax ID
// and the list entry (list and listed ID), so it survives re-clustering
// and a newer download of the same list.
package screen
