namespace Autopilot.Core.Warehouse;

/// <summary>The generation script: plain SQL run inside DuckDB, pseudo-random only through <c>hash()</c>.</summary>
public static partial class DemoWarehouse
{
    // Every random choice is a pure function of (row number, salt) via DuckDB's hash(), so the same date gives the same
    // rows in the same order. Row numbers come from range() and are cast to BIGINT: a window sum yields HUGEINT, and
    // hashing HUGEINTs made the events insert five times slower. The weekday/weekend base counts below are the
    // seasonality the tests check (weekends at ~57% of weekdays), with a gentle upward trend and ±5% daily noise.
    private static IEnumerable<string> GenerationScript(DateOnly today)
    {
        yield return $"CREATE TEMP MACRO demo_today() AS DATE '{FormatDate(today)}'";
        yield return $"CREATE TEMP MACRO demo_missing_day() AS demo_today() - {MissingEventDayOffset}";
        yield return $"CREATE TEMP MACRO demo_history_days() AS {HistoryDays}";
        yield return $"CREATE TEMP MACRO demo_user_count() AS {UserCount}";
        yield return $"CREATE TEMP MACRO demo_users_since() AS demo_today() - 730";
        yield return $"CREATE TEMP MACRO demo_user_slot_us() AS 730 * 86400000000 // {UserCount}";
        // A uniform number in [0, 1) drawn from row k and a salt naming the purpose.
        yield return "CREATE TEMP MACRO u01(k, salt) AS (hash(k, salt) % 1000003) / 1000003.0";
        yield return "CREATE TEMP MACRO pick(xs, k, salt) AS list_element(xs, 1 + CAST(hash(k, salt) % len(xs) AS BIGINT))";
        // Microseconds into a day with a daily rhythm: quietest around midnight UTC, busiest around noon.
        yield return "CREATE TEMP MACRO day_us(u) AS CAST(86400000000 * (u + 0.5 * sin(2 * pi() * u) / (2 * pi())) AS BIGINT)";
        // Users are created in user_id order, one per equal slot of the 730 days; so users created before a moment
        // are exactly those with a smaller index, which lets events and orders reference only existing users.
        yield return "CREATE TEMP MACRO users_before(us) AS CAST((us - epoch_us(demo_users_since())) // demo_user_slot_us() AS BIGINT)";
        // Recent users are more active: index = known users × sqrt(u).
        yield return "CREATE TEMP MACRO active_user(us, k, salt) AS printf('u_%06d', CAST(floor(users_before(us) * sqrt(u01(k, salt))) AS BIGINT))";
        yield return "CREATE SCHEMA analytics";
        // Declared tables (not CREATE TABLE AS) so identifiers carry NOT NULL, as they would in a real warehouse.
        yield return """
            CREATE TABLE analytics.users (user_id VARCHAR NOT NULL, email VARCHAR, created_at TIMESTAMP NOT NULL,
                channel VARCHAR NOT NULL, country VARCHAR NOT NULL, contact_number VARCHAR, email_opt_in BOOLEAN NOT NULL)
            """;
        yield return """
            CREATE TABLE analytics.events (event_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL, event_name VARCHAR NOT NULL,
                "timestamp" TIMESTAMP NOT NULL, properties JSON)
            """;
        yield return """
            CREATE TABLE analytics.orders (order_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL, amount DOUBLE NOT NULL,
                status VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)
            """;
        yield return "CREATE TABLE analytics.config (key VARCHAR NOT NULL, value VARCHAR)";
        yield return Users;
        yield return Events;
        yield return Orders;
        yield return Config(today);
    }

