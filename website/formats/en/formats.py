"""English dates in one style across the site: "22 April 2024", "22 April 2024, 14:30" (24-hour
clock, as China Standard Time is written for international readers), never "Apr. 22" or "p.m.".
Chinese keeps Django's own formats (2024年4月22日)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
