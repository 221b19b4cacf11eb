-- The Danish business-day calendar for 2000–2100, with the same rules as lib/calendar/danish-calendar.ts:
-- weekends, the statutory holidays (Great Prayer Day until 2023), Constitution Day, Christmas Eve, New Year's Eve.
CREATE OR REPLACE FUNCTION danish_easter_sunday(y integer) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  a int := y % 19; b int := y / 100; c int := y % 100; d int := b / 4; e int := b % 4;
  f int := (b + 8) / 25; g int := (b - f + 1) / 3; h int := (19 * a + b - d - g + 15) % 30;
  i int := c / 4; k int := c % 4; l int := (32 + 2 * e + 2 * i - h - k) % 7; m int := (a + 11 * h + 22 * l) / 451;
BEGIN
  RETURN make_date(y, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1);
END $$;
--> statement-breakpoint
INSERT INTO business_days (day, is_business_day, ordinal)
SELECT day, is_business, (sum(is_business::int) OVER (ORDER BY day))::int
FROM (
  SELECT d::date AS day,
    extract(isodow FROM d) < 6
    AND to_char(d, 'MM-DD') NOT IN ('01-01', '06-05', '12-24', '12-25', '12-26', '12-31')
    AND (d::date - danish_easter_sunday(extract(year FROM d)::int)) NOT IN (-3, -2, 0, 1, 39, 49, 50)
    AND NOT (extract(year FROM d) <= 2023 AND d::date - danish_easter_sunday(extract(year FROM d)::int) = 26) AS is_business
  FROM generate_series('2000-01-01'::date, '2100-12-31'::date, interval '1 day') AS d
) days
ON CONFLICT (day) DO NOTHING;