    private const string Users = """
        INSERT INTO analytics.users
        WITH base AS (
            SELECT i, CAST(hash(i, 'name') % 4096 AS BIGINT) AS pair,
                u01(i, 'channel') AS uc, u01(i, 'country') AS uo, u01(i, 'phone') AS up
            FROM range(demo_user_count()) r(i)
        ), numbered AS (
            -- The number after name.surname counts users with that name, so emails are unique.
            SELECT *, row_number() OVER (PARTITION BY pair ORDER BY i) AS rn FROM base
        )
        SELECT
            CAST(printf('u_%06d', i) AS VARCHAR) AS user_id,
            CASE WHEN u01(i, 'email_null') < 0.02 THEN NULL ELSE
                list_element(['james','mary','john','patricia','robert','jennifer','michael','linda','william','elizabeth',
                    'david','barbara','richard','susan','joseph','jessica','thomas','sarah','charles','karen','christopher',
                    'lisa','daniel','nancy','matthew','betty','anthony','margaret','mark','sandra','donald','ashley','steven',
                    'kimberly','paul','emily','andrew','donna','joshua','michelle','kenneth','carol','kevin','amanda','brian',
                    'melissa','george','deborah','timothy','stephanie','ronald','rebecca','jason','sharon','edward','laura',
                    'jeffrey','cynthia','ryan','amy','jacob','kathleen','gary','angela'], 1 + pair // 64)
                || '.' ||
                list_element(['smith','johnson','williams','brown','jones','garcia','miller','davis','rodriguez','martinez',
                    'hernandez','lopez','gonzalez','wilson','anderson','thomas','taylor','moore','jackson','martin','lee',
                    'perez','thompson','white','harris','sanchez','clark','ramirez','lewis','robinson','walker','young','allen',
                    'king','wright','scott','torres','nguyen','hill','flores','green','adams','nelson','baker','hall','rivera',
                    'campbell','mitchell','carter','roberts','gomez','phillips','evans','turner','diaz','parker','cruz',
                    'edwards','collins','reyes','stewart','morris','morales','murphy'], 1 + pair % 64)
                || CAST(rn * 7 + CAST(hash(i, 'num') % 7 AS BIGINT) AS VARCHAR)
                || '@' || pick(['example.com','example.com','example.com','example.org','example.net'], i, 'domain')
            END AS email,
            make_timestamp(epoch_us(demo_users_since()) + CAST((i + u01(i, 'created')) * demo_user_slot_us() AS BIGINT)) AS created_at,
            CASE WHEN uc < 0.40 THEN 'organic_search' WHEN uc < 0.65 THEN 'paid_social' WHEN uc < 0.80 THEN 'direct'
                 WHEN uc < 0.90 THEN 'referral' WHEN uc < 0.96 THEN 'email' ELSE 'paid_search' END AS channel,
            CASE WHEN uo < 0.45 THEN 'US' WHEN uo < 0.57 THEN 'GB' WHEN uo < 0.66 THEN 'DE' WHEN uo < 0.74 THEN 'CA'
                 WHEN uo < 0.81 THEN 'FR' WHEN uo < 0.87 THEN 'IN' WHEN uo < 0.92 THEN 'AU' WHEN uo < 0.96 THEN 'BR'
                 WHEN uo < 0.98 THEN 'JP' ELSE 'NL' END AS country,
            -- Fictional ranges only: NANP 555-01xx and Ofcom's drama range 020 7946 0xxx.
            CASE WHEN up < 0.08 THEN NULL
                 WHEN uo >= 0.45 AND uo < 0.57 THEN '+44-20-7946-0' || lpad(CAST(hash(i, 'line') % 1000 AS VARCHAR), 3, '0')
                 ELSE '+1-' || pick(['415','212','312','646','503','617','206','512','303','404','305','702','214','602','718','808'], i, 'area')
                      || '-555-01' || lpad(CAST(hash(i, 'line') % 100 AS VARCHAR), 2, '0')
            END AS contact_number,
            u01(i, 'opt_in') < 0.35 AS email_opt_in
        FROM numbered
        ORDER BY i
        """;

    private const string Events = """
        INSERT INTO analytics.events
        WITH days AS (
            SELECT d, demo_today() - demo_history_days() + CAST(d AS INTEGER) AS day
            FROM range(demo_history_days()) r(d)
        ), counts AS (
            SELECT d, day,
                CASE WHEN day = demo_missing_day() THEN 0
                     ELSE CAST(round((CASE WHEN isodow(day) >= 6 THEN 8000 ELSE 14000 END)
                                     * (0.92 + 0.16 * d / (demo_history_days() - 1)) * (0.95 + 0.1 * u01(d, 'events_day'))) AS BIGINT) END AS n
            FROM days
        ), firsts AS (
            SELECT day, n, CAST(sum(n) OVER (ORDER BY d) - n AS BIGINT) AS first FROM counts
        ), slots AS (
            SELECT day, first + unnest(range(n)) AS i FROM firsts
        ), timed AS (
            SELECT i, u01(i, 'event_name') AS ue, u01(i, 'device') AS ud, epoch_us(day) + day_us(u01(i, 'ts')) AS us
            FROM slots
        ), named AS (
            SELECT i, us, ud,
                CASE WHEN ue < 0.40 THEN 'page_view' WHEN ue < 0.54 THEN 'session_start' WHEN ue < 0.67 THEN 'click'
                     WHEN ue < 0.76 THEN 'search' WHEN ue < 0.84 THEN 'view_item' WHEN ue < 0.90 THEN 'add_to_cart'
                     WHEN ue < 0.94 THEN 'begin_checkout' WHEN ue < 0.965 THEN 'purchase' WHEN ue < 0.98 THEN 'share'
                     WHEN ue < 0.99 THEN 'sign_out' ELSE 'error' END AS event_name
            FROM timed
        )
        SELECT
            CAST(printf('evt_%08d', i) AS VARCHAR) AS event_id,
            CAST(active_user(us, i, 'user') AS VARCHAR) AS user_id,
            CAST(event_name AS VARCHAR) AS event_name,
            make_timestamp(us) AS "timestamp",
            CAST('{"device":"' || CASE WHEN ud < 0.55 THEN 'mobile' WHEN ud < 0.93 THEN 'desktop' ELSE 'tablet' END || '"'
                || CASE event_name
                     WHEN 'page_view' THEN ',"page":"/products/' || CAST(hash(i, 'page') % 400 AS VARCHAR) || '"'
                     WHEN 'search' THEN ',"query":"' || pick(['shoes','jacket','backpack','socks','hat','gloves','scarf','boots'], i, 'query') || '"'
                     WHEN 'purchase' THEN ',"value":' || CAST(round(5 + u01(i, 'value') * 195, 2) AS VARCHAR)
                     ELSE '' END
                || '}' AS JSON) AS properties
        FROM named
        """;

