package match

import (
	"strings"
	"testing"
)

// TestChineseNameReadOutInPinyin: a Chinese name and its Latin name read
// out whole in pinyin, legal form included (YOUXIAN GONGSI for 有限公司),
// go to review, and the pinyin legal form is the LTD of an English name.
// Before, the pinyin key stopped at three Latin words and YOUXIAN GONGSI
// counted as words of the name, so neither happened.
func TestChineseNameReadOutInPinyin(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		merged bool
		review string // a reason the review pair must give; "" when merged
	}{
		{"Han name and its pinyin", "杭州青鸟无人机配件有限公司", "HANGZHOU QINGNIAO WURENJI PEIJIAN YOUXIAN GONGSI", false, "pinyin"},
		{"Han name and its pinyin, two words", "杭州青鸟有限公司", "HANGZHOU QINGNIAO YOUXIAN GONGSI", false, "pinyin"},
		{"pinyin legal form is LTD", "HANGZHOU QINGNIAO WURENJI PEIJIAN YOUXIAN GONGSI", "HANGZHOU QINGNIAO WURENJI PEIJIAN CO LTD", true, ""},
		{"pinyin joint-stock form", "HANGZHOU QINGNIAO GUFEN YOUXIAN GONGSI", "HANGZHOU QINGNIAO JOINT STOCK COMPANY", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := clusterTwo(t, Shipper, tt.a, tt.b)
			if got := res.EntityOf[0] == res.EntityOf[1]; got != tt.merged {
				t.Fatalf("merged %v, want %v", got, tt.merged)
			}
			if tt.review == "" {
				return
			}
			if len(res.Review) != 1 || !strings.Contains(strings.Join(res.Review[0].Reasons, "; "), tt.review) {
				t.Fatalf("review %+v, want one pair saying %q", res.Review, tt.review)
			}
		})
	}
	// Another firm of the same city is not its pinyin.
	res := clusterTwo(t, Shipper, "杭州青鸟无人机配件有限公司", "HANGZHOU QINGSHAN WURENJI PEIJIAN YOUXIAN GONGSI")
	for _, p := range res.Review {
		if strings.Contains(strings.Join(p.Reasons, "; "), "pinyin") {
			t.Errorf("another firm's pinyin in review: %v", p.Reasons)
		}
	}
}
