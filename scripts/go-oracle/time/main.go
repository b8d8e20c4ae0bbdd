// Command time prints what Go 1.19's time package makes of the times, layouts, durations and
// zones that templates use, as the expectations of TimeObjectTests
// (Tests/SiteGenTests/Fixtures/go-time.json):
//
//	cd scripts/go-oracle/time && go run . > ../../../Tests/SiteGenTests/Fixtures/go-time.json
//
// A time is {"unix": seconds, "nanos": n, "zone": Z}, where Z is "UTC", "fixed:NAME:OFFSET" (Go's
// FixedZone) or an IANA name ("Europe/Paris"). Go's Local is set to UTC so that the cases do not
// depend on the machine.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

type instant struct {
	Unix  int64  `json:"unix"`
	Nanos int    `json:"nanos"`
	Zone  string `json:"zone"`
}

func location(zone string) *time.Location {
	if zone == "UTC" {
		return time.UTC
	}
	if strings.HasPrefix(zone, "fixed:") {
		parts := strings.Split(zone, ":")
		offset, _ := strconv.Atoi(parts[2])
		return time.FixedZone(parts[1], offset)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		panic(err)
	}
	return loc
}

func describe(t time.Time, zone string) instant {
	return instant{t.Unix(), t.Nanosecond(), zone}
}

// formatCase is one time formatted with each of the fixture's layouts, in order.
type formatCase struct {
	Time    instant  `json:"time"`
	Outputs []string `json:"outputs"`
}

type fieldsCase struct {
	Time       instant `json:"time"`
	String     string  `json:"string"`
	Year       int     `json:"year"`
	Month      string  `json:"month"`
	MonthValue int     `json:"monthValue"`
	Day        int     `json:"day"`
	Weekday    string  `json:"weekday"`
	YearDay    int     `json:"yearDay"`
	Hour       int     `json:"hour"`
	Minute     int     `json:"minute"`
	Second     int     `json:"second"`
	UnixMilli  int64   `json:"unixMilli"`
	UnixMicro  int64   `json:"unixMicro"`
	UnixNano   int64   `json:"unixNano"`
	IsZero     bool    `json:"isZero"`
	IsDST      bool    `json:"isDST"`
	UTC        string  `json:"utc"`
}

type dateCase struct {
	Fields []int  `json:"fields"` // year, month, day, hour, minute, second, nanosecond
	Zone   string `json:"zone"`
	Output string `json:"output"`
}

type addDateCase struct {
	Time   instant `json:"time"`
	Years  int     `json:"years"`
	Months int     `json:"months"`
	Days   int     `json:"days"`
	Output string  `json:"output"`
}

type roundCase struct {
	Time      instant `json:"time"`
	Duration  int64   `json:"duration"`
	Truncated string  `json:"truncated"`
	Rounded   string  `json:"rounded"`
}

type arithmeticCase struct {
	Time     instant `json:"time"`
	Other    instant `json:"other"`
	Duration int64   `json:"duration"`
	Added    string  `json:"added"`
	Sub      int64   `json:"sub"`
	Before   bool    `json:"before"`
	After    bool    `json:"after"`
	Equal    bool    `json:"equal"`
}

// parseCase is time.Parse(layout, value): the time's String(), or null for an error.
type parseCase struct {
	Layout string  `json:"layout"`
	Value  string  `json:"value"`
	Output *string `json:"output"`
}

type durationCase struct {
	Nanoseconds  int64   `json:"nanoseconds"`
	String       string  `json:"string"`
	Hours        float64 `json:"hours"`
	Minutes      float64 `json:"minutes"`
	Seconds      float64 `json:"seconds"`
	RoundedHour  int64   `json:"roundedHour"`
	TruncatedMin int64   `json:"truncatedMinute"`
	RoundedMilli int64   `json:"roundedMilli"`
}

type parseDurationCase struct {
	Text        string  `json:"text"`
	Nanoseconds *int64  `json:"nanoseconds"`
	Error       *string `json:"error"`
}

type fixture struct {
	Layouts        []string            `json:"layouts"`
	Formats        []formatCase        `json:"formats"`
	Fields         []fieldsCase        `json:"fields"`
	Dates          []dateCase          `json:"dates"`
	AddDates       []addDateCase       `json:"addDates"`
	Rounds         []roundCase         `json:"rounds"`
	Arithmetic     []arithmeticCase    `json:"arithmetic"`
	Parses         []parseCase         `json:"parses"`
	Durations      []durationCase      `json:"durations"`
	ParseDurations []parseDurationCase `json:"parseDurations"`
}

