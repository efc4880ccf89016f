package content

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// dateForm is a date's form, YYYY-MM-DD, at the start of a value.
var dateForm = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])`)

// notADate is the error for a value that no date layout reads: a date in
// the right form that is no day of the calendar (2026-13-45, 2026-02-30)
// says so, with the months or the days there are; a right day with a
// time that is not one says so; anything else shows the form.
func notADate(s string) error {
	m := dateForm.FindStringSubmatch(s)
	if m == nil {
		return fmt.Errorf("%q is not a date written as YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss), e.g. 2026-11-22", s)
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if month < 1 || month > 12 {
		return fmt.Errorf("%q is no such day: there is no month %s (01 to 12)", s, m[2])
	}
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > days {
		return fmt.Errorf("%q is no such day: %s %d has days 01 to %d", s, time.Month(month), year, days)
	}
	return fmt.Errorf("%q: the day is right, the time is not; write it as YYYY-MM-DDThh:mm:ss (00:00:00 to 23:59:59), with an offset if need be, e.g. 2026-11-22T14:30:00+01:00", s)
}
