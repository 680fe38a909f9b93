package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

func TestDetectFlow(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sheet    string
		banners  []string
		headers  []string
		samples  [][]string
		flow, cc string
	}{
		{"banner with the country first", "", []string{"China Customs exports, 2022"}, nil, nil, reconcile.FlowExport, "CN"},
		{"exports of a country", "", []string{"Exports of Turkey to Russia, Jan–Dec 2022"}, nil, nil, reconcile.FlowExport, "TR"},
		{"adjective and a two-word statement", "", []string{"Turkish export declarations"}, nil, nil, reconcile.FlowExport, "TR"},
		{"Russian banner", "", []string{"Экспорт из России, 2022"}, nil, nil, reconcile.FlowExport, "RU"},
		{"Chinese without spaces", "", []string{"中国海关出口数据"}, nil, nil, reconcile.FlowExport, "CN"},
		{"sheet name, no country", "Exports", nil, nil, nil, reconcile.FlowExport, ""},
		{"imports", "", []string{"Query: imports, 2022"}, nil, nil, reconcile.FlowImport, ""},
		{"a Kazakh revenue department's register", "", []string{"Реестр деклараций на товары (импорт) — ДГД по Мангистауской области"}, nil, nil, reconcile.FlowImport, "KZ"},
		{"the Russian customs service", "", []string{"Выгрузка ДТ (импорт), ФТС России"}, nil, nil, reconcile.FlowImport, "RU"},
		{"the sheet names the flow, the banner the service", "ДТ импорт", []string{"Реестр деклараций на товары", "ДГД по Мангистауской области"}, nil, nil, reconcile.FlowImport, "KZ"},
		{"a service named without a flow states nothing", "", []string{"ДГД по Мангистауской области"}, nil, nil, "", ""},
		{"a portal's 'Export generated' is not a flow", "", []string{"Export generated 2023-01-15"}, nil, nil, "", ""},
		{"both flows state nothing", "", []string{"Imports and exports of Kazakhstan"}, nil, nil, "", ""},
		{"a flow column of one flow", "", nil, []string{"Date", "Направление перемещения"}, [][]string{{"2022-01-01"}, {"ЭК", "ЭК"}}, reconcile.FlowExport, ""},
		{"a mixed flow column states nothing", "", nil, []string{"Date", "Flow"}, [][]string{{"2022-01-01"}, {"IM", "EK"}}, "", ""},
		{"an Exporter column is no statement", "", nil, []string{"Exporter", "Importer"}, [][]string{{"A"}, {"B"}}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := detectFlow(tc.sheet, tc.banners, tc.headers, tc.samples)
			if st.Flow != tc.flow || st.Country != tc.cc {
				t.Errorf("got %q %q (%s), want %q %q", st.Flow, st.Country, st.Why, tc.flow, tc.cc)
			}
			if st.Flow != "" && st.Why == "" {
				t.Error("a flow without its reason")
			}
		})
	}
}

// A Chinese customs record's domestic trader (收发货人) is the shipper of
// an export, the consignee of an import, and stays unmapped while the
// flow is unknown.
func TestTraderColumnByFlow(t *testing.T) {
	body := "申报日期,报关单号,收发货人,境外收发货人,商品编号,净重（千克）\n2022-08-10,220120220001234,北方工业公司,TEKHKRIM LLC,93020000,1000\n"
	for _, tc := range []struct {
		name          string
		banner        string
		opt           Options
		want, foreign reconcile.Field
	}{
		{"an export banner", "中国海关出口数据\n", Options{}, reconcile.FieldShipper, reconcile.FieldConsignee},
		{"the user says export", "", Options{Flow: map[string]string{"": reconcile.FlowExport}}, reconcile.FieldShipper, reconcile.FieldConsignee},
		{"the user says import", "", Options{Flow: map[string]string{"": reconcile.FlowImport}}, reconcile.FieldConsignee, reconcile.FieldShipper},
		{"no flow: unmapped", "", Options{}, "", reconcile.FieldShipper},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "cn.csv", []byte(tc.banner+body))
			sr, _ := readSheet(t, path, "", tc.opt)
			var got, foreign reconcile.Field
			for _, c := range sr.Columns() {
				switch c.Header {
				case "收发货人":
					got = c.Field
				case "境外收发货人":
					foreign = c.Field
				}
			}
			if got != tc.want || foreign != tc.foreign {
				t.Errorf("收发货人 mapped to %q, 境外收发货人 to %q; want %q, %q", got, foreign, tc.want, tc.foreign)
			}
		})
	}
}

func FuzzFlowInText(f *testing.F) {
	for _, s := range []string{"China Customs exports, 2022", "Exports of Turkey to Russia", "Export generated 2023-01-15", "Imports and exports of Kazakhstan", "中国海关出口数据", "Экспорт из России", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, ok := flowInText(s)
		if ok != (st.Flow != "") || st.Flow != "" && st.Flow != reconcile.FlowExport && st.Flow != reconcile.FlowImport {
			t.Errorf("%q: %+v, %v", s, st, ok)
		}
		if st.Country != "" && len(st.Country) != 2 {
			t.Errorf("%q: country %q", s, st.Country)
		}
	})
}

func TestDeclaringCountryFromNumbers(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		samples []string
		want    string
	}{
		{"Russian posts", []string{"10702070/140122/0001234", "10702070/150122/0001240", ""}, "RU"},
		{"Ukrainian МД", []string{"UA100100/2022/010230", "UA100100/2022/010541"}, "UA"},
		{"two countries", []string{"10702070/140122/0001234", "UA100100/2022/010541", "10702070/150122/0001240"}, ""},
		{"one number is not enough", []string{"10702070/140122/0001234", "abc"}, ""},
		{"numbers of no known office", []string{"2234130000012345", "2234130000012346"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cols := []Column{{Header: "No."}, {Header: "Declaration", Field: reconcile.FieldDeclarationID, Samples: tt.samples}}
			got, why := declaringCountry(cols)
			if got != tt.want || (got != "") != strings.Contains(why, "column B") {
				t.Errorf("declaringCountry = %q (%q), want %q with a reason naming column B", got, why, tt.want)
			}
		})
	}
}