var zones = []string{
	"UTC", "fixed::3600", "fixed::-25200", "fixed::19800", "fixed:CET:3600", "fixed::-30",
	"Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
}

// The zones times are formatted in.
var formatZones = []string{"UTC", "fixed::3600", "fixed::-25200", "fixed::19800", "fixed:CET:3600", "fixed::-30", "Europe/Paris"}

// The instants, in UTC.
var instants = []time.Time{
	time.Date(2023, 3, 1, 10, 0, 0, 0, time.UTC),
	time.Date(2009, 11, 10, 23, 4, 5, 123456789, time.UTC),
	time.Date(2024, 2, 29, 0, 30, 7, 1, time.UTC),
	time.Date(1999, 12, 31, 12, 0, 59, 500000000, time.UTC),
	time.Date(2023, 7, 4, 17, 45, 0, 120000000, time.UTC),
	time.Date(1969, 12, 31, 23, 59, 59, 999000000, time.UTC),
	time.Date(2038, 6, 15, 6, 7, 8, 0, time.UTC),
	time.Date(2000, 1, 9, 9, 9, 9, 90000, time.UTC),
	{},
	time.Date(987, 4, 5, 6, 7, 8, 0, time.UTC),
	time.Date(12345, 10, 1, 0, 0, 0, 0, time.UTC),
	time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC),
}

var layouts = []string{
	time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850,
	time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp,
	time.StampMilli, time.StampMicro, time.StampNano, "2006-01-02 15:04:05.999999999 -0700 MST",
	"2006", "06", "01", "1", "Jan", "January", "02", "2", "_2", "002", "__2", "Mon", "Monday",
	"15", "03", "3", "04", "4", "05", "5", "PM", "pm", "MST",
	"-0700", "-07:00", "-07", "-070000", "-07:00:00", "Z0700", "Z07:00", "Z07", "Z070000", "Z07:00:00",
	".0", ".00", ".000", ".000000", ".000000000", ".0000000000", ".9", ".99", ".999", ".999999999",
	",000", ",999", "05.000", "05,999", "15:04:05.00000x", ".0001", "1.05",
	"Monday, January 2, 2006", "Mon Jan 2 3:04 PM", "2 Jan 2006 15:04", "January 2006", "Jan 2",
	"Month Janet Mond Mon. Jan.", "Mondays Janus", "_2006", "2006_01_02", "__2 002 _2 02 2",
	"3:04:05 pm", "03PM", "pm PM Pm", "MSTMST", "-07-07", "Z07Z0700", "2006-01-02T15:04:05Z07:00 MST",
	"Jan _2 2006", "02/01/06 15:04", "yyyy-mm-dd", "", "no elements here", "Mon 15h04", "2006.01.02",
	"1 2 3 4 5 6", "12345", "10:00", "Día 2 de January",
}

func main() {
	os.Setenv("TZ", "UTC")
	f := fixture{Layouts: layouts}
	for _, base := range instants {
		for _, zone := range formatZones {
			t := base.In(location(zone))
			c := formatCase{Time: describe(t, zone)}
			for _, layout := range layouts {
				c.Outputs = append(c.Outputs, t.Format(layout))
			}
			f.Formats = append(f.Formats, c)
		}
		for _, zone := range zones {
			t := base.In(location(zone))
			f.Fields = append(f.Fields, fieldsCase{
				Time: describe(t, zone), String: t.String(), Year: t.Year(), Month: t.Month().String(),
				MonthValue: int(t.Month()), Day: t.Day(), Weekday: t.Weekday().String(), YearDay: t.YearDay(),
				Hour: t.Hour(), Minute: t.Minute(), Second: t.Second(), UnixMilli: t.UnixMilli(),
				UnixMicro: t.UnixMicro(), UnixNano: t.UnixNano(), IsZero: t.IsZero(), IsDST: t.IsDST(),
				UTC: t.UTC().String(),
			})
		}
	}
	dates(&f)
	addDates(&f)
	rounds(&f)
	arithmetic(&f)
	parses(&f)
	durations(&f)
	write(f)
}

