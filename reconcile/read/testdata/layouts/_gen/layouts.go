package main

import (
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func layouts() []layout {
	tr := layout{
		header: []string{"Tescil Tarihi", "Beyanname No", "İthalatçı", "İthalatçı Vergi No", "Gönderici Firma", "Menşe Ülke", "GTİP", "Eşya Tanımı",
			"Brüt Ağırlık (kg)", "Net Ağırlık (kg)", "İstatistiki Kıymet (USD)", "Gümrük Müşaviri"},
		fields: []string{"date", "declaration_id", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "description",
			"gross_weight", "net_weight", "value_usd", "-"},
		rows: [][]string{
			{"2022-10-03", "22341300IM000123", "AKDENİZ GIDA SANAYİ A.Ş.", "0123456789", "Ural Steel LLC", "Rusya", "7208510009", "Sıcak haddelenmiş sac", "25300", "25000", "18250.5", "Şahin Gümrük Müşavirliği"},
			{"2022-10-04", "22341300IM000124", "KARADENİZ TEKSTİL LTD. ŞTİ.", "9876543210", "Shanghai Cotton Co", "Çin", "5201000000", "Pamuk, ham", "1250", "1200", "3400", "Şahin Gümrük Müşavirliği"},
			{"2022-10-05", "22341300IM000125", "EGE MAKİNA A.Ş.", "1122334455", "Maschinenbau GmbH", "Almanya", "8479899790", "Makine aksamı", "830", "800", "56000", "Öz Gümrük"},
		},
		first: map[string]string{"consignee": "AKDENİZ GIDA SANAYİ A.Ş.", "hs_code": "7208510009", "net_weight": "25000", "gross_weight": "25300",
			"value_usd": "18250.5", "date": "2022-10-03", "origin_country": "RU", "consignee_id": "0123456789"},
	}
	trCSV := tr
	trCSV.rows = [][]string{
		{"03.10.2022", "22341300IM000123", "AKDENİZ GIDA SANAYİ A.Ş.", "0123456789", "Ural Steel LLC", "Rusya", "7208510009", "Sıcak haddelenmiş sac", "25300", "25000", "18250,5", "Şahin Gümrük Müşavirliği"},
		{"04.10.2022", "22341300IM000124", "KARADENİZ TEKSTİL LTD. ŞTİ.", "9876543210", "Shanghai Cotton Co", "Çin", "5201000000", "Pamuk, ham", "1250", "1200", "3400", "Şahin Gümrük Müşavirliği"},
	}
	uk := layout{
		header: []string{"Дата оформлення", "Номер МД", "Одержувач", "Код ЄДРПОУ одержувача", "Відправник", "Країна походження", "Код УКТЗЕД", "Опис товару",
			"Вага нетто, кг", "Вага брутто, кг", "Митна вартість, грн"},
		fields: []string{"date", "declaration_id", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "description", "net_weight", "gross_weight", "value"},
		rows: [][]string{
			{"2023-02-14", "UA100010/2023/001234", "ТОВ «Їжачок»", "12345678", "Anadolu Tarım A.Ş.", "Туреччина", "0805102200", "Апельсини свіжі", "19800", "21000", "512000"},
			{"2023-02-15", "UA100010/2023/001240", "ПрАТ «Євроінвест»", "23456789", "Zakłady Mięsne Sp. z o.o.", "Польща", "0203290000", "Свинина заморожена", "12000", "12600", "1480000"},
		},
		first: map[string]string{"consignee": "ТОВ «Їжачок»", "hs_code": "0805102200", "net_weight": "19800", "value": "512000", "date": "2023-02-14", "origin_country": "TR"},
	}
	ukCSV := uk
	ukCSV.rows = [][]string{
		{"14.02.2023", "UA100010/2023/001234", "ТОВ «Їжачок»", "12345678", "Anadolu Tarim", "Туреччина", "0805102200", "Апельсини свіжі", "19800", "21000", "512000,00"},
		{"15.02.2023", "UA100010/2023/001240", "ПрАТ «Євроінвест»", "23456789", "Zaklady Miesne", "Польща", "0203290000", "Свинина заморожена", "12000", "12600", "1480000,00"},
	}
	ru := layout{
		header: []string{"Дата выпуска", "№ ДТ", "№ тов.", "Получатель", "ИНН", "Отправитель", "Страна происх.", "Код ТН ВЭД", "Кол-во", "Доп. ед. изм.",
			"Вес нетто, кг", "Стат. стоимость, долл. США"},
		fields: []string{"date", "declaration_id", "item_no", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "quantity", "quantity_unit",
			"net_weight", "value_usd"},
		rows: [][]string{
			{"2022-03-01", "10702070/010322/3012345", "1", "ООО «Ромашка»", "7701234567", "Shandong Steel Co", "Китай", "7208510009", "25", "т", "25000", "17800"},
			{"2022-03-01", "10702070/010322/3012345", "2", "ООО «Ромашка»", "7701234567", "Shandong Steel Co", "Китай", "7208520009", "12", "т", "12000", "8650"},
			{"2022-03-02", "10702070/020322/3012399", "1", "АО «Лютик»", "7702000000", "Dalian Machinery", "Китай", "8429521000", "2", "шт", "41000", "390000"},
		},
		first: map[string]string{"consignee": "ООО «Ромашка»", "consignee_id": "7701234567", "item_no": "1", "origin_country": "CN", "quantity_unit": "t", "net_weight": "25000"},
	}
	ruCSV := layout{
		header: []string{"Дата", "Получатель", "ИНН получателя", "Отправитель", "Страна происхождения", "Код ТН ВЭД", "Вес нетто, кг", "Таможенная стоимость, руб."},
		fields: []string{"date", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "net_weight", "value"},
		rows: [][]string{
			{"01.03.2022", "ООО \"Ромашка\"", "7701234567", "Shandong Steel Co", "Китай", "7208510009", "25000", "1450000,50"},
			{"02.03.2022", "АО \"Лютик\"", "7702000000", "Dalian Machinery", "Китай", "8429521000", "41000", "31000000"},
			{"03.03.2022", "ПАО \"Звезда-Щит\"", "7703000000", "Minsk Tractor Works", "Беларусь", "8701929000", "5200", "4300000"},
		},
		first: map[string]string{"consignee": "ООО \"Ромашка\"", "hs_code": "7208510009", "net_weight": "25000", "value": "1450000.5", "date": "2022-03-01", "origin_country": "CN"},
	}
	ruCaps := ruCSV
	ruCaps.header = []string{"ДАТА", "ПОЛУЧАТЕЛЬ", "ИНН ПОЛУЧАТЕЛЯ", "ОТПРАВИТЕЛЬ", "СТРАНА ПРОИСХОЖДЕНИЯ", "КОД ТН ВЭД", "ВЕС НЕТТО, КГ", "ТАМОЖЕННАЯ СТОИМОСТЬ, РУБ."}
	kk := layout{
		header: []string{"Күні / Дата", "Алушы / Получатель", "Алушының БСН / БИН получателя", "Жөнелтуші / Отправитель", "Шығарылған елі / Страна происхождения",
			"СЭҚ ТН коды / Код ТН ВЭД", "Таза салмақ, кг / Вес нетто, кг", "Жалпы салмақ, кг / Вес брутто, кг", "Кедендік құны, АҚШ долл. / Таможенная стоимость, долл. США"},
		fields: []string{"date", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "net_weight", "gross_weight", "value_usd"},
		rows: [][]string{
			{"2023-05-10", "«Алтын Дән» ЖШС", "050540012345", "ООО «Агроторг»", "Ресей", "1001990000", "60000", "60200", "15600"},
			{"2023-05-11", "ТОО «Қазмұнай Сервис»", "060640023456", "Zhejiang Pump Co", "Қытай", "8413702100", "1800", "2000", "24500"},
		},
		first: map[string]string{"consignee": "«Алтын Дән» ЖШС", "consignee_id": "050540012345", "origin_country": "RU", "net_weight": "60000", "value_usd": "15600"},
	}
	es := layout{
		header: []string{"Fecha de Numeración", "Número de DUA", "Importador", "RUC Importador", "Proveedor", "País de Origen", "Partida Arancelaria",
			"Descripción Comercial", "Cantidad", "Unidad", "Peso Neto (kg)", "Peso Bruto (kg)", "Valor FOB US$", "Flete US$"},
		fields: []string{"date", "declaration_id", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "description", "quantity", "quantity_unit",
			"net_weight", "gross_weight", "value_usd", "-"},
		rows: [][]string{
			{"2023-01-09", "118-2023-10-004512", "Compañía Minera Andina S.A.C.", "20512345678", "Caterpillar Inc", "Estados Unidos", "8429521000", "Excavadora hidráulica", "1", "U", "21500", "22000", "310000", "8500"},
			{"2023-01-10", "118-2023-10-004530", "Pesquera Niño S.A.", "20598765432", "Frigorífico Austral", "Chile", "0303540000", "Caballa congelada", "24000", "KG", "24000", "24800", "28800", "2100"},
		},
		first: map[string]string{"consignee": "Compañía Minera Andina S.A.C.", "hs_code": "8429521000", "net_weight": "21500", "value_usd": "310000", "date": "2023-01-09", "origin_country": "US"},
	}
	pt := layout{
		header: []string{"Data de Registro", "Número da DI", "Importador", "CNPJ do Importador", "Fornecedor", "País de Origem", "Código NCM", "Descrição da Mercadoria",
			"Quantidade", "Unidade", "Peso Líquido (kg)", "Valor (US$)"},
		fields: []string{"date", "declaration_id", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "description", "quantity", "quantity_unit", "net_weight", "value_usd"},
		rows: [][]string{
			{"2023-06-02", "23/1234567-8", "Açúcar Guarani S.A.", "12345678000199", "Syngenta Crop Protection AG", "Suíça", "3808931900", "Herbicida à base de glifosato", "1200", "L", "1300", "45600"},
			{"2023-06-03", "23/1234570-1", "Siderúrgica São José Ltda", "98765432000155", "Vale Canada", "Canadá", "7502100000", "Níquel não ligado", "5000", "KG", "5000", "102000"},
		},
		first: map[string]string{"consignee": "Açúcar Guarani S.A.", "hs_code": "3808931900", "net_weight": "1300", "value_usd": "45600", "date": "2023-06-02", "origin_country": "CH"},
	}
	zh := layout{
		header: []string{"申报日期", "报关单号", "收货人", "发货人", "原产国", "海关编码", "商品名称", "数量", "计量单位", "净重(千克)", "毛重(千克)", "美元"},
		fields: []string{"date", "declaration_id", "consignee", "shipper", "origin_country", "hs_code", "description", "quantity", "quantity_unit", "net_weight", "gross_weight", "value_usd"},
		rows: [][]string{
			{"2023-03-15", "220120231000123456", "上海贸易有限公司", "Novatek Trading", "俄罗斯", "2711110000", "液化天然气", "65000", "千克", "65000", "65000", "41250"},
			{"2023-03-16", "220120231000123499", "宁波机械设备有限公司", "Hyundai Heavy Industries", "韩国", "8429521000", "挖掘机", "3", "台", "36000", "37500", "420000"},
		},
		first: map[string]string{"consignee": "上海贸易有限公司", "hs_code": "2711110000", "net_weight": "65000", "value_usd": "41250", "date": "2023-03-15", "origin_country": "RU"},
	}
	zhCSV := zh
	zhHant := layout{
		header: []string{"日期", "報單號碼", "進口人", "出口人", "原產國", "稅則號別", "貨名", "數量", "單位", "淨重(公斤)", "美元"},
		fields: []string{"date", "declaration_id", "consignee", "shipper", "origin_country", "hs_code", "description", "quantity", "quantity_unit", "net_weight", "value_usd"},
		rows: [][]string{
			{"2023/04/06", "AA12345678", "臺灣電子股份有限公司", "Samsung Electronics", "韓國", "8542310000", "積體電路", "120000", "個", "35", "2400000"},
			{"2023/04/07", "AA12345690", "高雄鋼鐵股份有限公司", "Nippon Steel", "日本", "7208510009", "熱軋鋼板", "40", "噸", "40000", "31000"},
		},
		first: map[string]string{"consignee": "臺灣電子股份有限公司", "hs_code": "8542310000", "net_weight": "35", "value_usd": "2400000", "date": "2023-04-06", "origin_country": "KR"},
	}
	cz := layout{
		header: []string{"Date", "Consignee", "Shipper", "Origin country", "HS code", "Net weight (kg)", "Value (EUR)"},
		fields: []string{"date", "consignee", "shipper", "origin_country", "hs_code", "net_weight", "value"},
		rows: [][]string{
			{"2023-07-03", "Škoda Auto a.s.", "Třinecké železárny", "Czech Republic", "7208510009", "24000", "16800"},
			{"2023-07-04", "Łódzka Spółka Żeglugowa", "Gdańskie Zakłady Ślusarskie", "Poland", "8479899790", "950", "48200"},
		},
		first: map[string]string{"consignee": "Škoda Auto a.s.", "shipper": "Třinecké železárny", "net_weight": "24000", "value": "16800"},
	}
	comtradeLegacy := layout{
		header: []string{"Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code", "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter",
			"Reporter ISO", "Partner Code", "Partner", "Partner ISO", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Alt Qty Unit Code",
			"Alt Qty Unit", "Alt Qty", "Netweight (kg)", "Gross weight (kg)", "Trade Value (US$)", "CIF Trade Value (US$)", "FOB Trade Value (US$)", "Flag"},
		fields: []string{"-", "-", "date", "-", "-", "-", "-", "-", "-", "-",
			"-", "-", "-", "-", "hs_code", "description", "-", "quantity_unit", "quantity", "-",
			"-", "-", "net_weight", "gross_weight", "value_usd", "-", "-", "-"},
		rows: [][]string{
			{"H5", "2021", "202103", "March 2021", "6", "1", "1", "Import", "792", "Turkey", "TUR", "643", "Russian Federation", "RUS", "720851", "Flat-rolled products of iron", "8", "Weight in kilograms", "25000000", "", "", "", "25000000", "", "17800000", "17800000", "", "0"},
			{"H5", "2021", "202103", "March 2021", "6", "1", "1", "Import", "792", "Turkey", "TUR", "156", "China", "CHN", "852412", "Display modules", "5", "Number of items", "12000", "", "", "", "1800", "", "960000", "960000", "", "0"},
		},
		first: map[string]string{"hs_code": "720851", "quantity": "25000000", "net_weight": "25000000", "value_usd": "17800000",
			"destination_country": "TR", "origin_country": "RU", "dispatch_country": ""},
	}
	comtradeAPI := layout{
		header: []string{"typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO", "reporterDesc", "flowCode", "flowDesc",
			"partnerCode", "partnerISO", "partnerDesc", "classificationCode", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "qtyUnitCode", "qtyUnitAbbr", "qty",
			"isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty", "netWgt", "grossWgt", "cifvalue", "fobvalue", "primaryValue"},
		fields: []string{"-", "-", "-", "-", "-", "date", "-", "-", "-", "-", "-",
			"-", "-", "-", "-", "hs_code", "description", "-", "-", "-", "quantity_unit", "quantity",
			"-", "-", "-", "-", "net_weight", "gross_weight", "-", "-", "value_usd"},
		rows: [][]string{
			{"C", "M", "20230101", "2023", "1", "202301", "398", "KAZ", "Kazakhstan", "M", "Import", "156", "CHN", "China", "H6", "8517130000", "Smartphones", "10", "TRUE", "5", "u", "150000", "FALSE", "-1", "N/A", "0", "30000", "33000", "45000000", "", "45000000"},
			{"C", "M", "20230101", "2023", "1", "202301", "398", "KAZ", "Kazakhstan", "M", "Import", "643", "RUS", "Russian Federation", "H6", "1001990000", "Wheat", "10", "TRUE", "8", "kg", "60000000", "FALSE", "-1", "N/A", "0", "60000000", "60000000", "15600000", "", "15600000"},
		},
		first: map[string]string{"hs_code": "8517130000", "quantity": "150000", "quantity_unit": "pcs", "net_weight": "30000", "value_usd": "45000000",
			"destination_country": "KZ", "origin_country": "CN", "dispatch_country": ""},
	}
	comext := layout{
		header: []string{"DECLARANT_ISO", "PARTNER_ISO", "TRADE_TYPE", "PRODUCT_NC", "FLOW", "STAT_REGIME", "PERIOD", "VALUE_IN_EUROS", "QUANTITY_IN_KG", "SUP_QUANTITY"},
		fields: []string{"-", "-", "-", "hs_code", "-", "-", "date", "value", "net_weight", "quantity"},
		rows: [][]string{
			{"DE", "CN", "E", "85171300", "1", "1", "202301", "125000000", "310000", "500000"},
			{"FR", "TR", "E", "08051022", "1", "1", "202301", "2300000", "2500000", "0"},
		},
		first: map[string]string{"hs_code": "85171300", "value": "125000000", "net_weight": "310000",
			"destination_country": "DE", "origin_country": "CN", "dispatch_country": ""},
	}
	xmlEN := layout{
		header: []string{"Arrival Date", "Bill of Lading Number", "Container Number", "Invoice No", "Consignee", "Shipper", "Country of Origin", "HS Code",
			"Product Description", "Gross Weight (kg)", "Container Type", "Invoice Value (USD)"},
		fields: []string{"date", "bill_of_lading", "container", "invoice", "consignee", "shipper", "origin_country", "hs_code", "description", "gross_weight", "-", "value_usd"},
		rows: [][]string{
			{"2023-08-21", "MAEU123456789", "MSKU1234565", "INV-2023-0815", "Acme Imports LLC", "Ningbo Tools Co", "China", "8205400000", "Screwdrivers", "12500", "40HC", "38500"},
			{"2023-08-22", "COSU6234567890", "CSNU7654321", "INV-2023-0816", "Beta Trading Inc", "Hanoi Garments JSC", "Vietnam", "6109100010", "Cotton T-shirts", "8300", "20GP", "61200"},
		},
		first: map[string]string{"bill_of_lading": "MAEU123456789", "container": "MSKU1234565", "invoice": "INV-2023-0815", "consignee": "Acme Imports LLC", "gross_weight": "12500", "date": "2023-08-21"},
	}
	htmlRU := layout{
		header: []string{"Дата", "Номер декларации", "Получатель", "ИНН", "Отправитель", "Страна происхождения", "Код товара по ТН ВЭД", "Наименование товара", "Вес нетто, кг", "Фактурная стоимость, долл. США"},
		fields: []string{"date", "declaration_id", "consignee", "consignee_id", "shipper", "origin_country", "hs_code", "description", "net_weight", "value_usd"},
		rows: [][]string{
			{"01.03.2022", "10702070/010322/3012345", "ООО Ромашка", "7701234567", "Shandong Steel Co", "Китай", "7208510009", "Прокат плоский", "25000", "17800,00"},
			{"02.03.2022", "10702070/020322/3012399", "АО Лютик", "7702000000", "Dalian Machinery", "Китай", "8429521000", "Экскаватор", "41000", "390000,00"},
		},
		first: map[string]string{"consignee": "ООО Ромашка", "consignee_id": "7701234567", "hs_code": "7208510009", "net_weight": "25000", "value_usd": "17800", "date": "2022-03-01"},
	}

	set := func(l layout, name, file, writer, lang, note, enc, sheet string, w func(*layout, string) error) layout {
		l.name, l.file, l.writer, l.language, l.note, l.encoding, l.sheet, l.write = name, file, writer, lang, note, enc, sheet, w
		return l
	}
	return []layout{
		set(tr, "lang-tr-xlsx", "gumruk.xlsx", "excelize 2.11 (typed numbers, text codes)", "tr", "Turkish customs headers with Turkish letters; a customs broker column stays unmapped", "", "Sayfa1", writeXLSX),
		set(trCSV, "enc-windows1254-tr-csv", "ithalat.csv", "Excel-style CSV, Windows-1254, semicolons", "tr", "Turkish ı ş ğ İ in Windows-1254 (read as Windows-1252 they become ý þ ð Ý)", "windows-1254", "", encodedCSV(charmap.Windows1254, ";")),
		set(trCSV, "enc-iso88599-tr-csv", "ithalat-iso.csv", "CSV in ISO-8859-9 (Latin-5)", "tr", "ISO-8859-9 decodes every letter as Windows-1254 does (they differ only in C1 controls), so it is read and named windows-1254", "windows-1254", "", encodedCSV(charmap.ISO8859_9, ";")),
		set(uk, "lang-uk-xlsx", "mytni-deklaratsii.xlsx", "excelize 2.11", "uk", "Ukrainian customs register headers (Одержувач, Відправник, Код УКТЗЕД, ЄДРПОУ)", "", "Аркуш1", writeXLSX),
		set(ukCSV, "enc-windows1251-uk-csv", "md.csv", "Excel-style CSV, Windows-1251, semicolons", "uk", "Ukrainian letters і ї є in Windows-1251", "windows-1251", "", encodedCSV(charmap.Windows1251, ";")),
		set(ru, "lang-ru-gaps-xlsx", "dt-extract.xlsx", "excelize 2.11", "ru", "Russian abbreviations: № тов., Страна происх., Доп. ед. изм., Кол-во; a bare ИНН beside Получатель", "", "Лист1", writeXLSX),
		set(ruCSV, "enc-cp866-ru-csv", "dos-export.csv", "DOS program CSV, CP866, semicolons", "ru", "CP866 (DOS Russian)", "cp866", "", encodedCSV(charmap.CodePage866, ";")),
		set(ruCaps, "enc-koi8r-ru-csv", "koi8.csv", "Unix mailer CSV, KOI8-R, semicolons, capitals", "ru", "KOI8-R with an all-capitals header: letter frequencies decide, not case", "koi8-r", "", encodedCSV(charmap.KOI8R, ";")),
		set(kk, "lang-kk-ru-bilingual-xlsx", "kgd-export.xlsx", "excelize 2.11", "kk+ru", "Kazakh / Russian bilingual headers as Kazakhstan's customs write them", "", "Парақ1", writeXLSX),
		set(es, "lang-es-xlsx", "dua-peru.xlsx", "excelize 2.11", "es", "Spanish (Peru DUA): Partida Arancelaria, RUC, Valor FOB US$; freight stays unmapped", "", "Hoja1", writeXLSX),
		set(pt, "lang-pt-xlsx", "di-brasil.xlsx", "excelize 2.11", "pt", "Portuguese (Brazil DI): CNPJ, Código NCM, Peso Líquido", "", "Planilha1", writeXLSX),
		set(zh, "lang-zh-hans-xlsx", "haiguan.xlsx", "excelize 2.11", "zh-Hans", "Chinese customs headers; 净重(千克) is kg, 美元 is a USD value", "", "Sheet1", writeXLSX),
		set(zhCSV, "enc-gb18030-zh-csv", "haiguan-gbk.csv", "Excel-style CSV saved in GBK, commas", "zh-Hans", "GBK bytes (read as GB18030, its superset)", "gb18030", "", encodedCSV(simplifiedchinese.GBK, ",")),
		set(zhHant, "enc-big5-zh-hant-csv", "taiwan-big5.csv", "Taiwan portal CSV in Big5, commas", "zh-Hant", "traditional Chinese headers in Big5; 淨重(公斤) is kg", "big5", "", encodedCSV(traditionalchinese.Big5, ",")),
		set(cz, "enc-windows1250-en-csv", "cz-pl.csv", "Excel-style CSV, Windows-1250, semicolons", "en", "English headers, Czech and Polish names in Windows-1250 (ł ą ż would be ³ ¹ ¿ in Windows-1252)", "windows-1250", "", encodedCSV(charmap.Windows1250, ";")),
		set(comtradeLegacy, "src-comtrade-legacy-csv", "comtrade-legacy.csv", "UN Comtrade legacy bulk CSV (hand-written, their header)", "en", "Qty Unit Code and Alt Qty Unit Code are codes, not quantities; Reporter and Partner roles depend on the flow", "", "", utf8CSV),
		set(comtradeAPI, "src-comtrade-api-csv", "comtrade-api.csv", "UN Comtrade API (comtradeapi) CSV, hand-written with its field names", "en", "camelCase API names: cmdCode, netWgt, primaryValue; qtyUnitCode is a code", "", "", utf8CSV),
		set(comext, "src-comext-csv", "comext.csv", "Eurostat Comext bulk CSV (hand-written, their header)", "en", "PRODUCT_NC, VALUE_IN_EUROS (EUR), QUANTITY_IN_KG", "", "", utf8CSV),
		set(es, "fmt-xls-es", "dua.xls", "LibreOffice converting a UTF-8 CSV to Excel 97 (.xls, BIFF8)", "es", "legacy .xls read through LibreOffice", "", "input", viaLibreOffice("xls")),
		set(pt, "fmt-ods-pt", "di.ods", "LibreOffice converting a UTF-8 CSV to .ods", "pt", "OpenDocument read through LibreOffice", "", "input", viaLibreOffice("ods")),
		set(htmlRU, "fmt-html-ru-xls", "vygruzka.xls", "web portal: an HTML table in Windows-1251 saved as .xls (hand-written)", "ru", "HTML table with a meta charset; read in Go", "", "", htmlTable),
		set(xmlEN, "fmt-xml2003-en-xls", "export2003.xls", "Excel 2003 XML (SpreadsheetML), hand-written", "en", "B/L, container and invoice numbers beside a container type and an invoice value", "", "Shipments", xml2003),
	}
}
