package names

// cyrForeignForms are foreign legal forms as Russian-language paperwork
// writes them in Cyrillic, by ear (a Turkish Ltd. Şti. as ЛТД ШТИ, an
// Emirati FZCO as ФЗКО), each word mapped to the Latin word the legal
// table knows. Transliterating them letter by letter gives LTD SHTI,
// FZKO, DMSS, which the table does not read, so the firm's core kept its
// legal form and never met the firm's own Latin name.
//
// Several are also Russian words or acronyms (КО, АШ, ИНК, КОРП), so
// foreignSuffix reads them only as the run of words that ends a name and
// follows a word of the name.
var cyrForeignForms = map[string]string{
	"лтд": "ltd", "лимитед": "limited", "лимитэд": "limited", "шти": "sti", "аш": "as",
	"ширкети": "sirketi", "анонім": "anonim", "аноним": "anonim",
	"фзе": "fze", "фзко": "fzco", "фзк": "fzc", "фз": "fz", "ллс": "llc", "ллк": "llc",
	"дмсс": "dmcc", "дмкк": "dmcc", "гмбх": "gmbh", "гмбш": "gmbh", "инк": "inc", "инкорпорейтед": "incorporated",
	"ко": "co", "корп": "corp", "корпорейшн": "corporation", "корпорэйшн": "corporation",
	"компани": "company", "кампани": "company", "пте": "pte", "пвт": "pvt", "пти": "pty", "плс": "plc",
	"сдн": "sdn", "бхд": "bhd", "аг": "ag", "бв": "bv", "срл": "srl", "спа": "spa",
}

// foreignSuffix rewrites, in place, the run of Cyrillic words that ends
// toks (lower case, not yet transliterated) when every word of it is a
// foreign legal form's word (cyrForeignForms) and a word that is not a
// legal form stands before it: АНАДОЛУ САВУНМА ТЕКСТИЛЬ ЛТД ШТИ becomes
// … ltd sti. ООО ИНК keeps ИНК (an acronym after a Russian form), and a
// name that is only such words is left alone.
func foreignSuffix(toks []string) {
	i := len(toks)
	for i > 0 {
		if _, ok := cyrForeignForms[toks[i-1]]; !ok {
			break
		}
		i--
	}
	if i == len(toks) || i == 0 {
		return
	}
	if before := toks[i-1]; isNumber(before) || isCyrLegalWord(before) {
		return
	}
	for j := i; j < len(toks); j++ {
		toks[j] = cyrForeignForms[toks[j]]
	}
}

// isCyrLegalWord reports whether a Cyrillic token is a one-word legal
// form by itself (ООО, АО, ТОО).
func isCyrLegalWord(t string) bool {
	if !HasCyrillic(t) {
		return false
	}
	l, _ := legal.matchAt([]string{legalKey(t)}, 0, 1)
	return l == 1
}