// write prints the fixture with one case a line.
func write(f fixture) {
	fields := []struct {
		name  string
		value interface{}
	}{
		{"layouts", f.Layouts}, {"formats", f.Formats}, {"fields", f.Fields}, {"dates", f.Dates},
		{"addDates", f.AddDates}, {"rounds", f.Rounds}, {"arithmetic", f.Arithmetic}, {"parses", f.Parses},
		{"durations", f.Durations}, {"parseDurations", f.ParseDurations},
	}
	fmt.Println("{")
	for i, field := range fields {
		var elements []json.RawMessage
		raw, _ := marshal(field.value)
		json.Unmarshal(raw, &elements)
		fmt.Printf("%q: [\n", field.name)
		for j, element := range elements {
			line, _ := marshal(element)
			separator := ","
			if j == len(elements)-1 {
				separator = ""
			}
			fmt.Printf("%s%s\n", line, separator)
		}
		separator := ","
		if i == len(fields)-1 {
			separator = ""
		}
		fmt.Printf("]%s\n", separator)
	}
	fmt.Println("}")
}

func marshal(v interface{}) ([]byte, error) {
	var b strings.Builder
	encoder := json.NewEncoder(&b)
	encoder.SetEscapeHTML(false)
	err := encoder.Encode(v)
	return []byte(strings.TrimSuffix(b.String(), "\n")), err
}

func dates(f *fixture) {
	fields := [][]int{
		{2023, 3, 1, 10, 0, 0, 0}, {2023, 10, 32, 0, 0, 0, 0}, {2023, 13, 1, 0, 0, 0, 0},
		{2023, 0, 0, 0, 0, 0, 0}, {2023, -1, 15, 25, 61, 61, 1500000000}, {2024, 2, 30, 0, 0, 0, -1},
		{2023, 3, 26, 2, 30, 0, 0}, {2023, 10, 29, 2, 30, 0, 0}, {2023, 3, 12, 2, 30, 0, 0},
		{2023, 11, 5, 1, 30, 0, 0}, {2040, 3, 25, 2, 30, 0, 0}, {2040, 7, 1, 12, 0, 0, 0},
		{2040, 10, 28, 2, 30, 0, 0}, {1900, 1, 1, 0, 0, 0, 0}, {1, 1, 1, 0, 0, 0, 0}, {0, 12, 31, 0, 0, 0, 0},
		{2023, 4, 2, 2, 15, 0, 0}, {2023, 10, 1, 2, 15, 0, 0},
	}
	for _, zone := range zones {
		for _, v := range fields {
			t := time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], v[6], location(zone))
			f.Dates = append(f.Dates, dateCase{v, zone, t.String()})
		}
	}
}

func addDates(f *fixture) {
	steps := [][3]int{{0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, -1, 0}, {0, 0, -31}, {-1, 13, 40}, {0, 0, 365}, {4, 0, 0}}
	starts := []time.Time{
		time.Date(2023, 1, 31, 10, 0, 0, 5, time.UTC), time.Date(2024, 2, 29, 23, 30, 0, 0, time.UTC),
		time.Date(2023, 3, 25, 12, 0, 0, 0, time.UTC), time.Date(2023, 10, 28, 1, 30, 0, 0, time.UTC),
	}
	for _, zone := range zones {
		for _, start := range starts {
			t := start.In(location(zone))
			for _, s := range steps {
				f.AddDates = append(f.AddDates, addDateCase{describe(t, zone), s[0], s[1], s[2], t.AddDate(s[0], s[1], s[2]).String()})
			}
		}
	}
}

func rounds(f *fixture) {
	durations := []time.Duration{time.Hour, time.Minute, time.Second, 24 * time.Hour, 15 * time.Minute,
		time.Millisecond, 250 * time.Millisecond, 7 * time.Nanosecond, 1500 * time.Millisecond, 0, -time.Hour, 3 * time.Hour,
		1234567891 * time.Nanosecond}
	for _, base := range instants[:8] {
		for _, zone := range []string{"UTC", "fixed::19800", "Europe/Paris"} {
			t := base.In(location(zone))
			for _, d := range durations {
				f.Rounds = append(f.Rounds, roundCase{describe(t, zone), int64(d), t.Truncate(d).String(), t.Round(d).String()})
			}
		}
	}
}