    private const string Orders = """
        INSERT INTO analytics.orders
        WITH days AS (
            SELECT d, demo_today() - demo_history_days() + CAST(d AS INTEGER) AS day
            FROM range(demo_history_days()) r(d)
        ), counts AS (
            SELECT d, day,
                CAST(round((CASE WHEN isodow(day) >= 6 THEN 1550 ELSE 2500 END)
                           * (0.94 + 0.12 * d / (demo_history_days() - 1)) * (0.95 + 0.1 * u01(d, 'orders_day'))) AS BIGINT) AS n
            FROM days
        ), firsts AS (
            SELECT day, n, CAST(sum(n) OVER (ORDER BY d) - n AS BIGINT) AS first FROM counts
        ), slots AS (
            SELECT day, first + unnest(range(n)) AS i FROM firsts
        ), timed AS (
            SELECT i, u01(i, 'order_status') AS us_, epoch_us(day) + day_us(u01(i, 'order_ts')) AS us FROM slots
        )
        SELECT
            CAST(printf('ord_%07d', i) AS VARCHAR) AS order_id,
            CAST(active_user(us, i, 'order_user') AS VARCHAR) AS user_id,
            -- Log-normal amounts (median ~37) from a Box–Muller normal.
            round(exp(3.6 + 0.7 * sqrt(-2 * ln(greatest(u01(i, 'amount_a'), 1e-9))) * cos(2 * pi() * u01(i, 'amount_b'))), 2) AS amount,
            CASE WHEN us_ < 0.72 THEN 'completed' WHEN us_ < 0.81 THEN 'shipped' WHEN us_ < 0.88 THEN 'pending'
                 WHEN us_ < 0.94 THEN 'cancelled' WHEN us_ < 0.98 THEN 'refunded' ELSE 'failed' END AS status,
            make_timestamp(us) AS created_at
        FROM timed
        """;

    private static string Config(DateOnly today) => $"""
        INSERT INTO analytics.config
        SELECT * FROM (VALUES
            ('demo_generated_for', '{FormatDate(today)}'),
            ('demo_generator_version', '{GeneratorVersion}'),
            ('company_name', 'Acme Outfitters (demo)'),
            ('currency', 'USD'),
            ('reporting_timezone', 'UTC'),
            ('fiscal_year_start_month', '2'),
            ('week_start', 'monday'),
            ('session_timeout_minutes', '30'),
            ('attribution_model', 'last_touch'),
            ('attribution_window_days', '7'),
            ('default_country', 'US'),
            ('free_shipping_threshold', '50.00'),
            ('default_tax_rate', '0.0825'),
            ('max_cart_items', '50'),
            ('refund_window_days', '30'),
            ('events_retention_days', '400'),
            ('orders_retention_days', '2555'),
            ('feature_recommendations', 'enabled'),
            ('feature_wishlist', 'enabled'),
            ('feature_gift_cards', 'disabled'),
            ('checkout_version', 'v3'),
            ('search_provider', 'internal'),
            ('loyalty_points_per_dollar', '1'),
            ('support_hours', 'Mon-Fri 09:00-17:00'),
            ('data_owner_team', 'analytics-engineering')
        ) AS c(key, value)
        """;
}
