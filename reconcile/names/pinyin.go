package names

import (
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// A Chinese firm's Latin name spells its place and brand in pinyin and
// translates the rest: 湛江国联水产开发股份有限公司 is ZHANJIANG GUOLIAN
// AQUATIC PRODUCTS CO., LTD. HanLead reads the start of a Han name up to
// its first common company word (translations.tsv) in pinyin, syllables
// written together ("zhanjiangguolian"), to compare with the first words
// of a Latin name written together (LatinLeads). Pinyin readings are
// ambiguous (one character, several readings) and short, so matching
// uses them for review only.

var pinyinArgs = pinyin.NewArgs() // plain syllables, no tones

// HanLead is the pinyin of n's leading Han characters that are not a
// common company word, "" when the name is not Han or fewer than two
// characters lead.
func HanLead(n *Name) string {
	if n.Script != ScriptHan {
		return ""
	}
	for i, w := range n.Tokens {
		if i < len(n.Legal) && n.Legal[i] || !isHanToken(w) {
			continue
		}
		lead := w
		for j := range w {
			if j > 0 && startsHanWord(w[j:]) {
				lead = w[:j]
				break
			}
		}
		if startsHanWord(w) || len([]rune(lead)) < 2 {
			return ""
		}
		sy := pinyin.LazyPinyin(lead, pinyinArgs)
		if len(sy) != len([]rune(lead)) {
			return "" // a character pinyin has no reading for
		}
		return strings.Join(sy, "")
	}
	return ""
}

// maxLatinLeads is how many words LatinLeads joins at most.
const maxLatinLeads = 6

func startsHanWord(s string) bool {
	for _, h := range concepts.han {
		if strings.HasPrefix(s, h.form) {
			return true
		}
	}
	return false
}

// LatinLeads are the first one to six core words of a Latin name
// written together, lower case, as pinyin readings are compared. Six, not
// three: a Chinese name read out whole in pinyin (SHENZHEN TIANYING
// WURENJI PEIJIAN YOUXIAN GONGSI) has as many words as the Han name has
// before its legal form when none of them is a common company word.
func LatinLeads(n *Name) []string {
	if n.Script != ScriptLatin {
		return nil
	}
	var out []string
	var b strings.Builder
	for i, w := range n.Tokens {
		if i < len(n.Legal) && n.Legal[i] {
			continue
		}
		if len(out) == maxLatinLeads || isNumber(w) {
			break
		}
		b.WriteString(w)
		out = append(out, b.String())
	}
	return out
}
