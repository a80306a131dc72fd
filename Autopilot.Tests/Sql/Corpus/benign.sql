# Benign corpus: real analytics queries over the demo warehouse (dataset analytics: users, events, orders, config).
# Format: statements separated by a line holding only "---"; a block may start with "# category: <name>" lines, which
# apply to it and the blocks after it. "{U+XXXX}" stands for that character. Every statement must be admitted, and its
# rewrite, printed for DuckDB, must run on the demo warehouse.
---
# category: basics
SELECT user_id, email, channel FROM analytics.users
---
SELECT * FROM analytics.config
---
SELECT key, value FROM analytics.config WHERE key LIKE 'feature_%' ORDER BY key
---
SELECT DISTINCT channel FROM analytics.users ORDER BY channel
---
SELECT ALL country FROM analytics.users WHERE email_opt_in
---
SELECT COUNT(*) AS users FROM analytics.users
---
SELECT COUNT(*) AS n FROM `analytics.users`
---
SELECT COUNT(*) AS n FROM `analytics`.`orders` WHERE created_at >= TIMESTAMP '2020-01-01 00:00:00'
---
SELECT u.user_id, u.country FROM analytics.users AS u WHERE u.country IN ('US', 'GB', 'DE') LIMIT 100
---
SELECT user_id AS id, created_at signup_time FROM analytics.users WHERE channel = "referral" LIMIT 50 OFFSET 10
---
SELECT order_id, amount FROM analytics.orders WHERE status = 'completed' AND amount > 100 ORDER BY amount DESC LIMIT 20;
---
SELECT 1 AS one, 'two' AS two, 3.0 AS three, TRUE AS yes, NULL AS nothing
---
SELECT
  user_id,
  email  -- the contact address
