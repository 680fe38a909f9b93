package values

// countryAliasesIntl are country names in the other languages of the
// exports Tradecheck reads: Turkish, Ukrainian, Kazakh,
// Chinese (simplified and traditional) and Spanish/Portuguese names that
// countryAliases lacks. Like countryAliases, keys are written naturally
// (case, diacritics and spacing do not matter) and "Korea" alone, in any
// language, is left out because it names two countries.
var countryAliasesIntl = map[string]string{
	// Turkish (TÜİK, customs beyanname).
	"Rusya": "RU", "Rusya Federasyonu": "RU", "Çin": "CN", "Çin Halk Cumhuriyeti": "CN", "Almanya": "DE",
	"Fransa": "FR", "İtalya": "IT", "İspanya": "ES", "Portekiz": "PT", "Birleşik Krallık": "GB", "İngiltere": "GB",
	"Amerika Birleşik Devletleri": "US", "ABD": "US", "Hollanda": "NL", "Belçika": "BE", "İsviçre": "CH",
	"Avusturya": "AT", "Polonya": "PL", "Çekya": "CZ", "Çek Cumhuriyeti": "CZ", "Macaristan": "HU", "Romanya": "RO",
	"Bulgaristan": "BG", "Yunanistan": "GR", "Ukrayna": "UA", "Kazakistan": "KZ", "Özbekistan": "UZ",
	"Azerbaycan": "AZ", "Gürcistan": "GE", "İran": "IR", "Irak": "IQ", "Suriye": "SY", "Mısır": "EG",
	"Suudi Arabistan": "SA", "Birleşik Arap Emirlikleri": "AE", "BAE": "AE", "Hindistan": "IN", "Japonya": "JP",
	"Güney Kore": "KR", "Kuzey Kore": "KP", "Vietnam Sosyalist Cumhuriyeti": "VN", "Tayland": "TH", "Malezya": "MY",
	"Endonezya": "ID", "Brezilya": "BR", "Arjantin": "AR", "Meksika": "MX", "Kanada": "CA", "Türkmenistan": "TM",
	"Kırgızistan": "KG", "Tacikistan": "TJ", "Beyaz Rusya": "BY", "Belarus Cumhuriyeti": "BY", "Moldova Cumhuriyeti": "MD",
	"İsrail": "IL", "Güney Afrika": "ZA", "Tayvan": "TW", "Hong Kong Çin": "HK",
	// The neighbours and transit countries of the trade Tradecheck checks,
	// which a Turkish export register names in Turkish (ERMENİSTAN was
	// left unknown, so a TR→AM shipment counted as possibly to Russia).
	"Ermenistan": "AM", "Afganistan": "AF", "Moğolistan": "MN", "Pakistan İslam Cumhuriyeti": "PK",
	"Katar": "QA", "Kuveyt": "KW", "Umman": "OM", "Bahreyn": "BH", "Ürdün": "JO", "Lübnan": "LB",
	"Tunus": "TN", "Cezayir": "DZ", "Fas Krallığı": "MA", "Nijerya": "NG", "Etiyopya": "ET", "Bangladeş": "BD",
	"Kamboçya": "KH", "Filipinler": "PH", "Avustralya": "AU", "Yeni Zelanda": "NZ", "Şili": "CL",
	"Kolombiya": "CO", "Küba": "CU", "Hırvatistan": "HR", "Slovenya": "SI", "Slovakya": "SK",
	"Bosna-Hersek": "BA", "Bosna Hersek": "BA", "Arnavutluk": "AL", "Kuzey Makedonya": "MK", "Karadağ": "ME",
	"Sırbistan": "RS", "İrlanda": "IE", "Lüksemburg": "LU", "Litvanya": "LT", "Letonya": "LV",
	"Estonya": "EE", "Finlandiya": "FI", "İsveç": "SE", "Norveç": "NO", "Danimarka": "DK",
	"Gürcistan Cumhuriyeti": "GE", "Azerbaycan Cumhuriyeti": "AZ", "Kazakistan Cumhuriyeti": "KZ",
	"Kırgız Cumhuriyeti": "KG", "Özbekistan Cumhuriyeti": "UZ", "Rusya Fed.": "RU",
	// Ukrainian.
	"Туреччина": "TR", "Китайська Народна Республіка": "CN", "Німеччина": "DE", "Франція": "FR",
	"Італія": "IT", "Іспанія": "ES", "Велика Британія": "GB", "Сполучене Королівство": "GB",
	"Сполучені Штати Америки": "US", "Сполучені Штати": "US", "Польща": "PL", "Угорщина": "HU",
	"Румунія": "RO", "Болгарія": "BG", "Білорусь": "BY", "Казахстан Республіка": "KZ", "Молдова Республіка": "MD",
	"Нідерланди": "NL", "Бельгія": "BE", "Швейцарія": "CH", "Австрія": "AT", "Чехія": "CZ", "Словаччина": "SK",
	"Литва": "LT", "Латвія": "LV", "Естонія": "EE", "Японія": "JP", "Індія": "IN", "Корея, Республіка": "KR",
	"Республіка Корея": "KR", "Південна Корея": "KR", "В'єтнам": "VN", "Таїланд": "TH", "Малайзія": "MY",
	"Індонезія": "ID", "Бразилія": "BR", "Аргентина Республіка": "AR", "Єгипет": "EG", "Об'єднані Арабські Емірати": "AE",
	"Грузія": "GE", "Вірменія": "AM", "Азербайджан Республіка": "AZ", "Узбекистан Республіка": "UZ",
	"Російська Федерація": "RU", "Росія": "RU", "Україна": "UA",
	// Kazakh.
	"Ресей": "RU", "Ресей Федерациясы": "RU", "Қытай": "CN", "Қытай Халық Республикасы": "CN", "Түркия": "TR",
	"Германия Федеративтік Республикасы": "DE", "Өзбекстан": "UZ", "Қырғызстан": "KG", "Тәжікстан": "TJ",
	"Түрікменстан": "TM", "Беларусь Республикасы": "BY", "Қазақстан": "KZ", "Қазақстан Республикасы": "KZ",
	"Корея Республикасы": "KR", "Жапония": "JP", "Үндістан": "IN", "Америка Құрама Штаттары": "US", "АҚШ": "US",
	"Біріккен Араб Әмірліктері": "AE", "Әзірбайжан": "AZ",
	// Chinese, simplified.
	"中国": "CN", "中华人民共和国": "CN", "俄罗斯": "RU", "俄罗斯联邦": "RU", "美国": "US", "日本": "JP",
	"韩国": "KR", "大韩民国": "KR", "朝鲜": "KP", "德国": "DE", "法国": "FR", "英国": "GB", "意大利": "IT",
	"西班牙": "ES", "葡萄牙": "PT", "荷兰": "NL", "比利时": "BE", "瑞士": "CH", "奥地利": "AT", "波兰": "PL",
	"土耳其": "TR", "哈萨克斯坦": "KZ", "乌兹别克斯坦": "UZ", "乌克兰": "UA", "白俄罗斯": "BY", "印度": "IN",
	"越南": "VN", "泰国": "TH", "马来西亚": "MY", "新加坡": "SG", "印度尼西亚": "ID", "菲律宾": "PH",
	"澳大利亚": "AU", "新西兰": "NZ", "加拿大": "CA", "墨西哥": "MX", "巴西": "BR", "阿根廷": "AR", "智利": "CL",
	"秘鲁": "PE", "南非": "ZA", "埃及": "EG", "沙特阿拉伯": "SA", "阿联酋": "AE", "阿拉伯联合酋长国": "AE",
	"伊朗": "IR", "以色列": "IL", "香港": "HK", "中国香港": "HK", "澳门": "MO", "中国澳门": "MO", "台湾": "TW",
	"中国台湾": "TW", "蒙古": "MN", "吉尔吉斯斯坦": "KG", "塔吉克斯坦": "TJ", "土库曼斯坦": "TM",
	// Chinese, traditional.
	"中國": "CN", "中華人民共和國": "CN", "俄羅斯": "RU", "美國": "US", "韓國": "KR", "大韓民國": "KR",
	"德國": "DE", "法國": "FR", "英國": "GB", "義大利": "IT", "荷蘭": "NL", "比利時": "BE", "奧地利": "AT",
	"波蘭": "PL", "烏克蘭": "UA", "泰國": "TH", "馬來西亞": "MY", "印尼": "ID", "菲律賓": "PH",
	"澳洲": "AU", "紐西蘭": "NZ", "墨西哥合眾國": "MX", "沙烏地阿拉伯": "SA", "臺灣": "TW", "中華民國": "TW",
	"澳門": "MO", "越南社會主義共和國": "VN", "土耳其共和國": "TR", "哈薩克": "KZ",
	// Spanish and Portuguese names missing above.
	"Rusia, Federacion de": "RU", "Federação Russa": "RU", "Turquía": "TR", "Türkiye (Turquía)": "TR",
	"Turquia (Türkiye)": "TR", "Corea (Sur), República de": "KR", "Coreia, República da": "KR",
	"Japão (Nipón)": "JP", "Países Bajos (Holanda)": "NL", "Estados Unidos da América": "US",
	"Ucrânia": "UA", "Cazaquistão": "KZ", "Kazajistán": "KZ", "Índia": "IN", "Vietnã": "VN",
}