func arithmetic(f *fixture) {
	durations := []time.Duration{0, time.Hour, -90 * time.Minute, 1, -1, 36 * time.Hour, 1<<63 - 1}
	for i, base := range instants {
		other := instants[(i+1)%len(instants)]
		for j, d := range durations {
			zone := zones[(i+j)%len(zones)]
			t := base.In(location(zone))
			f.Arithmetic = append(f.Arithmetic, arithmeticCase{describe(t, zone), describe(other, "UTC"), int64(d),
				t.Add(d).String(), int64(t.Sub(other)), t.Before(other), t.After(other), t.Equal(other)})
		}
		f.Arithmetic = append(f.Arithmetic, arithmeticCase{describe(base, "UTC"), describe(base.In(location("fixed::3600")), "fixed::3600"),
			0, base.String(), 0, false, false, true})
	}
}

func parses(f *fixture) {
	add := func(layout, value string, failures bool) {
		c := parseCase{Layout: layout, Value: value}
		if t, err := time.Parse(layout, value); err == nil {
			s := t.String()
			c.Output = &s
		} else if !failures {
			return
		}
		f.Parses = append(f.Parses, c)
	}
	values := []string{
		"2023-03-01T10:00:00Z", "2023-03-01T10:00:00+01:00", "2023-03-01T10:00:00.123456789-07:00",
		"2023-03-01T10:00:00,5+05:30", "2023-03-01T10:00:00+00:00", "2023-03-01T10:00:00", "2023-03-01",
		"2023-3-1", "2023-02-29", "2024-02-29", "2023-03-01 10:00:00", "2023-03-01 10:00:00 +0100 CET",
		"2023-03-01 10:00:00.5 +0000 UTC", "2023-03-01 10:00:00 -0700 MST", "Wed, 01 Mar 2023 10:00:00 +0100",
		"Wed, 01 Mar 2023 10:00:00 CET", "Wed, 01 Mar 2023 10:00:00 GMT", "Wed, 01 Mar 2023 10:00:00 GMT+3",
		"Wed, 01 Mar 2023 10:00:00 +03", "01 Mar 23 10:00 UTC", "01 Mar 23 10:00 +0100", "Wednesday, 01-Mar-23 10:00:00 PST",
		"Wed Mar  1 10:00:00 2023", "Wed Mar 1 10:00:00 2023", "Wed Mar  1 10:00:00 UTC 2023", "Wed Mar 01 10:00:00 +0100 2023",
		"2023-03-01T10:00:00+0100", "2023-03-01 10:00:00Z", "2023-03-01 10:00:00+0100", "2023-03-01 10:00:00+01:00",
		"01 Mar 2023", "2023-03-01 10:00:00 +01:00", "2023-03-01 10:00:00 +0100", "3:04PM", "10:00AM", "12:30AM", "12:30PM",
		"Mar  1 10:00:00", "Mar  1 10:00:00.123", "Mar  1 10:00:00.123456", "Mar  1 10:00:00.123456789",
		"  2023-03-01", "2023-03-01 ", "2023-03-01T25:00:00Z", "2023-03-01T10:60:00Z", "2023-13-01", "2023-00-10",
		"2023-03-01T10:00:00.1234567891Z", "wed, 01 mar 2023 10:00:00 +0100", "WED, 01 MAR 2023 10:00:00 +0100",
		"Wed, 1 Mar 2023 10:00:00 +0100", "2023-03-01T10:00:00ZZ", "2023-03-01T10:00:00+01", "Wed, 01 Mar 2023 10:00:00 ChST",
		"Wed, 01 Mar 2023 10:00:00 WITA", "Wed, 01 Mar 2023 10:00:00 CEST", "Wed, 01 Mar 2023 10:00:00 ABCDE",
		"Wed, 01 Mar 2023 10:00:00 AB", "2023-03-01T10:00:00.Z", "+023-03-01", "23-03-01",
	}
	layouts := []string{
		time.RFC3339, "2006-01-02T15:04:05", time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850,
		"2006-01-02 15:04:05.999999999 -0700 MST", "2006-01-02T15:04:05-0700", "2006-01-02 15:04:05Z0700",
		"2006-01-02 15:04:05", time.ANSIC, time.UnixDate, time.RubyDate, "2006-01-02 15:04:05Z07:00", "2006-01-02",
		"02 Jan 2006", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05 -0700", time.Kitchen, time.Stamp,
		time.StampMilli, time.StampMicro, time.StampNano,
	}
	// Every value with every layout that reads it, and with the first few layouts when they do not.
	for i, layout := range layouts {
		for _, value := range values {
			add(layout, value, i < 6)
		}
	}
	// Elements one by one.
	singles := [][2]string{
		{"06", "69"}, {"06", "68"}, {"06", "+5"}, {"2006", "0000"}, {"2006", "12345"}, {"Jan", "jan"}, {"January", "JANUARY"},
		{"January", "Janu"}, {"01", "1"}, {"1", "01"}, {"1", "13"}, {"2", "31"}, {"_2", " 5"}, {"_2", "5"}, {"02", "5"},
		{"2006 002", "2024 060"}, {"2006 002", "2023 060"}, {"2006 __2", "2024   1"}, {"2006 002", "2023 366"}, {"2006 002", "2024 366"},
		{"2006-01 002", "2024-03 061"}, {"2006-01 002", "2024-02 061"}, {"2006 002", "2023 000"}, {"2006-01-02 002", "2024-03-01 061"},
		{"15", "24"}, {"3PM", "12AM"}, {"3PM", "12PM"}, {"3PM", "13PM"}, {"03pm", "07pm"}, {"03pm", "7pm"}, {"3 pm", "7 PM"},
		{"15:04:05.000", "10:00:00.12"}, {"15:04:05.000", "10:00:00.1234"}, {"15:04:05.999", "10:00:00.1"},
		{"15:04:05.999", "10:00:00.123456789123"}, {"15:04:05,000", "10:00:00.123"}, {"15:04:05.000", "10:00:00,123"},
		{"15:04:05", "10:00:00.5"}, {"15:04:05 MST", "10:00:00.5 CET"}, {"Z07:00:00", "Z"}, {"Z070000", "+010203"},
		{"-07:00:00", "-01:02:03"}, {"-07", "+05"}, {"Z07", "Z"}, {"MST", "GMT-5"}, {"MST", "GMT+24"}, {"MST", "+0530"},
		{"MST", "-05"}, {"Mon Jan 2", "Xyz Jan 2"}, {"Monday", "monday"}, {"2006  01", "2006 01"}, {"2006 01", "2006   01"},
		{"2006 01", "200601"}, {".000", ".1234"}, {"05.000", "01.-12"}, {"2006-01-02T15:04:05.000Z07:00", "2023-03-01T10:00:00.123+01:00"},
		{"Jan _2 15:04:05 MST 2006", "Mar  1 10:00:00 EST 2023"}, {"2006 Jan 2", "2023 Feb 29"}, {"2006 Jan 2", "2024 Feb 29"},
	}
	for _, s := range singles {
		add(s[0], s[1], true)
	}
}

