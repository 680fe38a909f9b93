package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// encodingCases are header and data lines of exports in each language,
// encoded with x/text's encoders: real bytes, as the portals write them.
var encodingCases = []struct {
	name string
	enc  encoding.Encoding
	want string
	text string
}{
	{"turkish 1254", charmap.Windows1254, "windows-1254",
		"İthalatçı;Gönderici Firma;GTİP;Brüt Ağırlık (kg);Tescil Tarihi\nAKDENİZ GIDA SANAYİ A.Ş.;Özbekistan Pamuk;5201000000;1200,5;03.10.2022\nKARADENİZ TEKSTİL LTD. ŞTİ.;Ürgüç İhracat;6109100010;850;04.10.2022\n"},
	{"russian 1251", charmap.Windows1251, "windows-1251",
		"Получатель;Отправитель;Код ТН ВЭД;Вес нетто, кг\nООО \"Ромашка\";АО Северсталь;7208510009;1500\nООО Лютик;ПАО Звезда;8517620009;20\n"},
	{"russian cp866", charmap.CodePage866, "cp866",
		"Получатель;Отправитель;Код ТН ВЭД;Вес нетто, кг\nООО \"Ромашка\";АО Северсталь;7208510009;1500\nООО Лютик;ПАО Звезда;8517620009;20\n"},
	{"russian koi8-r", charmap.KOI8R, "koi8-r",
		"Получатель;Отправитель;Код ТН ВЭД;Вес нетто, кг\nООО \"Ромашка\";АО Северсталь;7208510009;1500\nООО Лютик;ПАО Звезда;8517620009;20\n"},
	{"russian koi8-r capitals", charmap.KOI8R, "koi8-r",
		"ПОЛУЧАТЕЛЬ;ОТПРАВИТЕЛЬ;СТРАНА ПРОИСХОЖДЕНИЯ;ВЕС НЕТТО\nООО РОМАШКА;АО СЕВЕРСТАЛЬ;КИТАЙ;1500\nООО ЛЮТИК;ПАО ЗВЕЗДА;ТУРЦИЯ;20\n"},
	{"ukrainian 1251", charmap.Windows1251, "windows-1251",
		"Одержувач;Відправник;Код УКТЗЕД;Країна походження\nТОВ Їжачок;ПрАТ Євроінвест;8517620009;Польща\n"},
	{"czech 1250", charmap.Windows1250, "windows-1250",
		"Příjemce;Odesílatel;Čistá hmotnost (kg);Země původu\nŠkoda Auto a.s.;Třinecké železárny;1200;Česko\nŘepka s.r.o.;Ústí nad Labem;35;Německo\n"},
	{"polish 1250", charmap.Windows1250, "windows-1250",
		"Odbiorca;Nadawca;Masa netto;Kraj pochodzenia\nŁódzka Spółka Żeglugowa;Gdańskie Zakłady;1200;Węgry\n"},
	{"spanish 1252", charmap.Windows1252, "windows-1252",
		"Importador;Proveedor;Partida Arancelaria;Descripción;País de Origen\nCompañía Minera Andina;Niño Logística;0303540000;Pescado congelado;Perú\n"},
	{"portuguese 1252", charmap.Windows1252, "windows-1252",
		"Importador;Fornecedor;Código NCM;Descrição;País de Origem\nAçúcar Guarani S.A.;Exportação Ltda;1701140000;Açúcar de cana;São Tomé\n"},
	{"chinese gbk", simplifiedchinese.GBK, "gb18030",
		"收货人,发货人,海关编码,净重(千克),美元,原产国\n上海贸易有限公司,宁波机械设备有限公司,8517620009,1200,98765.43,中国\n深圳电子科技有限公司,广州化工有限公司,3901100000,25,1234.5,韩国\n"},
	{"chinese big5", traditionalchinese.Big5, "big5",
		"收貨人,發貨人,海關編碼,淨重(公斤),美元,原產國\n臺灣電子股份有限公司,香港貿易有限公司,8517620009,1200,98765.43,中國\n高雄鋼鐵股份有限公司,九龍機械設備有限公司,7208510009,25,1234.5,日本\n"},
}

func TestDetectLegacyEncodings(t *testing.T) {
	t.Parallel()
	for _, tt := range encodingCases {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.enc.NewEncoder().Bytes([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			ch := detectEncodingChoice(b)
			if ch.name != tt.want {
				t.Errorf("detected %s, want %s (warning %q)", ch.name, tt.want, ch.warning)
			}
			if got := decodeHead(b, ch.name); ch.name == tt.want && got != tt.text {
				t.Errorf("decoded %q", got)
			}
		})
	}
}

// TestISO88599ReadAsWindows1254: ISO-8859-9 and Windows-1254 decode
// letters alike; the file is read right under either name.
func TestISO88599ReadAsWindows1254(t *testing.T) {
	t.Parallel()
	text := "İthalatçı;Gönderici;Brüt Ağırlık\nAKDENİZ GIDA A.Ş.;Şişecam;1200\n"
	b, err := charmap.ISO8859_9.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ch := detectEncodingChoice(b)
	if ch.name != "windows-1254" && ch.name != "iso-8859-9" {
		t.Fatalf("detected %s", ch.name)
	}
	if got := decodeHead(b, ch.name); got != text {
		t.Errorf("decoded %q", got)
	}
}

// TestCloseEncodingWarns: a header too short to tell Windows-1252 from
// Windows-1250 is read with the better one, and the sheet warns naming both.
func TestCloseEncodingWarns(t *testing.T) {
	t.Parallel()
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte("Consignee;Net kg;Note\nSociété Générale;12;Dvořák\n"))
	if err != nil {
		t.Fatal(err)
	}
	ch := detectEncodingChoice(b)
	if ch.warning == "" || !strings.Contains(ch.warning, "windows-1250") || !strings.Contains(ch.warning, "windows-1252") {
		t.Fatalf("choice %s, warning %q: want a warning naming windows-1250 and windows-1252", ch.name, ch.warning)
	}
	path := filepath.Join(t.TempDir(), "close.csv")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	f := readAll(t, path, Options{})
	found := false
	for _, w := range f.Sheets[0].Warnings {
		if strings.Contains(w.Text, "encoding is uncertain") {
			found = true
		}
	}
	if !found {
		t.Errorf("no encoding warning on the sheet: %q", f.Sheets[0].Warnings)
	}
}