FROM analytics.users  # every user
WHERE /* only */ email_opt_in = TRUE
---
-- Users who signed up through paid channels; drop-off rate by channel is computed elsewhere.
SELECT user_id, channel FROM analytics.users WHERE channel IN ('paid_social', 'paid_search')
---
/* Weekly report: the last update of each user's status, in a block comment */
SELECT user_id, MAX(created_at) AS last_update FROM analytics.orders GROUP BY user_id
---
SELECT 'delete' AS action, 'drop table' AS note, "insert into" AS other FROM analytics.config LIMIT 1
---
SELECT key FROM analytics.config WHERE value = 'it\'s' OR value = 'don\'t' OR value = r'C:\path' OR value = """triple "quoted" text"""
---
SELECT key, '''multi
line''' AS text FROM analytics.config
---
SELECT user_id FROM analytics.users WHERE country = 'US'{U+00A0}AND{U+2003}channel = 'direct'
---
SELECT 0x1F AS hex, 1e3 AS thousand, .5 AS half, 2.5E-2 AS small FROM analytics.config LIMIT 1
---
# category: aggregates
SELECT status, COUNT(*) AS orders, SUM(amount) AS revenue, AVG(amount) AS aov FROM analytics.orders GROUP BY status
---
SELECT channel, COUNT(DISTINCT user_id) AS users FROM analytics.users GROUP BY channel ORDER BY users DESC
---
SELECT country, MIN(created_at) AS first_signup, MAX(created_at) AS last_signup FROM analytics.users GROUP BY 1 ORDER BY 1
---
SELECT COUNTIF(status = 'refunded') AS refunds, COUNTIF(status = 'completed') AS completed FROM analytics.orders
---
SELECT SAFE_DIVIDE(COUNTIF(status = 'refunded'), COUNT(*)) AS refund_rate FROM analytics.orders
---
SELECT channel, LOGICAL_AND(email_opt_in) AS all_opted, LOGICAL_OR(email_opt_in) AS any_opted FROM analytics.users GROUP BY channel
---
SELECT APPROX_COUNT_DISTINCT(user_id) AS approx_buyers FROM analytics.orders
---
SELECT status, STDDEV(amount) AS sd, VARIANCE(amount) AS var, STDDEV_POP(amount) AS sd_pop FROM analytics.orders GROUP BY status
---
SELECT ANY_VALUE(country) AS some_country, channel FROM analytics.users GROUP BY channel
---
SELECT MAX_BY(order_id, amount) AS biggest_order, MIN_BY(order_id, amount) AS smallest_order FROM analytics.orders
---
SELECT status, ARRAY_AGG(order_id ORDER BY amount DESC LIMIT 3) AS top_orders FROM analytics.orders GROUP BY status
---
SELECT channel, STRING_AGG(DISTINCT country, ', ' ORDER BY country) AS countries FROM analytics.users GROUP BY channel
---
SELECT STRING_AGG(key, ';') AS keys FROM analytics.config
---
SELECT ARRAY_AGG(DISTINCT status IGNORE NULLS) AS statuses FROM analytics.orders
---
SELECT APPROX_QUANTILES(amount, 4) AS quartiles FROM analytics.orders
---
SELECT APPROX_QUANTILES(amount, 100)[OFFSET(50)] AS median_amount FROM analytics.orders
---
SELECT CORR(amount, EXTRACT(HOUR FROM created_at)) AS amount_hour_corr FROM analytics.orders
---
SELECT country, COUNT(*) AS n FROM analytics.users GROUP BY country HAVING COUNT(*) > 1000 ORDER BY n DESC
---
SELECT status, SUM(amount) AS revenue FROM analytics.orders GROUP BY ALL
---
SELECT channel, country, COUNT(*) AS users FROM analytics.users GROUP BY ROLLUP(channel, country)
---
SELECT channel, email_opt_in, COUNT(*) AS users FROM analytics.users GROUP BY CUBE(channel, email_opt_in)
---
SELECT COUNT(*) AS n, COUNT(email) AS with_email, COUNT(contact_number) AS with_phone FROM analytics.users
---
SELECT SUM(IF(status = 'completed', amount, 0)) AS completed_revenue FROM analytics.orders
---
# category: dates and times
SELECT DATE(timestamp) AS day, COUNT(*) AS events FROM analytics.events GROUP BY day ORDER BY day
---
SELECT DATE(created_at) AS day, COUNT(DISTINCT user_id) AS buyers FROM analytics.orders WHERE created_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 14 DAY) GROUP BY 1 ORDER BY 1
---
SELECT DATE_TRUNC(DATE(created_at), WEEK) AS week, SUM(amount) AS revenue FROM analytics.orders GROUP BY week ORDER BY week
---
SELECT DATE_TRUNC(DATE(created_at), WEEK(MONDAY)) AS week, COUNT(*) AS orders FROM analytics.orders GROUP BY 1 ORDER BY 1
---
SELECT DATE_TRUNC(DATE(created_at), MONTH) AS month, COUNT(*) AS signups FROM analytics.users GROUP BY 1 ORDER BY 1
---
SELECT TIMESTAMP_TRUNC(timestamp, HOUR) AS hour, COUNT(*) AS events FROM analytics.events WHERE timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 2 DAY) GROUP BY hour ORDER BY hour
---
SELECT TIMESTAMP_TRUNC(created_at, DAY) AS day, COUNT(*) AS n FROM analytics.orders GROUP BY 1
---
SELECT EXTRACT(DAYOFWEEK FROM timestamp) AS dow, COUNT(*) AS events FROM analytics.events GROUP BY dow ORDER BY dow
---
SELECT EXTRACT(HOUR FROM created_at) AS hour, AVG(amount) AS aov FROM analytics.orders GROUP BY 1 ORDER BY 1
---
SELECT EXTRACT(YEAR FROM created_at) AS year, EXTRACT(QUARTER FROM created_at) AS quarter, COUNT(*) AS signups FROM analytics.users GROUP BY 1, 2 ORDER BY 1, 2
---
SELECT EXTRACT(WEEK FROM created_at) AS week, EXTRACT(WEEK(MONDAY) FROM created_at) AS iso_like, COUNT(*) AS n FROM analytics.orders GROUP BY 1, 2
---
SELECT EXTRACT(ISOWEEK FROM created_at) AS isoweek, EXTRACT(ISOYEAR FROM created_at) AS isoyear, COUNT(*) AS n FROM analytics.orders GROUP BY 1, 2
---
SELECT EXTRACT(DATE FROM created_at) AS day, EXTRACT(DAYOFYEAR FROM created_at) AS doy FROM analytics.orders LIMIT 10
---
SELECT DATE_DIFF(CURRENT_DATE(), DATE(created_at), DAY) AS account_age_days, user_id FROM analytics.users
---
SELECT DATE_DIFF(DATE '2025-03-01', DATE '2025-01-15', WEEK) AS weeks, DATE_DIFF(DATE '2025-03-01', DATE '2025-01-15', MONTH) AS months FROM analytics.config LIMIT 1
---
SELECT TIMESTAMP_DIFF(MAX(timestamp), MIN(timestamp), HOUR) AS span_hours FROM analytics.events
---
SELECT user_id, TIMESTAMP_DIFF(MAX(created_at), MIN(created_at), DAY) AS days_between FROM analytics.orders GROUP BY user_id HAVING COUNT(*) > 1
---
SELECT DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY) AS a_week_ago, DATE_ADD(CURRENT_DATE, INTERVAL 1 MONTH) AS next_month FROM analytics.config LIMIT 1
---
SELECT COUNT(*) AS recent FROM analytics.orders WHERE DATE(created_at) >= DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)
---
SELECT COUNT(*) AS n FROM analytics.events WHERE timestamp BETWEEN TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 3 DAY) AND CURRENT_TIMESTAMP()
---
SELECT COUNT(*) AS n FROM analytics.orders WHERE created_at > TIMESTAMP_ADD(TIMESTAMP '2024-01-01 00:00:00', INTERVAL 36 HOUR)
---
SELECT FORMAT_DATE('%Y-%m', DATE(created_at)) AS month, COUNT(*) AS n FROM analytics.users GROUP BY 1 ORDER BY 1
---
SELECT FORMAT_TIMESTAMP('%Y-%m-%d %H:00', timestamp) AS hour, COUNT(*) AS n FROM analytics.events GROUP BY 1 ORDER BY 1 DESC LIMIT 24
---
SELECT FORMAT_DATE('%F', CURRENT_DATE()) AS today FROM analytics.config LIMIT 1
---
SELECT PARSE_DATE('%Y-%m-%d', value) AS generated_for FROM analytics.config WHERE key = 'demo_generated_for'
---
SELECT LAST_DAY(DATE(created_at)) AS month_end, COUNT(*) AS n FROM analytics.orders GROUP BY 1
---
SELECT LAST_DAY(DATE(created_at), MONTH) AS month_end FROM analytics.orders GROUP BY 1
---
SELECT UNIX_SECONDS(MAX(created_at)) AS last_order_epoch, UNIX_MILLIS(MIN(created_at)) AS first_order_ms FROM analytics.orders
---
SELECT TIMESTAMP_SECONDS(1700000000) AS ts, TIMESTAMP_MILLIS(1700000000000) AS ts_ms, DATE_FROM_UNIX_DATE(20000) AS d FROM analytics.config LIMIT 1
---
SELECT DATE(2025, 1, 31) AS d, DATE '2025-02-28' AS d2, DATETIME '2025-02-28 10:00:00' AS dt, TIME '10:30:00' AS t FROM analytics.config LIMIT 1
---
SELECT CURRENT_DATE() AS today, CURRENT_TIMESTAMP() AS now, CURRENT_DATE AS today2, CURRENT_TIMESTAMP AS now2 FROM analytics.config LIMIT 1
---
SELECT day FROM UNNEST(GENERATE_DATE_ARRAY(DATE_SUB(CURRENT_DATE(), INTERVAL 6 DAY), CURRENT_DATE())) AS day ORDER BY day
---
WITH days AS (
  SELECT day FROM UNNEST(GENERATE_DATE_ARRAY(DATE_SUB(CURRENT_DATE(), INTERVAL 13 DAY), CURRENT_DATE())) AS day
), daily AS (
  SELECT DATE(timestamp) AS day, COUNT(*) AS events FROM analytics.events GROUP BY 1
)
SELECT days.day, IFNULL(daily.events, 0) AS events FROM days LEFT JOIN daily ON days.day = daily.day ORDER BY days.day
---
SELECT DATE(timestamp, 'America/New_York') AS local_day, COUNT(*) AS n FROM analytics.events GROUP BY 1
---
SELECT EXTRACT(HOUR FROM timestamp AT TIME ZONE 'Europe/London') AS london_hour, COUNT(*) AS n FROM analytics.events GROUP BY 1
---
SELECT COUNT(*) AS n FROM analytics.events WHERE timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 MINUTE) OR timestamp < TIMESTAMP '2000-01-01 00:00:00'
---
# category: window functions
SELECT user_id, order_id, amount, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_at) AS nth_order FROM analytics.orders
---
SELECT user_id, order_id FROM analytics.orders QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_at DESC) = 1
---
SELECT status, amount, RANK() OVER (PARTITION BY status ORDER BY amount DESC) AS rnk, DENSE_RANK() OVER (PARTITION BY status ORDER BY amount DESC) AS dense FROM analytics.orders
---
SELECT day, revenue, SUM(revenue) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM (SELECT DATE(created_at) AS day, SUM(amount) AS revenue FROM analytics.orders GROUP BY 1)
---
SELECT day, events, AVG(events) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS trailing_7d FROM (SELECT DATE(timestamp) AS day, COUNT(*) AS events FROM analytics.events GROUP BY 1) ORDER BY day
---
SELECT day, events, LAG(events) OVER (ORDER BY day) AS previous, LEAD(events, 1, 0) OVER (ORDER BY day) AS next FROM (SELECT DATE(timestamp) AS day, COUNT(*) AS events FROM analytics.events GROUP BY 1)
---
SELECT user_id, created_at, FIRST_VALUE(order_id) OVER w AS first_order, LAST_VALUE(order_id) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_order FROM analytics.orders WINDOW w AS (PARTITION BY user_id ORDER BY created_at)
---
SELECT order_id, amount, NTILE(4) OVER (ORDER BY amount) AS quartile, PERCENT_RANK() OVER (ORDER BY amount) AS pct, CUME_DIST() OVER (ORDER BY amount) AS cume FROM analytics.orders
---
SELECT DISTINCT status, PERCENTILE_CONT(amount, 0.5) OVER (PARTITION BY status) AS median FROM analytics.orders
---
SELECT status, amount, SUM(amount) OVER (PARTITION BY status) / SUM(amount) OVER () AS share_of_total FROM analytics.orders
---
SELECT user_id, COUNT(*) OVER (PARTITION BY user_id) AS orders_by_user, COUNTIF(status = 'refunded') OVER (PARTITION BY user_id) AS refunds FROM analytics.orders
---
SELECT day, events, events - LAG(events, 7) OVER (ORDER BY day) AS wow_change FROM (SELECT DATE(timestamp) AS day, COUNT(*) AS events FROM analytics.events GROUP BY day) QUALIFY wow_change IS NOT NULL
---
SELECT user_id, timestamp, LAST_VALUE(JSON_VALUE(properties, '$.page') IGNORE NULLS) OVER (PARTITION BY user_id ORDER BY timestamp) AS last_page FROM analytics.events
---
SELECT order_id, NTH_VALUE(amount, 2) OVER (PARTITION BY user_id ORDER BY created_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second_amount FROM analytics.orders
---
SELECT order_id, AVG(amount) OVER (PARTITION BY status ORDER BY created_at ROWS 3 PRECEDING) AS moving FROM analytics.orders
---
SELECT order_id, SUM(amount) OVER (ORDER BY amount RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) AS nearby FROM analytics.orders
---
# category: joins
SELECT u.channel, COUNT(o.order_id) AS orders, SUM(o.amount) AS revenue FROM analytics.users u JOIN analytics.orders o ON o.user_id = u.user_id GROUP BY u.channel
---
SELECT u.user_id, COUNT(o.order_id) AS orders FROM analytics.users u LEFT JOIN analytics.orders o ON o.user_id = u.user_id GROUP BY u.user_id
---
SELECT u.user_id, o.order_id FROM analytics.users AS u LEFT OUTER JOIN analytics.orders AS o ON o.user_id = u.user_id AND o.created_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)
---
SELECT o.order_id, u.country FROM analytics.orders o INNER JOIN analytics.users u USING (user_id) WHERE u.country = 'FR'
---
SELECT o.order_id, u.email FROM analytics.orders o RIGHT JOIN analytics.users u ON u.user_id = o.user_id WHERE u.channel = 'email'
---
SELECT COALESCE(a.user_id, b.user_id) AS user_id FROM analytics.orders a FULL OUTER JOIN analytics.events b ON a.user_id = b.user_id AND b.event_name = 'purchase' LIMIT 100
---
SELECT c.key, u.channel FROM analytics.config c CROSS JOIN (SELECT DISTINCT channel FROM analytics.users) u
---
SELECT u.user_id, e.event_name FROM analytics.users u, analytics.events e WHERE u.user_id = e.user_id AND u.country = 'JP'
---
SELECT e.event_name, u.channel, COUNT(*) AS n FROM analytics.events e JOIN analytics.users u ON u.user_id = e.user_id JOIN analytics.orders o ON o.user_id = u.user_id WHERE e.event_name = 'purchase' GROUP BY 1, 2
---
SELECT u.country, COUNT(DISTINCT e.user_id) AS active FROM analytics.users u JOIN (analytics.events e JOIN analytics.orders o ON o.user_id = e.user_id) ON e.user_id = u.user_id GROUP BY 1
---
SELECT u.user_id FROM analytics.users u LEFT JOIN analytics.orders o USING (user_id) WHERE o.order_id IS NULL
---
SELECT e.user_id, COUNT(*) AS purchases FROM analytics.events AS e JOIN analytics.users AS u ON e.user_id = u.user_id AND DATE(e.timestamp) >= DATE_SUB(CURRENT_DATE(), INTERVAL 10 DAY) WHERE e.event_name = 'purchase' GROUP BY 1
---
SELECT a.user_id FROM analytics.orders a JOIN analytics.orders b ON a.user_id = b.user_id AND a.order_id < b.order_id WHERE a.status = 'refunded' AND b.status = 'completed'
---
# category: subqueries and CTEs
WITH buyers AS (SELECT DISTINCT user_id FROM analytics.orders WHERE status = 'completed') SELECT COUNT(*) AS buyers FROM buyers
---
WITH first_orders AS (
  SELECT user_id, MIN(created_at) AS first_order_at FROM analytics.orders GROUP BY user_id
), cohorts AS (
  SELECT DATE_TRUNC(DATE(first_order_at), MONTH) AS cohort, user_id FROM first_orders
)
SELECT cohort, COUNT(*) AS buyers FROM cohorts GROUP BY cohort ORDER BY cohort
---
SELECT user_id FROM analytics.users WHERE user_id IN (SELECT user_id FROM analytics.orders WHERE amount > 500)
---
SELECT user_id FROM analytics.users u WHERE NOT EXISTS (SELECT 1 FROM analytics.orders o WHERE o.user_id = u.user_id)
---
SELECT user_id FROM analytics.users WHERE user_id NOT IN (SELECT user_id FROM analytics.events WHERE event_name = 'sign_out')
---
SELECT order_id, amount, (SELECT AVG(amount) FROM analytics.orders) AS overall_avg FROM analytics.orders WHERE amount > (SELECT AVG(amount) * 3 FROM analytics.orders)
---
SELECT channel, (SELECT COUNT(*) FROM analytics.orders o WHERE o.user_id IN (SELECT user_id FROM analytics.users x WHERE x.channel = u.channel)) AS orders FROM (SELECT DISTINCT channel FROM analytics.users) u
---
SELECT * FROM (SELECT status, COUNT(*) AS n FROM analytics.orders GROUP BY status) WHERE n > 100
---
SELECT t.day, t.n FROM (SELECT DATE(timestamp) AS day, COUNT(*) AS n FROM analytics.events GROUP BY 1) AS t ORDER BY t.n DESC LIMIT 5
---
WITH daily AS (SELECT DATE(timestamp) AS day, COUNT(DISTINCT user_id) AS dau FROM analytics.events GROUP BY 1)
SELECT day, dau, AVG(dau) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS dau_7d FROM daily ORDER BY day
---
WITH funnel AS (
  SELECT user_id,
    COUNTIF(event_name = 'view_item') > 0 AS viewed,
    COUNTIF(event_name = 'add_to_cart') > 0 AS added,
    COUNTIF(event_name = 'purchase') > 0 AS purchased
  FROM analytics.events GROUP BY user_id
)
SELECT COUNTIF(viewed) AS viewers, COUNTIF(viewed AND added) AS adders, COUNTIF(viewed AND added AND purchased) AS buyers FROM funnel
---
SELECT ARRAY(SELECT DISTINCT channel FROM analytics.users ORDER BY channel) AS channels
---
SELECT EXISTS(SELECT 1 FROM analytics.orders WHERE status = 'failed') AS has_failures
---
WITH recent AS (SELECT * FROM analytics.orders WHERE created_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY))
SELECT r.status, COUNT(*) AS n FROM recent r GROUP BY 1
---
SELECT u.country, x.revenue FROM analytics.users u JOIN (SELECT user_id, SUM(amount) AS revenue FROM analytics.orders GROUP BY 1) x ON x.user_id = u.user_id ORDER BY x.revenue DESC LIMIT 10
---
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT y FROM b
---
# category: set operations
SELECT user_id FROM analytics.orders WHERE status = 'refunded' UNION DISTINCT SELECT user_id FROM analytics.orders WHERE status = 'cancelled'
---
SELECT 'orders' AS source, COUNT(*) AS n FROM analytics.orders UNION ALL SELECT 'events', COUNT(*) FROM analytics.events UNION ALL SELECT 'users', COUNT(*) FROM analytics.users
---
SELECT user_id FROM analytics.orders INTERSECT DISTINCT SELECT user_id FROM analytics.events WHERE event_name = 'purchase'
---
SELECT user_id FROM analytics.users EXCEPT DISTINCT SELECT user_id FROM analytics.orders
---
(SELECT user_id FROM analytics.orders ORDER BY amount DESC LIMIT 5) UNION ALL (SELECT user_id FROM analytics.orders ORDER BY amount LIMIT 5)
---
(SELECT channel FROM analytics.users UNION DISTINCT SELECT country FROM analytics.users) EXCEPT DISTINCT (SELECT 'US')
---
SELECT status FROM analytics.orders INTERSECT ALL SELECT status FROM analytics.orders WHERE amount > 1000
---
SELECT country FROM analytics.users EXCEPT ALL SELECT country FROM analytics.users WHERE email_opt_in
---
# category: expressions
SELECT order_id, CASE WHEN amount >= 100 THEN 'large' WHEN amount >= 20 THEN 'medium' ELSE 'small' END AS size FROM analytics.orders
---
SELECT order_id, CASE status WHEN 'completed' THEN 1 WHEN 'shipped' THEN 1 ELSE 0 END AS fulfilled FROM analytics.orders
---
SELECT IF(email_opt_in, 'subscribed', 'not subscribed') AS state, COUNT(*) AS n FROM analytics.users GROUP BY 1
---
SELECT IFNULL(email, 'unknown') AS email, COALESCE(contact_number, email, 'none') AS contact, NULLIF(country, 'US') AS non_us FROM analytics.users
---
SELECT order_id FROM analytics.orders WHERE amount BETWEEN 10 AND 20 AND status NOT IN ('failed', 'cancelled')
---
SELECT user_id FROM analytics.users WHERE email LIKE '%@example.org' AND email NOT LIKE 'a%'
---
SELECT user_id FROM analytics.users WHERE email IS NULL OR contact_number IS NOT NULL
---
SELECT COUNT(*) AS n FROM analytics.users WHERE email_opt_in IS TRUE AND country IS NOT DISTINCT FROM 'US'
---
SELECT COUNT(*) AS n FROM analytics.users WHERE email_opt_in IS NOT FALSE AND channel IS DISTINCT FROM 'direct'
---
SELECT NOT email_opt_in AS opted_out, NOT (country = 'US' OR country = 'CA') AS outside_na FROM analytics.users
---
SELECT order_id, ROUND(amount * 1.0825, 2) AS with_tax, -amount AS negative, amount / 2 AS half, amount - 5 * 2 AS adjusted FROM analytics.orders
---
SELECT (amount + 1) * 2 AS a, amount + 1 * 2 AS b, -(amount - 1) AS c, 7 - (3 - 1) AS d FROM analytics.orders LIMIT 5
---
SELECT 5 & 3 AS band, 5 | 3 AS bor, 5 ^ 3 AS bxor, ~5 AS bnot, 1 << 4 AS shl, 256 >> 2 AS shr FROM analytics.config LIMIT 1
---
SELECT DIV(17, 5) AS q, MOD(17, 5) AS r, ABS(-3) AS a, SIGN(-2) AS s, POW(2, 10) AS p, SQRT(16) AS root FROM analytics.config LIMIT 1
---
SELECT CEIL(amount) AS up, FLOOR(amount) AS down, TRUNC(amount) AS t, ROUND(amount) AS r, LN(amount) AS ln_amount, LOG10(amount) AS lg, LOG(amount, 2) AS lg2 FROM analytics.orders WHERE amount > 0
---
SELECT GREATEST(1, 5, 3) AS g, LEAST(4, 2, 8) AS l, IEEE_DIVIDE(1, 4) AS q FROM analytics.config LIMIT 1
---
SELECT CAST(amount AS INT64) AS whole, CAST(amount AS STRING) AS text, SAFE_CAST(value AS INT64) AS as_number FROM analytics.orders, analytics.config LIMIT 10
---
SELECT SAFE_CAST(value AS FLOAT64) AS rate FROM analytics.config WHERE key = 'default_tax_rate'
---
SELECT CAST('2025-01-02' AS DATE) AS d, CAST(1 AS BOOL) AS b, CAST(amount AS NUMERIC(10, 2)) AS exact FROM analytics.orders LIMIT 3
---
SELECT CAST(created_at AS DATE) AS d, CAST(created_at AS STRING) AS s, CAST(TRUE AS INT64) AS one FROM analytics.users LIMIT 3
---
SELECT SAFE.LOG(amount, 10) AS safe_log FROM analytics.orders LIMIT 5
---
SELECT NUMERIC '1.25' * 4 AS n, JSON '{"a": 1}' AS j FROM analytics.config LIMIT 1
---
# category: strings
SELECT UPPER(country) AS c, LOWER(channel) AS ch, LENGTH(email) AS len, CHAR_LENGTH(email) AS chars FROM analytics.users
---
SELECT SUBSTR(email, 1, STRPOS(email, '@') - 1) AS local_part, SPLIT(email, '@')[OFFSET(1)] AS domain FROM analytics.users WHERE email IS NOT NULL
---
SELECT SPLIT(email, '@')[SAFE_OFFSET(1)] AS domain, COUNT(*) AS n FROM analytics.users GROUP BY 1 ORDER BY 2 DESC
---
SELECT CONCAT(country, '-', channel) AS segment, COUNT(*) AS n FROM analytics.users GROUP BY 1
---
SELECT country || ':' || channel AS segment FROM analytics.users LIMIT 10
---
SELECT TRIM('  padded  ') AS t, LTRIM('xxabc', 'x') AS l, RTRIM('abcyy', 'y') AS r, LPAD(key, 30, '.') AS lp, RPAD(key, 30) AS rp FROM analytics.config
---
SELECT REPLACE(contact_number, '-', '') AS digits, REVERSE(user_id) AS rev, REPEAT('*', 3) AS stars FROM analytics.users WHERE contact_number IS NOT NULL
---
SELECT STARTS_WITH(email, 'james') AS is_james, ENDS_WITH(email, '.org') AS is_org FROM analytics.users
---
SELECT user_id FROM analytics.users WHERE REGEXP_CONTAINS(email, r'^[a-z]+\.[a-z]+[0-9]+@example\.(com|org)$')
---
SELECT REGEXP_EXTRACT(email, r'@(.+)$') AS domain, REGEXP_REPLACE(contact_number, r'[^0-9]', '') AS digits FROM analytics.users
---
SELECT LEFT(user_id, 2) AS prefix, RIGHT(user_id, 3) AS suffix FROM analytics.users LIMIT 10
---
SELECT FORMAT('%s has %d orders', user_id, COUNT(*)) AS line FROM analytics.orders GROUP BY user_id LIMIT 5
---
SELECT TO_HEX(MD5(email)) AS email_hash, TO_HEX(SHA256(user_id)) AS id_hash FROM analytics.users LIMIT 5
---
SELECT FARM_FINGERPRINT(user_id) AS bucket_key FROM analytics.users LIMIT 5
---
SELECT MOD(ABS(FARM_FINGERPRINT(user_id)), 10) AS bucket, COUNT(*) AS n FROM analytics.users GROUP BY 1
---
SELECT user_id FROM analytics.users WHERE CONTAINS_SUBSTR(email, 'SMITH')
---
SELECT user_id, EDIT_DISTANCE(channel, 'organic') AS distance FROM analytics.users LIMIT 5
---
SELECT 'café' AS word, 'naïve — “quoted”' AS prose, 'emoji 😀' AS e FROM analytics.config LIMIT 1
---
# category: JSON
SELECT JSON_VALUE(properties, '$.device') AS device, COUNT(*) AS events FROM analytics.events GROUP BY device
---
SELECT JSON_EXTRACT_SCALAR(properties, '$.page') AS page, COUNT(*) AS views FROM analytics.events WHERE event_name = 'page_view' GROUP BY 1 ORDER BY 2 DESC LIMIT 10
---
SELECT JSON_VALUE(properties, '$.query') AS search_term, COUNT(*) AS searches FROM analytics.events WHERE event_name = 'search' GROUP BY 1
---
SELECT SUM(CAST(JSON_VALUE(properties, '$.value') AS FLOAT64)) AS purchase_value FROM analytics.events WHERE event_name = 'purchase'
---
SELECT SUM(SAFE_CAST(JSON_EXTRACT_SCALAR(properties, '$.value') AS NUMERIC)) AS value FROM analytics.events WHERE event_name = 'purchase'
---
SELECT JSON_EXTRACT(properties, '$.device') AS device_json, JSON_QUERY(properties, '$') AS whole FROM analytics.events LIMIT 5
---
SELECT properties['device'] AS device FROM analytics.events LIMIT 5
---
SELECT TO_JSON_STRING(STRUCT(user_id AS id, country AS country)) AS payload FROM analytics.users LIMIT 3
---
SELECT JSON_VALUE(PARSE_JSON('{"plan": "pro"}'), '$.plan') AS plan FROM analytics.config LIMIT 1
---
SELECT event_name, COUNTIF(JSON_VALUE(properties, '$.device') = 'mobile') / COUNT(*) AS mobile_share FROM analytics.events GROUP BY 1
---
# category: arrays, structs and UNNEST
SELECT [1, 2, 3] AS numbers, ARRAY<INT64>[4, 5] AS typed, ARRAY['a', 'b'] AS letters FROM analytics.config LIMIT 1
---
SELECT x FROM UNNEST([10, 20, 30]) AS x
---
SELECT x, off FROM UNNEST(['a', 'b', 'c']) AS x WITH OFFSET AS off ORDER BY off
---
SELECT n FROM UNNEST(GENERATE_ARRAY(1, 10)) n WHERE MOD(n, 2) = 0
---
SELECT u.user_id, s FROM analytics.users u CROSS JOIN UNNEST(SPLIT(u.email, '@')) AS s WHERE u.country = 'NL'
---
SELECT u.user_id, part FROM analytics.users u, UNNEST(SPLIT(u.email, '.')) AS part WITH OFFSET AS pos WHERE u.country = 'AU' AND pos = 0
---
SELECT u.user_id, p FROM analytics.users u LEFT JOIN UNNEST(SPLIT(u.contact_number, '-')) AS p WHERE u.country = 'BR'
---
SELECT status FROM analytics.orders WHERE status IN UNNEST(['refunded', 'cancelled'])
---
SELECT status FROM analytics.orders WHERE status NOT IN UNNEST(['completed'])
---
SELECT ARRAY_LENGTH(SPLIT(email, '.')) AS parts, ARRAY_TO_STRING(SPLIT(email, '@'), ' at ') AS spoken FROM analytics.users WHERE email IS NOT NULL
---
SELECT [1, 2, 3][OFFSET(0)] AS first, [1, 2, 3][ORDINAL(3)] AS last, [1, 2][SAFE_ORDINAL(5)] AS missing, [7, 8][1] AS second FROM analytics.config LIMIT 1
---
SELECT ARRAY_REVERSE([1, 2, 3]) AS r, ARRAY_CONCAT([1], [2, 3]) AS c FROM analytics.config LIMIT 1
---
SELECT STRUCT(1 AS a, 'x' AS b) AS s, STRUCT<id INT64, name STRING>(1, 'one') AS typed FROM analytics.config LIMIT 1
---
SELECT s.a, s.b FROM (SELECT STRUCT(1 AS a, 'x' AS b) AS s)
---
SELECT STRUCT(user_id AS id, email AS email).id AS id FROM analytics.users LIMIT 3
---
SELECT CAST([1, 2] AS ARRAY<INT64>) AS ints, CAST(STRUCT(1 AS a) AS STRUCT<a FLOAT64>) AS floats FROM analytics.config LIMIT 1
---
SELECT user_id, ARRAY_AGG(STRUCT(order_id, amount) ORDER BY created_at DESC LIMIT 2) AS latest FROM analytics.orders GROUP BY user_id LIMIT 10
---
SELECT status, ARRAY_LENGTH(ARRAY_AGG(order_id)) AS n FROM analytics.orders GROUP BY status
---
# category: star modifiers
SELECT * EXCEPT (email, contact_number) FROM analytics.users
---
SELECT * REPLACE (UPPER(channel) AS channel) FROM analytics.users
---
SELECT * EXCEPT (contact_number) REPLACE (LOWER(email) AS email) FROM analytics.users WHERE country = 'DE'
---
SELECT u.*, o.amount FROM analytics.users u JOIN analytics.orders o ON o.user_id = u.user_id LIMIT 10
---
SELECT o.* EXCEPT (user_id) FROM analytics.orders o WHERE o.status = 'pending'
---
# category: typical dashboard queries
SELECT DATE(timestamp) AS day, COUNT(DISTINCT user_id) AS dau FROM analytics.events GROUP BY day ORDER BY day
---
SELECT DATE_TRUNC(DATE(timestamp), WEEK) AS week, COUNT(DISTINCT user_id) AS wau FROM analytics.events GROUP BY 1 ORDER BY 1
---
SELECT DATE_TRUNC(DATE(timestamp), MONTH) AS month, COUNT(DISTINCT user_id) AS mau FROM analytics.events GROUP BY 1 ORDER BY 1
---
SELECT event_name, COUNT(*) AS events, COUNT(DISTINCT user_id) AS users FROM analytics.events GROUP BY event_name ORDER BY events DESC
---
SELECT DATE(created_at) AS day, SUM(amount) AS revenue, COUNT(*) AS orders, SAFE_DIVIDE(SUM(amount), COUNT(*)) AS aov FROM analytics.orders WHERE status IN ('completed', 'shipped') GROUP BY 1 ORDER BY 1
---
SELECT u.channel, SUM(o.amount) AS revenue, COUNT(DISTINCT o.user_id) AS buyers, SUM(o.amount) / COUNT(DISTINCT o.user_id) AS revenue_per_buyer FROM analytics.orders o JOIN analytics.users u ON u.user_id = o.user_id GROUP BY 1 ORDER BY 2 DESC
---
SELECT u.country, COUNTIF(o.status = 'refunded') / COUNT(*) AS refund_rate FROM analytics.orders o JOIN analytics.users u USING (user_id) GROUP BY u.country HAVING COUNT(*) >= 100 ORDER BY refund_rate DESC
---
WITH first_seen AS (SELECT user_id, MIN(DATE(timestamp)) AS first_day FROM analytics.events GROUP BY user_id)
SELECT first_day, COUNT(*) AS new_users FROM first_seen GROUP BY first_day ORDER BY first_day
---
WITH active AS (
  SELECT DISTINCT user_id, DATE(timestamp) AS day FROM analytics.events
)
SELECT a.day, COUNT(DISTINCT a.user_id) AS active, COUNT(DISTINCT b.user_id) AS retained_next_day
FROM active a LEFT JOIN active b ON b.user_id = a.user_id AND b.day = DATE_ADD(a.day, INTERVAL 1 DAY)
GROUP BY a.day ORDER BY a.day
---
SELECT EXTRACT(DAYOFWEEK FROM created_at) AS weekday, FORMAT_TIMESTAMP('%A', created_at) AS weekday_name, COUNT(*) AS orders FROM analytics.orders GROUP BY 1, 2 ORDER BY 1
---
SELECT channel, COUNT(*) AS signups, COUNTIF(email_opt_in) AS opted_in, ROUND(100 * COUNTIF(email_opt_in) / COUNT(*), 1) AS opt_in_pct FROM analytics.users GROUP BY channel ORDER BY signups DESC
---
SELECT status, COUNT(*) AS n, ROUND(100 * COUNT(*) / SUM(COUNT(*)) OVER (), 2) AS pct FROM analytics.orders GROUP BY status ORDER BY n DESC
---
SELECT CASE WHEN amount < 20 THEN '<20' WHEN amount < 50 THEN '20-50' WHEN amount < 100 THEN '50-100' ELSE '100+' END AS bucket, COUNT(*) AS orders FROM analytics.orders GROUP BY bucket ORDER BY MIN(amount)
---
SELECT DATE(timestamp) AS day, COUNTIF(event_name = 'error') AS errors, SAFE_DIVIDE(COUNTIF(event_name = 'error'), COUNT(*)) AS error_rate FROM analytics.events GROUP BY day ORDER BY day
---
SELECT day FROM (SELECT DATE(timestamp) AS day, COUNT(*) AS n FROM analytics.events GROUP BY 1) WHERE n = 0 OR n IS NULL
---
WITH days AS (SELECT d FROM UNNEST(GENERATE_DATE_ARRAY(DATE_SUB(CURRENT_DATE(), INTERVAL 20 DAY), DATE_SUB(CURRENT_DATE(), INTERVAL 1 DAY))) AS d)
SELECT d AS missing_day FROM days WHERE d NOT IN (SELECT DATE(timestamp) FROM analytics.events)
---
SELECT user_id, COUNT(*) AS orders, SUM(amount) AS lifetime_value FROM analytics.orders GROUP BY user_id ORDER BY lifetime_value DESC LIMIT 25
---
SELECT value AS company FROM analytics.config WHERE key = 'company_name'
---
SELECT CAST(value AS INT64) AS days FROM analytics.config WHERE key = 'refund_window_days'
---
SELECT o.status, COUNT(*) AS n FROM analytics.orders o WHERE o.created_at >= TIMESTAMP(DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)) GROUP BY 1
---
SELECT JSON_VALUE(e.properties, '$.device') AS device, u.country, COUNT(DISTINCT e.user_id) AS users FROM analytics.events e JOIN analytics.users u USING (user_id) WHERE e.event_name = 'session_start' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20
---
SELECT TIMESTAMP_TRUNC(created_at, WEEK(MONDAY)) AS week, SUM(amount) AS revenue FROM analytics.orders GROUP BY 1 ORDER BY 1
---
SELECT DATE_TRUNC(DATE(created_at), QUARTER) AS quarter, SUM(amount) AS revenue FROM analytics.orders GROUP BY 1
---
SELECT DATE_TRUNC(DATE(created_at), YEAR) AS year, COUNT(*) AS signups FROM analytics.users GROUP BY 1
---
# category: more syntax
SELECT user_id, email FROM analytics.users ORDER BY email ASC NULLS LAST, user_id DESC NULLS FIRST LIMIT 100
---
SELECT user_id, FIRST_VALUE(contact_number RESPECT NULLS) OVER (PARTITION BY country ORDER BY created_at) AS first_phone FROM analytics.users
---
SELECT CAST([STRUCT(1 AS a, 'x' AS b)] AS ARRAY<STRUCT<a INT64, b STRING>>) AS typed_rows FROM analytics.config LIMIT 1
---
SELECT t.s.nested.v AS deep FROM (SELECT STRUCT(STRUCT(7 AS v) AS nested) AS s) AS t
---
SELECT status, ARRAY(SELECT AS STRUCT order_id, amount FROM analytics.orders o WHERE o.status = s.status ORDER BY amount DESC LIMIT 3) AS top FROM (SELECT DISTINCT status FROM analytics.orders) AS s
---
SELECT ARRAY(SELECT AS VALUE channel FROM analytics.users GROUP BY channel ORDER BY channel) AS channels
---
SELECT SUM(amount) AS revenue, SAFE.SQRT(SUM(amount)) AS root_revenue FROM analytics.orders WHERE status != 'failed' AND status <> 'cancelled'
---
SELECT COUNT(*) AS n FROM `analytics.events` AS e WHERE e.event_name IN ('purchase', 'add_to_cart') AND e.timestamp >= TIMESTAMP(CURRENT_DATE()) - INTERVAL 7 DAY
---
SELECT DATE_TRUNC(CURRENT_DATE(), WEEK(SUNDAY)) AS this_week, DATE_DIFF(CURRENT_DATE(), DATE '2024-01-01', ISOWEEK) AS iso_weeks FROM analytics.config LIMIT 1
---
SELECT channel, COUNT(*) AS n FROM analytics.users GROUP BY channel ORDER BY n DESC, channel;