func durations(f *fixture) {
	values := []int64{0, 1, 999, 1000, 1500, 999999, 1000000, 1234567, 999999999, 1000000000, 1500000000,
		59999999999, 60000000000, 3599999999999, 3600000000000, 3661001000000, 90061000000000, -1, -1500000000,
		-3600000000000, 1<<63 - 1, -1 << 63, 1<<53 + 1, 86400000000000, 1800000000000, 2700000000000}
	for _, n := range values {
		d := time.Duration(n)
		f.Durations = append(f.Durations, durationCase{n, d.String(), d.Hours(), d.Minutes(), d.Seconds(),
			int64(d.Round(time.Hour)), int64(d.Truncate(time.Minute)), int64(d.Round(time.Millisecond))})
	}
	texts := []string{"0", "+0", "-0", "", "1h", "1h12m10s", "-1.5h", "300ms", "1.5s", ".5s", "5.s", "1us", "1µs", "1μs",
		"2h45m", "1h1h", "1", "1x", "h", "1.h", "..5s", "9223372036854775807ns", "9223372036854775808ns",
		"-9223372036854775808ns", "2562047h47m16.854775807s", "2562048h", "0.0000000001s", "1.0000000001s", "3m1.5s",
		"1h 2m", " 1h", "1H", "+5m", "-5m-5s", "1.23456789123h", "100000000000000000000ns", "0.5m",
		"1é", "\té", "1\"s\\", "5日"}
	for _, text := range texts {
		c := parseDurationCase{Text: text}
		if d, err := time.ParseDuration(text); err == nil {
			n := int64(d)
			c.Nanoseconds = &n
		} else {
			e := err.Error()
			c.Error = &e
		}
		f.ParseDurations = append(f.ParseDurations, c)
	}
}
