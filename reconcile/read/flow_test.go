package read

import (
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
